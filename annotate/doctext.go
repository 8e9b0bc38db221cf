package annotate

// docText is the text the entity pass scans: the body, then each meta field
// after a blank line. It is not copied into one string: body is the
// article's body as it is, and tail holds a copy of only the body's last
// paragraph (from byte cut on) followed by the fields, so a megabyte body
// costs no megabyte copy. Offsets index the whole as if it were one string.
type docText struct {
	body string
	tail string // the whole from cut on
	cut  int
	n    int // length of the whole
}

func wholeText(s string) docText { return docText{body: s, tail: s, n: len(s)} }

// slice returns the whole's bytes [s, e).
func (t *docText) slice(s, e int) string {
	if e <= len(t.body) {
		return t.body[s:e]
	}
	if s >= t.cut {
		return t.tail[s-t.cut : e-t.cut]
	}
	return t.body[s:t.cut] + t.tail[:e-t.cut] // across the cut: never inside one paragraph
}

// at returns the whole's byte i.
func (t *docText) at(i int) byte {
	if i < len(t.body) {
		return t.body[i]
	}
	return t.tail[i-t.cut]
}

// lastParagraph returns the offset where body's last paragraph starts: the
// first byte after the last blank line that the scanner's line-break run
// (line feeds, carriage returns, spaces, tabs) does not swallow, or 0.
// Blank lines at the very end belong to the run before the fields.
func lastParagraph(body string) int {
	end := len(body)
	for end > 0 && isRunByte(body[end-1]) {
		end--
	}
	for i := end - 1; i > 0; i-- {
		if body[i] != '\n' {
			continue
		}
		// body[i] ends a blank line when only spaces, tabs and carriage
		// returns lie between it and an earlier line feed
		k := i - 1
		for k >= 0 && (body[k] == ' ' || body[k] == '\t' || body[k] == '\r') {
			k--
		}
		if k < 0 || body[k] != '\n' {
			continue
		}
		j := i + 1
		for j < end && isRunByte(body[j]) {
			j++
		}
		return j
	}
	return 0
}

// isRunByte reports whether scan swallows c in the run after a line feed.
func isRunByte(c byte) bool { return c == '\n' || c == '\r' || c == ' ' || c == '\t' }
