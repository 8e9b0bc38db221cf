package annotate

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  uint8 = iota + 1 // letters, with inner - & ' . ("Al-Farsi", "AT&T", "U.S.")
	kNum                    // digits with inner , and . ("1,000", "3.5")
	kPunct                  // one punctuation rune
	kPoss                   // a possessive 's or ’s
	kBreak                  // a newline: names and figures never cross it
)

// Token flags.
const (
	fCap    uint8 = 1 << iota // first rune is upper case
	fUpper                    // two or more letters, all upper case ("IBM")
	fSpace                    // whitespace before the token
	fSent                     // first token of a sentence or paragraph
	fPara                     // first token after a blank line (or of the text)
	fDigit                    // a word with a digit in it ("C180")
	fHyphen                   // a word with an inner hyphen ("two-year"); words without it have none
	fMark                     // a word (or punctuation) of the caller's marks (scanMarks): newDoc's figure openers
)

// scanMarks names the tokens scan flags fMark, so that the caller's first
// pass over the tokens reads a bit rather than each token's text: every
// number (with numbers set), a word whose first byte first holds and which
// (before its first hyphen) list holds, or a punctuation token whose first
// byte first holds. Scan knows nothing of what the marks mean; newDoc
// gives it the figure openers.
type scanMarks struct {
	numbers bool
	first   [256]bool
	filter  *wordFilter // list's first bytes, last bytes and lengths
	list    wordList
}

// add appends t, the text w, marked and listed as ix says.
func (ix *scanIndex) add(toks []token, t token, w string) []token {
	if ix != nil {
		if ix.marks != nil && (t.kind == kNum || ix.marks.first[w[0]]) { // most tokens: not even the first byte fits
			t.flags |= ix.marks.mark(t.kind, t.flags, w)
		}
		if ix.unlisted {
			return append(toks, t)
		}
		if t.flags&fMark != 0 {
			ix.marked = append(ix.marked, int32(len(toks)))
		}
		if t.flags&fCap != 0 && t.kind == kWord {
			ix.caps = append(ix.caps, int32(len(toks)))
		}
	}
	return append(toks, t)
}

// mark returns fMark when the caller's marks hold the token w of kind.
func (m *scanMarks) mark(kind, flags uint8, w string) uint8 {
	if m == nil {
		return 0
	}
	if kind == kNum && m.numbers {
		return fMark
	}
	if !m.first[w[0]] {
		return 0 // most tokens: not even the first byte fits
	}
	switch kind {
	case kPunct:
		return fMark
	case kWord:
		w = markHead(flags, w)
		if m.filter.maybe(w) && m.list.has(w) { // most words: no table look-up
			return fMark
		}
	}
	return 0
}

// markHead is the part of a word the marks are asked about: before its
// first hyphen ("two" of "two-year") or its first digit ("RM" of "RM5").
func markHead(flags uint8, w string) string {
	if flags&(fHyphen|fDigit) != 0 {
		for h := 1; h < len(w); h++ {
			if w[h] == '-' || flags&fDigit != 0 && w[h] >= '0' && w[h] <= '9' {
				return w[:h]
			}
		}
	}
	return w
}

// token is a byte range of the scanned text: 8 bytes, because every pass
// of the entity pass reads the token array (a quarter of a token per byte of
// text), and its size is most of the memory the pass touches.
type token struct {
	s     int32
	n     uint16 // length in bytes: a longer word is cut into pieces (appendTok)
	kind  uint8
	flags uint8
}

// maxTokenLen is the longest token; no word of news comes near it.
const maxTokenLen = 1<<16 - 1

// end is the offset after the token.
func (t token) end() int32 { return t.s + int32(t.n) }

// scanIndex is what scan lists of its tokens as it makes them, so that no
// later pass walks the token array to find them: the capitalised words and
// the tokens its marks flag.
type scanIndex struct {
	marks        *scanMarks
	caps, marked []int32
	// unlisted: the tokens are flagged but not listed. A big text's lists
	// (megabytes) would grow by copying, five times their size in garbage
	// (Go grows a large slice by a quarter); flagged tokens lists them at
	// their exact size after the scan instead.
	unlisted bool
}

// flaggedTokens lists the tokens of toks a scanIndex would have listed:
// the capitalised words and the marked tokens, in order, in lists of their
// exact size.
func flaggedTokens(toks []token) (caps, marked []int32) {
	nc, nm := 0, 0
	for _, t := range toks {
		if t.flags&fMark != 0 {
			nm++
		}
		if t.flags&fCap != 0 && t.kind == kWord {
			nc++
		}
	}
	caps, marked = make([]int32, 0, nc), make([]int32, 0, nm)
	for i, t := range toks {
		if t.flags&fMark != 0 {
			marked = append(marked, int32(i))
		}
		if t.flags&fCap != 0 && t.kind == kWord {
			caps = append(caps, int32(i))
		}
	}
	return caps, marked
}

