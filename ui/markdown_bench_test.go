package ui

import (
	"context"
	"fmt"
	"testing"

	"newsmark/notes"
)

// benchNotes opens a long article (the story 14 times) at 160x45 with a
// highlight on each of its first n sentences: every other one keeps the
// article's venture card as its note, the rest a line of note; each note
// differs (a number), so none shares another's drawing.
func benchNotes(b *testing.B, n int) *notesEnv {
	b.Helper()
	a := fixtureArticle(b)
	one := a.Body
	for i := 0; i < 13; i++ {
		a.Body += "\n\n" + one
	}
	e := newNotesEnv(b, singleLibrary(a), 160, 45)
	a = e.m.reader.article
	if len(a.Sentences) < n {
		b.Fatalf("%d sentences, want %d", len(a.Sentences), n)
	}
	card := notes.VentureCard(fixtureAnnotations(a).Ventures[0])
	for i, s := range a.Sentences[:n] {
		note := fmt.Sprintf("Check the figure against the filing (%d): last week's report gave a different amount.", i)
		if i%2 == 0 {
			note = fmt.Sprintf("%s\nKept as card %d.\n", card, i)
		}
		h, err := notes.NewHighlight(a, s.Start, s.End, note)
		if err == nil {
			_, err = e.notes.Add(context.Background(), h)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	e.send(reloadNotesMsg{})
	if got := tabOf[*notesTab](e.m).count(); got != n {
		b.Fatalf("the Notes tab lists %d highlights, want %d", got, n)
	}
	return e
}

// BenchmarkNotesTabDraw is the Notes tab with 200 notes at 160 columns:
// cold (a new renderer, nothing cached: the first time), uncached (the
// renderer built, no drawing cached: a resize or a new theme, in a Cmd)
// and cached (a save reloads the highlights: only the list is rebuilt, in
// Update, with no Cmd).
func BenchmarkNotesTabDraw(b *testing.B) {
	e := benchNotes(b, 200)
	n := tabOf[*notesTab](e.m)
	hs := n.highlights
	draw := func() {
		cmd := n.renderNotes()
		if cmd == nil {
			b.Fatal("nothing to draw")
		}
		n.Update(cmd())
	}
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			n.md, n.rendered = newMarkdownRenderers(), nil
			draw()
		}
	})
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			n.rendered = nil
			draw()
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if cmd, _ := n.Update(highlightsMsg{highlights: hs}); cmd != nil {
				b.Fatal("a reload with every note drawn asked glamour again")
			}
		}
	})
}

// BenchmarkExportPreview is the Markdown export of an article with 200
// highlights (about 60 KB) previewed at 160 columns: made (the export read
// from the database, written and drawn: the Cmd after x m), uncached (drawn
// again from the export: a new width or theme) and cached (a resize back
// to a width drawn before, and the frame).
func BenchmarkExportPreview(b *testing.B) {
	e := benchNotes(b, 200)
	e.keys("x", "m")
	p := &e.m.export.preview
	if len(p.lines) == 0 {
		b.Fatal("no preview")
	}
	b.Logf("export: %d bytes of Markdown, %d lines drawn", len(p.source), len(p.lines))
	b.Run("made", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			cmd := p.open(notes.Markdown, e.m.export.gather())
			p.Update(cmd())
		}
	})
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			clear(p.cache)
			cmd := p.redraw()
			p.Update(cmd())
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if cmd := p.SetSize(160, 44); cmd != nil {
				b.Fatal("a width drawn before asked glamour again")
			}
			_ = e.m.View()
		}
	})
}
