package annotate

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/internal/benchcpu"
	"newsmark/model"
	"newsmark/segment"
)

// benchQuoteText is news-like text of our own with quotes, speakers and
// deals, repeated to size by benchArticle.
const benchQuoteText = `Kestrel Works and Harbour Bank will form a 50-50 joint venture in Brazil to build grain silos, the companies said on Monday.

"We are delighted to join forces with a partner of this size," Ada Vane, chief executive of Kestrel Works, said in a statement. "The plant will open in 2027.

"It will employ 2,000 people from the region," she added.

The venture will spend $1.2 billion over five years. Harbour Bank bought Pine Foods in 2015 for $300 million, and it took a 20% stake in Alder Mills last year.

“Prices will keep falling for a while,” said Harbour Bank chief economist Lin Okafor at a conference. Traders call the small mills “teapots”.

Tom Reyes stressed that the bank would stay independent. "We have no need of a buyer and never will."

`

func benchArticle(size int) model.Article {
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(benchQuoteText)
	}
	return model.Article{Body: sb.String()}
}

func benchQuotesVentures(b *testing.B, size int) {
	a := benchArticle(size)
	ents := entities(a)
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		qs, es := quotes(a, ents)
		ventures(a, es, qs)
	}
}

// BenchmarkQuotesVentures1MB measures quotes and ventures alone (entities
// found once, outside the loop).
func BenchmarkQuotesVentures1MB(b *testing.B)  { benchQuotesVentures(b, 1<<20) }
func BenchmarkQuotesVentures20MB(b *testing.B) { benchQuotesVentures(b, 20<<20) }

// FuzzQuotesVentures checks that any body gives quotes and ventures whose
// offsets lie inside it, on rune boundaries, start before end.
func FuzzQuotesVentures(f *testing.F) {
	f.Add(benchQuoteText)
	f.Add(`"`)
	f.Add("“a “b” c” \"d\" said Ada Vane, and Kestrel Works bought Alder Mills.\n\n“e")
	f.Add(strings.Repeat("x", 100000))
	f.Add("שלום \"עולם\" مرحبا «عالم» 日本語の「引用」 “混合 text,” he said.")
	f.Fuzz(func(t *testing.T, body string) {
		a := model.Article{Body: body}
		ents := entities(a)
		qs, ents := quotes(a, ents)
		vs := ventures(a, ents, qs)
		ok := func(s, e int) bool {
			return s >= 0 && e <= len(body) && s < e && utf8.RuneStart(body[s]) && (e == len(body) || utf8.RuneStart(body[e]))
		}
		for _, q := range qs {
			if !ok(q.Start, q.End) || body[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote %+v", q)
			}
		}
		for _, e := range ents {
			if e.Cue != "speaker" {
				continue // the entity pass's own mentions are FuzzAnnotate's to check
			}
			for _, m := range e.Mentions {
				if !ok(m.Start, m.End) {
					t.Fatalf("bad mention %+v of %s", m, e.ID)
				}
			}
		}
		for _, v := range vs {
			if len(v.Parties) != len(v.PartyIDs) {
				t.Fatalf("parties %v ids %v", v.Parties, v.PartyIDs)
			}
			for _, s := range v.Evidence {
				if !ok(s.Start, s.End) {
					t.Fatalf("bad evidence %+v", s)
				}
			}
		}
	})
}

// qvHostileShapes stress quotes and ventures: marks only, quotes that never
// close, one endless sentence of deals, speakers and pronouns everywhere.
var qvHostileShapes = map[string]string{
	"marks":       `"“”" `,
	"unclosed":    "“Acme Corp. bought Bolt Ltd. and ",
	"deals":       "Acme Corp. and Bolt Ltd. formed a joint venture, and the deal ",
	"speakers":    "“We agree,” he said. “The company said so,” the company said. ",
	"asides":      "Acme Corp., which bought Bolt Ltd., ",
	"paragraphs":  "“Acme Corp. will buy Bolt Ltd.\n\n",
	"one-company": "It bought Acme Corp. for $1 billion. ",
}

// BenchmarkQuotesVenturesHostile runs quotes and ventures on each shape at
// 100 KB and 1 MB: the MB/s of the two sizes must stay close (linear time).
func BenchmarkQuotesVenturesHostile(b *testing.B) {
	for name, unit := range qvHostileShapes {
		for _, size := range []struct {
			label string
			n     int
		}{{"100KB", 100 << 10}, {"1MB", 1 << 20}} {
			a := model.Article{Body: strings.Repeat(unit, size.n/len(unit))}
			ents := entities(a)
			b.Run(name+"/"+size.label, func(b *testing.B) {
				b.SetBytes(int64(len(a.Body)))
				for b.Loop() {
					qs, es := quotes(a, ents)
					ventures(a, es, qs)
				}
			})
		}
	}
}

// BenchmarkQuotesVenturesSamples measures the quote and venture passes of
// Article (one shared index) on the BenchmarkAnnotate corpus, segmented as
// the loader does; the entities are found once, outside the loop.
func BenchmarkQuotesVenturesSamples(b *testing.B) {
	a := model.Article{Title: "Benchmark", Body: corpus(b, 1<<20)}
	a.Paragraphs, a.Sentences = segment.Paragraphs(a.Body), segment.Sentences(a.Body)
	ents := entities(a)
	d := newDoc(a) // read once, as Article reads it before the entities
	defer d.release()
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	start := benchcpu.CPUTime()
	n := 0
	for b.Loop() {
		d.ents, d.lower, d.lowCache, d.lowSpent = slices.Clone(ents), "", nil, 0
		d.indexMentions()
		findVentures(d, a, findQuotes(d, qFindSpans(d)), nil)
		n++
	}
	benchcpu.Throughput(b, start, int64(len(a.Body))*int64(n))
}
