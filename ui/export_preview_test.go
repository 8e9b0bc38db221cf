package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsmark/notes"
)

// x then a format shows the export as it will be written, drawn, over the
// screen; it scrolls; esc cancels with nothing written; enter goes on to
// the path, and the file written is what the preview showed.
func TestExportPreviewShowsScrollsAndCancels(t *testing.T) {
	e := harborNotes(t, 100, 16)
	e.keys("v", ")", "h", "1", "tab", "h", "tab")
	e.keys("x", "m")
	e.mustSee("preview of the Markdown export, 2 highlights", "Top", "title: \"Northwind and Kaiyo")
	e.mustNotSee("Harbour Lane Capital called") // the reader is covered
	first := func() string { return strings.Split(e.screen(), "\n")[1] }
	top := first()
	e.keys("j")
	if first() == top {
		t.Fatal("j did not scroll the preview")
	}
	e.keys("G")
	e.mustSee("## Entities", "Bot")
	e.mustNotSee("title: \"Northwind")
	e.keys("g")
	e.mustSee("Top")
	if first() != top {
		t.Fatalf("g: first line %q, want %q", first(), top)
	}
	e.keys("esc")
	e.mustSee("export cancelled: nothing written")
	if e.m.overlay != overlayNone || e.m.input.active() {
		t.Fatal("esc left the export open")
	}
	if md, _ := filepath.Glob(filepath.Join(e.dir, "*.md")); len(md) > 0 {
		t.Fatalf("esc wrote %v", md)
	}

	e.keys("x", "m")
	previewed := e.m.export.preview.source
	e.keys("enter")
	want := filepath.Join(e.dir, notes.FileName([]notes.Doc{{Article: e.m.reader.article}}, notes.Markdown))
	if !e.m.input.active() || e.m.input.value() != want {
		t.Fatalf("enter: input %v %q, want the path %q", e.m.input.active(), e.m.input.value(), want)
	}
	e.keys("enter")
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != previewed {
		t.Fatalf("the file differs from the preview:\n%s\n---\n%s", b, previewed)
	}
}

// JSON and CSV previews are the text as written, wrapped to the window.
func TestExportPreviewOfJSON(t *testing.T) {
	e := harborNotes(t, 60, 20)
	e.keys("h", "x", "j")
	e.mustSee("preview of the JSON export", `"format": "newsmark.export/1"`)
	for _, l := range strings.Split(e.screen(), "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Fatalf("a line wider than the window: %q", l)
		}
	}
}

// The preview follows the window: a new width draws it again (in a Cmd),
// and a width it was drawn at before comes from the cache.
func TestExportPreviewFollowsTheWindow(t *testing.T) {
	e := harborNotes(t, 120, 30)
	e.keys("h", "x", "m")
	wide := e.m.export.preview.lines
	e.send(resize(50, 30))
	for _, l := range strings.Split(e.screen(), "\n") {
		if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 50 {
			t.Fatalf("a line of %d cells at 50 columns: %q", w, l)
		}
	}
	e.mustSee("Northwind and Kaiyo")
	p := &e.m.export.preview
	mm, _ := e.m.Update(resize(120, 30))
	e.m = mm.(Model)
	if len(p.cache) != 2 || strings.Join(e.m.export.preview.lines, "\n") != strings.Join(wide, "\n") {
		t.Fatalf("back to 120 columns: %d drawings cached; the preview is not the first drawing", len(p.cache))
	}
}

// In monochrome the preview is glamour's notty style, with no colour.
func TestExportPreviewMono(t *testing.T) {
	e := newNotesEnvTheme(t, singleLibrary(fixtureArticle(t)), Mono, 120, 40)
	e.keys("1", "tab", "h", "x", "m")
	e.mustSee("## Ventures", "| Northwind Freight Holdings")
	if m := colourSGR.FindString(e.raw()); m != "" {
		t.Fatalf("the preview sets a colour: %q", m)
	}
}

// The preview says how far down it is as the reader and the help do: by
// the lines above the window against all that can be, so one line down
// is a few percent, not the share of the document on screen.
func TestExportPreviewPositionAsTheReaderSaysIt(t *testing.T) {
	e := harborNotes(t, 100, 16)
	e.keys("v", ")", "h", "1", "tab", "h", "tab")
	e.keys("x", "m")
	e.mustSee("preview of the Markdown export", "Top")
	p := &e.m.export.preview
	maxTop := len(p.lines) - p.height
	if maxTop < 3 {
		t.Fatalf("the preview has %d lines in %d rows: too short to scroll", len(p.lines), p.height)
	}
	e.keys("j")
	e.mustSee(fmt.Sprintf(" %d%%  ? help", max(100/maxTop, 1)))
	e.keys("G", "k")
	e.mustSee(fmt.Sprintf(" %d%%  ? help", min((maxTop-1)*100/maxTop, 99)))
}
