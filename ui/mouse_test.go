package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/annotate"
	"newsmark/articles"
)

// cellOf is the screen cell where text first appears.
func cellOf(t *testing.T, screen, text string) (x, y int) {
	t.Helper()
	for y, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, text); i >= 0 {
			return ansi.StringWidth(l[:i]), y
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, screen)
	return 0, 0
}

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func wheel(x, y int, b tea.MouseButton) tea.MouseWheelMsg {
	return tea.MouseWheelMsg{X: x, Y: y, Button: b}
}

// TestMouseMode: with mouse = true the program captures the mouse; the
// wheel over the text scrolls it, a click on a card in the panel selects
// that card, and a click on a highlighted name selects it in the Entities
// tab (its mentions counted in the status bar). Off by default: the mouse
// stays the terminal's, and its messages change nothing.
func TestMouseMode(t *testing.T) {
	t.Parallel()
	e := configEnv(t, "mouse = true\n")
	if e.m.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("mouse = true does not capture the mouse")
	}
	e.mustSee("Top")
	e.send(wheel(20, 15, tea.MouseWheelDown))
	if e.m.reader.offset != wheelLines {
		t.Fatalf("the wheel scrolled the text to line %d", e.m.reader.offset)
	}
	e.mustNotSee(" Top ")
	e.send(wheel(20, 15, tea.MouseWheelUp))
	e.mustSee("Top")

	// The second card of the Ventures tab.
	e.send(click(cellOf(t, e.screen(), "Baltic Reefer stake")))
	if v, ok := tabOf[*venturesTab](e.m).current(); !ok || v.Name != "Baltic Reefer stake" {
		t.Fatalf("the click selected %q (%v)", v.Name, ok)
	}
	if e.m.focus != focusPanel {
		t.Fatal("a click in the panel does not focus it")
	}

	// A name in the text.
	x, y := cellOf(t, e.screen(), "Kenji Arakawa said")
	e.send(click(x+2, y))
	et := tabOf[*entitiesTab](e.m)
	if i := et.selected(); i < 0 || et.entities[i].Name() != "Kenji Arakawa" {
		t.Fatalf("the click on a name selected entity %d", i)
	}
	e.mustSee("panel: Entities", "Kenji Arakawa: mention 1/1")

	// A click on plain text selects nothing new.
	x, y = cellOf(t, e.screen(), "the partners had talked")
	e.send(click(x+1, y))
	if i := et.selected(); et.entities[i].Name() != "Kenji Arakawa" {
		t.Fatal("a click on plain text changed the selection")
	}

	off := configEnv(t, "")
	if off.m.View().MouseMode != tea.MouseModeNone {
		t.Fatal("the mouse is captured by default")
	}
	off.send(wheel(20, 15, tea.MouseWheelDown))
	off.send(click(cellOf(t, off.screen(), "Baltic Reefer stake")))
	if off.m.reader.offset != 0 || off.m.focus != focusReader {
		t.Fatal("mouse messages act with mouse mode off")
	}
}

// TestMouseWheelInTheLibrary: the wheel moves the library's cursor.
func TestMouseWheelInTheLibrary(t *testing.T) {
	t.Parallel()
	d := &driver{t: t, m: New(Options{Library: fixtureLibrary(t), Annotate: fixtureAnnotations, Theme: Dark,
		Config: loadConfig(t, "mouse = true\n")})}
	d.run(d.m.Init())
	d.send(resize(100, 30))
	first, _ := d.m.library.selected()
	d.send(wheel(10, 5, tea.MouseWheelDown))
	second, _ := d.m.library.selected()
	if first.Meta.ID == second.Meta.ID {
		t.Fatal("the wheel did not move the library's cursor")
	}
	d.send(wheel(10, 5, tea.MouseWheelUp))
	if back, _ := d.m.library.selected(); back.Meta.ID != first.Meta.ID {
		t.Fatal("the wheel up did not come back")
	}
}

// TestMouseWheelInTheDeals: on the deal tracker the wheel moves the cursor
// as its own down and up keys do.
func TestMouseWheelInTheDeals(t *testing.T) {
	dir := writeDealStories(t)
	ix, _ := openTestIndex(t, testIndexVersion)
	lib := articles.Open([]string{dir}, nil)
	e := startIndexed(t, Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Index: ix,
		Config: loadConfig(t, "mouse = true\n")}, 160, 30)
	e.keys("D")
	e.mustSee("Deals · 4 deals")
	e.send(wheel(20, 5, tea.MouseWheelDown))
	e.send(wheel(20, 5, tea.MouseWheelDown))
	if e.m.deals.cursor != 2 {
		t.Fatalf("two notches down: the cursor is on row %d", e.m.deals.cursor)
	}
	e.send(wheel(20, 5, tea.MouseWheelUp))
	if e.m.deals.cursor != 1 {
		t.Fatalf("a notch up: the cursor is on row %d", e.m.deals.cursor)
	}
}
