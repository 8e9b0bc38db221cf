package annotate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"newsmark/model"
	"newsmark/segment"
)

// The venture card a reader sees must show the deal's own amount, stake and
// location. These tests score the card fields of our sample articles against
// their gold files, then check each field rule on sentences of our own.

type cardGold struct {
	Companies []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"companies"`
	Ventures []struct {
		Parties  []string `json:"parties"`
		Amounts  []string `json:"amounts"`
		Stake    string   `json:"stake"`
		Location string   `json:"location"`
	} `json:"ventures"`
}

var cardWord = regexp.MustCompile(`[a-z0-9&]+`)

// cardKey folds a name as the scorer does: lower case, words only, no
// leading "the", no trailing corporate suffix.
func cardKey(s string) string {
	w := cardWord.FindAllString(strings.ReplaceAll(strings.ToLower(s), "'s ", " "), -1)
	if len(w) > 0 && w[0] == "the" {
		w = w[1:]
	}
	for len(w) > 1 {
		switch w[len(w)-1] {
		case "inc", "corp", "co", "ltd", "llc", "plc", "sa", "ag", "nv", "se", "spa", "asa", "as", "kk", "gmbh", "bv":
			w = w[:len(w)-1]
			continue
		}
		break
	}
	return strings.Join(w, " ")
}

var cardNum = regexp.MustCompile(`\d+(?:\.\d+)?`)

// cardAmount reports whether two amounts name one figure: one's text holds
// the other's and they share a number (as score.py's figure match).
func cardAmount(p, g string) bool {
	norm := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", ""))), " ")
	}
	pk, gk := norm(p), norm(g)
	if pk == "" || gk == "" || !strings.Contains(pk, gk) && !strings.Contains(gk, pk) {
		return false
	}
	gn := cardNum.FindAllString(gk, -1)
	if len(gn) == 0 {
		return true
	}
	for _, n := range gn {
		if strings.Contains(pk, n) {
			return true
		}
	}
	return false
}

// cardPlace reports whether a predicted location agrees with the gold one:
// equal, or one names the other ("Ohio" in "northeastern Ohio").
func cardPlace(p, g string) bool {
	p, g = cardKey(p), cardKey(g)
	return p == g || p != "" && g != "" && (strings.Contains(g, p) || strings.Contains(p, g))
}

func cardStake(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, strings.ReplaceAll(strings.ReplaceAll(s, " per cent", "%"), " percent", "%"))
}

type cardScore struct{ amtHit, amtGold, amtRight, amtPred, stakeOK, stakeN, placeOK, placeN int }

// scoreCards matches each predicted venture to the gold venture sharing two
// of its parties (one for a one-party gold) and counts its fields.
func scoreCards(g cardGold, vs []model.Venture, log func(string, ...any)) cardScore {
	var sc cardScore
	find := func(name string) int {
		k := cardKey(name)
		for i, c := range g.Companies {
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				if cardKey(n) == k {
					return i
				}
			}
		}
		return -1
	}
	used := map[int]bool{}
	for _, v := range vs {
		ps := map[int]bool{}
		for _, p := range v.Parties {
			if i := find(p); i >= 0 {
				ps[i] = true
			}
		}
		for gi, gv := range g.Ventures {
			n, need := 0, min(2, len(gv.Parties))
			for _, p := range gv.Parties {
				if i := find(p); i >= 0 && ps[i] {
					n++
				}
			}
			if used[gi] || need == 0 || n < need {
				continue
			}
			used[gi] = true
			for _, ga := range gv.Amounts {
				sc.amtGold++
				for _, pa := range v.Amounts {
					if cardAmount(pa, ga) {
						sc.amtHit++
						break
					}
				}
			}
			for _, pa := range v.Amounts {
				sc.amtPred++
				ok := false
				for _, ga := range gv.Amounts {
					ok = ok || cardAmount(pa, ga)
				}
				if ok {
					sc.amtRight++
				} else {
					log("  %v: amount %q is not the deal's (gold %q)", v.Parties, pa, gv.Amounts)
				}
			}
			if gv.Stake != "" || v.Stake != "" {
				sc.stakeN++
				if cardStake(gv.Stake) == cardStake(v.Stake) {
					sc.stakeOK++
				} else {
					log("  %v: stake %q, gold %q", v.Parties, v.Stake, gv.Stake)
				}
			}
			if gv.Location != "" || v.Location != "" {
				sc.placeN++
				if cardPlace(v.Location, gv.Location) {
					sc.placeOK++
				} else {
					log("  %v: location %q, gold %q", v.Parties, v.Location, gv.Location)
				}
			}
			break
		}
	}
	return sc
}

// sampleArticle reads one sample as the loader would see its body: the
// "date YYYY-MM-DD caption" line and the credit lines are not body text.
func sampleArticle(t *testing.T, path string) model.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a model.Article
	var body []string
	lines := strings.Split(string(raw), "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if i == 0 && len(f) >= 2 && f[0] == "date" {
			if d, err := time.Parse("2006-01-02", f[1]); err == nil {
				a.Date = d
				a.Caption = strings.Join(f[2:], " ")
				continue
			}
		}
		if i == 0 && len(lines) > 1 && strings.TrimSpace(lines[1]) == "" {
			a.Title = strings.TrimSpace(line) // a headline line, then a blank one
			continue
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "--") || strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
			continue // credits and editors' notes are no body text
		}
		body = append(body, line)
	}
	a.Body = strings.TrimSpace(strings.Join(body, "\n"))
	a.Paragraphs = segment.Paragraphs(a.Body)
	a.Sentences = segment.Sentences(a.Body)
	return a
}

// TestVentureCardsMatchSampleGolds scores amounts, stakes and locations of
// every sample's venture cards against its gold file. The floors are the
// scores reached: a change that lowers one shows here, with what went wrong.
func TestVentureCardsMatchSampleGolds(t *testing.T) {
	golds, _ := filepath.Glob("../articles/samples/*.gold.json")
	if len(golds) == 0 {
		t.Skip("no sample golds")
	}
	var total cardScore
	for _, gp := range golds {
		txt := strings.TrimSuffix(gp, ".gold.json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		var g cardGold
		raw, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		ann := Article(sampleArticle(t, txt))
		sc := scoreCards(g, ann.Ventures, func(f string, args ...any) { t.Logf(filepath.Base(txt)+f, args...) })
		total.amtHit += sc.amtHit
		total.amtGold += sc.amtGold
		total.amtRight += sc.amtRight
		total.amtPred += sc.amtPred
		total.stakeOK += sc.stakeOK
		total.stakeN += sc.stakeN
		total.placeOK += sc.placeOK
		total.placeN += sc.placeN
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("amounts found %d/%d, amounts right %d/%d, stakes %d/%d, locations %d/%d", total.amtHit, total.amtGold,
		total.amtRight, total.amtPred, total.stakeOK, total.stakeN, total.placeOK, total.placeN)
	for _, c := range []struct {
		field     string
		got, want float64
	}{
		{"gold amounts found", ratio(total.amtHit, total.amtGold), 0.90},
		{"predicted amounts right", ratio(total.amtRight, total.amtPred), 0.85},
		{"stakes", ratio(total.stakeOK, total.stakeN), 0.95},
		{"locations", ratio(total.placeOK, total.placeN), 0.95},
	} {
		if c.got < c.want {
			t.Errorf("%s: %.2f, below %.2f", c.field, c.got, c.want)
		}
	}
}
