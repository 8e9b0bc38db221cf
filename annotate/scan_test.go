package annotate

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
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
		toks := scan(text, nil, nil)
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

// The fast path for lower-case words flags a token as mark would, and every
// piece of a word cut in pieces is asked on its own.
func TestScanMarksAsMarkDoes(t *testing.T) {
	text := corpus(t, 256<<10) + " two-year a an " + strings.Repeat("x", maxTokenLen) + "an " +
		strings.Repeat("y", maxTokenLen-1) + "-two $5 €4 “quoted” US$3 A$"
	for _, tk := range scan(text, nil, &scanIndex{marks: &lex.figMarks}) {
		w := text[tk.s:tk.end()]
		if want := lex.figMarks.mark(tk.kind, tk.flags&^fMark, w); tk.flags&fMark != want {
			t.Fatalf("token %.20q: flags %08b, mark says %08b", w, tk.flags, want)
		}
	}
}

// A big text's scan lists nothing as it goes (unlisted); flaggedTokens lists
// afterwards the same capitalised words and marked tokens, and the tokens
// are the same.
func TestFlaggedTokensListAsScanDoes(t *testing.T) {
	text := corpus(t, 256<<10) + " two-year a an " + strings.Repeat("X", maxTokenLen) + "an " +
		strings.Repeat("y", maxTokenLen-1) + "-two $5 €4 “quoted” US$3 A$ Acme"
	listed := &scanIndex{marks: &lex.figMarks}
	toks := scan(text, nil, listed)
	unlisted := &scanIndex{marks: &lex.figMarks, unlisted: true}
	if got := scan(text, nil, unlisted); !slices.Equal(got, toks) || unlisted.caps != nil || unlisted.marked != nil {
		t.Fatalf("unlisted: %d tokens (%d listed), %d capitals and %d marks listed", len(got), len(toks), len(unlisted.caps), len(unlisted.marked))
	}
	caps, marked := flaggedTokens(toks)
	if !slices.Equal(caps, listed.caps) || !slices.Equal(marked, listed.marked) || len(caps) < 1000 || len(marked) < 1000 {
		t.Fatalf("flaggedTokens: %d capitals and %d marks, scan listed %d and %d", len(caps), len(marked), len(listed.caps), len(listed.marked))
	}
}

// The doc marks as figure openers exactly the tokens opensFigure accepts,
// in the body and in the fields after it, and every piece of a word cut in
// pieces is asked on its own.
func TestDocFigureOpenersAreOpensFigure(t *testing.T) {
	body := corpus(t, 256<<10) + " two-year a an " + strings.Repeat("x", maxTokenLen) + "an " +
		strings.Repeat("y", maxTokenLen-1) + "-two $5 €4 “quoted” US$3 A$"
	d := newDoc(model.Article{Body: body, Title: "Acme pays $3 billion, two sources say"})
	defer d.release()
	k, pieces := 0, 0
	for i, tk := range d.toks {
		w := d.text.slice(int(tk.s), int(tk.end()))
		want := opensFigure(tk.kind, tk.flags, w)
		if got := tk.flags&fMark != 0; got != want {
			t.Fatalf("token %.20q: fMark %v, opensFigure says %v", w, got, want)
		}
		if want {
			if k >= len(d.figs) || int(d.figs[k]) != i {
				t.Fatalf("token %d %.20q opens a figure but is not listed", i, w)
			}
			k++
		}
		if i > 0 && d.toks[i-1].n == maxTokenLen && d.toks[i-1].end() == tk.s && want {
			pieces++
		}
	}
	if k != len(d.figs) || pieces == 0 {
		t.Fatalf("%d openers listed, %d found; %d long pieces open one", len(d.figs), k, pieces)
	}
	// and the capitalised words, and each block's first token, as scan listed them
	var caps []int32
	for i, tk := range d.toks {
		if tk.kind == kWord && tk.flags&fCap != 0 {
			caps = append(caps, int32(i))
		}
	}
	if !slices.Equal(caps, d.caps) {
		t.Fatalf("%d capitals listed, %d in the tokens", len(d.caps), len(caps))
	}
	if len(d.blocks) != len(body)>>blockBits+1 {
		t.Fatalf("%d blocks for %d bytes", len(d.blocks), len(body))
	}
	for b, first := range d.blocks {
		at := b << blockBits
		want := sort.Search(len(d.toks), func(i int) bool { return int(d.toks[i].end()) > at })
		if int(first) != want {
			t.Fatalf("block %d (offset %d): first token %d, want %d", b, at, first, want)
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
