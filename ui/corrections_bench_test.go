package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/index"
	"newsmark/internal/benchcpu"
	"newsmark/model"
	"newsmark/segment"
	"newsmark/store"
)

// benchCorrections is sample 01 repeated to about size bytes, open in the
// reader with the real annotator and corrections on a database of its own.
func benchCorrections(b *testing.B, size int) (*driver, *corrections.Service, *index.Index, model.Article) {
	b.Helper()
	var one model.Article
	for _, e := range articles.Samples().Entries {
		if strings.HasSuffix(e.Meta.Path, "01-kestrel-gulf.txt") {
			one, _ = e.Load()
		}
	}
	a := one
	var sb strings.Builder
	for sb.Len() < size {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(one.Body)
	}
	a.ID, a.Body = "bench", sb.String()
	a.Paragraphs, a.Sentences = segment.Paragraphs(a.Body), segment.Sentences(a.Body)
	db, err := store.Open(filepath.Join(b.TempDir(), store.FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	svc := corrections.New(db, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	ix := index.New(db, testIndexVersion, annotate.Article).WithCorrections(svc)
	d := &driver{t: b, m: New(Options{Library: singleLibrary(a), Annotate: annotate.Article, Theme: Dark, Corrections: svc})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	if _, ok := d.m.anns.byID[a.ID]; !ok {
		b.Fatal("not annotated")
	}
	return d, svc, ix, a
}

// BenchmarkCorrectionShown is the key that makes a correction and the frame
// after it: the menu open on the first name of the 2 MB article's first
// sentence (Kestrel Group Plc, hundreds of mentions), p makes it a person
// (c, next time, a company again). Its preview is applied in the Update;
// the background command (BenchmarkCorrectionFollows) is not run.
func BenchmarkCorrectionShown(b *testing.B) {
	d, _, _, _ := benchCorrections(b, 2<<20)
	m := d.m
	up := func(k string) {
		mm, _ := m.Update(keyPress(k))
		m = mm.(Model)
	}
	up("m")
	if m.overlay != overlayCorrect || m.correct.name().text != "Kestrel Group Plc" {
		b.Fatalf("the menu is not on Kestrel Group Plc: %q", m.correct.name().text)
	}
	up("esc")
	b.ReportAllocs()
	start := benchcpu.CPUTime()
	defer benchcpu.Report(b, start)
	i := 0
	for b.Loop() {
		up("m")
		up([]string{"p", "c"}[i%2])
		_ = m.View()
		i++
	}
	if !strings.HasPrefix(m.status, "correcting") {
		b.Fatalf("status %q", m.status)
	}
}

// BenchmarkCorrectionFollows is the background command after a correction
// on the 2 MB article: store it, read the list, annotate the article with
// it (the venture cards and quotes follow), draw-index it, and write it to
// the index.
func BenchmarkCorrectionFollows(b *testing.B) {
	d, svc, ix, a := benchCorrections(b, 2<<20)
	ctx := context.Background()
	_, rev := d.m.anns.f(a)
	if err := ix.Add(ctx, a, d.m.anns.byID[a.ID], rev); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := benchcpu.CPUTime()
	defer benchcpu.Report(b, start)
	i := 0
	for b.Loop() {
		kind := []model.EntityKind{model.Person, model.Company}[i%2]
		i++
		if _, err := svc.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: kind, Name: "Kestrel Group Plc"}); err != nil {
			b.Fatal(err)
		}
		f, rev, err := svc.Current(ctx)
		if err != nil {
			b.Fatal(err)
		}
		ann := f(a)
		buildIndex(ann, len(a.Body))
		if err := ix.Add(ctx, a, ann, rev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorrectionArrives is the frame in which the background
// command's answer comes back to the reader on the 2 MB article: the
// annotator's annotations replace the preview (marks, panel, venture
// cards), the article goes to the index queue, the correction onto the
// undo stack.
func BenchmarkCorrectionArrives(b *testing.B) {
	d, _, _, _ := benchCorrections(b, 2<<20)
	m := d.m
	up := func(msg tea.Msg) tea.Cmd {
		mm, cmd := m.Update(msg)
		m = mm.(Model)
		return cmd
	}
	up(keyPress("m"))
	var answer correctedMsg
	var find func(tea.Cmd)
	find = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				find(c)
			}
		case correctedMsg:
			answer = msg
		}
	}
	find(up(keyPress("p")))
	if answer.err != nil || answer.ann.Entities == nil {
		b.Fatalf("no answer: %v", answer.err)
	}
	b.ReportAllocs()
	start := benchcpu.CPUTime()
	defer benchcpu.Report(b, start)
	for b.Loop() {
		// a slice of its own each time, as every answer has: the quotes
		// are compared, not taken as the same
		a := answer
		a.ann.Quotes = slices.Clone(answer.ann.Quotes)
		up(a)
		_ = m.View()
	}
	if !strings.HasPrefix(m.status, "corrected") {
		b.Fatalf("status %q", m.status)
	}
}
