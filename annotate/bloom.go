package annotate

// bloomHash hashes w to the two bit positions (0–65535 each) a word takes
// in the bloom filters in front of the word maps. It reads only the length
// and the first and last four bytes, so a test costs the same for any word
// (a byte-by-byte hash was a few per cent of the annotator); words that
// share all three are rare, and such a word only goes on to the exact map
// look-up. fold is ORed into every byte read: 0x20 folds ASCII case, 0
// keeps bytes as they are.
func bloomHash(w string, fold byte) (uint32, uint32) {
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
	h *= 0xBF58476D1CE4E5B9
	return uint32(h >> 48), uint32(h>>32) & 0xFFFF
}
