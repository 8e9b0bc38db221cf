package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Text makes untrusted text safe to print on a terminal: it removes
// every control character and escape sequence so no article, file name or
// error message can move the cursor, clear the screen, retitle or recolour
// the terminal, or reorder text with bidi controls.
//
// Removed: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC
// (ESC P/X/^/_ … ST), other two- and three-byte ESC sequences, the 8-bit C1
// controls U+0080–U+009F (their CSI/OSC/DCS forms with their payload), every
// C0 control except \n and \t, DEL, a bare \r (CRLF becomes LF), a leading
// byte-order mark and the bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069). Line and paragraph separators (U+0085,
// U+2028, U+2029) become \n. Invalid UTF-8 is repaired to U+FFFD, so the
// result is always valid UTF-8.
func Text(s string) string {
	if IsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			b.WriteByte(c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case 0x1b:
				i = skipEscape(s, i+1)
			case '\r':
				// CRLF → LF; a bare CR (which would return the cursor) goes.
				i++
			default:
				i++ // other C0 controls and DEL
			}
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		switch {
		case r == utf8.RuneError && sz == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i)
		case r == 0x9d: // 8-bit OSC
			i = skipString(s, i, true)
		case r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // DCS, SOS, PM, APC
			i = skipString(s, i, false)
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r >= 0x80 && r <= 0x9f:
			// other C1 controls
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			// bidi embeddings, overrides and isolates
		case r == 0xfeff && b.Len() == 0:
			// byte-order mark at the start
		default:
			b.WriteString(s[i-sz : i])
		}
	}
	return b.String()
}

// IsClean reports whether Text would return s unchanged: printable ASCII,
// \n, \t and valid multi-byte runes outside the ranges Text removes. A
// loader that must inspect dirty input further (for binary data) asks this
// first, so that the usual clean input is scanned once.
func IsClean(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && printable8(s[i:i+8]) {
			i += 8 // most of a news text is runs of plain ASCII
			continue
		}
		// Rune by rune to the end of this block of 8.
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
				i++
				continue
			}
			if c < utf8.RuneSelf {
				return false
			}
			r, sz := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && sz == 1 || r <= 0x9f || r >= 0x202a && r <= 0x202e ||
				r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029 || r == 0xfeff && i == 0 {
				return false
			}
			i += sz
		}
	}
	return true
}

// printable8 reports whether the 8 bytes of s are all printable ASCII
// (0x20–0x7E), testing them at once: a byte of 0x80 or more, a 0x7F (which
// +1 turns into 0x80) or one below 0x20 (which -0x20 wraps) sets a high bit.
func printable8(s string) bool {
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x|(x+ones)|(x-0x20*ones)&^x)&highs == 0
}

// skipEscape returns the index just past the escape sequence whose ESC was
// at i-1.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']':
		return skipString(s, i+1, true)
	case 'P', 'X', '^', '_':
		return skipString(s, i+1, false)
	}
	// ESC, intermediates 0x20–0x2F, then one final byte: "ESC ( B", "ESC c".
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] < 0x7f {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence. A byte that cannot be part of one ends it early, so a
// broken sequence does not swallow the text after it.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips the payload of an OSC/DCS/SOS/PM/APC string up to its
// terminator: ST (ESC \ or U+009C) and, for OSC, also BEL. An unterminated
// string runs to the end of the text, as a terminal would swallow it.
func skipString(s string, i int, bel bool) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == 0x07 && bel:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new escape sequence aborts the string
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		default:
			i++
		}
	}
	return i
}
