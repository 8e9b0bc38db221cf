package annotate

import (
	"strconv"
	"strings"

	"newsmark/model"
)

// Venture fields: everything comes from the evidence sentences' own figures
// and places, in the article's words.

var vKindWords = map[model.VentureKind]string{
	model.JointVenture: "joint venture", model.Partnership: "partnership", model.Investment: "investment",
	model.Acquisition: "acquisition", model.Merger: "merger", model.Project: "project",
}

// vPastCues date a deal before the story ("bought Arm in 2016", "weeks before").
var vPastCues = []string{
	"last year", "last month", "last week", "last summer", "last spring", "last autumn", "last fall",
	"last winter", "previously", "earlier this year", "earlier this month", "in the past", "weeks before",
	"months before", "years before", "years ago", "months ago", "weeks ago", "had agreed", "had been",
	"had sought", "had offered", "had put", "first reported", "not the companies’ first", "not the companies' first",
	"since then", "has previously", "had a stake", "was created", "was established", "already",
	"last january", "last february", "last march", "last april", "last may", "last june", "last july",
	"last august", "last september", "last october", "last november", "last december", "last quarter",
}

func (vb *vBuilder) finish(a model.Article) []model.Venture {
	if len(vb.vs) == 0 {
		return nil
	}
	d := vb.d
	year := vb.storyYear(a)
	out := make([]model.Venture, 0, len(vb.vs))
	for _, v := range vb.vs {
		mv := model.Venture{Kind: v.kind, Parties: []string{}, PartyIDs: []string{}, Amounts: []string{},
			Evidence: []model.Span{}, Status: model.Announced}
		for _, p := range v.parties {
			mv.Parties = append(mv.Parties, d.ents[p].Name())
			mv.PartyIDs = append(mv.PartyIDs, d.ents[p].ID)
		}
		for _, si := range v.sents {
			mv.Evidence = append(mv.Evidence, d.sents[si])
		}
		for _, c := range v.spans {
			vb.fields(&mv, c)
		}
		for _, p := range v.prices {
			if text := d.body[p.Start:p.End]; !vHasString(mv.Amounts, text) && len(mv.Amounts) < 4 {
				mv.Amounts = append(mv.Amounts, text)
			}
		}
		if vb.past(v.spans[0], d.sents[v.sents[0]], year) {
			mv.Status = model.Background
		}
		if mv.Kind == model.Acquisition && vb.minorityStakeText(mv.Stake) {
			mv.Kind = model.Investment // buying a minority stake is an investment
		}
		mv.Summary = vSummary(mv)
		out = append(out, mv)
	}
	return out
}

// fields fills the empty fields of mv from the figures and places of s.
func (vb *vBuilder) fields(mv *model.Venture, s model.Span) {
	d := vb.d
	b := d.body
	lower := "" // the clause in lower case, made when a percent needs it
	for _, f := range vb.figsIn(s.Start, s.End) {
		e := d.ents[f.ent]
		text := b[f.start:f.end]
		before := strings.ToLower(b[max(s.Start, f.start-40):f.start])
		switch {
		case e.Kind == model.Place:
			if mv.Location == "" && vPlacePreposition(before) && !vb.adjectival(f.end, s.End) {
				mv.Location = text
			}
		case e.Subkind == model.Money:
			if !vHasString(mv.Amounts, text) && len(mv.Amounts) < 4 {
				mv.Amounts = append(mv.Amounts, text)
			}
		case e.Subkind == model.Ratio:
			if mv.Stake == "" {
				mv.Stake = text
			}
		case e.Subkind == model.Percent:
			if mv.Stake == "" && lower == "" {
				lower = strings.ToLower(b[s.Start:s.End])
			}
			if mv.Stake == "" && (strings.Contains(lower, "stake") || strings.Contains(lower, "interest") ||
				strings.Contains(lower, "per cent of") || strings.Contains(lower, "% of") ||
				strings.Contains(lower, "percent of") || strings.Contains(lower, "shares")) &&
				!strings.Contains(before, "rose") && !strings.Contains(before, "fell") && !strings.Contains(before, "up ") &&
				!strings.Contains(before, "down ") {
				mv.Stake = text
			}
		case e.Subkind == model.Count:
			lt := strings.ToLower(text)
			if mv.Headcount == "" && (strings.Contains(lt, "people") || strings.Contains(lt, "jobs") ||
				strings.Contains(lt, "workers") || strings.Contains(lt, "employees") || strings.Contains(lt, "staff")) {
				mv.Headcount = text
			}
		case e.Subkind == model.Duration:
			// "over five years" is a timeframe; "500,000 cars a year" a rate
			if mv.Timeframe == "" && !strings.HasPrefix(text, "a ") && !strings.HasPrefix(text, "per ") &&
				!strings.HasPrefix(text, "an ") {
				mv.Timeframe = text
			}
		case e.Subkind == model.Date:
			if mv.Timeframe == "" && (strings.HasSuffix(before, "by ") || strings.HasSuffix(before, "until ") ||
				strings.HasSuffix(before, "close in ") || strings.HasSuffix(before, "completed in ")) {
				mv.Timeframe = text
			}
		}
	}
}

