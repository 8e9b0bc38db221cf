package ui

import (
	"regexp"
	"strings"
	"testing"
)

// colourSGR finds an SGR sequence that sets a colour (30–38, 40–48, 90–97,
// 100–107); bold, italic or reverse alone are not colour.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// linesAfter is the screen's lines from the first that holds s.
func linesAfter(t *testing.T, screen, s string) []string {
	t.Helper()
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, s) {
			return lines[i:]
		}
	}
	t.Fatalf("screen lacks %q:\n%s", s, screen)
	return nil
}

// A venture card kept as a note shows in the Notes tab as a card: its
// heading on a line of its own, drawn as a heading, each fact an item of a
// list; not the Markdown on one line.
func TestNotesTabShowsAKeptCardAsACard(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("1", "tab", "h", "4")
	s := e.screen()
	after := linesAfter(t, s, "— Joint venture: Polar Gate")
	var items []string
	for _, l := range after[1:] {
		if _, item, ok := strings.Cut(l, "• "); ok {
			items = append(items, strings.TrimSpace(item))
		}
	}
	if len(items) < 3 || !strings.HasPrefix(items[0], "Parties: Northwind Freight Holdings") ||
		!strings.HasPrefix(items[len(items)-1], "Status: announced") {
		t.Fatalf("the card's facts are not a list under its heading: %q\n%s", items, s)
	}
	if strings.Contains(s, "###") || strings.Contains(s, "**") || strings.Contains(s, "- **") {
		t.Fatalf("the Markdown's marks show:\n%s", s)
	}
	if !styledAround(e.raw(), "Joint venture: Polar Gate") {
		t.Fatal("the card's heading is not drawn as a heading")
	}
}

// glamour runs in a Cmd, never in Update: after a resize the Notes tab
// shows the note plain until the Cmd's drawing arrives.
func TestNotesAreDrawnInACmd(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("1", "tab", "h", "4")
	mm, cmd := e.m.Update(resize(140, 40))
	e.m = mm.(Model)
	e.mustSee("— ### Joint venture: Polar Gate") // plain, for now
	e.run(cmd)
	e.mustNotSee("###")
	e.mustSee("— Joint venture: Polar Gate")
	if got := len(tabOf[*notesTab](e.m).rendered); got != 1 {
		t.Fatalf("%d drawings cached, want the one of the current width", got)
	}
}

// Monochrome (NO_COLOR, TERM=dumb) draws notes in glamour's notty style:
// the Markdown's marks, no colour escape.
func TestMonoMarkdownHasNoColour(t *testing.T) {
	e := newNotesEnvTheme(t, singleLibrary(fixtureArticle(t)), Mono, 120, 40)
	e.keys("1", "tab", "h", "4")
	e.mustSee("— ### Joint venture: Polar Gate", "• **Parties:** Northwind Freight")
	if m := colourSGR.FindString(e.raw()); m != "" {
		t.Fatalf("the Notes tab sets a colour: %q", m)
	}
}

func TestTrimPadding(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"text   ": "text",
		"\x1b[38;2;1;2;3mword\x1b[m\x1b[38;2;1;2;3m \x1b[m\x1b[38;2;1;2;3m \x1b[m": "\x1b[38;2;1;2;3mword\x1b[m",
		"\x1b[38;2;1;2;3m\x1b[m\x1b[1m## \x1b[m\x1b[1mTitle\x1b[m":                 "\x1b[1m## \x1b[m\x1b[1mTitle\x1b[m",
		// A banner's last cell has a background: it stays.
		"\x1b[48;2;9;9;9m Title\x1b[m\x1b[48;2;9;9;9m \x1b[m": "\x1b[48;2;9;9;9m Title\x1b[m\x1b[48;2;9;9;9m \x1b[m",
		// A colour whose blue is 48 is no background.
		"x\x1b[38;2;0;0;48m \x1b[m": "x",
	} {
		if got := trimPadding(in); got != want {
			t.Errorf("trimPadding(%q) = %q, want %q", in, got, want)
		}
	}
}

// The front matter of each article of an export is drawn as written (a
// code block), not read as a rule and a heading; a rule in a note stays a
// rule.
func TestDisplayMarkdownFrontMatter(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: \"A\"\ntags:\n  - \"x\"\n---\n\n# A\n\nnote\n\n---\n\nafter a rule\n\n---\ntitle: \"B\"\n---\n\n# B\n"
	got := displayMarkdown(md)
	want := "```\n---\ntitle: \"A\"\ntags:\n  - \"x\"\n---\n```\n\n# A\n\nnote\n\n---\n\nafter a rule\n\n```\n---\ntitle: \"B\"\n---\n```\n\n# B\n"
	if got != want {
		t.Fatalf("displayMarkdown:\n%s\nwant:\n%s", got, want)
	}
}
