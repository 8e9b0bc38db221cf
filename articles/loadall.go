package articles

import (
	"iter"
	"sync"

	"newsmark/model"
)

// Loaded is what one entry's Load gave.
type Loaded struct {
	Entry   Entry
	Article model.Article
	Err     error
}

// LoadAll loads entries with at most workers loads at a time (a feed item's
// load may fetch its page: this bounds the requests in flight) and yields
// them in order. At most a few results wait for the consumer, so memory
// stays bounded however many entries there are. Stopping early waits for
// the loads under way.
func LoadAll(entries []Entry, workers int) iter.Seq2[int, Loaded] {
	return func(yield func(int, Loaded) bool) {
		workers = max(workers, 1)
		if workers == 1 || len(entries) < 2 {
			for i, e := range entries {
				a, err := e.Load()
				if !yield(i, Loaded{Entry: e, Article: a, Err: err}) {
					return
				}
			}
			return
		}
		slots := make([]chan Loaded, len(entries))
		for i := range slots {
			slots[i] = make(chan Loaded, 1)
		}
		// window holds a token per entry handed out and not yet yielded.
		window := make(chan struct{}, 4*workers)
		next := make(chan int)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					a, err := entries[i].Load()
					slots[i] <- Loaded{Entry: entries[i], Article: a, Err: err}
				}
			}()
		}
		go func() {
			defer close(next)
			for i := range entries {
				select {
				case window <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case next <- i:
				case <-stop:
					return
				}
			}
		}()
		defer wg.Wait()
		defer close(stop)
		for i := range entries {
			l := <-slots[i]
			slots[i] = nil
			<-window
			if !yield(i, l) {
				return
			}
		}
	}
}
