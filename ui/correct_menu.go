package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/corrections"
	"newsmark/model"
	"newsmark/sanitize"
)

// The correct menu: m on a highlighted name (the name at the reader's
// sentence cursor, the Entities tab's entity) asks what it is: c company,
// p person, P place, x not a name, m merge into another entity, s split a
// name out of it; . first makes the correction for this article only. On
// a selection (v) it marks a missed name as a company, person or place.
// Two keys make a correction; the root applies it (corrections_keeper.go).

// correctName is one name the menu can correct.
type correctName struct {
	entity int    // index into the article's entities; -1 for a selection
	text   string // the text pointed at: a mention's, the entity's name, the selection's
	span   model.Span
	// whole: the entity as a whole (the Entities tab), not one of its
	// mentions: x then says none of its names is a name.
	whole bool
}

// correctTarget is what m was pressed on: the names to choose from (tab
// goes to the next), or a selection.
type correctTarget struct {
	names     []correctName
	selection bool
}

// openCorrectMsg asks the root to open the correct menu on a target.
type openCorrectMsg struct{ target correctTarget }

// correctMsg asks the root to make a correction: entries in one change;
// what names it in the status bar and the undo.
type correctMsg struct {
	entries   []model.UserEntry
	what      string
	selection bool // made on a selection, which it ends
}

// correctShowMsg tells the reader which name the menu is on: it is marked
// and kept on screen (an empty span clears the mark).
type correctShowMsg struct{ span model.Span }

// closeCorrectMsg asks the root to close the menu.
type closeCorrectMsg struct{}

// The menu's modes: the main keys, or a list to pick a name from.
type correctMode int

const (
	correctMain correctMode = iota
	correctMerge
	correctSplit
)

// correctMenu is the menu drawn over the reader while open; it gets every
// key but ctrl+c.
type correctMenu struct {
	common
	article model.Article
	ann     model.Annotations
	target  correctTarget
	at      int  // the name of target.names the menu is on
	scope   bool // . was pressed: for this article only
	mode    correctMode
	list    pickList // the merge or split list: entity names or texts
	width   int
}

// open shows the menu on t for article a with its annotations.
func (c *correctMenu) open(a model.Article, ann model.Annotations, t correctTarget) request {
	*c = correctMenu{common: c.common, article: a, ann: ann, target: t, width: c.width}
	return correctShowMsg{c.name().span}
}

func (c *correctMenu) name() correctName { return c.target.names[c.at] }

// entity is the entity the menu is on, ok false for a selection.
func (c *correctMenu) entity() (model.Entity, bool) {
	n := c.name()
	if n.entity < 0 || n.entity >= len(c.ann.Entities) {
		return model.Entity{}, false
	}
	return c.ann.Entities[n.entity], true
}

// keySet is the menu's live keys.
func (c *correctMenu) keySet() KeySet {
	if c.mode == correctMain {
		return InCorrect
	}
	return InCorrectPick
}

// SetSize takes the screen's width: the box is at most 64 columns.
func (c *correctMenu) SetSize(w, _ int) tea.Cmd {
	c.width = w
	return nil
}

// Update answers a key.
func (c *correctMenu) Update(msg tea.Msg) (tea.Cmd, request) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if c.mode != correctMain {
		return nil, c.pickKey(k)
	}
	return nil, c.mainKey(k)
}

// closing closes the menu with reqs after it.
func closing(reqs ...request) request { return append(requests{closeCorrectMsg{}}, reqs...) }

func (c *correctMenu) mainKey(msg tea.KeyPressMsg) request {
	ck := c.keys.Correct
	n := c.name()
	switch {
	case key.Matches(msg, ck.Cancel):
		return closing()
	case key.Matches(msg, ck.ThisArticle):
		c.scope = !c.scope
	case key.Matches(msg, ck.NextName):
		if len(c.target.names) < 2 {
			return status("no other name in the sentence")
		}
		c.at = (c.at + 1) % len(c.target.names)
		return correctShowMsg{c.name().span}
	case key.Matches(msg, ck.Company):
		return c.mark(model.Company)
	case key.Matches(msg, ck.Person):
		return c.mark(model.Person)
	case key.Matches(msg, ck.Place):
		return c.mark(model.Place)
	case c.target.selection && matches(msg, []key.Binding{ck.NotAName, ck.Merge, ck.Split}):
		return status("a selection is marked as a name: " + firstKey(ck.Company) + " company, " + firstKey(ck.Person) +
			" person, " + firstKey(ck.Place) + " place")
	case key.Matches(msg, ck.NotAName):
		return c.notAName(n)
	case key.Matches(msg, ck.Merge):
		return c.startMerge()
	case key.Matches(msg, ck.Split):
		return c.startSplit(n)
	}
	return nil
}

