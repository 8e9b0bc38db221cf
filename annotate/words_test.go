package annotate

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// qTokens splits s[from:to] into tokens with absolute offsets. Inner joiners
// (' ’ - . & ,) stay inside a word when a word rune follows ("Al-Rumayyan",
// "U.S", "1,000", "AT&T"); a trailing one is punctuation.
func refTokens(s string, from, to int, out []qTok) []qTok {
	return refFirstTokens(s, from, to, to-from, out) // a token has a byte at least
}

// qFirstTokens is refTokens(s, from, to, out) cut after its first n tokens:
// the callers that read a few words after a figure need not split all the
// window that bounds them.
func refFirstTokens(s string, from, to, n int, out []qTok) []qTok {
	if from >= to {
		return out
	}
	s = s[:to]
	limit := len(out) + n
	for i := from; i < len(s) && len(out) < limit; {
		c := s[i]
		if c >= utf8.RuneSelf {
			var t qTok
			if t, i = refTokenAt(s, i); t.end > t.start {
				out = append(out, t)
			}
			continue
		}
		if !qASCIIWord[c] {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
				out = append(out, qTok{start: i, end: i + 1})
			}
			i++
			continue
		}
		// ASCII fast path: most words are a run of ASCII letters and digits,
		// scanned here in a tight loop; a joiner or a non-ASCII byte after
		// them is read by qWordEnd
		j := i + 1
		for j < len(s) && qASCIIWord[s[j]] {
			j++
		}
		if j < len(s) && refMayJoin[s[j]] {
			j = refWordEnd(s, j)
		}
		out = append(out, qTok{start: i, end: j, word: true})
		i = j
		if i < len(s) && s[i] == ' ' {
			i++ // the space after most words, skipped without another turn of the loop
		}
	}
	return out
}

// refMayJoin marks the bytes after an ASCII run that may continue a word: the
// ASCII joiners and the first bytes of non-ASCII runes.
var refMayJoin = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for _, c := range "'-.&," {
		t[c] = true
	}
	return t
}()

// qTokenAt reads the token at a non-ASCII rune s[i:]: a word, one
// punctuation rune, or nothing for a space (t empty); next is where the
// following token may start.
func refTokenAt(s string, i int) (t qTok, next int) {
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == 0xA0 || unicode.IsSpace(r) {
		return qTok{}, i + w
	}
	if !qIsWordRune(r) {
		return qTok{start: i, end: i + w}, i + w
	}
	j := refWordEnd(s, i+w)
	return qTok{start: i, end: j, word: true}, j
}

// qWordEnd returns the end of the word that runs on at s[j:]: word runes,
// and joiners with a word rune after them.
func refWordEnd(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if qASCIIWord[c] {
			j++
			continue
		}
		if c < utf8.RuneSelf && c != '\'' && c != '-' && c != '.' && c != '&' && c != ',' {
			break // a space or a mark that cannot join: the word ends, no decoding
		}
		r2, w2 := utf8.DecodeRuneInString(s[j:])
		if qIsWordRune(r2) {
			j += w2
			continue
		}
		if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == ',' {
			if j+w2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+w2:])
				if qIsWordRune(r3) && (r2 != ',' || r3 >= '0' && r3 <= '9' && s[j-1] >= '0' && s[j-1] <= '9') {
					j += w2
					continue
				}
			}
		}
		break
	}
	return j
}

// checkWords fails when the words of any window of body differ from what
// the byte tokenizer reads there.
func checkWords(t *testing.T, body string, windows [][2]int) {
	t.Helper()
	d := newDoc(model.Article{Body: body, Title: "Acme Corp. agrees"})
	defer d.release()
	for _, w := range windows {
		from, to := w[0], w[1]
		want := refTokens(body, from, to, nil)
		got := d.words(from, to, nil)
		if !equalToks(got, want) {
			t.Fatalf("%q [%d,%d) %q:\nwords %v\nbytes %v", body, from, to, body[from:to], show(body, got), show(body, want))
		}
		for _, n := range []int{1, 2, 4, 8} {
			if got, want := d.firstWords(from, to, n, nil), refFirstTokens(body, from, to, n, nil); !equalToks(got, want) {
				t.Fatalf("%q [%d,%d) first %d:\nwords %v\nbytes %v", body, from, to, n, show(body, got), show(body, want))
			}
		}
	}
}

func equalToks(a, b []qTok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func show(body string, ts []qTok) []string {
	var out []string
	for _, t := range ts {
		s := body[t.start:t.end]
		if !t.word {
			s = "<" + s + ">"
		}
		out = append(out, s)
	}
	return out
}

// wordsTexts are the shapes where the scanner's tokens and the words part:
// possessives, initials, hyphenated modifiers, numbers, joiners in a row,
// marks and digits of other scripts, form feeds, bytes that are no UTF-8.
var wordsTexts = []string{
	"Kestrel's deal, the U.S.-based unit and Abu Dhabi-based Harbour Bank's 50-50 venture.",
	"Shares of K.K. rose 1,000.5 points; the C180,5 model and 5G phones sold (ORBS.O) <6543>.",
	"O’Brien’s stake, “quoted” — talks--merger talks, merger- and acquisition-related fees.",
	"U.S.é 1,a a,1 1,1 x.y. Amazon.com JD.comX e.g. v2.0 ’s 's ')'s a-'b a--b -merger",
	"क्षिति ٣٤٥ टाटा\f form\vfeed 東京 ソフトバンク \xff\xfe bad \xc3\x28 utf8 \xe2\x82",
	"Line one\n\nLine two\r\n\tLine three  with\u00a0nbsp and\u2028sep.",
	"AT&T & P&G, Mr. Barra's Dr. Reddy's, 3bn $3 billion's 20-times 10-year-old 2024-25 1.1 billion-dirham.",
}

// The words of a window are the byte tokenizer's, whatever the window:
// the whole text, every sentence, and windows whose edges fall anywhere,
// inside words and inside characters too.
func TestWordsAreTheByteTokenizers(t *testing.T) {
	texts := append([]string{}, wordsTexts...)
	texts = append(texts, fuzzSeeds...)
	texts = append(texts, corpus(t, 64<<10))
	r := rand.New(rand.NewPCG(3, 4))
	for _, body := range texts {
		if body == "" {
			continue
		}
		windows := [][2]int{{0, len(body)}}
		for _, s := range segmentSentences(body) {
			windows = append(windows, [2]int{s.Start, s.End})
		}
		for k := 0; k < 400; k++ {
			from := r.IntN(len(body))
			windows = append(windows, [2]int{from, min(len(body), from+1+r.IntN(80))})
		}
		checkWords(t, body, windows)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range wordsTexts {
		f.Add(s, 3, 40)
	}
	f.Fuzz(func(t *testing.T, body string, from, n int) {
		if len(body) == 0 || len(body) > 1<<16 {
			return
		}
		from = (from%len(body) + len(body)) % len(body)
		to := min(len(body), from+1+(n%200+200)%200)
		checkWords(t, body, [][2]int{{0, len(body)}, {from, to}})
	})
}

// segmentSentences is the sentence list newDoc reads.
func segmentSentences(body string) []model.Span {
	d := newDoc(model.Article{Body: body})
	defer d.release()
	return d.sents
}
