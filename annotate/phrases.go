package annotate

// phraseSet finds any of a fixed list of lower-case phrases in a short
// lower-cased context ("market value", "pay ") in one pass over the context:
// at each offset a two-byte filter, and only then the phrases that start
// with that byte. A search per phrase read the context a dozen times over.
type phraseSet struct {
	// pairs has bit (c0&31)<<5 | c1&31 set when a phrase starts with c0 c1
	// (the few bytes that collide under &31 only cost a comparison)
	pairs   [1024 / 64]uint64
	byFirst [256][]string
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{}
	for _, p := range phrases {
		if len(p) < 2 {
			panic("phraseSet: phrase shorter than two bytes: " + p)
		}
		k := int(p[0]&31)<<5 | int(p[1]&31)
		ps.pairs[k>>6] |= 1 << (k & 63)
		ps.byFirst[p[0]] = append(ps.byFirst[p[0]], p)
	}
	return ps
}

// phraseIndex returns the offset of the first phrase of ps in text (the
// earliest start of any of them), or -1.
func phraseIndex[T ~string | ~[]byte](ps *phraseSet, text T) int {
	for i := 0; i+1 < len(text); i++ {
		if k := int(text[i]&31)<<5 | int(text[i+1]&31); ps.pairs[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, p := range ps.byFirst[text[i]] {
			if hasPhraseAt(text, i, p) {
				return i
			}
		}
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