// entry is e for every article, or for this one after "."
func (c *correctMenu) entry(e model.UserEntry) model.UserEntry {
	if c.scope {
		e.ArticleID = c.article.ID
	}
	return e
}

// where is what the status bar adds for the scope.
func (c *correctMenu) where() string {
	if c.scope {
		return " in this article"
	}
	return ""
}

func (c *correctMenu) mark(kind model.EntityKind) request {
	n := c.name()
	name := n.text
	if e, ok := c.entity(); ok {
		if e.Kind == kind {
			return closing(status(quoted(e.Name()) + " is a " + string(kind) + " already"))
		}
		name = e.Name() // the entity is what is named wrong, whichever of its names the cursor is on
	}
	e := c.entry(model.UserEntry{Action: model.UserMark, Kind: kind, Name: name})
	if err := corrections.Check(e); err != nil {
		return closing(failure("not corrected: " + err.Error()))
	}
	return closing(correctMsg{[]model.UserEntry{e}, string(kind) + " " + quoted(name) + c.where(), c.target.selection})
}

func (c *correctMenu) notAName(n correctName) request {
	texts := []string{n.text}
	if e, ok := c.entity(); ok && n.whole {
		texts = surfaceForms(c.article, e) // the entity as a whole: none of its names
	}
	var es []model.UserEntry
	for _, t := range texts {
		es = append(es, c.entry(model.UserEntry{Action: model.UserNever, Name: t}))
	}
	return closing(correctMsg{entries: es, what: "not a name: " + quoted(strings.Join(texts, "”, “")) + c.where()})
}

// surfaceForms are the texts an entity's mentions have, each once, its
// name first.
func surfaceForms(a model.Article, e model.Entity) []string {
	out := []string{e.Name()}
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, m := range e.Mentions {
		if m.Start >= 0 && m.End <= len(a.Body) && m.Start < m.End {
			add(a.Body[m.Start:m.End])
		}
	}
	fields := map[string]string{model.FieldTitle: a.Title, model.FieldCaption: a.Caption,
		model.FieldContributors: strings.Join(a.Contributors, ", ")}
	for _, m := range e.MetaMentions {
		if f := fields[m.Field]; m.Start >= 0 && m.End <= len(f) && m.Start < m.End {
			add(f[m.Start:m.End])
		}
	}
	return out
}

// startMerge lists the article's other names to merge the entity into.
func (c *correctMenu) startMerge() request {
	e, _ := c.entity()
	var choices []pickChoice
	for _, o := range c.ann.Entities {
		if o.Kind == model.Figure || o.Name() == e.Name() || o.Count() == 0 {
			continue
		}
		choices = append(choices, pickChoice{name: o.Name(), note: string(o.Kind)})
	}
	if len(choices) == 0 {
		return status("no other name in this article to merge " + quoted(e.Name()) + " into")
	}
	other := func(ch pickChoice) int { return btoi(ch.note != string(e.Kind)) }
	slices.SortStableFunc(choices, func(x, y pickChoice) int { return other(x) - other(y) }) // its own kind first
	c.mode, c.list = correctMerge, pickList{choices: choices}
	return nil
}

// startSplit splits the name at the cursor out of its entity, or lists
// the entity's other names to choose the one to split out.
func (c *correctMenu) startSplit(n correctName) request {
	e, _ := c.entity()
	if n.text != e.Name() && !n.whole {
		return c.split(e, n.text)
	}
	var choices []pickChoice
	for _, t := range surfaceForms(c.article, e)[1:] {
		choices = append(choices, pickChoice{name: t, note: "a name of " + e.Name()})
	}
	switch len(choices) {
	case 0:
		return status(quoted(e.Name()) + " has one name here: nothing to split out")
	case 1:
		return c.split(e, choices[0].name)
	}
	c.mode, c.list = correctSplit, pickList{choices: choices}
	return nil
}

