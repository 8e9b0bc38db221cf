package annotated

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"newsmark/annotate"
	"newsmark/model"
)

// pairCase is one case of testdata/pairs.txt.
type pairCase struct {
	line         int
	merge        bool
	what         string
	nameA, nameB string
	a, b         string
	ctx          []string
}

func readPairs(t *testing.T) []pairCase {
	t.Helper()
	f, err := os.Open("testdata/pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pairCase
	var cur *pairCase
	var part *string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			kind, what, _ := strings.Cut(strings.TrimPrefix(line, "== "), ": ")
			if kind != "merge" && kind != "distinct" {
				t.Fatalf("pairs.txt:%d: %q is neither merge nor distinct", n, kind)
			}
			out = append(out, pairCase{line: n, merge: kind == "merge", what: what})
			cur, part = &out[len(out)-1], nil
		case cur == nil:
		case strings.HasPrefix(line, "-- a: "):
			cur.nameA, part = strings.TrimPrefix(line, "-- a: "), &cur.a
		case strings.HasPrefix(line, "-- b: "):
			cur.nameB, part = strings.TrimPrefix(line, "-- b: "), &cur.b
		case line == "-- ctx":
			cur.ctx = append(cur.ctx, "")
			part = &cur.ctx[len(cur.ctx)-1]
		case part != nil && strings.TrimSpace(line) != "":
			*part += line + "\n"
		}
	}
	return out
}

// entityNamed is the company entity of ann with a mention (or name) that
// reads exactly name.
func entityNamed(a model.Article, ann model.Annotations, name string) (string, bool) {
	for _, e := range ann.Entities {
		if e.Kind != model.Company {
			continue
		}
		if e.Text == name || e.Canonical == name {
			return e.ID, true
		}
		for _, m := range e.Mentions {
			if a.Body[m.Start:m.End] == name {
				return e.ID, true
			}
		}
	}
	return "", false
}

// TestCompanyPairs indexes each case of testdata/pairs.txt (in both orders:
// the answer must not depend on it) and compares the index's identity of
// the two names with the case. Precision on merges must be 1.0; recall is
// logged (and recorded in BENCHMARKS.md).
func TestCompanyPairs(t *testing.T) {
	ctx := context.Background()
	cases := readPairs(t)
	if len(cases) < 30 {
		t.Fatalf("%d cases; the set needs at least 30", len(cases))
	}
	ix, _ := openIndex(t)
	merged, rightMerges, mustMerge, found := 0, 0, 0, 0
	for _, c := range cases {
		name := fmt.Sprintf("pairs.txt:%d %s", c.line, c.what)
		a, b := article("a", "", c.a), article("b", "", c.b)
		annA, annB := annotate.Article(a), annotate.Article(b)
		idA, okA := entityNamed(a, annA, c.nameA)
		idB, okB := entityNamed(b, annB, c.nameB)
		if !okA || !okB {
			t.Errorf("%s: the annotator does not find %q (%v) and %q (%v) as companies: fix the fixture", name, c.nameA, okA, c.nameB, okB)
			continue
		}
		var others []model.Article
		for i, text := range c.ctx {
			others = append(others, article(fmt.Sprintf("ctx%d", i), "", text))
		}
		answers := map[bool]int{}
		for _, order := range [][]model.Article{append([]model.Article{a, b}, others...), append(others, b, a)} {
			if _, err := ix.AddArticles(ctx, order); err != nil {
				t.Fatal(err)
			}
			ca, err1 := ix.Company(ctx, "a", idA)
			cb, err2 := ix.Company(ctx, "b", idB)
			if err1 != nil || err2 != nil || ca == "" || cb == "" {
				t.Fatalf("%s: company %q %q: %v %v", name, ca, cb, err1, err2)
			}
			answers[ca == cb]++
			var ids []string
			for _, x := range order {
				ids = append(ids, x.ID)
			}
			if _, err := ix.Remove(ctx, ids...); err != nil {
				t.Fatal(err)
			}
		}
		if len(answers) != 1 {
			t.Errorf("%s: the answer depends on the order the articles were indexed in", name)
			continue
		}
		same := answers[true] > 0
		found++
		if c.merge {
			mustMerge++
		}
		switch {
		case same && c.merge:
			merged++
			rightMerges++
		case same:
			merged++
			t.Errorf("%s: %q and %q were merged: a wrong merge", name, c.nameA, c.nameB)
		case c.merge:
			t.Logf("%s: %q and %q not merged (a missed merge)", name, c.nameA, c.nameB)
		}
	}
	precision := 1.0
	if merged > 0 {
		precision = float64(rightMerges) / float64(merged)
	}
	t.Logf("%d cases: merge precision %.3f (%d of %d merges right), recall %.3f (%d of %d must-merge pairs merged)",
		found, precision, rightMerges, merged, float64(rightMerges)/float64(max(mustMerge, 1)), rightMerges, mustMerge)
}