// vPlacePreposition reports whether the text before a place ends with "in",
// "near", "across" or "at", maybe with "the" or one lower-case word between
// ("in northeastern Ohio").
func vPlacePreposition(before string) bool {
	for _, p := range []string{" in ", " near ", " across ", " at "} {
		if strings.HasSuffix(before, p) || strings.HasSuffix(before, p[:len(p)-1]+" the ") {
			return true
		}
		if i := strings.LastIndex(before, p); i >= 0 {
			rest := before[i+len(p):]
			if n := len(rest); n > 1 && rest[n-1] == ' ' && !strings.Contains(rest[:n-1], " ") && qIsLowerStart(rest) {
				return true
			}
		}
	}
	return false
}

// adjectival reports whether a place ending at pos qualifies the noun after
// it ("in U.S. startup Voltaic"), so is no location of the deal.
func (vb *vBuilder) adjectival(pos, end int) bool {
	ts := qTokens(vb.d.body, pos, min(end, pos+24), nil)
	if len(ts) == 0 || !ts[0].word {
		return false
	}
	w := vb.d.body[ts[0].start:ts[0].end]
	return !qIsUpperStart(w) && !vPlaceFollowers[qLowerWord(w)]
}

var vPlaceFollowers = map[string]bool{
	"and": true, "or": true, "to": true, "for": true, "from": true, "by": true, "with": true, "on": true,
	"at": true, "as": true, "which": true, "where": true, "in": true, "over": true, "through": true,
	"until": true, "within": true, "that": true, "while": true, "but": true, "after": true, "before": true,
	"is": true, "was": true, "will": true, "would": true, "has": true, "had": true, "said": true,
}

// minorityStakeText reports whether a stake figure's text is a percentage
// under half ("10%", "2.32 per cent"); ratios such as "50-50" are not.
func (vb *vBuilder) minorityStakeText(stake string) bool {
	if stake == "" || !(strings.Contains(stake, "%") || strings.Contains(stake, "per")) {
		return false
	}
	n := 0.0
	seen := false
	for i := 0; i < len(stake); i++ {
		c := stake[i]
		if c >= '0' && c <= '9' {
			n = n*10 + float64(c-'0')
			seen = true
			continue
		}
		break
	}
	return seen && n < 50
}

func vHasString(a []string, s string) bool {
	for _, x := range a {
		if x == s {
			return true
		}
	}
	return false
}

