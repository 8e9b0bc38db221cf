package ui

import "testing"

// TestHelpScrollsOnSmallTerminals: at 60x20 the reader's help is taller than
// the screen; it says so, G brings its last keys into view, g goes back and
// esc closes it.
func TestHelpScrollsOnSmallTerminals(t *testing.T) {
	d := openFixture(t, 60, 20)
	d.keys("?")
	d.mustSee("Keys: reader", "scroll the keys")
	d.keys("G")
	d.mustNotSee("Keys: reader")
	d.mustSee("quit")
	d.keys("g")
	d.mustSee("Keys: reader")
	d.keys("j", "j")
	d.mustNotSee("Keys: reader")
	d.keys("esc")
	d.mustNotSee("scroll the keys")
}

// TestHelpFitsWithoutScrollHint: on a tall terminal the whole help shows and
// no scroll hint is drawn.
func TestHelpFitsWithoutScrollHint(t *testing.T) {
	d := openFixture(t, 220, 60)
	d.keys("?")
	d.mustSee("Keys: reader", "quit")
	d.mustNotSee("scroll the keys")
}
