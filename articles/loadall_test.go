package articles

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"newsmark/model"
)

// LoadAll keeps order, runs at most workers loads at once, and stays only
// a bounded number of results ahead of its consumer.
func TestLoadAllOrderAndBounds(t *testing.T) {
	t.Parallel()
	var now, peak, started atomic.Int64
	entries := make([]Entry, 60)
	for i := range entries {
		entries[i] = NewEntry(model.Article{ID: string(rune('A' + i))}, func() (model.Article, error) {
			started.Add(1)
			c := now.Add(1)
			defer now.Add(-1)
			for p := peak.Load(); c > p && !peak.CompareAndSwap(p, c); p = peak.Load() {
			}
			time.Sleep(time.Millisecond)
			if i == 7 {
				return model.Article{}, errors.New("seven failed")
			}
			return model.Article{ID: string(rune('A' + i))}, nil
		})
	}
	n := 0
	for i, l := range LoadAll(entries, 4) {
		if i != n || l.Entry.Meta.ID != string(rune('A'+i)) {
			t.Fatalf("got entry %d (%s) at %d", i, l.Entry.Meta.ID, n)
		}
		if (i == 7) != (l.Err != nil) {
			t.Errorf("entry %d: err %v", i, l.Err)
		}
		if i == 0 {
			time.Sleep(30 * time.Millisecond) // a slow consumer: the loads must wait
			if s := started.Load(); s > 4*4+4 {
				t.Errorf("%d loads started while the consumer held the first", s)
			}
		}
		n++
	}
	if n != 60 || peak.Load() > 4 {
		t.Errorf("yielded %d, peak %d loads at once", n, peak.Load())
	}
	// Stopping early returns.
	for i := range LoadAll(entries, 4) {
		if i == 2 {
			break
		}
	}
}
