package annotate

import (
	"reflect"
	"strings"
	"testing"

	"newsmark/segment"
)

// Article is its passes run one after the other; the quotation marks and
// deal words read ahead on another core change nothing.
func TestArticleIsItsPassesInTurn(t *testing.T) {
	a := benchArticle(20 << 10)
	a.Paragraphs, a.Sentences = segment.Paragraphs(a.Body), segment.Sentences(a.Body)
	ents := entities(a)
	q1, e1 := quotes(a, ents)
	v1 := ventures(a, e1, q1)
	ann := Article(a)
	if !reflect.DeepEqual(q1, ann.Quotes) || !reflect.DeepEqual(e1, ann.Entities) || !reflect.DeepEqual(v1, ann.Ventures) {
		t.Fatalf("passes in turn differ from Article: %d/%d quotes, %d/%d entities, %d/%d ventures", len(q1), len(ann.Quotes),
			len(e1), len(ann.Entities), len(v1), len(ann.Ventures))
	}
	if len(q1) == 0 || len(v1) == 0 {
		t.Fatalf("sample gave %d quotes and %d ventures", len(q1), len(v1))
	}
	d := newDoc(a)
	defer d.release()
	d.ents = findEntities(d)
	d.indexMentions()
	ch := make(ahead, 1)
	ch <- textPass{spans: qFindSpans(d), quick: vQuickTriggers(d.body, d.sents)}
	tp := ch.get(d)
	q3 := findQuotes(d, tp.spans)
	v3 := findVentures(d, a, q3, tp.quick)
	if !reflect.DeepEqual(q1, q3) || !reflect.DeepEqual(e1, d.ents) || !reflect.DeepEqual(v1, v3) {
		t.Fatalf("quotation marks and deal words read ahead: %d/%d quotes, %d/%d entities, %d/%d ventures", len(q1), len(q3),
			len(e1), len(d.ents), len(v1), len(v3))
	}
}

// vAnyInfo answers for each cue word, in any case, with the rows of the
// table that list it, in table order; for any other word, nil.
func TestDealWordInfoMatchesTheTable(t *testing.T) {
	t.Parallel()
	words := vCueWords()
	for w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			in := vAnyInfo(v)
			if in == nil || in.word != w {
				t.Fatalf("%q: info %+v", v, in)
			}
			var want []int
			for ci, c := range vCues {
				if vIn(c.words, w) {
					want = append(want, ci)
				}
			}
			if !reflect.DeepEqual(in.cues, want) {
				t.Fatalf("%q: rows %v, want %v", v, in.cues, want)
			}
		}
	}
	for _, w := range []string{"", "x", "deals-", "ventured", "joint venture", "investment-bank"} {
		if vAnyInfo(w) != nil {
			t.Fatalf("%q: info for a word that is no cue", w)
		}
	}
}

// vCueWords is every word of the cue table.
func vCueWords() map[string]bool {
	m := map[string]bool{}
	for _, c := range vCues {
		for _, w := range c.words {
			m[w] = true
		}
	}
	return m
}

// phraseIndex finds the earliest of its phrases, as a search for each would.
func TestPhraseIndexMatchesSearches(t *testing.T) {
	t.Parallel()
	text := strings.ToLower(corpus(t, 64<<10))
	Prepare()
	for _, list := range [][]string{lex.vPriceWords, lex.vNotDealMoneyWords, lex.vPastCues} {
		set := newPhraseSet(list)
		for at := 0; at+48 <= len(text); at += 7 {
			w := text[at : at+48]
			want := -1
			for _, p := range list {
				if i := strings.Index(w, p); i >= 0 && (want < 0 || i < want) {
					want = i
				}
			}
			if got := phraseIndex(set, w); got != want {
				t.Fatalf("%q: %d, want %d", w, got, want)
			}
			if got := phraseIndex(set, []byte(w)); got != want {
				t.Fatalf("%q as bytes: %d, want %d", w, got, want)
			}
		}
	}
}
