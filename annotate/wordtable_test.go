package annotate

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"newsmark/model"
)

// The lexicon's table and filter answer exactly as its map: every listed
// word with its lists, any other word (in any case) with none.
func TestLexiconLookUpsMatchTheLists(t *testing.T) {
	t.Parallel()
	Prepare()
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

// vIsAny answers as the cue table does for the word with its ASCII
// capitals lowered.
func TestDealWordLookUpsMatchTheTable(t *testing.T) {
	t.Parallel()
	lowerASCII := func(w string) string { return string(qLowerASCII(nil, w)) }
	vAny := vCueWords()
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

// Each word list answers as the map it was made from.
func TestWordListsMatchTheirMaps(t *testing.T) {
	t.Parallel()
	Prepare()
	people, figs := readLexFile("person_words.txt", false), readLexFile("figure_words.txt", false)
	for name, c := range map[string]struct {
		m map[string]bool
		l wordList
	}{
		"figStarts": {lex.figStarts, lex.figStart}, "abbrev": {people.set("abbrev", asWritten), lex.abbrevTitle},
		"function": {readLexFile("capitals.txt", false).set("function", asWritten), lex.functionCap},
		"inner":    {people.set("inner", asWritten), lex.innerTitle}, "countStop": {figs.set("countStop", asWritten), lex.countStop},
		"duration": {figs.set("duration", asWritten), lex.duration}, "date": {figs.set("date", asWritten), lex.dates},
		"count": {figs.set("count", asWritten), lex.countNouns},
	} {
		words := strings.Fields(corpus(t, 16<<10))
		for w := range c.m {
			words = append(words, w, strings.ToLower(w), strings.ToUpper(w), w+"s", w[1:])
		}
		for _, w := range words {
			if got := c.l.has(w); got != c.m[w] {
				t.Fatalf("%s: %q: %v, want %v", name, w, got, c.m[w])
			}
		}
	}
}

// Each table of values answers as the map it was made from.
func TestWordValuesMatchTheirMaps(t *testing.T) {
	t.Parallel()
	Prepare()
	figs := readLexFile("figure_words.txt", false)
	numberWords, scales := figs.numbers("number"), figs.numbers("scale")
	currencyPrefixes := readLexFile("currencies.txt", false).values("prefix")
	words := strings.Fields(corpus(t, 16<<10))
	check := func(name string, ok func(w string) bool) {
		for _, w := range words {
			if !ok(w) {
				t.Fatalf("%s: %q answers differently", name, w)
			}
		}
	}
	for w := range numberWords {
		words = append(words, w, strings.ToUpper(w), w+"s")
	}
	for w := range scales {
		words = append(words, w, w+"-dirham")
	}
	for w := range currencyPrefixes {
		words = append(words, w, strings.ToLower(w))
	}
	check("numberWords", func(w string) bool {
		a, ok1 := lex.numberVals.get(w)
		b, ok2 := numberWords[w]
		return a == b && ok1 == ok2
	})
	check("scales", func(w string) bool { a, ok1 := lex.scaleVals.get(w); b, ok2 := scales[w]; return a == b && ok1 == ok2 })
	check("currencyPrefixes", func(w string) bool {
		a, ok1 := lex.prefixVals.get(w)
		b, ok2 := currencyPrefixes[w]
		return a == b && ok1 == ok2
	})
}

// The lexicon is built on first use, which may come from several
// goroutines at once (the reader and the library's background annotation):
// each gets the same annotations.
func TestFirstUseFromSeveralGoroutines(t *testing.T) {
	t.Parallel()
	a := model.Article{Title: "Acme Corp. and Beta Ltd. form venture", Body: corpus(t, 8<<10)}
	want := Article(a)
	got := make([]model.Annotations, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() { defer wg.Done(); Prepare(); got[i] = Article(a) }()
	}
	wg.Wait()
	for i := range got {
		if !reflect.DeepEqual(got[i], want) {
			t.Fatalf("goroutine %d got other annotations", i)
		}
	}
}
