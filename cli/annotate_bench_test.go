package cli

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"

	"newsmark/annotate"
	"newsmark/annotate/jsonl"
	"newsmark/model"
)

// benchArticle is about 2 MB of news text from the samples, like the
// whole-process measurement in BENCHMARKS.md.
func benchArticle(b *testing.B) model.Article {
	b.Helper()
	var texts []string
	for _, p := range []string{"../articles/samples/01-kestrel-gulf.txt", "../articles/samples/02-hanbit-daeyang.txt",
		"../articles/samples/03-kitahara-brandauer.txt", "../articles/samples/04-skarv-consortium.txt",
		"../articles/samples/05-halvorsen-suryan.txt"} {
		if t, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(t))
		}
	}
	if len(texts) == 0 {
		b.Skip("no samples")
	}
	var sb strings.Builder
	for sb.Len() < 2<<20 {
		for _, t := range texts {
			sb.WriteString(t)
			sb.WriteString("\n\n")
		}
	}
	return model.Article{ID: "bench", Title: "Bench", Body: sb.String(), Path: "bench.txt"}
}

func BenchmarkAnnotateJSON(b *testing.B) {
	a := benchArticle(b)
	ann := annotate.Article(a)
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		w := bufio.NewWriter(io.Discard)
		if err := jsonl.Write(w, a, ann); err != nil {
			b.Fatal(err)
		}
		w.Flush()
	}
}