func (c *correctMenu) split(e model.Entity, other string) request {
	en := c.entry(model.UserEntry{Action: model.UserSplit, Name: e.Name(), Other: other})
	return closing(correctMsg{entries: []model.UserEntry{en}, what: "split " + quoted(other) + " from " + quoted(e.Name()) + c.where()})
}

// pickKey takes a key of the merge or split list: enter picks, esc goes
// back to the menu.
func (c *correctMenu) pickKey(msg tea.KeyPressMsg) request {
	switch c.list.key(msg, c.keys) {
	case pickBack:
		c.mode = correctMain
	case pickEmpty:
		return status("no name matches " + quoted(c.list.filter))
	case pickPicked:
		ch := c.list.picked()
		e, _ := c.entity()
		if c.mode == correctSplit {
			return c.split(e, ch.name)
		}
		en := c.entry(model.UserEntry{Action: model.UserMerge, Name: ch.name, Other: e.Name()})
		return closing(correctMsg{entries: []model.UserEntry{en}, what: "merge " + quoted(e.Name()) + " into " + quoted(ch.name) + c.where()})
	}
	return nil
}

func isPrintable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// quoted is a name in curly quotes for the status bar, on one line.
func quoted(s string) string { return "“" + sanitize.Line(s) + "”" }

// maxPickRows is how many names of a list the box shows.
const maxPickRows = 8

// correctBoxRows is about the rows the menu's box covers at the bottom of
// the screen: the reader keeps the name it corrects above them.
const correctBoxRows = 7

// View draws the menu's box.
func (c *correctMenu) View() string {
	st := c.styles
	w := min(max(c.width-4, 24), 64)
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(st.Title.GetForeground()).
		Padding(0, 1).Width(w)
	inner := w - box.GetHorizontalFrameSize()
	ck := c.keys.Correct
	key := func(b key.Binding, label string) string { return st.Help.ShortKey.Render(firstKey(b)) + " " + label }
	n := c.name()
	var lines []string
	switch c.mode {
	case correctMain:
		head := st.Title.Render("Mark " + quoted(n.text) + " as a name")
		if e, ok := c.entity(); ok {
			head = st.Title.Render("Correct "+quoted(n.text)) + st.Subtle.Render(fmt.Sprintf(" %s, %s", e.Kind, mentions(e)))
		}
		lines = append(lines, head,
			strings.Join([]string{key(ck.Company, "company"), key(ck.Person, "person"), key(ck.Place, "place")}, "  "))
		if !c.target.selection {
			lines = append(lines, strings.Join([]string{key(ck.NotAName, "not a name"), key(ck.Merge, "merge into…"),
				key(ck.Split, "split…")}, "  "))
		}
		scope := key(ck.ThisArticle, "this article only")
		if c.scope {
			scope = st.TabActive.Render(firstKey(ck.ThisArticle) + " for this article only")
		} else {
			scope += st.Subtle.Render(" (now: every article)")
		}
		lines = append(lines, scope)
		foot := []string{key(ck.Cancel, "close")}
		if len(c.target.names) > 1 {
			foot = append([]string{key(ck.NextName, fmt.Sprintf("next name (%d/%d)", c.at+1, len(c.target.names)))}, foot...)
		}
		lines = append(lines, strings.Join(foot, "  "))
	default:
		e, _ := c.entity()
		verb := "Merge " + quoted(e.Name()) + " into:"
		if c.mode == correctSplit {
			verb = "Split out of " + quoted(e.Name()) + ":"
		}
		lines = append(lines, st.Title.Render(verb)+" "+st.Subtle.Render("filter: ")+c.list.filter+st.Cursor.Render(" "))
		lines = append(lines, c.list.lines(st, inner-2, st.Cursor.Render(" ")+" ", st.Subtle.Render("  no name matches"))...)
		pick := "merge"
		if c.mode == correctSplit {
			pick = "split out"
		}
		lines = append(lines, strings.Join([]string{key(ck.Down, "choose"), key(ck.Pick, pick), key(ck.Back, "back")}, "  "))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, inner, "…")
	}
	return box.Render(strings.Join(lines, "\n"))
}

// ShortHelp is the menu's bindings.
func (c *correctMenu) ShortHelp() []key.Binding { return c.FullHelp()[0] }

// FullHelp is every binding live in the menu, for the help overlay.
func (c *correctMenu) FullHelp() [][]key.Binding { return c.keys.helpGroups(c.keySet()) }
