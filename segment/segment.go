package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// Paragraphs returns the blank-line separated paragraphs of body. A line
// holding only whitespace counts as blank. Each span is trimmed.
func Paragraphs(body string) []model.Span {
	// News paragraphs run 130 to 600 bytes: room for short ones, so the
	// slice does not grow (and copy) on a long text.
	out := make([]model.Span, 0, len(body)/128+1)
	eachParagraph(body, func(start, end int) bool {
		out = append(out, model.Span{Start: start, End: end})
		return true
	})
	return out
}

// Sentences returns the sentences of body in order. A sentence never crosses
// a paragraph break; it ends at ".", "?", "!" (or a CJK full stop) plus any
// closing quotes and brackets, unless the full stop belongs to an
// abbreviation, an initial, a corporate suffix or a number.
func Sentences(body string) []model.Span {
	out := make([]model.Span, 0, len(body)/80+1) // news sentences average well over 80 bytes
	eachParagraph(body, func(start, end int) bool {
		out = sentencesIn(body, start, end, out)
		return true
	})
	return out
}

// FirstSentence returns the first sentence of body, the span Sentences(body)
// would list first, reading body only up to the end of its first paragraph
// (a sentence never crosses a paragraph break). ok is false when body has
// no sentence.
func FirstSentence(body string) (first model.Span, ok bool) {
	eachParagraph(body, func(start, end int) bool {
		if sents := sentencesIn(body, start, end, nil); len(sents) > 0 {
			first, ok = sents[0], true
		}
		return !ok
	})
	return first, ok
}

// eachParagraph calls fn with the trimmed span of every paragraph in order,
// until fn returns false.
func eachParagraph(s string, fn func(start, end int) bool) {
	n := len(s)
	pStart, pEnd := -1, 0
	for i := 0; i < n; {
		ls := i
		blank := true
		// Skip leading whitespace; the first other rune makes the line non-blank
		// and the rest of it is jumped over with IndexByte.
		for i < n && s[i] != '\n' {
			c := s[i]
			if c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				i++
				continue
			}
			if c >= utf8.RuneSelf {
				r, sz := utf8.DecodeRuneInString(s[i:])
				if isSpaceRune(r) {
					i += sz
					continue
				}
			}
			blank = false
			if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
				i += k
			} else {
				i = n
			}
			break
		}
		le := i
		if i < n {
			i++ // the newline
		}
		if blank {
			if pStart >= 0 {
				if !emitTrimmed(s, pStart, pEnd, fn) {
					return
				}
				pStart = -1
			}
			continue
		}
		if pStart < 0 {
			pStart = ls
		}
		pEnd = le
	}
	if pStart >= 0 {
		emitTrimmed(s, pStart, pEnd, fn)
	}
}

// emitTrimmed calls fn with the trimmed span, if not empty, and returns
// whether to go on.
func emitTrimmed(s string, start, end int, fn func(start, end int) bool) bool {
	start, end = trim(s, start, end)
	return start >= end || fn(start, end)
}

// trim narrows [start, end) past whitespace at both ends.
func trim(s string, start, end int) (int, int) {
	for start < end {
		c := s[start]
		if c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			start++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[start:end])
		if !isSpaceRune(r) {
			break
		}
		start += sz
	}
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			end--
			continue
		}
		r, sz := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpaceRune(r) {
			break
		}
		end -= sz
	}
	return start, end
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// isSpaceRune is unicode.IsSpace plus the zero-width no-break space (BOM),
// which editors leave at the start of files.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isSpaceByte(byte(r))
	}
	return r == 0xFEFF || unicode.IsSpace(r)
}

