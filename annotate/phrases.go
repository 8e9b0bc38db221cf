package annotate

// phraseSet finds any of a fixed list of lower-case phrases in a short
// lower-cased context ("market value", "pay ") in one pass over the context:
// at each offset a two-byte filter, and only then the phrases that start
// with that byte. A search per phrase read the context a dozen times over.
type phraseSet struct {
	// pairs[(c0&31)<<5 | c1&31] is set when a phrase starts with c0 c1 (the
	// few bytes that collide under &31 only cost a comparison)
	pairs   [1024]bool
	byFirst [256][]string
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{}
	for _, p := range phrases {
		if len(p) < 2 {
			panic("phraseSet: phrase shorter than two bytes: " + p)
		}
		ps.pairs[int(p[0]&31)<<5|int(p[1]&31)] = true
		ps.byFirst[p[0]] = append(ps.byFirst[p[0]], p)
	}
	return ps
}

// phraseIndex returns the offset of the first phrase of ps in text (the
// earliest start of any of them), or -1.
func phraseIndex[T ~string | ~[]byte](ps *phraseSet, text T) int {
	if len(text) < 2 {
		return -1
	}
	c0 := text[0] // each byte is read once, as the second of a pair and then the first
	for i := 1; i < len(text); i++ {
		c1 := text[i]
		if ps.pairs[int(c0&31)<<5|int(c1&31)] {
			for _, p := range ps.byFirst[c0] {
				if hasPhraseAt(text, i-1, p) {
					return i - 1
				}
			}
		}
		c0 = c1
	}
	return -1
}

// hasPhraseAt reports whether text holds p at offset i.
func hasPhraseAt[T ~string | ~[]byte](text T, i int, p string) bool {
	if len(text)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if text[i+k] != p[k] {
			return false
		}
	}
	return true
}
