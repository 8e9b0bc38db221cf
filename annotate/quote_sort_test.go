package annotate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The bucket sort of mentions must order exactly as a comparison sort:
// by start, the longer first at one start.
func TestQSortMentsMatchesComparisonSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 300, 5000} {
		for _, spread := range []int{1, 50, 1 << 20} {
			ms := make([]qMent, n)
			for i := range ms {
				s := r.IntN(spread)
				ms[i] = qMent{start: int32(s), end: int32(s + 1 + r.IntN(30)), ent: int32(i)}
			}
			want := slices.Clone(ms)
			slices.SortStableFunc(want, func(x, y qMent) int {
				if x.start != y.start {
					return int(x.start - y.start)
				}
				return int(y.end - x.end)
			})
			qSortMents(ms)
			for i := range ms {
				if ms[i].start != want[i].start || ms[i].end != want[i].end {
					t.Fatalf("n=%d spread=%d: at %d got %+v, want %+v", n, spread, i, ms[i], want[i])
				}
			}
		}
	}
}
