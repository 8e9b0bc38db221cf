package ui

import (
	"context"
	"image/color"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// openFixture opens the fixture story alone, so it goes straight to the reader.
func openFixture(t *testing.T, w, h int) *driver {
	t.Helper()
	a := fixtureArticle(t)
	return newDriver(t, articles.Library{Entries: []articles.Entry{{Meta: a}}}, Dark, w, h)
}

func TestLibraryNewestFirstOpenAndBack(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 80, 24)
	s := d.screen()
	iSun, iNorth, iOrbit := strings.Index(s, "Sunline"), strings.Index(s, "Northwind and Kaiyo"), strings.Index(s, "Orbit")
	if !(iSun < iNorth && iNorth < iOrbit) {
		t.Fatalf("library not newest first:\n%s", s)
	}
	d.mustSee("broken.bin: binary file", "3 articles", "5 companies · 2 ventures")
	d.keys("j", "enter")
	d.mustSee("Northwind Freight Holdings and Kaiyo Shipping Co. said on Tuesday", "By Ada Byrne", "4 Mar 2025")
	d.keys("esc")
	d.mustSee("3 articles", "Orbit Foods")
	d.keys("G", "enter")
	d.mustSee("Orbit Foods Inc. agreed to buy Meadow Dairy Ltd")
}

func TestLibraryFuzzyFilter(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 80, 24)
	d.keys("/", "d", "a", "i", "r", "y")
	d.mustSee("Orbit Foods", "filter: /dairy")
	d.mustNotSee("Sunline")
	d.keys("enter")
	d.mustSee("1 article matching “dairy”")
	d.keys("enter")
	d.mustSee("Meadow Dairy Ltd for $80 million.")
	d.keys("esc", "esc")
	d.mustSee("Sunline", "Orbit", "3 articles")
	d.keys("/", "z", "z", "z", "q")
	d.mustSee("no article matches")
	if d.quit {
		t.Fatal("q typed into the filter quit the program")
	}
	d.keys("esc")
	d.mustSee("Sunline")
}

// longFixture repeats the story so it scrolls several pages.
func longFixture(t *testing.T, w, h int) *driver {
	t.Helper()
	a := fixtureArticle(t)
	for i := 0; i < 5; i++ {
		a.Body += "\n\n" + fixtureArticle(t).Body
	}
	a.Body += "\n\nTHE END OF THE STORY."
	return newDriver(t, articles.Library{Entries: []articles.Entry{{Meta: a}}}, Dark, w, h)
}

func firstBodyLine(d *driver) int { return d.m.reader.offset }

func TestReaderScrollKeys(t *testing.T) {
	d := longFixture(t, 100, 30)
	d.keys("s") // panel off: whole width for the text
	page := d.m.reader.bodyHeight()
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"up", 0},
		{"space", page}, {"pgdown", 2 * page}, {"b", page}, {"pgup", 0},
		{"ctrl+d", page / 2}, {"ctrl+u", 0},
		{"G", d.m.reader.maxOffset()}, {"j", d.m.reader.maxOffset()}, {"g", 0}, {"end", d.m.reader.maxOffset()}, {"home", 0},
	}
	for _, s := range steps {
		d.keys(s.key)
		if got := firstBodyLine(d); got != s.want {
			t.Fatalf("after %q top line = %d, want %d", s.key, got, s.want)
		}
	}
	d.mustSee("Top")
	d.keys("G")
	d.mustSee("THE END OF THE STORY.", "Bot")
}

func TestReaderResizeRewraps(t *testing.T) {
	d := longFixture(t, 220, 60)
	widest := func() int {
		n := 0
		for i := range d.m.reader.wrapped.Lines {
			n = max(n, textWidth(d.m.reader.wrapped.Text(i)))
		}
		return n
	}
	if d.m.reader.wrapped.Width != d.m.reader.bodyWidth() {
		t.Fatalf("wrapped at %d, pane body is %d", d.m.reader.wrapped.Width, d.m.reader.bodyWidth())
	}
	wide := widest()
	d.keys("j", "j", "j")
	top := d.m.reader.wrapped.Lines[d.m.reader.offset].Start
	d.send(resize(60, 20))
	if w := widest(); w > 58 || w >= wide {
		t.Fatalf("after resize to 60 the widest line is %d cells (was %d)", w, wide)
	}
	if got := d.m.reader.wrapped.Lines[d.m.reader.offset]; !(got.Start <= top && top <= got.End+1) {
		t.Fatalf("resize lost the reading position: top byte %d now on line %+v", top, got)
	}
	for _, l := range strings.Split(d.screen(), "\n") {
		if textWidth(l) > 60 {
			t.Fatalf("line wider than 60: %q", l)
		}
	}
	if n := strings.Count(d.screen(), "\n") + 1; n != 20 {
		t.Fatalf("view is %d lines high at 60x20", n)
	}
	d.mustSee("reader")
}

