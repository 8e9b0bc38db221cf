package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line is Text on one line: every run of white space (newlines, tabs,
// no-break spaces, line separators) becomes one space, and none leads or
// trails. It is for metadata (titles, authors, URLs), error messages and
// listings, where a line break in the text would break the layout.
func Line(s string) string {
	s = Text(s)
	if folded(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// folded reports whether s is already on one line as Line leaves it: no
// white space but single inner ASCII spaces. Most metadata is, and then
// Line returns it without a copy.
func folded(s string) bool {
	prevSpace := true // a leading space is not folded
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += sz
	}
	return !prevSpace || s == ""
}
