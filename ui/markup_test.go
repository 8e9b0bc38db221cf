package ui

import (
	"context"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// markupLibrary is testdata/markup.md, our own Markdown story with an H2
// and an H3 heading, bold, italic, code and three links, loaded as the
// CLI loads it.
func markupLibrary(t *testing.T) articles.Library {
	t.Helper()
	lib := articles.Open([]string{"testdata/markup.md"}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("testdata/markup.md: %v", lib.Problems)
	}
	return lib
}

// cellsOf reads a view as a terminal would draw it: one cell per column,
// each with its attributes.
func cellsOf(view string) []uv.Line {
	return uv.NewStyledString(view).Lines(ansi.GraphemeWidth)
}

// cellsAt finds text on the screen and returns its cells.
func cellsAt(t *testing.T, lines []uv.Line, text string) []uv.Cell {
	t.Helper()
	for _, l := range lines {
		var b strings.Builder
		var at []int // the cell of each byte
		for x, c := range l {
			for range len(c.Content) {
				at = append(at, x)
			}
			b.WriteString(c.Content)
		}
		if j := strings.Index(b.String(), text); j >= 0 {
			return l[at[j] : at[j+len(text)-1]+1]
		}
	}
	t.Fatalf("%q is not on the screen", text)
	return nil
}

// allHave reports whether every non-blank cell has attribute attr (and,
// with underline, is underlined).
func allHave(cells []uv.Cell, attr uint8, underline bool) bool {
	for _, c := range cells {
		if c.Content == " " {
			continue
		}
		if c.Style.Attrs&attr != attr || underline && c.Style.Underline == ansi.UnderlineNone {
			return false
		}
	}
	return true
}

// TestMarkdownStructureDrawn: in monochrome (attributes only) the reader
// draws a level-2 heading bold and underlined, a level-3 heading bold, bold
// text bold and italic text italic, and the plain text around them plain.
func TestMarkdownStructureDrawn(t *testing.T) {
	d := newDriver(t, markupLibrary(t), Mono, 90, 30)
	if d.m.screen != screenReader {
		t.Fatal("one article did not open in the reader")
	}
	lines := cellsOf(d.raw())
	if c := cellsAt(t, lines, "What the deal covers"); !allHave(c, uv.AttrBold, true) {
		t.Errorf("the level-2 heading is not bold and underlined: %+v", c[0].Style)
	}
	if c := cellsAt(t, lines, "Who pays for the wagons"); !allHave(c, uv.AttrBold, false) || c[0].Style.Underline != ansi.UnderlineNone {
		t.Errorf("the level-3 heading is not bold without underline: %+v", c[0].Style)
	}
	if c := cellsAt(t, lines, "Hessel Foods AG"); !allHave(c, uv.AttrBold, false) {
		t.Errorf("**Hessel Foods AG** is not bold: %+v", c[0].Style)
	}
	if c := cellsAt(t, lines, "seven years"); !allHave(c, uv.AttrItalic, false) {
		t.Errorf("*seven years* is not italic: %+v", c[0].Style)
	}
	if c := cellsAt(t, lines, "Corvid Rail Plc agreed"); c[0].Style.Attrs != 0 || c[0].Style.Underline != ansi.UnderlineNone {
		t.Errorf("plain text is styled: %+v", c[0].Style)
	}
	// The Markdown syntax itself is never shown.
	d.mustNotSee("**", "## ", "](", "`CVR`")
}

// TestLinkNumbersInTextAndList: each link's number is drawn right after
// its text, as newsboat and w3m do; L lists the links under the same
// numbers with their URLs, and enter on the third opens the third.
func TestLinkNumbersInTextAndList(t *testing.T) {
	rec := &browserRecorder{}
	d := &driver{t: t, m: New(Options{Library: markupLibrary(t), Theme: Mono, Web: &Web{OpenBrowser: rec.open}})}
	d.run(d.m.Init())
	d.send(resize(90, 30))
	d.mustSee("joint statement[1].", "Corvid's filing[2].", "report[3] that")
	if c := cellsAt(t, cellsOf(d.raw()), "[3]"); !allHave(c, uv.AttrFaint, false) {
		t.Errorf("the link number is not drawn faint like other hints: %+v", c[0].Style)
	}

	d.keys("L")
	s := d.screen()
	i := strings.Index(s, "[3] annual report")
	if i < 0 {
		t.Fatalf("L does not list [3] annual report:\n%s", s)
	}
	if next := strings.SplitN(s[i:], "\n", 3)[1]; !strings.Contains(next, "https://example.com/hessel-report") {
		t.Fatalf("the line under [3] is %q, want its URL", next)
	}
	d.mustSee("[1] joint statement", "[2] Corvid's filing")
	d.keys("j", "j", "enter")
	if got := rec.got(); len(got) != 1 || got[0] != "https://example.com/hessel-report" {
		t.Fatalf("enter on [3] opened %q", got)
	}
}

// TestLinkNumbersLeaveOffsetsAlone: the numbers are drawn, not stored: the
// sentence cursor, a selection and a saved highlight over a sentence with
// a numbered link have the body's offsets and text, and the number is
// still drawn after the link inside the highlight.
func TestLinkNumbersLeaveOffsetsAlone(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ns := notes.New(db)
	d := &driver{t: t, m: New(Options{Library: markupLibrary(t), Theme: Mono, Notes: ns, ExportDir: dir})}
	d.run(d.m.Init())
	d.send(resize(90, 30))

	a := d.m.reader.article
	target := -1
	for i, s := range a.Sentences {
		if strings.Contains(a.Body[s.Start:s.End], "annual report") {
			target = i
		}
	}
	if target < 0 {
		t.Fatal("no sentence holds the link")
	}
	for range target {
		d.keys(")")
	}
	d.keys("v")
	want := a.Sentences[target]
	if got := d.m.reader.selection(); got != want {
		t.Fatalf("selection %v, want the sentence %v", got, want)
	}
	d.keys("h")
	hs, err := ns.All(context.Background())
	if err != nil || len(hs) != 1 {
		t.Fatalf("stored %v, %v", hs, err)
	}
	h := hs[0]
	if h.Start != want.Start || h.End != want.End || h.Text != a.Body[want.Start:want.End] || strings.Contains(h.Text, "[3]") {
		t.Fatalf("saved %d..%d %q, want %d..%d %q", h.Start, h.End, h.Text, want.Start, want.End, a.Body[want.Start:want.End])
	}
	if !strings.HasPrefix(h.Text, "Hessel said in its annual report that") {
		t.Fatalf("saved text %q", h.Text)
	}
	d.mustSee("report[3] that")
	// The highlight (underlined in monochrome) covers the link's text; the
	// number stays a hint of its own.
	lines := cellsOf(d.raw())
	if c := cellsAt(t, lines, "report"); !allHave(c, 0, true) {
		t.Errorf("the highlight does not cover the link's text: %+v", c[0].Style)
	}
}

// TestLinkNumberWrapsWithItsWord: the wrap leaves room for the numbers, so
// no line is wider than the text column, and a number never starts a line:
// it stays with the word it follows.
func TestLinkNumberWrapsWithItsWord(t *testing.T) {
	st := NewStyles(Mono)
	body := "Read the report now and the annex, then the long appendixwithnospaces."
	ins := []insert{{off: strings.Index(body, " now"), text: "[1]", width: 3},
		{off: strings.Index(body, ", then"), text: "[2]", width: 3},
		{off: len(body) - 1, text: "[12]", width: 4}}
	for width := 8; width <= 40; width++ {
		w := wrapWith(body, width, ins)
		d := &lineDecor{selected: -1, current: -1}
		var shown []string
		for i := range w.Lines {
			line, _ := decorate(&w, i, d, &st, nil)
			plain := ansi.Strip(line)
			if ansi.StringWidth(plain) > width {
				t.Errorf("width %d: line %q is %d wide", width, plain, ansi.StringWidth(plain))
			}
			if strings.HasPrefix(plain, "[") {
				t.Errorf("width %d: line %q starts with a link number", width, plain)
			}
			shown = append(shown, plain)
		}
		all := strings.Join(shown, " ")
		for _, want := range []string{"report[1]", "annex[2]", "[12]."} {
			if !strings.Contains(strings.ReplaceAll(all, " ", ""), strings.ReplaceAll(want, " ", "")) {
				t.Errorf("width %d: %q missing from %q", width, want, all)
			}
		}
	}
}

// TestPlainTextHasNoMarks: an article with no markup (plain text) draws
// no link numbers, even with links kept aside.
func TestPlainTextHasNoMarks(t *testing.T) {
	a := model.Article{ID: "p", Title: "Plain", Body: "See the filing [1] as printed.",
		Links: []model.Link{{Text: "the filing", URL: "https://example.com/f"}}}
	d := newDriver(t, singleLibrary(a), Mono, 80, 20)
	d.mustSee("See the filing [1] as printed.")
	if strings.Count(d.screen(), "[1]") != 1 {
		t.Fatalf("a number was added:\n%s", d.screen())
	}
}

// TestFetchedPageLinkNumbers: a web page's links are numbered in its text
// as a Markdown file's are, and L lists them under the same numbers.
func TestFetchedPageLinkNumbers(t *testing.T) {
	ws := newWebServer(t)
	d := newLive(t, webOpts(ws, "/pages/corran.html"), 100, 30)
	d.waitText("rail regulator[1]", "the filing[2].")
	d.keys("L")
	d.waitText("[1] rail regulator", "[2] the filing")
}
