package ui

import (
	"testing"
)

func TestLibraryOpensAndReturns(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 80, 24)
	d.mustSee("Sunline Solar", "Northwind and Kaiyo", "Orbit Foods", "broken.bin: binary file")
	t.Log("\n" + d.screen())
	d.keys("j", "enter")
	t.Log("\n" + d.screen())
	d.mustSee("Northwind Freight Holdings and Kaiyo")
}
