package annotate

import "testing"

// BenchmarkScan measures the tokenizer alone (flagging the figure openers
// as newDoc has it do), the floor of the annotator.
func BenchmarkScan(b *testing.B) {
	text := corpus(b, 1<<20)
	b.SetBytes(int64(len(text)))
	toks := make([]token, 0, len(text)/4)
	for b.Loop() {
		toks = scan(text, toks[:0], &scanIndex{marks: &lex.figMarks})
	}
}

// BenchmarkCalibrate is a trivial byte loop over the same corpus: a yardstick
// for how much of the shared machine the benchmarks got when they ran.
func BenchmarkCalibrate(b *testing.B) {
	text := corpus(b, 1<<20)
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		for i := 0; i < len(text); i++ {
			if text[i] == ' ' || text[i] == 'e' {
				n++
			}
		}
	}
	_ = n
}