func TestHelpBackQuit(t *testing.T) {
	d := openFixture(t, 100, 30)
	d.keys("?")
	d.mustSee("Keys: reader", "half page down", "companies on/off", "next match / mention")
	d.keys("c") // keys other than scrolling, help, esc and q do nothing under the overlay
	d.mustSee("Keys: reader")
	d.keys("esc")
	d.mustNotSee("Keys: reader")
	d.mustSee("Northwind Freight Holdings and Kaiyo")
	d.keys("esc")
	d.mustSee("1 article")
	d.keys("?")
	d.mustSee("Keys: library", "filter by title words")
	d.keys("?", "q")
	if !d.quit {
		t.Fatal("q did not quit")
	}
}

var sgrRE = regexp.MustCompile(`^\x1b\[([0-9;:]*)m`)

// styledAround reports whether some occurrence of name on screen is drawn
// wholly inside SGR styling (any attribute or colour).
func styledAround(raw, name string) bool {
	var plain strings.Builder
	var styled []bool
	on := false
	for i := 0; i < len(raw); {
		if m := sgrRE.FindStringSubmatch(raw[i:]); m != nil {
			on = m[1] != "" && m[1] != "0"
			i += len(m[0])
			continue
		}
		plain.WriteByte(raw[i])
		styled = append(styled, on)
		i++
	}
	p := plain.String()
	for off := 0; ; {
		j := strings.Index(p[off:], name)
		if j < 0 {
			return false
		}
		all := true
		for k := off + j; k < off+j+len(name); k++ {
			if p[k] != ' ' && p[k] != '\n' && !styled[k] {
				all = false
			}
		}
		if all {
			return true
		}
		off += j + 1
	}
}

func TestHighlightToggles(t *testing.T) {
	d := openFixture(t, 160, 45)
	d.keys("s") // the panel names entities too: hide it
	cases := []struct{ key, text string }{
		{"c", "Harbour Lane Capital"}, {"p", "Kenji Arakawa"}, {"P", "Japan"}, {"f", "€210 million"},
		{"Q", "\"Rotterdam is the door"},
	}
	for _, c := range cases {
		if !styledAround(d.raw(), c.text) {
			t.Fatalf("%q is not highlighted at start:\n%q", c.text, d.raw())
		}
		d.keys(c.key)
		if styledAround(d.raw(), c.text) {
			t.Fatalf("%q still highlighted after %s", c.text, c.key)
		}
		d.keys(c.key)
		if !styledAround(d.raw(), c.text) {
			t.Fatalf("%q not highlighted again after second %s", c.text, c.key)
		}
	}
	d.keys("t")
	for _, c := range cases {
		if styledAround(d.raw(), c.text) {
			t.Fatalf("%q highlighted with all off", c.text)
		}
	}
	d.keys("t")
	if !styledAround(d.raw(), "Harbour Lane Capital") {
		t.Fatal("t did not turn highlights back on")
	}
}

// TestHighlightAcrossLines: a name broken over two lines is styled on both.
func TestHighlightAcrossLines(t *testing.T) {
	a := model.Article{ID: "x", Title: "T", Body: "Shares in Harbour Lane Capital rose."}
	lib := articles.Library{Entries: []articles.Entry{{Meta: a}}}
	d := &driver{t: t, m: New(Options{Library: lib, Theme: Dark, Annotate: func(a2 model.Article) model.Annotations {
		return annWith(a2.Body, "Harbour Lane Capital")
	}})}
	d.run(d.m.Init())
	d.send(resize(24, 12))
	d.keys("s") // body width 22: "Shares in Harbour Lane" | "Capital rose."
	raw := d.raw()
	if !styledAround(raw, "Harbour Lane") || !styledAround(raw, "Capital") || styledAround(raw, "rose") {
		t.Fatalf("name broken over lines not styled on both:\n%q", raw)
	}
}

