package notes

import (
	"math/rand"
	"testing"
)

// TestBestEndMatchesBruteForce checks the cut-off search against the edit
// distance of every substring, on random texts over a small alphabet (where
// near matches are everywhere).
func TestBestEndMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc"[r.Intn(3)]
		}
		return string(b)
	}
	for iter := 0; iter < 300; iter++ {
		body, text := word(5+r.Intn(40)), word(1+r.Intn(12))
		k := r.Intn(4)
		want := k + 1
		for s := 0; s <= len(body); s++ {
			for e := s; e <= len(body); e++ {
				want = min(want, levenshtein(body[s:e], text))
			}
		}
		end, got := bestEnd(body, text, 0, k)
		if got != want {
			t.Fatalf("body %q text %q k %d: distance %d, want %d", body, text, k, got, want)
		}
		if got <= k {
			s := bestStart(body, text, end, k)
			if d := levenshtein(body[s:end], text); d != got {
				t.Fatalf("body %q text %q: match %q has distance %d, want %d", body, text, body[s:end], d, got)
			}
		}
	}
}
