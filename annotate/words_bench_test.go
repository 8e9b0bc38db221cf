package annotate

import (
	"testing"

	"newsmark/model"
)

// BenchmarkWords reads every sentence of the corpus as words; the byte
// tokenizer (BenchmarkWordsBytes) is the yardstick.
func BenchmarkWords(b *testing.B) {
	a := model.Article{Body: corpus(b, 1<<20)}
	d := newDoc(a)
	defer d.release()
	b.SetBytes(int64(len(a.Body)))
	var out []qTok
	for b.Loop() {
		for _, s := range d.sents {
			out = d.words(s.Start, s.End, out[:0])
		}
	}
}

func BenchmarkWordsBytes(b *testing.B) {
	a := model.Article{Body: corpus(b, 1<<20)}
	d := newDoc(a)
	defer d.release()
	b.SetBytes(int64(len(a.Body)))
	var out []qTok
	for b.Loop() {
		for _, s := range d.sents {
			out = refTokens(d.body, s.Start, s.End, out[:0])
		}
	}
}