func TestPanelTabsFocusAndJump(t *testing.T) {
	d := openFixture(t, 160, 20)
	d.mustSee("1 Ventures (2)", "Joint venture · announced", "Parties: Northwind Freight Holdings, Kaiyo Shipping Co.", "Stake: 50-50")
	s := d.screen()
	if strings.Index(s, "Joint venture · announced") > strings.Index(s, "Investment · background") {
		t.Fatal("announced venture card is not first")
	}
	d.keys("2")
	d.mustSee("Companies", "Kaiyo Shipping Co. ×", "found by: suffix")
	if d.m.focus != focusReader {
		t.Fatal("2 moved focus")
	}
	d.keys("]")
	d.mustSee("Elena Marsh (4)", "Kenji Arakawa (1)")
	d.keys("]")
	d.mustSee("No highlights yet", "in the reader press")
	d.keys("]")
	d.mustSee("Stake: 50-50")
	d.keys("[")
	d.mustSee("No highlights yet")
	d.keys("1", "tab")
	d.mustSee("panel: Ventures")
	// Down moves the card cursor, not the reader.
	d.keys("G")
	d.keys("j", "enter") // the background card: its evidence is further down
	if d.m.reader.offset == 0 {
		t.Fatal("enter on the second card did not scroll the reader")
	}
	d.mustSee("The agreement follows Northwind's 2023 purchase")
	if !strings.Contains(d.raw(), "") || len(d.m.reader.decor.marks) != 1 {
		t.Fatalf("evidence not marked: %v", d.m.reader.decor.marks)
	}
	d.keys("tab")
	d.mustSee(" reader ")
}

func TestEntitiesMentionsAndFilter(t *testing.T) {
	d := openFixture(t, 160, 45)
	d.keys("2", "tab")
	d.mustSee("found by: suffix")
	first := tabOf[*entitiesTab](d.m).selected()
	if first < 0 || d.m.reader.decor.selected != int32(first) {
		t.Fatalf("selected entity %d not passed to the reader (%d)", first, d.m.reader.decor.selected)
	}
	want := len(tabOf[*entitiesTab](d.m).entities[first].Mentions)
	d.keys("enter")
	d.mustSee("mention 1/" + itoa(want))
	d.keys("n", "n")
	d.mustSee("mention 3/" + itoa(want))
	d.keys("N")
	d.mustSee("mention 2/" + itoa(want))
	d.keys("/", "m", "a", "r", "s")
	d.mustSee("Elena Marsh ×", "filter entities: /mars")
	d.mustNotSee("Kaiyo Shipping Co. ×")
	d.keys("enter")
	if name := tabOf[*entitiesTab](d.m).entities[tabOf[*entitiesTab](d.m).selected()].Name(); name != "Elena Marsh" {
		t.Fatalf("filtered selection is %q", name)
	}
	d.keys("esc")
	d.mustSee("Kaiyo Shipping Co. ×")
}

func TestSearchInReader(t *testing.T) {
	d := longFixture(t, 160, 45)
	d.keys("/", "k", "a", "i", "y", "o", "enter")
	n := strings.Count(strings.ToLower(d.m.reader.article.Body), "kaiyo")
	d.mustSee("“kaiyo” 1/" + itoa(n))
	d.keys("n", "n")
	d.mustSee("“kaiyo” 3/" + itoa(n))
	d.keys("N", "N", "N")
	d.mustSee("“kaiyo” " + itoa(n) + "/" + itoa(n))
	d.keys("esc")
	d.mustNotSee("“kaiyo”")
	d.mustSee("Northwind") // esc closed the search, not the article
	d.keys("/", "z", "q", "x", "enter")
	d.mustSee("“zqx” 0/0")
}

func TestPanelHidesAndGoesBelow(t *testing.T) {
	d := openFixture(t, 160, 45)
	d.mustSee("1 Ventures")
	d.keys("s")
	d.mustNotSee("1 Ventures")
	d.keys("s")
	d.send(resize(80, 24))
	if !d.m.panel.below {
		t.Fatal("panel not below the reader at 80 columns")
	}
	s := strings.Split(d.screen(), "\n")
	tabs := -1
	for i, l := range s {
		if strings.Contains(l, "1 Ventures") {
			tabs = i
		}
	}
	if tabs < 8 {
		t.Fatalf("tab bar on line %d, want below the text:\n%s", tabs, d.screen())
	}
}