// sentencesIn appends the sentences of the paragraph s[start:end] to out.
func sentencesIn(s string, start, end int, out []model.Span) []model.Span {
	sentStart := start
	for i := start; i < end; {
		// Jump over bytes that cannot start a terminator: most of the text.
		for i < end && !terminatorByte[s[i]] {
			i++
		}
		if i >= end {
			break
		}
		c := s[i]
		if c == '.' || c == '?' || c == '!' {
			j := i + 1
			for j < end && (s[j] == '.' || s[j] == '?' || s[j] == '!') {
				j++
			}
			stop := j // just past the terminator run
			j = skipClosers(s, j, end)
			if j >= end {
				break // the paragraph's end closes the sentence anyway
			}
			sz := spaceAt(s, j, end)
			if sz == 0 {
				i = j // "0.5", "U.S.-based", "Corp.’s", "Yahoo!Japan"
				continue
			}
			k := j + sz
			for k < end {
				if sz = spaceAt(s, k, end); sz == 0 {
					break
				}
				k += sz
			}
			if k < end && breaksAfter(s, sentStart, i, stop, k, end) {
				out = appendTrimmed(out, s, sentStart, j)
				sentStart = k
			}
			i = k
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:end])
		i += sz
		if r == '。' || r == '！' || r == '？' || r == '…' {
			j := skipClosers(s, i, end)
			if r == '…' {
				// An ellipsis ends a sentence only before a space and a non-lowercase word.
				k := j
				for k < end {
					n := spaceAt(s, k, end)
					if n == 0 {
						break
					}
					k += n
				}
				if k == j || k >= end || startsLower(s, k, end) {
					continue
				}
			}
			out = appendTrimmed(out, s, sentStart, j)
			sentStart = j
			i = j
		}
	}
	return appendTrimmed(out, s, sentStart, end)
}

// terminatorByte marks the bytes a sentence terminator starts with: ".",
// "?", "!" and the lead bytes of "。", "！", "？" and "…". Other bytes,
// continuation bytes included, are never part of a terminator.
var terminatorByte = func() (t [256]bool) {
	for _, r := range ".?!。！？…" {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		t[b[0]] = true
	}
	return t
}()

func appendTrimmed(out []model.Span, s string, a, b int) []model.Span {
	a, b = trim(s, a, b)
	if a < b {
		out = append(out, model.Span{Start: a, End: b})
	}
	return out
}

// skipClosers moves past closing quotes and brackets that belong to the
// sentence just ended: `better.”` and `(as planned.)`.
func skipClosers(s string, j, end int) int {
	for j < end {
		c := s[j]
		if c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			return j
		}
		r, sz := utf8.DecodeRuneInString(s[j:end])
		switch r {
		case '”', '’', '»', '›', '」', '』', '）':
			j += sz
		default:
			return j
		}
	}
	return j
}

// spaceAt returns the byte size of the whitespace rune at s[j], or 0.
func spaceAt(s string, j, end int) int {
	c := s[j]
	if c < utf8.RuneSelf {
		if isSpaceByte(c) {
			return 1
		}
		return 0
	}
	r, sz := utf8.DecodeRuneInString(s[j:end])
	if isSpaceRune(r) {
		return sz
	}
	return 0
}

func startsLower(s string, k, end int) bool {
	c := s[k]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s[k:end])
	return unicode.IsLower(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// breaksAfter decides whether the terminator run s[dot:stop] ends the
// sentence begun at sentStart, given that the next word starts at s[next].
func breaksAfter(s string, sentStart, dot, stop, next, end int) bool {
	if startsLower(s, next, end) {
		return false // "Corp. is", "“Why?” he asked", "approx. five"
	}
	if s[dot] != '.' || stop-dot > 1 {
		return true // "?", "!", "...", "?!"
	}
	// The word the full stop ends, back to whitespace or an opening bracket.
	ws := dot
	for ws > sentStart {
		c := s[ws-1]
		if isSpaceByte(c) || c == '(' || c == '[' || c == '"' || c == '/' {
			break
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeLastRuneInString(s[sentStart:ws])
			if isSpaceRune(r) || r == '“' || r == '‘' || r == '—' || r == '–' {
				break
			}
			ws -= sz
			continue
		}
		ws--
	}
	word := s[ws:dot]
	if word == "" {
		return true
	}
	if isDigit(s[next]) {
		// "No. 1", "Jan. 5", "pp. 12": the abbreviation takes the number.
		return !isNumberAbbrev(word)
	}
	if r, sz := utf8.DecodeRuneInString(word); sz == len(word) && unicode.IsUpper(r) {
		return false // an initial: "J. P. Morgan"
	}
	if _, ok := titles[word]; ok {
		return false // "Mr. Son", "Dr. Lee", "St. Louis"
	}
	_, suffix := suffixes[word]
	if suffix || initialism(word) {
		// "Corp.", "Inc.", "U.S." end a sentence only when a typical
		// sentence opener follows: "…with Sony Corp. The deal…" but
		// "Sony Corp. Chief Executive…" and "U.S. President…". After a
		// company suffix, a lone capitalised word before a lower-case one is
		// a new subject too: "…buy Bluefin Ltd. Northwind said…".
		if opensSentence(s, next, end) {
			return true
		}
		_, corp := corporate[word]
		return corp && loneSubject(s, next, end)
	}
	return true
}

// initialism reports whether word is letters with inner full stops: "U.S",
// "e.g", "a.m" (not "5.2%" or "$42.08").
func initialism(word string) bool {
	dot := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '.':
			dot = true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return dot
}

// corporate are the company suffixes loneSubject applies after.
var corporate = set("Corp", "Inc", "Co", "Cos", "Ltd", "Plc")

// loneSubject reports whether s[next:] is one capitalised word (not itself
// a suffix) followed by a lower-case word: "Northwind said".
func loneSubject(s string, next, end int) bool {
	k := next
	if k >= end || s[k] < 'A' || s[k] > 'Z' {
		return false
	}
	for k < end && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] == '-') {
		k++
	}
	if _, ok := corporate[s[next:k]]; ok || k >= end || s[k] != ' ' {
		return false
	}
	k++
	return k < end && s[k] >= 'a' && s[k] <= 'z'
}

