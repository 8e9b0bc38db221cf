package annotate

import "strings"

// Small text tests of the speaker attribution (its words are in lexicon/).

func qIsLowerStart(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

func qPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// qEditDistance1 reports whether a and b differ by at most one insertion,
// deletion or substitution.
func qEditDistance1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}
