package model

import (
	"reflect"
	"testing"
)

// TestVentureCard: the facts come in card order, labelled, missing ones left
// out; a venture with no status is shown as announced.
func TestVentureCard(t *testing.T) {
	t.Parallel()
	v := Venture{Kind: JointVenture, Name: "Polar Gate", Parties: []string{"Northwind", "Kaiyo"},
		Amounts: []string{"$1.2 billion", "€40 million"}, Location: "Rotterdam", Timeframe: "by 2027", Summary: "A venture."}
	got := v.Card()
	want := VentureCard{Kind: "Joint venture", Status: Announced, Name: "Polar Gate", Summary: "A venture.", Facts: []Fact{
		{"Parties", "Northwind, Kaiyo"}, {"Amounts", "$1.2 billion, €40 million"}, {"Location", "Rotterdam"}, {"Timeframe", "by 2027"},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Card() =\n%+v\nwant\n%+v", got, want)
	}
	if c := (Venture{Kind: "spin_off", Status: Background, Stake: "30%"}).Card(); c.Kind != "spin_off" || c.Status != Background ||
		len(c.Facts) != 1 || c.Facts[0] != (Fact{"Stake", "30%"}) {
		t.Errorf("unknown kind: %+v", c)
	}
}

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

// TestEntityCountAndOutside: an entity counts its body and meta mentions,
// and says where outside the body it is named, each place once.
func TestEntityCountAndOutside(t *testing.T) {
	t.Parallel()
	e := Entity{Mentions: []Span{{0, 3}, {9, 12}}, MetaMentions: []MetaMention{{Field: FieldContributors}, {Field: FieldTitle}, {Field: FieldTitle}}}
	if e.Count() != 5 || e.Outside() != "in title, byline" {
		t.Errorf("Count %d, Outside %q", e.Count(), e.Outside())
	}
	if e := (Entity{Mentions: []Span{{0, 3}}}); e.Count() != 1 || e.Outside() != "" {
		t.Errorf("body only: Count %d, Outside %q", e.Count(), e.Outside())
	}
}