func TestAnnotationArrivesAfterText(t *testing.T) {
	a := fixtureArticle(t)
	m := New(Options{Library: articles.Library{Entries: []articles.Entry{{Meta: a}}}, Annotate: fixtureAnnotations, Theme: Dark})
	mm, _ := m.Update(resize(100, 30))
	m = mm.(Model)
	mm, _ = m.Update(articleLoadedMsg{gen: m.gen, article: a})
	m = mm.(Model)
	mm, _ = m.Update(wrappedMsg{gen: m.gen, wrapped: Wrap(a.Body, m.reader.bodyWidth())})
	m = mm.(Model)
	d := &driver{t: t, m: m}
	d.mustSee("annotating…", "Northwind Freight Holdings and Kaiyo")
	d.send(annotatedMsg{gen: m.gen, id: a.ID, ann: fixtureAnnotations(a), index: buildIndex(fixtureAnnotations(a), len(a.Body)), next: -1})
	d.mustNotSee("annotating…")
	d.mustSee("c company")
	// A result for an older open is dropped.
	d.send(wrappedMsg{gen: m.gen - 1, wrapped: Wrap("stale", 10)})
	d.mustSee("Northwind Freight Holdings and Kaiyo")
}

func TestThemeFollowsTerminalUnlessChosen(t *testing.T) {
	white := tea.BackgroundColorMsg{Color: color.White}
	a := fixtureArticle(t)
	d := newDriver(t, singleLibrary(a), "", 100, 30)
	dark := d.raw()
	d.send(white)
	if d.m.styles.Theme != Light || d.raw() == dark {
		t.Fatalf("auto theme did not switch to light on a white background (theme %s)", d.m.styles.Theme)
	}
	d = newDriver(t, singleLibrary(a), Dark, 100, 30)
	d.send(white)
	if d.m.styles.Theme != Dark {
		t.Fatal("--theme dark was overridden by the terminal's answer")
	}
}

// TestMonoHasNoColour: the monochrome theme draws highlights with
// attributes only.
func TestMonoHasNoColour(t *testing.T) {
	d := newDriver(t, singleLibrary(fixtureArticle(t)), Mono, 120, 40)
	raw := d.raw()
	if strings.Contains(raw, "38;2;") || strings.Contains(raw, "48;2;") {
		t.Fatal("mono view has colour sequences")
	}
	d.keys("s")
	if !styledAround(d.raw(), "Harbour Lane Capital") {
		t.Fatal("mono view does not mark a company")
	}
}

func TestResizeBackReusesWrap(t *testing.T) {
	d := longFixture(t, 120, 40)
	first := d.m.reader.wrapped
	d.send(resize(70, 40))
	if d.m.reader.wrapped.Width == first.Width {
		t.Fatal("no re-wrap at the new width")
	}
	// Back to the first width: the kept wrap comes back without a Cmd.
	mm, cmd := d.m.Update(resize(120, 40))
	d.m = mm.(Model)
	if cmd != nil {
		if _, ok := cmd().(wrappedMsg); ok {
			t.Fatal("re-wrapped a width already wrapped")
		}
	}
	if d.m.reader.wrapped.Width != first.Width || len(d.m.reader.wrapped.Lines) != len(first.Lines) {
		t.Fatalf("kept wrap not used: width %d", d.m.reader.wrapped.Width)
	}
}

func TestSingleArticleWithProblemsSaysSo(t *testing.T) {
	lib := singleLibrary(fixtureArticle(t))
	lib.Problems = []articles.Problem{{Path: "a.bin", Reason: "binary file"}, {Path: "b.txt", Reason: "empty file"}}
	d := newDriver(t, lib, Dark, 100, 30)
	d.mustSee("2 inputs could not be read")
	d.keys("esc")
	d.mustSee("a.bin: binary file", "b.txt: empty file")
}

