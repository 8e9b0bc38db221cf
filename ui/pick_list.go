package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/sanitize"
)

// pickList is a list of names narrowed by what is typed, picked from by
// keys: the correct menu's merge and split lists and the company page's.
// Its owner draws the title and acts on what key reports.
type pickList struct {
	filter  string
	choices []pickChoice
	cursor  int // into shown()
	// unfiltered: the choices are already what the filter asks for (an
	// index's answer to it), so all are shown.
	unfiltered bool
}

// pickChoice is one line of a pick list; company is the company's key on
// a company page's merge list.
type pickChoice struct{ name, note, company string }

// pickResult is what a key did to a pick list.
type pickResult int

const (
	pickMoved  pickResult = iota // moved, or a key the list does not take
	pickEdited                   // the filter changed; the cursor is back on the first
	pickBack                     // back: leave the list
	pickEmpty                    // pick with no choice shown
	pickPicked                   // pick: picked() is the choice
)

// shown are the choices the filter keeps (each of its words, in any case,
// is in the name), as indices.
func (l *pickList) shown() []int {
	var out []int
	f := strings.Fields(strings.ToLower(l.filter))
	for i, ch := range l.choices {
		if l.unfiltered || allSubstrings(strings.ToLower(ch.name), f) {
			out = append(out, i)
		}
	}
	return out
}

// key moves in the list, edits its filter (printable text, delete) or
// picks; the owner acts on back, pick and a changed filter.
func (l *pickList) key(msg tea.KeyPressMsg, keys *KeyMap) pickResult {
	ck := keys.Correct
	switch {
	case key.Matches(msg, ck.Back):
		return pickBack
	case key.Matches(msg, ck.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, ck.Down):
		l.cursor = min(l.cursor+1, max(len(l.shown())-1, 0))
	case key.Matches(msg, keys.Input.Delete):
		if _, size := utf8.DecodeLastRuneInString(l.filter); size > 0 {
			l.filter, l.cursor = l.filter[:len(l.filter)-size], 0
			return pickEdited
		}
	case key.Matches(msg, ck.Pick):
		if len(l.shown()) == 0 {
			return pickEmpty
		}
		return pickPicked
	case msg.Text != "" && sanitize.IsClean(msg.Text) && isPrintable(msg.Text):
		l.filter, l.cursor = l.filter+msg.Text, 0
		return pickEdited
	}
	return pickMoved
}

// picked is the choice under the cursor; only after key said pickPicked.
func (l *pickList) picked() pickChoice {
	shown := l.shown()
	return l.choices[shown[min(l.cursor, len(shown)-1)]]
}

// lines draws the window of at most maxPickRows shown choices that holds
// the cursor, each cut to w columns, the cursor's led by bar; none when no
// choice is shown.
func (l *pickList) lines(st *Styles, w int, bar, none string) []string {
	var lines []string
	shown := l.shown()
	first := max(0, min(l.cursor-maxPickRows+1, len(shown)-maxPickRows))
	for i := first; i < len(shown) && i < first+maxPickRows; i++ {
		ch := l.choices[shown[i]]
		lead := "  "
		if i == l.cursor {
			lead = bar
		}
		lines = append(lines, lead+ansi.Truncate(sanitize.Line(ch.name)+st.Subtle.Render("  "+ch.note), w, "…"))
	}
	if len(shown) == 0 {
		lines = append(lines, none)
	}
	return lines
}
