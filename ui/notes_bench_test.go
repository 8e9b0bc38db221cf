package ui

import "testing"

// The notes keys cost O(log sentences + visible lines), like scrolling:
// compare the 5KB and 2MB figures.

func BenchmarkCursorKey(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, _ := benchReader(b, s.size)
			d.keys(")")
			press(b, d, ")", "(")
		})
	}
}

func BenchmarkSelectExtend(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(s.name, func(b *testing.B) {
			d, _ := benchReader(b, s.size)
			d.keys("v")
			press(b, d, "j", "w", "b", "k")
		})
	}
}
