package model

import "testing"

// TestKindNames: every kind has a display name of its own.
func TestKindNames(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, k := range EntityKinds() {
		if n := k.Plural(); n == string(k) || seen[n] {
			t.Errorf("entity kind %q has no name of its own (%q)", k, n)
		} else {
			seen[n] = true
		}
	}
	for _, k := range []VentureKind{JointVenture, Partnership, Investment, Acquisition, Merger, Project} {
		if n := k.Title(); n == string(k) || seen[n] {
			t.Errorf("venture kind %q has no name of its own (%q)", k, n)
		} else {
			seen[n] = true
		}
	}
}
