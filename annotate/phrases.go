package annotate

// phraseSet finds any of a fixed list of lower-case phrases in a short
// lower-cased context ("market value", "pay ") in one pass over the context:
// at each offset one look-up by the two bytes there, and only then the
// phrases that start with them. A search per phrase read the context a
// dozen times over.
type phraseSet struct {
	// pair[(c0&31)<<5 | c1&31] is 1 + the index in groups of the phrases
	// that start with c0 c1, or 0 when none does (the few bytes that collide
	// under &31 only cost a comparison)
	pair   [1024]uint8
	groups [][]string
}

func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{}
	for _, p := range phrases {
		if len(p) < 2 {
			panic("phraseSet: phrase shorter than two bytes: " + p)
		}
		k := int(p[0]&31)<<5 | int(p[1]&31)
		if ps.pair[k] == 0 {
			if len(ps.groups) == 255 {
				panic("phraseSet: too many phrases")
			}
			ps.groups = append(ps.groups, nil)
			ps.pair[k] = uint8(len(ps.groups))
		}
		ps.groups[ps.pair[k]-1] = append(ps.groups[ps.pair[k]-1], p)
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
		if g := ps.pair[int(c0&31)<<5|int(c1&31)]; g != 0 {
			for _, p := range ps.groups[g-1] {
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
