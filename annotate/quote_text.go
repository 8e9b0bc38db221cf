package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text helpers shared by quotes and ventures. Everything here is a bounded
// byte scan: windows never run further than qMaxWindow bytes, so a huge
// article (or a 100,000-character word) stays linear.

const qMaxWindow = 600

// qRuneSpan narrows [s, e) to rune boundaries (stray continuation bytes
// of invalid UTF-8 fall outside).
func qRuneSpan(b string, s, e int) (int, int) {
	for s < e && !utf8.RuneStart(b[s]) {
		s++
	}
	for e > s && e < len(b) && !utf8.RuneStart(b[e]) {
		e--
	}
	return s, e
}

func qIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// qASCIIWord marks the ASCII bytes that are word runes.
var qASCIIWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = qIsWordRune(rune(c))
	}
	return t
}()

// qLowerASCII appends s lower-cased (ASCII letters only) to buf, for
// allocation-free map look-ups: m[string(qLowerASCII(buf[:0], w))].
func qLowerASCII(buf []byte, s string) []byte {
	// copy once, then lower in place: a byte-wise append costs a capacity
	// check per byte, and this runs over the whole body
	n := len(buf)
	buf = append(buf, s...)
	b := buf[n:]
	for i, c := range b {
		if c-'A' < 26 {
			b[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// qLowerWord returns the token text lower-cased (ASCII fast path, no
// allocation when already lower case) with curly apostrophes straightened.
func qLowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

// qIsUpperStart reports whether s starts with an upper-case letter.
func qIsUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// qSentenceBreakAt reports whether a sentence ends at the terminator b[i]
// ('.', '!' or '?'), looking at what follows and, for a period, at the word
// before it.
func qSentenceBreakAt(b string, i int) bool {
	c := b[i]
	if c != '.' && c != '!' && c != '?' {
		return false
	}
	j := i + 1
	// closing quote marks and brackets may follow the terminator
	for j < len(b) {
		if b[j] == '"' || b[j] == ')' || b[j] == '\'' {
			j++
			continue
		}
		if strings.HasPrefix(b[j:], "”") || strings.HasPrefix(b[j:], "’") {
			j += 3
			continue
		}
		break
	}
	if j < len(b) && !qIsSpaceByte(b[j]) {
		return false
	}
	if c != '.' {
		return true
	}
	// the word before the period
	k := i
	for k > 0 && k > i-12 && (b[k-1] >= 'a' && b[k-1] <= 'z' || b[k-1] >= 'A' && b[k-1] <= 'Z' || b[k-1] == '.') {
		k--
	}
	w := b[k:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return false // an initial: "John F. Kennedy"
	}
	var buf [12]byte
	if lex.qAbbrev[string(qLowerASCII(buf[:0], w))] {
		// "Corp." ends a sentence only when a capitalised word does not follow
		for j < len(b) && qIsSpaceByte(b[j]) {
			if b[j] == '\n' {
				return true
			}
			j++
		}
		if j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
			return false
		}
		return strings.EqualFold(w, "inc") || strings.EqualFold(w, "ltd") || strings.EqualFold(w, "plc") ||
			strings.EqualFold(w, "etc")
	}
	return true
}
