package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Goldens hold the raw view (styles included), so each palette has its own.
// Regenerate with: go test ./ui -run TestGolden -update, then review the diff.

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {160, 45}, {200, 60}}

func TestGoldenReader(t *testing.T) {
	for _, th := range []Theme{Dark, Light, Mono} {
		for _, sz := range goldenSizes {
			if th == Mono && sz[0] != 80 {
				continue
			}
			t.Run(fmt.Sprintf("%s/%dx%d", th, sz[0], sz[1]), func(t *testing.T) {
				a := fixtureArticle(t)
				d := newDriver(t, singleLibrary(a), th, sz[0], sz[1])
				golden.RequireEqual(t, d.raw())
			})
		}
	}
}

// TestGoldenPanelFocus: the Entities tab with focus and a selected entity
// whose mentions stand out, after a jump.
func TestGoldenPanelFocus(t *testing.T) {
	for _, th := range []Theme{Dark, Light} {
		t.Run(string(th), func(t *testing.T) {
			d := newDriver(t, singleLibrary(fixtureArticle(t)), th, 120, 40)
			d.keys("2", "tab", "j", "enter")
			golden.RequireEqual(t, d.raw())
		})
	}
}

func TestGoldenLibrary(t *testing.T) {
	for _, th := range []Theme{Dark, Light} {
		for _, sz := range [][2]int{{80, 24}, {160, 45}} {
			t.Run(fmt.Sprintf("%s/%dx%d", th, sz[0], sz[1]), func(t *testing.T) {
				d := newDriver(t, fixtureLibrary(t), th, sz[0], sz[1])
				golden.RequireEqual(t, d.raw())
			})
		}
	}
}
