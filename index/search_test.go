package index

import (
	"errors"
	"testing"

	"newsmark/model"
)

func TestQuery(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"S&P 500", `"S&P" "500"`},
		{"AT&T", `"AT&T"`},
		{`"joint venture" Zephyr`, `"joint venture" "Zephyr"`},
		{`acqui* rumour`, `"acqui"* "rumour"`},
		{`Zephyr -rumour -"talks"`, `("Zephyr" "talks") NOT ("rumour")`}, // a quoted phrase is never negated
		{`say "it's" & OR NOT`, `"say" "it's" "OR" "NOT"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`a"b"c`, `"a" "b" "c"`},
		{`C$`, `"C$"`},
	} {
		got, err := Query(c.in)
		if err != nil || got != c.want {
			t.Errorf("Query(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, q := range []string{"", "  ", "& - *", "-rumour"} {
		if _, err := Query(q); !errors.As(err, new(errEmpty)) {
			t.Errorf("Query(%q): %v, want nothing to search for", q, err)
		}
	}
}

func TestBestSentence(t *testing.T) {
	t.Parallel()
	body := "Zephyr grew. Looms rose while Zephyr bought looms. Zephyr fell."
	sents := []model.Span{{Start: 0, End: 12}, {Start: 13, End: 50}, {Start: 51, End: 63}}
	m := func(s, e int) model.Span { return model.Span{Start: s, End: e} }
	// "zephyr" in all three, "looms" twice in the second: the second wins.
	matches := []model.Span{m(0, 6), m(13, 18), m(30, 36), m(44, 49), m(51, 57)}
	sent, first, ok := bestSentence(body, sents, matches)
	if !ok || sent != sents[1] || first != m(13, 18) {
		t.Errorf("best = %v first %v", sent, first)
	}
	if got := excerpt(body, sent, first, 300); got != "Looms rose while Zephyr bought looms." {
		t.Errorf("excerpt %q", got)
	}
	if got := excerpt(body, model.Span{Start: 0, End: len(body)}, m(30, 36), 20); got != "…while Zephyr bought…" {
		t.Errorf("cut excerpt %q", got)
	}
}
