package indextest

import "testing"

// TestCorpus checks that the generator is deterministic and gives stories
// of the promised sizes, segmented, with outlets and dates.
func TestCorpus(t *testing.T) {
	t.Parallel()
	a, b := Corpus(7, 60), Corpus(7, 60)
	for i := range a {
		if a[i].Body != b[i].Body || a[i].Title != b[i].Title {
			t.Fatalf("story %d differs between two runs with one seed", i)
		}
		if n := len(a[i].Body); n < 2048 || n > 8192+1024 {
			t.Errorf("story %d is %d bytes", i, n)
		}
		if len(a[i].Sentences) == 0 || a[i].Source == "" || a[i].Date.IsZero() {
			t.Errorf("story %d: %d sentences, source %q, date %v", i, len(a[i].Sentences), a[i].Source, a[i].Date)
		}
	}
	if Corpus(8, 1)[0].Body == a[0].Body {
		t.Error("another seed gave the same story")
	}
}
