package annotate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/internal/benchcpu"
	"newsmark/model"
	"newsmark/segment"
)

// checkOffsets fails when a span is outside its text, not on a rune
// boundary, or empty.
func checkOffsets(t *testing.T, what, text string, s, e int) {
	t.Helper()
	if s < 0 || e > len(text) || s >= e {
		t.Fatalf("%s span [%d,%d) outside text of %d bytes or empty", what, s, e, len(text))
	}
	if !utf8.RuneStart(text[s]) || (e < len(text) && !utf8.RuneStart(text[e])) {
		t.Fatalf("%s span [%d,%d) not on rune boundaries", what, s, e)
	}
}

func checkAnnotations(t *testing.T, a model.Article, ann model.Annotations) {
	t.Helper()
	meta := map[string]string{model.FieldTitle: a.Title, model.FieldCaption: a.Caption,
		model.FieldContributors: strings.Join(a.Contributors, ", ")}
	for _, e := range ann.Entities {
		for _, m := range e.Mentions {
			checkOffsets(t, e.ID, a.Body, m.Start, m.End)
		}
		for _, m := range e.MetaMentions {
			checkOffsets(t, e.ID+" "+m.Field, meta[m.Field], m.Start, m.End)
		}
	}
	for _, q := range ann.Quotes {
		checkOffsets(t, "quote", a.Body, q.Start, q.End)
	}
	for _, v := range ann.Ventures {
		for _, ev := range v.Evidence {
			checkOffsets(t, "venture evidence", a.Body, ev.Start, ev.End)
		}
	}
}

// fuzzSeeds are hostile shapes of text, written for the fuzzer.
var fuzzSeeds = []string{
	"",
	"\"unbalanced quote Acme Corp. said",
	"“nested ‘quotes “inside” here’ end”, Jane Doe said.",
	"”closing first“ then opening",
	strings.Repeat("x", 100000),
	strings.Repeat("A", 5000) + " Corp.",
	"...,,,;;;!!!???---((()))“”‘’''\"\"",
	"1234567890 0000 99999999999999999999999999999999999999999 1,2,3.4.5",
	strings.Repeat("9", 400) + " billion",
	"東京 ソフトバンクグループ株式会社 SoftBank Group Corp. 台積電 Taiwan Semiconductor Manufacturing Co",
	"شركة أرامكو السعودية Saudi Aramco said $3 billion عربي",
	"עברית Israel Discount Bank Ltd. \u200f\u200e RTL marks",
	"Mr. . Corp. Inc. ( ) < > (ABC <9432 $ € £ ¥ Rs. US$ 50- -50 51: :49",
	"A\nB\r\nC Holdings\n\nD Ltd.\n",
	"Acme Corp.’s unit, Acme Corp, or AC, (AC.N) <1234> 50-50 $3bn a year 2016 Monday Jan. 13",
	"\xff\xfe invalid utf8 \xc3\x28 Corp. \xe2\x82",
	"Al-Farsi al Amin De la Cruz-based Abu Dhabi-backed GM-Honda Motor",
	strings.Repeat("Acme Bolt, ", 3000),
	strings.Repeat("Mr ", 3000) + "Lee",
	strings.Repeat("Abc ", 3000),
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "Title "+s[:min(len(s), 20)])
	}
	f.Fuzz(func(t *testing.T, body, title string) {
		if !utf8.ValidString(body) || !utf8.ValidString(title) {
			// The loader hands over valid UTF-8; invalid bytes must still not panic.
			Article(model.Article{Body: body, Title: title})
			return
		}
		if n, b := len(scan(body, nil, nil)), tokenBound(body); b < n {
			t.Fatalf("tokenBound %d, below the %d tokens", b, n)
		}
		a := model.Article{Body: body, Title: title, Caption: title, Contributors: []string{title}}
		checkAnnotations(t, a, Article(a))
		sameWithoutCopy(t, a)
		if seq, par := entitiesBothWays(a); !reflect.DeepEqual(seq, par) {
			t.Fatalf("figures found alongside the names differ:\n%+v\n%+v", seq, par)
		}
	})
}

// corpus builds about size bytes of news text from the samples (or the
// seed story when the samples are not there), skipping when neither is.
func corpus(tb testing.TB, size int) string {
	tb.Helper()
	paths, _ := filepath.Glob("../articles/samples/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../shared/seed/*.txt")
	}
	var texts []string
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		tb.Skip("no sample articles to build a corpus from")
	}
	var b strings.Builder
	for b.Len() < size {
		for _, t := range texts {
			b.WriteString(t)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkAnnotate runs the whole annotator (entities, quotes, ventures).
func BenchmarkAnnotate(b *testing.B) {
	benchSizes(b, func(a model.Article) { Article(a) })
}

// BenchmarkAnnotateUserList is BenchmarkAnnotate with a user list of
// 10,000 entries (userBenchList): a list costs an article a look-up per
// word and work only where its names stand.
func BenchmarkAnnotateUserList(b *testing.B) {
	an := WithUserList(userBenchList(10000))
	benchSizes(b, func(a model.Article) { an.Article(a) })
}

// BenchmarkEntities runs the entity and figure pass alone.
func BenchmarkEntities(b *testing.B) {
	benchSizes(b, func(a model.Article) { entities(a) })
}

func benchSizes(b *testing.B, run func(model.Article)) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1MB", 1 << 20}, {"20MB", 20 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			a := model.Article{Title: "Benchmark", Body: corpus(b, size.n)}
			// as the loader hands it over: paragraphs and sentences already found
			a.Paragraphs, a.Sentences = segment.Paragraphs(a.Body), segment.Sentences(a.Body)
			b.SetBytes(int64(len(a.Body)))
			b.ReportAllocs()
			start := benchcpu.CPUTime()
			n := 0
			for b.Loop() {
				run(a)
				n++
			}
			benchcpu.Throughput(b, start, int64(len(a.Body))*int64(n))
		})
	}
}

func TestCorpusOffsets(t *testing.T) {
	t.Parallel()
	// 200 KB: past parallelTokens, so figures are found alongside the names
	a := model.Article{Title: "Corpus", Body: corpus(t, 200<<10)}
	checkAnnotations(t, a, Article(a))
}