// storyYear is the year the story was written: its date, else the latest
// year it names that is not a target ("by 2030").
func (vb *vBuilder) storyYear(a model.Article) int {
	if !a.Date.IsZero() {
		return a.Date.Year()
	}
	best := 0
	b := vb.d.body
	for _, f := range vb.figs {
		e := vb.d.ents[f.ent]
		if e.Subkind != model.Date {
			continue
		}
		y := vYearIn(b[f.start:f.end])
		before := strings.ToLower(b[max(0, f.start-8):f.start])
		if y > best && !strings.HasSuffix(before, "by ") && !strings.HasSuffix(before, "until ") &&
			!strings.HasSuffix(before, "to ") && !strings.HasSuffix(before, "through ") {
			best = y
		}
	}
	return best
}

// vYearIn returns the first four-digit year (1900-2099) in s, or 0.
func vYearIn(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if (i == 0 || s[i-1] < '0' || s[i-1] > '9') && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') &&
			s[i+2] >= '0' && s[i+2] <= '9' && s[i+3] >= '0' && s[i+3] <= '9' && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			y, _ := strconv.Atoi(s[i : i+4])
			return y
		}
	}
	return 0
}

// past reports whether sentence s dates its deal before the story.
// The clause s is read with the opening words of its sentence ("Last year,
// A bought B, and C merged with D": both deals are old).
func (vb *vBuilder) past(s, sent model.Span, year int) bool {
	b := vb.d.body
	text := vTrimAsides(b[s.Start:s.End])
	if sent.Start < s.Start {
		if i := strings.IndexByte(b[sent.Start:s.Start], ','); i >= 0 && i < 40 {
			text = b[sent.Start:sent.Start+i] + " " + text
		}
	}
	text = strings.ToLower(text)
	for _, c := range vPastCues {
		if strings.Contains(text, c) {
			return true
		}
	}
	if year > 0 {
		for _, f := range vb.figsIn(s.Start, s.End) {
			if vb.d.ents[f.ent].Subkind != model.Date {
				continue
			}
			if y := vYearIn(vb.d.body[f.start:f.end]); y > 0 && y < year {
				before := strings.ToLower(vb.d.body[max(s.Start, f.start-6):f.start])
				if strings.HasSuffix(before, "in ") || strings.HasSuffix(before, "since ") {
					return true
				}
			}
		}
	}
	return false
}

// vTrimAsides drops ", which ..." and ", who ..." asides: "which was bought
// last year" dates another deal.
func vTrimAsides(t string) string {
	for _, w := range []string{", which ", ", who "} {
		for {
			i := strings.Index(t, w)
			if i < 0 {
				break
			}
			j := strings.IndexByte(t[i+len(w):], ',')
			if j < 0 {
				t = t[:i]
			} else {
				t = t[:i] + t[i+len(w)+j:]
			}
		}
	}
	return t
}

// vSummary is one line a reader takes in at a glance:
// "OpenAI and SoftBank Corp.: 50-50 joint venture in Japan · $3 billion a year · 1,000 people".
func vSummary(v model.Venture) string {
	var sb strings.Builder
	switch len(v.Parties) {
	case 0:
	case 1:
		sb.WriteString(v.Parties[0])
	default:
		sb.WriteString(strings.Join(v.Parties[:len(v.Parties)-1], ", "))
		sb.WriteString(" and ")
		sb.WriteString(v.Parties[len(v.Parties)-1])
	}
	sb.WriteString(": ")
	if v.Status == model.Background {
		sb.WriteString("earlier ")
	}
	if v.Stake != "" {
		sb.WriteString(v.Stake)
		sb.WriteString(" ")
	}
	sb.WriteString(vKindWords[v.Kind])
	if v.Location != "" {
		sb.WriteString(" in ")
		sb.WriteString(v.Location)
	}
	for _, x := range v.Amounts {
		sb.WriteString(" · ")
		sb.WriteString(x)
	}
	if v.Headcount != "" {
		sb.WriteString(" · ")
		sb.WriteString(v.Headcount)
	}
	if v.Timeframe != "" {
		sb.WriteString(" · ")
		sb.WriteString(v.Timeframe)
	}
	return sb.String()
}