// TestNotesTabShowsHighlights: the highlights stored for an article are
// listed in the Notes tab, drawn in the text, and enter jumps to one; one
// whose passage has since been edited away is listed as an orphan, not drawn.
func TestNotesTabShowsHighlights(t *testing.T) {
	a := fixtureArticle(t)
	a.Body += strings.Repeat("\n\nFiller paragraph that pushes the end of the story down the screen.", 30) +
		"\n\nThe closing line we kept."
	dir := t.TempDir()
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n := notes.New(db)
	keep := func(a model.Article, text, note string) {
		s := spansOf(a.Body, text)[0]
		h, err := notes.NewHighlight(a, s.Start, s.End, note)
		if err == nil {
			_, err = n.Add(context.Background(), h)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	keep(a, "The closing line we kept.", "check the date")
	// An earlier text of the story held a sentence the current one lacks.
	old := a
	old.Body += "\n\nA sentence since edited away, which no fuzzy match can find again."
	keep(old, "A sentence since edited away, which no fuzzy match can find again.", "")
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: Dark, Annotate: fixtureAnnotations, Notes: n})}
	d.run(d.m.Init())
	d.send(resize(160, 30))
	d.keys("4")
	d.mustSee("4 Notes (2)", "The closing line we kept.", "— check the date", "not found in the current text")
	d.keys("tab", "enter")
	if d.m.reader.offset == 0 {
		t.Fatal("enter on a highlight did not scroll to it")
	}
	d.keys("tab", "s")
	if !styledAround(d.raw(), "The closing line we kept.") {
		t.Fatal("the kept passage is not drawn in the text")
	}
}

func TestLibraryFooterCapsProblems(t *testing.T) {
	lib := fixtureLibrary(t)
	for i := 0; i < 5; i++ {
		lib.Problems = append(lib.Problems, articles.Problem{Path: "bad" + itoa(i) + ".txt", Reason: "empty file"})
	}
	d := newDriver(t, lib, Dark, 80, 24)
	d.mustSee("broken.bin: binary file", "bad0.txt: empty file", "bad1.txt", "… and 3 more (all on stderr)")
	d.mustNotSee("bad4.txt")
	// Problems never push the articles off: all three still listed.
	d.mustSee("Sunline", "Orbit", "Northwind and Kaiyo")
}

func TestWindowTitleNamesTheArticle(t *testing.T) {
	d := openFixture(t, 100, 30)
	if got := d.m.View().WindowTitle; !strings.HasPrefix(got, "Northwind and Kaiyo") {
		t.Fatalf("window title %q", got)
	}
}

func TestVentureWithoutEvidenceSaysSo(t *testing.T) {
	a := fixtureArticle(t)
	ann := model.Annotations{Ventures: []model.Venture{{Kind: model.Partnership, Status: model.Announced, Parties: []string{"A", "B"}}}}
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: Dark,
		Annotate: func(model.Article) model.Annotations { return ann }})}
	d.run(d.m.Init())
	d.send(resize(160, 30))
	d.keys("tab", "enter")
	d.mustSee("no evidence span")
	if d.m.reader.offset != 0 {
		t.Fatal("scrolled without evidence")
	}
}

// TestLibraryFilterRanksWordsFirst: on the embedded samples "kes" finds
// the Kestrel story (a word starting so), not every sample whose title
// holds a k, an e and an s somewhere; a close misspelling still finds its
// story, and matches by word come before looser ones.
func TestLibraryFilterRanksWordsFirst(t *testing.T) {
	d := newDriver(t, articles.Samples(), Dark, 120, 40)
	d.mustSee(plural(len(articles.Samples().Entries), "article", "articles"))
	d.keys("/", "k", "e", "s", "enter")
	d.mustSee("1 article matching “kes”", "Kestrel Group")
	d.mustNotSee("Kitahara", "Halvorsen", "Hanbit")

	d.keys("/", "ctrl+u", "h", "a", "l", "v", "r", "s", "e", "n", "enter") // "halvrsen": one letter short
	d.mustSee("1 article matching “halvrsen”", "Halvorsen Therapeutics")

	// "ha": the stories with a word starting "ha" come first (Halvorsen,
	// Halcyon, Hanbit), any other holding "ha" after them (Kitahara).
	d.keys("/", "ctrl+u", "h", "a", "enter")
	s := d.screen()
	for _, first := range []string{"Halvorsen", "Halcyon", "Hanbit"} {
		if i, j := strings.Index(s, first), strings.Index(s, "Kitahara"); i < 0 || j >= 0 && j < i {
			t.Fatalf("%q should be listed before Kitahara:\n%s", first, s)
		}
	}
}