// isNumberAbbrev looks word up case-insensitively without allocating.
func isNumberAbbrev(word string) bool {
	var buf [8]byte
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := numberAbbrev[string(buf[:len(word)])]
	return ok
}

// opensSentence reports whether s[next:] starts with an opening quote or a word that
// usually opens a sentence.
func opensSentence(s string, next, end int) bool {
	c := s[next]
	if c == '"' {
		return true // "(" is not: "Acme Inc. (ACME.O) said"
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[next:end])
		return r == '“' || r == '‘'
	}
	k := next
	for k < end && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	_, ok := openers[s[next:k]]
	return ok
}

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// titles precede a name and never end a sentence.
var titles = set("Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen",
	"Lt", "Col", "Capt", "Sgt", "Adm", "Cmdr", "Maj", "Rev", "Hon", "Pres", "Mt", "Ft", "Supt",
	"Det", "Insp", "Atty", "Amb", "Gens", "Sens", "Reps")

// suffixes are abbreviations that may end a sentence as well as sit inside one.
var suffixes = set("Corp", "Inc", "Co", "Cos", "Ltd", "Bros", "Plc", "Jr", "Sr", "Ave", "Blvd", "Rd",
	"Dept", "Assn", "Intl", "Mfg", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
	"Oct", "Nov", "Dec", "etc", "vs", "approx", "est", "No", "Nos", "Fig", "Vol", "Ch", "Art", "Sec",
	"Wash", "Calif", "Mass", "Conn", "Ariz", "Fla", "Ill", "Mich", "Minn", "Ore", "Pa", "Tenn", "Tex",
	"Va", "Wis", "Ky", "Ga", "Ala", "Okla", "Colo", "Nev", "Md", "Del", "Kan", "Neb", "Miss", "Mo",
	"Penn", "Govt", "Univ", "Hldgs", "Grp", "Mkt", "Tel", "Ext", "ft", "oz", "lb", "lbs", "kg", "km")

// numberAbbrev take a number after their full stop: "No. 1", "Jan. 5".
var numberAbbrev = set("no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec", "p", "pp", "vol", "fig", "art", "sec", "ch", "op", "para", "approx", "est",
	"ext", "tel", "rt", "hwy", "ste", "apt", "rm", "bldg")

// openers are words that typically start a sentence in news copy.
var openers = set("The", "A", "An", "It", "Its", "He", "She", "His", "Her", "They", "Their", "We",
	"Our", "I", "This", "That", "These", "Those", "There", "Then", "In", "On", "At", "By", "For",
	"From", "With", "But", "And", "Or", "So", "As", "If", "When", "While", "After", "Before",
	"Since", "Although", "Though", "However", "Meanwhile", "Also", "Shares", "Still", "Yet", "Some",
	"Many", "Most", "Both", "Each", "Under", "Last", "Earlier", "Later", "Now", "Such", "Analysts",
	"Neither", "No", "Not", "What", "Why", "How", "Who", "Where", "Other", "Another", "One", "Two",
	"Its", "Under", "Despite", "According", "Investors", "Officials", "Separately", "Instead")
