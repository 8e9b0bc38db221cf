package model

import (
	"reflect"
	"testing"
)

func TestQuotesBySpeaker(t *testing.T) {
	t.Parallel()
	qs := []Quote{{Speaker: "Ana"}, {Speaker: "Ben"}, {Speaker: ""}, {Speaker: "Ben"}, {Speaker: "Ana"}, {Speaker: "Ben"}}
	got := QuotesBySpeaker(qs)
	want := []QuoteGroup{{"Ben", []int{1, 3, 5}}, {"Ana", []int{0, 4}}, {"", []int{2}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("QuotesBySpeaker = %+v, want most quoted first, then order of first quote: %+v", got, want)
	}
	if QuotesBySpeaker(nil) != nil {
		t.Errorf("no quotes should give no groups")
	}
}
