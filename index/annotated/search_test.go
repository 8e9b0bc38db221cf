package annotated

import (
	"context"
	"strings"
	"testing"

	"newsmark/model"
)

func TestSearchFindsTheSentence(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix, _ := openIndex(t)
	stories := []model.Article{
		article("markets", "Stocks end the week higher",
			"Stocks rose on Friday.\n\nThe S&P 500 gained 1.2% as AT&T Inc. rallied after raising its dividend. Bond yields fell.\n\nTraders said the Fed would wait."),
		article("looms", "Zephyr Mills to buy Harbor Looms",
			"Zephyr Mills Ltd. agreed to buy Harbor Looms Inc. for $400 million, the companies said on Monday.\n\nThe looms will move to Vietnam. Zephyr said the S&P rating would not change."),
		article("cafes", "Café chain opens in Lyon",
			"A café chain opened twelve shops in Lyon, its owners said. Coffee prices rose."),
	}
	if _, err := ix.AddArticles(ctx, stories); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q        string
		ids      []string
		sentence string // in the first hit's sentence
		match    string // the body at the first hit's offset
	}{
		{"S&P 500", []string{"markets"}, "The S&P 500 gained 1.2%", "S&P"},
		{"AT&T", []string{"markets"}, "AT&T Inc. rallied", "AT&T"},
		{`"Harbor Looms" 400`, []string{"looms"}, "agreed to buy Harbor Looms Inc. for $400 million", "Harbor Looms"},
		{"looms", []string{"looms"}, "", "Looms"},           // title words weigh more; the body sentence is shown
		{"cafe", []string{"cafes"}, "A café chain", "café"}, // accents folded
		{"S&P -dividend", []string{"looms"}, "the S&P rating", "S&P"},
		{"zephyr*", []string{"looms"}, "Zephyr Mills Ltd. agreed", "Zephyr"},
		{"rose", []string{"markets", "cafes"}, "", ""},
	} {
		hits, err := ix.Search(ctx, c.q, 10)
		if err != nil {
			t.Errorf("%q: %v", c.q, err)
			continue
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ArticleID)
		}
		if strings.Join(ids, " ") != strings.Join(c.ids, " ") && !(c.q == "rose" && len(ids) == 2) {
			t.Errorf("%q found %v, want %v", c.q, ids, c.ids)
			continue
		}
		h := hits[0]
		a, _, _, _, _ := ix.Article(ctx, h.ArticleID)
		if !strings.Contains(h.Sentence, c.sentence) {
			t.Errorf("%q: sentence %q lacks %q", c.q, h.Sentence, c.sentence)
		}
		if c.match != "" && !strings.HasPrefix(a.Body[h.Offset:], c.match) {
			t.Errorf("%q: the body at offset %d reads %q, want %q", c.q, h.Offset, a.Body[h.Offset:min(len(a.Body), h.Offset+20)], c.match)
		}
	}
	if _, err := ix.Search(ctx, "&&", 10); err == nil || !strings.Contains(err.Error(), "nothing to search for") {
		t.Errorf("a query of punctuation: %v", err)
	}
}
