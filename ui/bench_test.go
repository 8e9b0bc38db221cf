package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/model"
)

// benchReader opens an article of about size bytes (the fixture story
// repeated) at 160x45, annotated, with the Entities tab open on the most
// mentioned company. It reports the number of mentions drawn from.
func benchReader(b *testing.B, size int) (*driver, int) {
	b.Helper()
	a := fixtureArticle(b)
	one := a.Body
	var sb strings.Builder
	for sb.Len() < size {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(one)
	}
	a.Body = sb.String()
	extra := []string{"venture", "terminals", "Europe", "Netherlands", "Amsterdam", "Brussels", "port",
		"2027", "2023", "2022", "900", "4.1%", "30%", "companies", "partner"}
	annotate := func(a model.Article) model.Annotations {
		ann := fixtureAnnotations(a)
		for i, n := range extra {
			kind := []model.EntityKind{model.Company, model.Place, model.Figure}[i%3]
			ann.Entities = append(ann.Entities, model.Entity{ID: n, Kind: kind, Text: n, Mentions: spansOf(a.Body, n)})
		}
		return ann
	}
	d := &driver{t: b, m: New(Options{Library: singleLibrary(a), Annotate: annotate, Theme: Dark})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	d.keys("2") // select the most mentioned company: its mentions stand out, n walks them
	d.keys("ctrl+d", "ctrl+d")
	mentions := 0
	for _, e := range tabOf[*entitiesTab](d.m).entities {
		mentions += len(e.Mentions)
	}
	return d, mentions
}

// press measures one key press and the frame after it.
func press(b *testing.B, d *driver, keys ...string) {
	msgs := make([]tea.KeyPressMsg, len(keys))
	for i, k := range keys {
		msgs[i] = keyPress(k)
	}
	m := d.m
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mm, cmd := m.Update(msgs[i%len(msgs)])
		m = mm.(Model)
		if cmd != nil {
			if msg := cmd(); msg != nil {
				mm, _ = m.Update(msg)
				m = mm.(Model)
			}
		}
		_ = m.View()
	}
}

var benchSizes = []struct {
	name string
	size int
}{{"5KB", 5 << 10}, {"2MB", 2 << 20}}

func BenchmarkScrollKey(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, n := benchReader(b, s.size)
			if s.size > 1<<20 && n < 50000 {
				b.Fatalf("only %d mentions", n)
			}
			press(b, d, "j", "k")
		})
	}
}

func BenchmarkNextMention(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, _ := benchReader(b, s.size)
			press(b, d, "n")
		})
	}
}

func BenchmarkTabSwitch(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, _ := benchReader(b, s.size)
			press(b, d, "]")
		})
	}
}

// BenchmarkWrap is the off-key-path cost of a re-wrap (once per width).
func BenchmarkWrap(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, _ := benchReader(b, s.size)
			body := d.m.reader.article.Body
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for i := 0; i < b.N; i++ {
				Wrap(body, 96)
			}
		})
	}
}
