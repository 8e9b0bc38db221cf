package annotate

import (
	"strings"
	"testing"
)

// The lexicon's table and filter answer exactly as its map: every listed
// word with its lists, any other word (in any case) with none.
func TestLexiconLookUpsMatchTheLists(t *testing.T) {
	t.Parallel()
	for w, bits := range lex.info {
		if got := lex.get(w); got != bits {
			t.Fatalf("%q: lists %b, want %b", w, got, bits)
		}
		for _, other := range []string{strings.ToUpper(w), strings.ToLower(w), w + "s", "x" + w, w[:len(w)-1]} {
			if got := lex.get(other); got != lex.info[other] {
				t.Fatalf("%q: lists %b, want %b", other, got, lex.info[other])
			}
		}
	}
	for _, w := range strings.Fields(corpus(t, 64<<10)) {
		if got := lex.get(w); got != lex.info[w] {
			t.Fatalf("%q: lists %b, want %b", w, got, lex.info[w])
		}
	}
}

// vIsAny answers as vAny does for the word with its ASCII capitals lowered.
func TestDealWordLookUpsMatchTheList(t *testing.T) {
	t.Parallel()
	lowerASCII := func(w string) string { return string(qLowerASCII(nil, w)) }
	check := func(w string) {
		if got, want := vIsAny(w), vAny[lowerASCII(w)]; got != want {
			t.Fatalf("%q: %v, want %v", w, got, want)
		}
	}
	for w := range vAny {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "s", "x" + w, w[:len(w)-1]} {
			check(v)
		}
	}
	for _, w := range strings.Fields(corpus(t, 64<<10)) {
		check(w)
		check(strings.Trim(w, ".,;:“”\"()"))
	}
}