// scan splits text into tokens in one pass over its bytes, flagging the
// tokens ix's marks name and listing them in ix (nil: none of that). The
// result is a slice proportional to the text; nothing else is allocated
// but ix's lists.
//
// pend holds the flags the next token takes: fSpace after whitespace, fSent
// at a sentence start (only a word or number takes it: punctuation leaves
// it for the next one), fPara after a blank line.
func scan(text string, toks []token, ix *scanIndex) []token {
	n := len(text)
	i := 0
	pend := fSpace | fSent | fPara

	for i < n {
		c := text[i]
		// Fast path for the common case: a plain lower-case ASCII word.
		if c >= 'a' && c <= 'z' {
			j := i + 1
			for j < n && text[j]-'a' < 26 { // a lower-case letter: a byte below 'a' wraps round
				j++
			}
			if j == n || plainEnd[text[j]] {
				if j-i > maxTokenLen {
					pend &= fSpace // the pieces of a word this long open no sentence or paragraph
					toks = appendTok(toks, text, i, j, kWord, 0, &pend, ix)
				} else {
					flags := pend
					if ix != nil && ix.marks != nil && ix.marks.first[c] && ix.marks.filter.maybe(text[i:j]) && ix.marks.list.has(text[i:j]) { // mark's kWord case
						flags |= fMark
						if !ix.unlisted {
							ix.marked = append(ix.marked, int32(len(toks)))
						}
					}
					toks = append(toks, token{s: int32(i), n: uint16(j - i), kind: kWord, flags: flags})
				}
				// and the space after it, most often there, without a turn of the loop
				i, pend = j, 0
				if j < n && text[j] == ' ' {
					i, pend = j+1, fSpace
				}
				continue
			}
		}
		if c == ' ' {
			i++
			pend |= fSpace
			continue
		}
		switch {
		case c == '\n':
			nl, st := 0, i
			for i < n && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t') {
				if text[i] == '\n' {
					nl++
				}
				i++
			}
			toks = append(toks, token{s: int32(st), n: 1, kind: kBreak})
			// A single line break ends a headline or credit line too.
			pend |= fSpace | fSent
			if nl > 1 {
				pend |= fPara
			}
			continue
		case c == '\t' || c == '\r':
			i++
			pend |= fSpace
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < n {
				d := text[j]
				if d >= '0' && d <= '9' {
					j++
					continue
				}
				if (d == ',' || d == '.') && j+1 < n && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			toks = appendTok(toks, text, i, j, kNum, 0, &pend, ix)
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += size
				pend |= fSpace
				continue
			}
		}
		if isLetter(r) {
			j, flags := scanWord(text, i)
			toks = appendTok(toks, text, i, j, kWord, flags, &pend, ix)
			i = j
			continue
		}
		// An apostrophe then s, not followed by a letter, is a possessive.
		if (c == '\'' || r == '’') && i+size < n && (text[i+size] == 's') && (i+size+1 >= n || !isLetterByte(text, i+size+1)) && pend&fSpace == 0 {
			toks = appendTok(toks, text, i, i+size+1, kPoss, 0, &pend, ix)
			i += size + 1
			continue
		}
		toks = appendTok(toks, text, i, i+size, kPunct, 0, &pend, ix)
		i += size
		if c == '.' || c == '!' || c == '?' {
			// "Corp." or "Mr." before a capital is ambiguous; treat the next
			// token as a sentence start and let the name rules cope.
			pend |= fSent
		}
	}
	return toks
}

// appendTok appends text[s:e] as tokens of the kind, with flags and the
// pending ones (see scan), which it clears but for fSent after
// punctuation, and lists them in ix (nil: none).
func appendTok(toks []token, text string, s, e int, kind, flags uint8, pend *uint8, ix *scanIndex) []token {
	if kind == kWord || kind == kNum {
		flags |= *pend
		*pend = 0
	} else {
		flags |= *pend &^ fSent
		*pend &= fSent
	}
	// A run of letters or digits past maxTokenLen goes in pieces cut on rune
	// boundaries; the pieces after the first have no space before them.
	for e-s > maxTokenLen {
		cut := s + maxTokenLen
		for cut > s && !utf8.RuneStart(text[cut]) {
			cut--
		}
		toks = ix.add(toks, token{s: int32(s), n: uint16(cut - s), kind: kind, flags: flags}, text[s:cut]) // rare: no hurry
		s, flags = cut, flags&^(fSpace|fSent|fPara)
	}
	t := token{s: int32(s), n: uint16(e - s), kind: kind, flags: flags}
	if ix == nil || kind != kNum && flags&fCap == 0 && (ix.marks == nil || !ix.marks.first[text[s]]) {
		return append(toks, t) // most tokens: nothing to mark or list
	}
	return ix.add(toks, t, text[s:e])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r|0x20)-'a' < 26 // 'a'..'z' or, one bit apart, 'A'..'Z'
	}
	return isLetterBeyondASCII(r)
}

