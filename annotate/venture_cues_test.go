package annotate

import (
	"math/rand/v2"
	"strings"
	"testing"

	"newsmark/model"
)

// openGate runs the venture pass on body with the gate open (every
// sentence read), and returns the doc, which sentences a clause's cues
// accepted, and how often each row of vCues fired.
func openGate(body string) (d *doc, accepted []bool, fired []int) {
	d = newDoc(model.Article{Body: body})
	d.ents = findEntities(d)
	d.indexMentions()
	qs := findQuotes(d, qFindSpans(d))
	open := make([]bool, len(d.sents))
	for i := range open {
		open[i] = true
	}
	vb := newVBuilder(d, qs, open)
	vb.accepted, vb.fired = make([]bool, len(d.sents)), make([]int, len(vCues))
	for si, s := range d.sents {
		vb.sentence(si, s)
	}
	return d, vb.accepted, vb.fired
}

// gateMisses fails for every sentence of body the cues accept and the gate
// turns away.
func gateMisses(t *testing.T, body string) []int {
	t.Helper()
	d, accepted, fired := openGate(body)
	defer d.release()
	for si, s := range d.sents {
		if accepted[si] && !vQuickTrigger(body[s.Start:s.End]) {
			t.Errorf("the gate turns away a sentence the cues accept: %q", body[s.Start:s.End])
		}
	}
	return fired
}

// cueSentences writes sentences around every row of the cue table: its
// words with the words it requires beside them (or none), in shapes that
// give each check something to find, in several cases and with the
// punctuation the gate and the trigger must cut alike.
func cueSentences() []string {
	var out []string
	for _, c := range vCues {
		prevs, nexts := c.prev, c.next
		if prevs == nil {
			prevs = []string{"", "new", "the"}
		}
		if nexts == nil {
			nexts = []string{"", "the", "up"}
		}
		for _, w := range c.words {
			for _, p := range prevs {
				for _, n := range nexts {
					phrase := strings.TrimSpace(strings.Join([]string{p, w, n}, " "))
					up := strings.ToUpper(phrase[:1]) + phrase[1:]
					out = append(out,
						"Kestrel Works and Harbour Bank "+phrase+" Alder Mills for $40 million.",
						"Kestrel Works "+phrase+" a stake in Alder Mills.",
						up+" Kestrel Works and Alder Mills, the two firms said.",
						"Kestrel Works said it "+phrase+" an agreement with Alder Mills worth £2 billion.",
						"Kestrel Works--"+phrase+"--Alder Mills, and "+strings.ToUpper(phrase)+" too.",
						"Kestrel Works ("+phrase+") Alder Mills raised $5 million as "+phrase+" investors.",
						"Shares of Kestrel Works, which "+phrase+" Alder Mills, rose 3% after the joint "+w+" was told.",
						"Kestrel Works "+strings.ReplaceAll(phrase, " ", "  ")+"'s Alder Mills unit in 2024.",
					)
				}
			}
		}
	}
	return out
}

// The gate never turns away a sentence the cue table accepts: not around
// any row of the table, not in the sample stories, not in hostile text.
// And every row of the table fires somewhere (a row no text can fire is a
// rule that never fires).
func TestGateKeepsEverySentenceTheCuesAccept(t *testing.T) {
	sents := cueSentences()
	fired := gateMisses(t, strings.Join(sents, "\n\n"))
	for ci, n := range fired {
		if n == 0 {
			t.Errorf("cue row %d (%s: %v) never fires", ci, vCues[ci].name, vCues[ci].words)
		}
	}
	gateMisses(t, corpus(t, 256<<10))
	for _, s := range fuzzSeeds {
		gateMisses(t, s)
	}
	// the cue words shuffled with joiners, spaces and cases
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"Kestrel Works", "Alder Mills", "the", "two", "both", "as", "at", "its", "a", "hostile", "$5 million", "50-50"}
	for w := range vCueWords() {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	seps := []string{" ", " ", " ", "  ", "-", "--", ", ", ". ", "'s ", "’ ", " (", ") ", " “", "” ", "\n\n", "\u00a0", "é", "5"}
	for k := 0; k < 200; k++ {
		var b strings.Builder
		for n := 0; n < 400; n++ {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		gateMisses(t, b.String())
	}
}

func FuzzVentureGate(f *testing.F) {
	for _, s := range cueSentences()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<14 {
			return
		}
		gateMisses(t, body)
	})
}

// Each row of the table is what sentenceTrigger reads: a row with a word
// and no other condition fires on it, and sets its kind.
func TestCueRowsSetTheirKinds(t *testing.T) {
	for _, c := range []struct {
		body string
		kind model.VentureKind
		cue  string
	}{
		{"Kestrel Works Ltd. and Harbour Bank Ltd. formed a joint venture to build ports.", model.JointVenture, "joint venture"},
		{"Kestrel Works Ltd. agreed to take over Harbour Bank Ltd. for $3 billion.", model.Acquisition, "take over"},
		{"Kestrel Works Ltd. will merge with Harbour Bank Ltd. next year.", model.Merger, "merge"},
		{"Kestrel Works Ltd. teamed up with Harbour Bank Ltd. to sell chips.", model.Partnership, "team up"},
		{"Kestrel Works Ltd. made an offer for Harbour Bank Ltd. on Monday.", model.Acquisition, "offer for"},
		{"Kestrel Works Ltd. and Harbour Bank Ltd. set up a JV in Oslo.", model.JointVenture, "joint venture"},
	} {
		ann := Article(model.Article{Body: c.body})
		if len(ann.Ventures) != 1 || ann.Ventures[0].Kind != c.kind || ann.Ventures[0].Cue != c.cue {
			t.Errorf("%q: ventures %+v, want one %s (cue %q)", c.body, ann.Ventures, c.kind, c.cue)
		}
	}
}
