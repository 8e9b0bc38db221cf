package annotate

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// A word longer than a token can hold is cut into pieces that cover it, in
// order and on rune boundaries; the words around it keep their tokens.
func TestScanCutsAWordLongerThanATokenOnRuneBoundaries(t *testing.T) {
	for _, long := range []string{
		strings.Repeat("x", 150000),                // the fast path for lower-case words
		strings.Repeat("é", 40000),                 // two bytes a letter
		"A" + strings.Repeat("日本", 20000),          // three bytes a letter, capitalised
		strings.Repeat("7", 70000),                 // digits
		"Acme-" + strings.Repeat("b", maxTokenLen), // just past the limit
	} {
		text := "Before " + long + " after."
		toks := scan(text, nil)
		if len(toks) < 4 {
			t.Fatalf("%d tokens for a %d-byte word", len(toks), len(long))
		}
		if w := text[toks[0].s:toks[0].end()]; w != "Before" {
			t.Fatalf("first token %q", w)
		}
		if w := text[toks[len(toks)-2].s:toks[len(toks)-2].end()]; w != "after" {
			t.Fatalf("token after the long word %q", w)
		}
		at := len("Before ")
		for _, tk := range toks[1 : len(toks)-2] {
			if int(tk.s) != at || tk.n == 0 || !utf8.RuneStart(text[tk.s]) || !utf8.RuneStart(text[tk.end()]) {
				t.Fatalf("piece [%d,%d) of a word starting at %d", tk.s, tk.end(), at)
			}
			at = int(tk.end())
		}
		if at != len("Before ")+len(long) {
			t.Fatalf("pieces end at %d, the word at %d", at, len("Before ")+len(long))
		}
	}
}

// The fast path for lower-case words sets fFig as figFlag would, and every
// piece of a word cut in pieces has its own.
func TestScanFigFlagIsFigFlag(t *testing.T) {
	text := corpus(t, 256<<10) + " two-year a an " + strings.Repeat("x", maxTokenLen) + "an " +
		strings.Repeat("y", maxTokenLen-1) + "-two $5 €4 “quoted” US$3 A$"
	for _, tk := range scan(text, nil) {
		w := text[tk.s:tk.end()]
		if want := figFlag(tk.kind, tk.flags&^fFig, w); tk.flags != want {
			t.Fatalf("token %.20q: flags %08b, figFlag says %08b", w, tk.flags, want)
		}
	}
}

// isLetter answers the dashes, quotes and currency signs without the
// Unicode tables: none of them is a letter or a mark.
func TestIsLetterRanges(t *testing.T) {
	for _, rg := range [][2]rune{{0x2010, 0x2027}, {0x20A0, 0x20CF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				t.Errorf("%U is a letter or mark", r)
			}
		}
	}
}