// isLetterBeyondASCII is isLetter for the other runes, apart so that
// isLetter is inlined.
func isLetterBeyondASCII(r rune) bool {
	if r >= 0x2010 && r <= 0x2027 || r >= 0x20A0 && r <= 0x20CF {
		// dashes, quotes and currency signs, most of a news text's other
		// runes: no search of the Unicode tables (TestIsLetterRanges)
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isLetterByte(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isLetter(r)
}

func isDigitOrLetter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	if c >= '0' && c <= '9' {
		return true
	}
	return isLetterByte(text, i)
}

// scanWord reads a word starting at i (a letter) and returns its end and
// case flags. Inner hyphens, ampersands and apostrophes join letters;
// "U.S." style initials keep their periods.
func scanWord(text string, i int) (int, uint8) {
	n := len(text)
	j := i
	upper, lower := 0, 0
	first := true
	var flags uint8
	for j < n {
		c := text[j]
		// ASCII fast path: most of the text.
		if c >= 'a' && c <= 'z' {
			k := j + 1
			for k < n && text[k]-'a' < 26 {
				k++
			}
			lower += k - j
			first = false
			j = k
			continue
		}
		if c >= 'A' && c <= 'Z' {
			upper++
			if first {
				flags |= fCap
			}
			first = false
			j++
			continue
		}
		if plainEnd[c] {
			break // a space or punctuation: none of the joiners below
		}
		r, size := rune(c), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if isLetter(r) || (r >= '0' && r <= '9') {
			if r >= '0' && r <= '9' {
				flags |= fDigit
			}
			if isLetter(r) {
				if unicode.IsUpper(r) {
					upper++
					if first {
						flags |= fCap
					}
				} else if unicode.IsLower(r) {
					lower++
				}
			}
			first = false
			j += size
			continue
		}
		if j+size < n && (r == '-' || r == '&') && isDigitOrLetter(text, j+size) {
			// "Abu Dhabi-based": a capitalised name then a lower-case
			// modifier splits, so the place stands alone.
			if r == '-' && flags&fCap != 0 && text[j+1] >= 'a' && text[j+1] <= 'z' && modifierAfter(text[j+1:]) {
				break
			}
			if r == '-' {
				flags |= fHyphen
			}
			j += size
			continue
		}
		if (r == '\'' || r == '’') && j+size < n && isLetterByte(text, j+size) {
			// "O'Brien" joins; "X's" is a possessive token of its own.
			if text[j+size] == 's' && (j+size+1 >= n || !isLetterByte(text, j+size+1)) {
				break
			}
			j += size
			continue
		}
		// Web names: "Amazon.com", "JD.com".
		if r == '.' && j+1 < n && webSuffix(text[j+1:]) > 0 {
			j += 1 + webSuffix(text[j+1:])
			continue
		}
		// Initials: a single capital then "." then another capital ("U.S.", "K.K.").
		if r == '.' && j+1 < n && j-i >= 1 && isSingleLetterRun(text, i, j) {
			if j+1 < n && text[j+1] >= 'A' && text[j+1] <= 'Z' {
				j++
				continue
			}
			if j-i >= 3 { // "U.S." keeps its final period
				j++
			}
			break
		}
		break
	}
	if upper >= 2 && lower == 0 {
		flags |= fUpper
	}
	return j, flags
}

// isSingleLetterRun reports whether text[i:j] is initials so far ("U", "U.S").
func isSingleLetterRun(text string, i, j int) bool {
	run := 0
	for k := i; k < j; k++ {
		c := text[k]
		if c == '.' {
			run = 0
			continue
		}
		if c < 'A' || c > 'Z' {
			return false
		}
		run++
		if run > 1 {
			return false
		}
	}
	return true
}

// modifierAfter reports whether s starts with a hyphen modifier word.
func modifierAfter(s string) bool {
	k := 0
	for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
		k++
	}
	return lex.split[s[:k]]
}

// plainEnd marks the bytes that surely end a lower-case word: anything but
// letters, digits, UTF-8 lead bytes and the joiners - & ' . handled by scanWord.
var plainEnd = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		case c == '-', c == '&', c == '\'', c == '.':
		default:
			t[c] = true
		}
	}
	return t
}()

// webSuffix returns the length of a top-level domain starting s ("com" in
// "com Inc."), or 0: "Amazon.com" is one word.
func webSuffix(s string) int {
	// most periods end a sentence: a space or a capital follows
	if len(s) == 0 || s[0] != 'c' && s[0] != 'n' && s[0] != 'o' && s[0] != 'i' && s[0] != 'a' {
		return 0
	}
	for _, tld := range [...]string{"com", "net", "org", "io", "ai"} {
		if len(s) >= len(tld) && s[:len(tld)] == tld && (len(s) == len(tld) || !isDigitOrLetter(s, len(tld))) {
			return len(tld)
		}
	}
	return 0
}
