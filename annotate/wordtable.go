package annotate

// wordHash hashes w for the bloom filters and tables in front of the word
// lists. It reads only the length and the first and last four bytes, so it
// costs the same for any word (a byte-by-byte hash was a few per cent of
// the annotator); words that share all three are rare, and only meet in a
// filter or probe sequence. fold is ORed into every byte read: 0x20 folds
// ASCII case, 0 keeps bytes as they are.
func wordHash(w string, fold byte) uint64 {
	n := len(w)
	var x uint64
	if n >= 4 {
		f := uint32(fold) * 0x01010101
		head := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
		tail := uint32(w[n-4]) | uint32(w[n-3])<<8 | uint32(w[n-2])<<16 | uint32(w[n-1])<<24
		x = uint64(head|f) | uint64(tail|f)<<32
	} else {
		for i := 0; i < n; i++ {
			x = x<<8 | uint64(w[i]|fold)
		}
	}
	h := (x ^ uint64(n)<<58) * 0x9E3779B97F4A7C15
	h ^= h >> 29
	return h * 0xBF58476D1CE4E5B9
}

// bloomFilter is a 64 Ki-bit bloom filter in front of a word table: two bits
// a word, taken from the top 32 bits of its wordHash. Most words asked about
// are in no list, and the filter answers them from 8 KB that stay in cache.
type bloomFilter [1024]uint64

func (f *bloomFilter) add(h uint64) {
	a, b := uint32(h>>48), uint32(h>>32)&0xFFFF
	f[a>>6] |= 1 << (a & 63)
	f[b>>6] |= 1 << (b & 63)
}

// has reports whether the word hashed to h may be in the filter.
func (f *bloomFilter) has(h uint64) bool {
	a, b := uint32(h>>48), uint32(h>>32)&0xFFFF
	return f[a>>6]&(1<<(a&63)) != 0 && f[b>>6]&(1<<(b&63)) != 0
}

// wordTable maps the words of a fixed list to their bits. It stands in for a
// map on the hottest look-ups: the caller has the wordHash already (from
// the bloom test), the slots are 4 bytes (a 16-bit tag from the hash and an
// index into the words) so the table stays in cache, and only a slot whose
// tag matches compares a word.
type wordTable struct {
	slots []uint32 // tag<<16 | index+1; 0 is empty
	words []string
	bits  []uint32
	mask  uint64
	// longest holds, for each first byte, the length of the longest word
	// starting with it (0: none, 255: 255 or more), so that most words are
	// turned away without a hash (mayHold): the cheapest answer for the
	// short lists of wordList and wordValues (fold 0 only)
	longest [256]uint8
}

// mayHold reports whether w passes the first-byte and length test of a
// table made with fold 0.
func (t *wordTable) mayHold(w string) bool {
	if w == "" {
		return true
	}
	l := t.longest[w[0]]
	return len(w) <= int(l) || l == 255
}

// newWordTable lays m out for get; with fold 0x20 its words must be in
// lower case and are looked up with getFold, hashed with wordHash(w, 0x20).
func newWordTable(m map[string]uint32, fold byte) *wordTable {
	size := 1
	for size < 2*len(m) {
		size *= 2
	}
	if len(m) >= 1<<16-1 {
		panic("wordTable: too many words") // indexes are 16 bits
	}
	t := &wordTable{slots: make([]uint32, size), mask: uint64(size - 1)}
	for w, b := range m {
		if w != "" {
			t.longest[w[0]] = uint8(max(int(t.longest[w[0]]), min(len(w), 255)))
		}
		h := wordHash(w, fold)
		t.words = append(t.words, w)
		t.bits = append(t.bits, b)
		slot := uint32(h>>16)&0xFFFF<<16 | uint32(len(t.words))
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i] == 0 {
				t.slots[i] = slot
				break
			}
		}
	}
	return t
}

// get returns w's bits, or 0; h is wordHash(w, 0).
func (t *wordTable) get(w string, h uint64) uint32 { return t.find(w, h, false) }

// getFold returns the bits of w with its ASCII letters lower-cased, or 0;
// the table was made with fold 0x20 and h is wordHash(w, 0x20).
func (t *wordTable) getFold(w string, h uint64) uint32 { return t.find(w, h, true) }

// find probes for w from slot h&mask; only a slot whose tag matches compares
// a word, exactly or with ASCII case folded.
func (t *wordTable) find(w string, h uint64, fold bool) uint32 {
	tag := uint32(h>>16) & 0xFFFF
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if s>>16 != tag {
			continue
		}
		if k := s&0xFFFF - 1; fold && equalFoldASCII(w, t.words[k]) || !fold && t.words[k] == w {
			return t.bits[k]
		}
	}
}

// equalFoldASCII reports whether w with its ASCII capitals lowered is lower.
func equalFoldASCII(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// wordList is a fixed set of words on a wordTable: the sets asked about on
// every word of a name or a clause, where a map look-up (hash, probe, cold
// cache lines) was a tenth of the annotator.
type wordList struct{ t *wordTable }

func newWordList(m map[string]bool) wordList {
	bits := make(map[string]uint32, len(m))
	for w, in := range m {
		if in {
			bits[w] = 1
		}
	}
	return wordList{newWordTable(bits, 0)}
}

func (l wordList) has(w string) bool {
	return l.t.mayHold(w) && l.t.get(w, wordHash(w, 0)) != 0
}

// wordValues maps a fixed set of words to values on a wordTable, for the
// maps asked about on every number and the word after it.
type wordValues[V any] struct {
	t    *wordTable
	vals []V
}

func newWordValues[V any](m map[string]V) wordValues[V] {
	idx := make(map[string]uint32, len(m))
	vals := make([]V, 0, len(m))
	for w, v := range m {
		vals = append(vals, v)
		idx[w] = uint32(len(vals)) // index+1: 0 is "absent"
	}
	return wordValues[V]{newWordTable(idx, 0), vals}
}

func (w wordValues[V]) get(s string) (V, bool) {
	if !w.t.mayHold(s) {
		var zero V
		return zero, false
	}
	if i := w.t.get(s, wordHash(s, 0)); i > 0 {
		return w.vals[i-1], true
	}
	var zero V
	return zero, false
}
