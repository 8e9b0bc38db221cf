package notes

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"newsmark/model"
)

// longArticle is a generated article of n distinct sentences, with the
// byte range of each.
func longArticle(n int) (model.Article, []model.Span) {
	var b strings.Builder
	spans := make([]model.Span, n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(" ")
			if i%5 == 0 {
				b.WriteString("\n\n")
			}
		}
		s := b.Len()
		fmt.Fprintf(&b, "Holding %d agreed to buy unit %d of Partner %d for $%d million in cash.", i, i*7%97, i%13, 10+i%400)
		spans[i] = model.Span{Start: s, End: b.Len()}
	}
	return model.Article{ID: "bench", Title: "Benchmark article", Path: "/bench.txt", Body: b.String()}, spans
}

func BenchmarkAdd(b *testing.B) {
	n, _, _ := openNotes(b)
	a, spans := longArticle(100)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sp := spans[i%len(spans)]
		h, _ := NewHighlight(a, sp.Start, sp.End, "note")
		if _, err := n.Add(ctx, h); err != nil {
			b.Fatal(err)
		}
	}
}

// seed stores one highlight per span of a, in one transaction's worth of Adds.
func seed(b *testing.B, n *Notes, a model.Article, spans []model.Span) {
	ctx := context.Background()
	for _, sp := range spans {
		h, _ := NewHighlight(a, sp.Start, sp.End, "a note about this sentence")
		h.Tags = []string{"deal"}
		if _, err := n.Add(ctx, h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForArticle3000 reads back and places an article's 3,000 highlights.
func BenchmarkForArticle3000(b *testing.B) {
	n, _, _ := openNotes(b)
	a, spans := longArticle(3000)
	seed(b, n, a, spans)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hs, err := n.ForArticle(ctx, a)
		if err != nil || len(hs) != 3000 {
			b.Fatal(len(hs), err)
		}
	}
}

// BenchmarkForArticleAmong3000 reads one article's 30 highlights from a
// database of 3,000 (100 articles).
func BenchmarkForArticleAmong3000(b *testing.B) {
	n, _, _ := openNotes(b)
	a, spans := longArticle(30)
	for k := 0; k < 100; k++ {
		a.ID, a.Path = fmt.Sprintf("art-%d", k), fmt.Sprintf("/news/%d.txt", k)
		seed(b, n, a, spans)
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		hs, err := n.ForArticle(ctx, a)
		if err != nil || len(hs) != 30 {
			b.Fatal(len(hs), err)
		}
	}
}

// BenchmarkReattachMoved places highlights whose text moved (a paragraph was
// inserted at the top), the common correction.
func BenchmarkReattachMoved(b *testing.B) {
	a, spans := longArticle(3000)
	hs := make([]model.Highlight, 0, 100)
	for _, sp := range spans[:100] {
		h, _ := NewHighlight(a, sp.Start, sp.End, "")
		hs = append(hs, h)
	}
	moved := a
	moved.Body = "Correction: an earlier version misstated a price.\n\n" + a.Body
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, h := range hs {
			if _, how := Reattach(moved, h); how != Moved {
				b.Fatal(how)
			}
		}
	}
}

// BenchmarkReattachFuzzy finds a sentence whose figure changed, in a 200 KB
// article, when its context changed too (the worst case: a full scan).
func BenchmarkReattachFuzzy(b *testing.B) {
	a, spans := longArticle(3000)
	sp := spans[2500]
	h, _ := NewHighlight(a, sp.Start, sp.End, "")
	h.Prefix, h.Suffix = "", ""
	edited := a
	edited.Body = strings.Replace(a.Body, h.Text, strings.Replace(h.Text, "in cash", "in shares", 1), 1)
	b.SetBytes(int64(len(edited.Body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, how := Reattach(edited, h); how != Fuzzy {
			b.Fatal(how)
		}
	}
}

func BenchmarkExport1000(b *testing.B) {
	a, spans := longArticle(1000)
	doc := Doc{Article: a}
	for i, sp := range spans {
		h, _ := NewHighlight(a, sp.Start, sp.End, "a note about this sentence")
		h.ID = int64(i + 1)
		doc.Highlights = append(doc.Highlights, h)
	}
	for _, f := range []Format{Markdown, JSON, CSV} {
		b.Run(string(f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, f, []Doc{doc}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
