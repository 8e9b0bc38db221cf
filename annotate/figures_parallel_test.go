package annotate

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"newsmark/model"
)

// entitiesBothWays runs the entity pass with figures found after the names
// (figures) and found beforehand on their own (figureCandidates, then
// figuresFrom), as entities does on a long text.
func entitiesBothWays(a model.Article) (seq, par []model.Entity) {
	d := newDoc(a)
	ep := newEntityPass(d)
	ep.names()
	ep.figures()
	seq = ep.output()
	ep.release()
	d.release()

	d = newDoc(a)
	ep = newEntityPass(d)
	cands := ep.figurePass().figureCandidates(nil)
	ep.names()
	ep.figuresFrom(cands)
	par = ep.output()
	ep.release()
	d.release()
	return seq, par
}

// The figures of a long article must not depend on whether they were
// looked for alongside the names: the same entities, ids and mentions.
func TestFiguresFoundAlongsideNamesAreTheSame(t *testing.T) {
	texts := append([]string{}, fuzzSeeds...)
	paths, _ := filepath.Glob("../articles/samples/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	texts = append(texts,
		// a name covering a figure's first token, with figures inside it
		"Group 3 billion dollars. Studio 54 said 3 billion yen. 3M said $5 billion a year, 50-50, 51:49.",
		"Acme 2016 Holdings bought Beta 7 Ltd. for ¥1.5 trillion over four years in 2019.",
		corpus(t, 200<<10))
	for i, body := range texts {
		a := model.Article{Body: body, Title: "Acme Corp. pays $3 billion"}
		seq, par := entitiesBothWays(a)
		if !reflect.DeepEqual(seq, par) {
			t.Fatalf("text %d (%.40q): entities differ\nafter names: %+v\nalongside:   %+v", i, body, seq, par)
		}
	}
}

// A name may cover the first token of a figure found alone ("May" of "May
// 2019"): the tokens inside it are then read as figures on their own.
func TestFiguresFromRereadsInsideACoveredCandidate(t *testing.T) {
	a := model.Article{Body: "Talks in May 2019 set $3 billion a year and ¥1.5 trillion over four years."}
	for _, first := range []string{"May", "$", "¥"} {
		sd, pd := newDoc(a), newDoc(a)
		seq, par := newEntityPass(sd), newEntityPass(pd)
		cands := par.figurePass().figureCandidates(nil)
		cover := -1
		for _, c := range cands {
			if par.tok(c.t0) == first && c.t1-c.t0 >= 2 {
				cover = c.t0
			}
		}
		if cover < 0 {
			t.Fatalf("no figure of two tokens or more starts at %q: %+v", first, cands)
		}
		seq.covered.add(cover)
		par.covered.add(cover)
		seq.figures()
		par.figuresFrom(cands)
		want, got := seq.output(), par.output()
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%q covered:\nfigures:     %+v\nfiguresFrom: %+v", first, want, got)
		}
		if len(want) == 0 {
			t.Errorf("%q covered: no figure left; the test reads nothing", first)
		}
		seq.release()
		par.release()
		sd.release()
		pd.release()
	}
}
