package annotate

import (
	"bytes"
	"sort"
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

func (vb *vBuilder) finish(a model.Article) []model.Venture {
	if len(vb.vs) == 0 {
		return nil
	}
	d := vb.d
	year := vb.storyYear(a)
	out := make([]model.Venture, 0, len(vb.vs))
	for _, v := range vb.vs {
		mv := model.Venture{Kind: v.kind, Cue: v.cue, Parties: []string{}, PartyIDs: []string{}, Amounts: []string{},
			Evidence: []model.Span{}, Status: model.Announced}
		for _, p := range v.parties {
			mv.Parties = append(mv.Parties, d.ents[p].Name())
			mv.PartyIDs = append(mv.PartyIDs, d.ents[p].ID)
		}
		for _, si := range v.sents {
			mv.Evidence = append(mv.Evidence, d.sents[si])
		}
		vb.allFields(&mv, v)
		if mv.Kind == model.Acquisition && vb.minorityStakeText(mv.Stake) {
			// buying a minority stake is an investment: its "equity value of"
			// is the company's worth, so the amounts are read again as such
			mv.Kind, v.kind, mv.Cue = model.Investment, model.Investment, "minority stake"
			mv.Amounts = mv.Amounts[:0]
			vb.allFields(&mv, v)
		}
		// the telling clause whole (asides and all: past() drops them itself)
		told := model.Span{Start: v.spans[0].Start, End: v.spans[min(len(v.spans), max(1, v.firstN))-1].End}
		if vb.past(told, d.sents[v.sents[0]], year) {
			mv.Status = model.Background
		}
		if v.name >= 0 {
			mv.Name = d.ents[v.name].Name()
		}
		mv.Summary = vSummary(mv)
		out = append(out, mv)
	}
	return out
}

// allFields fills mv from every clause of v, then from its prices.
func (vb *vBuilder) allFields(mv *model.Venture, v *vDeal) {
	d := vb.d
	for i, c := range v.spans {
		vb.fields(mv, v, c, i < max(1, v.firstN))
	}
	for _, p := range v.prices {
		s := d.sents[d.sentOf(p.Start)]
		if text := d.body[p.Start:p.End]; !vHasString(mv.Amounts, text) && len(mv.Amounts) < 4 &&
			vb.dealMoney(v, vFig{start: int32(p.Start), end: int32(p.End)}, s.Start) {
			mv.Amounts = append(mv.Amounts, text)
		}
		// "will spend Rs 1,800 crore on a plant outside Pune": the price's
		// sentence may say where the deal's site is
		for _, f := range vb.figsIn(s.Start, s.End) {
			if mv.Location == "" && d.ents[f.ent].Kind == model.Place {
				mv.Location = vb.location(v, f, s, false, d.lowerAt(max(s.Start, int(f.start-40)), int(f.start)))
			}
		}
	}
}

// location returns the place f as the deal's location, or "": after a
// preposition of place in the deal's first clause, after a site word in a
// later one ("a plant in Pune"), or as a party's home ("X GmbH of Stuttgart");
// never a company's seat or a place qualifying a noun.
func (vb *vBuilder) location(v *vDeal, f vFig, s model.Span, first bool, before string) string {
	b := vb.d.body
	if int(f.end) > s.End {
		return ""
	}
	if !(vPlacePreposition(before) && !vb.adjectival(int(f.end), s.End) && !vb.companySeat(v, int(f.start), s.Start) &&
		(first || vSiteWord(before)) ||
		strings.HasSuffix(before, " outside ") && vSiteWord(before) || vb.partyHome(v, int(f.start), s.Start)) {
		return ""
	}
	text := b[f.start:f.end]
	if strings.HasSuffix(before, " the ") && !strings.HasPrefix(text, "the ") && !strings.HasPrefix(text, "The ") {
		text = b[f.start-4 : f.end] // "across the Gulf": the article's words
	}
	return text
}

// fields fills the empty fields of mv from the figures and places of clause
// s of deal v; first marks the clause that told the deal (its trigger).
func (vb *vBuilder) fields(mv *model.Venture, v *vDeal, s model.Span, first bool) {
	d := vb.d
	b := d.body
	lower := ""      // the clause in lower case, made when a percent needs it
	lastMoney := -10 // end of the last amount taken: its conversion in brackets follows
	for _, f := range vb.figsIn(s.Start, s.End) {
		if int(f.end) > s.End {
			continue
		}
		e := &d.ents[f.ent]
		text := b[f.start:f.end]
		// the words before the figure, lower-cased only for a field still
		// empty that reads them (most figures are amounts, which do not)
		ctx := max(s.Start, int(f.start-40))
		switch {
		case e.Kind == model.Place:
			if mv.Location == "" {
				mv.Location = vb.location(v, f, s, first, d.lowerAt(ctx, int(f.start)))
			}
		case e.Subkind == model.Money:
			if vConversion(b, lastMoney, int(f.start)) || vb.dealMoney(v, f, s.Start) {
				lastMoney = int(f.end)
				if !vHasString(mv.Amounts, text) && len(mv.Amounts) < 4 {
					mv.Amounts = append(mv.Amounts, text)
				}
			}
		case e.Subkind == model.Ratio:
			// the full split wins over one side's percentage ("51%" ... "a 51:49 split")
			if mv.Stake == "" || !vIsRatioText(mv.Stake) {
				mv.Stake = text
			}
		case e.Subkind == model.Percent:
			if mv.Stake != "" || e.Unit == "bp" || e.Unit == "pp" {
				break // basis and percentage points move a rate; they own nothing
			}
			if lower == "" {
				lower = strings.ToLower(b[s.Start:s.End])
			}
			if before := d.lowerAt(ctx, int(f.start)); containsAny(lower, lex.vStakeText) && !containsAny(before, lex.vMoveBefore) &&
				!vb.followedBy(int(f.end), s.End, " of its share capital") {
				// "new shares equal to 10% of its share capital" fund a deal, they are no stake in it
				mv.Stake = text
			}
		case e.Subkind == model.Count:
			if mv.Headcount != "" {
				break
			}
			if containsAny(strings.ToLower(text), lex.vHeadcount) {
				mv.Headcount = text
			}
		case e.Subkind == model.Duration:
			if mv.Timeframe == "" && vb.dealDuration(f, s.Start, d.lowerAt(ctx, int(f.start))) {
				mv.Timeframe = text
			}
		case e.Subkind == model.Date:
			// "close by June"; "suspend trading until Monday" dates no deal
			if mv.Timeframe != "" {
				break
			}
			if before := d.lowerAt(ctx, int(f.start)); strings.HasSuffix(before, "by ") ||
				strings.HasSuffix(before, "close in ") || strings.HasSuffix(before, "completed in ") {
				mv.Timeframe = text
			}
		}
	}
}

// vConversion reports whether the amount at pos converts the one ending at
// prev: "9.4 trillion won ($6.8 billion)", "¥312 billion, or about US$2.1 billion".
func vConversion(b string, prev, pos int) bool {
	if prev < 0 || pos < prev || pos-prev > 16 {
		return false
	}
	gap := strings.TrimSpace(strings.Trim(b[prev:pos], " ,(;"))
	return gap == "" || gap == "or" || gap == "or about" || gap == "or roughly" || gap == "about"
}

// followedBy reports whether the body at pos, before end, starts with w
// (ASCII case folded).
func (vb *vBuilder) followedBy(pos, end int, w string) bool {
	return pos+len(w) <= end && vb.d.lowerAt(pos, pos+len(w)) == w
}

// vIsRatioText reports whether a stake reads as a split ("50-50", "51:49").
func vIsRatioText(s string) bool {
	return strings.IndexByte(s, ':') > 0 || strings.IndexByte(s, '-') > 0 && !strings.Contains(s, "%")
}

// dealMoney reports whether the money figure f, in a clause starting at
// from, is an amount of deal v: not a party's market value or results
// (unless a merger's combined value), not a valuation set by a funding
// round, not the price of another named project.
func (vb *vBuilder) dealMoney(v *vDeal, f vFig, from int) bool {
	b := vb.d.body
	var lb [64]byte
	before := qLowerASCII(lb[:0], b[max(from, int(f.start-48)):f.start])
	// "valuing a 10% stake at up to $1.5bn": the deal's own stake is priced
	// (Contains first: a vector search, where LastIndex reads byte by byte)
	if stake := []byte(" stake"); bytes.Contains(before, stake) &&
		bytes.Contains(before[bytes.LastIndex(before, stake):], []byte(" at ")) {
		return true
	}
	// a merger's "combined market value of" is its size: a company's size
	// only when "combined" does not come before the first of the words
	// (coming before it, it comes before every later one too)
	if i := phraseIndex(lex.vNotDealMoney, before); i >= 0 &&
		!(v.kind == model.Merger && bytes.Contains(before[:i], []byte("combined"))) {
		return false
	}
	if v.kind == model.Investment && containsAnyBytes(before, lex.vValuation) {
		return false // a funding round "values X at": the company's worth, not the money raised
	}
	ts := vb.d.firstWords(int(f.end), min(len(b), int(f.end+64)), 4, vb.after[:0]) // the four read below
	vb.after = ts
	// "a €500m loan", "a ¥150 billion bridge loan": how a deal is paid for, not its amount
	for k := 0; k < len(ts) && k < 3 && ts[k].word; k++ {
		w := vb.d.lw(ts[k].start, ts[k].end)
		if lex.vFinancing[w] || k == 0 && lex.vNotDeal[w] {
			return false
		}
		if k == 1 {
			switch p := vb.d.lw(ts[0].start, ts[0].end); {
			case w == "settle" && p == "to": // "pay $850m to settle the suit"
				return false
			case (w == "equity" || w == "debt") && (p == "of" || p == "in"):
				return false // "put in 900 million euros of equity and borrow the rest": how it is funded
			}
		}
	}
	// "the $100 billion Stargate endeavor": a name then a project noun
	if len(ts) >= 2 && ts[0].word && qIsUpperStart(b[ts[0].start:ts[0].end]) && !vb.partyAt(v, ts[0].start) {
		for k := 1; k < len(ts) && k <= 3 && ts[k].word; k++ {
			if lex.vProject[vb.d.lw(ts[k].start, ts[k].end)] {
				return false
			}
		}
	}
	return true
}

// partyAt reports whether pos lies in a mention of one of v's parties.
func (vb *vBuilder) partyAt(v *vDeal, pos int) bool {
	ms := vb.d.ments
	i := sort.Search(len(ms), func(i int) bool { return int(ms[i].start) > pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if m := ms[j]; int(m.start) <= pos && pos < int(m.end) {
			for _, p := range v.parties {
				if vb.sameParty(p, int(m.ent)) {
					return true
				}
			}
		}
	}
	return false
}

// dealDuration reports whether duration f is the deal's timeframe: it
// follows a preposition of time span or the deal's amount, or qualifies a
// deal noun ("a 10-year partnership"); "the largest expansion in two
// decades" is a comparison, "500,000 cars a year" a rate.
func (vb *vBuilder) dealDuration(f vFig, from int, before string) bool {
	b := vb.d.body
	text := b[f.start:f.end]
	if strings.HasPrefix(text, "a ") || strings.HasPrefix(text, "per ") || strings.HasPrefix(text, "an ") {
		return false
	}
	for _, p := range lex.vDurationPreps {
		if strings.HasSuffix(before, p) || vHasSuffix2(before, p, "the ") {
			return true
		}
	}
	// "$1.2 billion in five years": right after an amount
	if strings.HasSuffix(before, " in ") {
		for _, g := range vb.figsIn(max(from, int(f.start-48)), int(f.start)) {
			if vb.d.ents[g.ent].Subkind == model.Money && strings.TrimSpace(b[g.end:f.start]) == "in" {
				return true
			}
		}
	}
	// "a 10-year partnership"
	ts := vb.d.firstWords(int(f.end), min(len(b), int(f.end+32)), 1, vb.after[:0])
	vb.after = ts
	return strings.Contains(text, "-") && len(ts) > 0 && ts[0].word && lex.vTerm[vb.d.lw(ts[0].start, ts[0].end)]
}

func vSiteWord(before string) bool {
	for _, w := range lex.vSites {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// partyHome reports whether the place at pos follows a party's name and
// "of" ("Brandauer Sensorik GmbH of Stuttgart"): where the deal's company is.
func (vb *vBuilder) partyHome(v *vDeal, pos, from int) bool {
	b := vb.d.body
	if pos-4 < from || b[pos-4:pos] != " of " {
		return false
	}
	end := pos - 4
	for _, m := range vb.d.mentionsIn(max(from, end-80), end+1) {
		if int(m.end) == end && vb.d.ents[m.ent].Kind == model.Company && vb.partyAt(v, int(m.start)) {
			return true
		}
	}
	return false
}

// companySeat reports whether the place at pos follows the name of a
// company that is no party of v and "in" ("an analyst at Halden Securities
// in London"): that company's seat, not the deal's location. A party's
// place is kept ("founded Futeng Co. in Nanjing").
func (vb *vBuilder) companySeat(v *vDeal, pos, from int) bool {
	b := vb.d.body
	i := pos - 1
	for i > from && b[i] == ' ' {
		i--
	}
	if i-1 < from || b[i-1:i+1] != "in" || i-2 < from || b[i-2] != ' ' {
		return false
	}
	end := i - 2
	for _, m := range vb.d.mentionsIn(max(from, end-80), end+1) {
		if int(m.end) == end && vb.d.ents[m.ent].Kind == model.Company && !vb.partyAt(v, int(m.start)) {
			return true
		}
	}
	return false
}

// vPlacePreposition reports whether the text before a place ends with "in",
// "near", "across" or "at", maybe with "the" or one lower-case word between
// ("in northeastern Ohio").
func vPlacePreposition(before string) bool {
	for _, p := range []string{" in ", " near ", " across ", " at "} {
		if strings.HasSuffix(before, p) || vHasSuffix2(before, p[:len(p)-1], " the ") {
			return true
		}
		// (Contains first: a vector search, where LastIndex reads byte by byte)
		if strings.Contains(before, p) {
			rest := before[strings.LastIndex(before, p)+len(p):]
			if n := len(rest); n > 1 && rest[n-1] == ' ' && !strings.Contains(rest[:n-1], " ") && qIsLowerStart(rest) {
				return true
			}
		}
	}
	return false
}

// vHasSuffix2 is strings.HasSuffix(s, a+b) without making a+b.
func vHasSuffix2(s, a, b string) bool {
	return strings.HasSuffix(s, b) && strings.HasSuffix(s[:len(s)-len(b)], a)
}

// adjectival reports whether a place ending at pos qualifies the noun after
// it ("in U.S. startup Voltaic"), so is no location of the deal.
func (vb *vBuilder) adjectival(pos, end int) bool {
	if b := vb.d.body; pos < end && (b[pos] == '\'' || strings.HasPrefix(b[pos:end], "’")) {
		return true // "Asia's third largest economy": the place qualifies what follows
	}
	ts := vb.d.firstWords(pos, min(end, pos+24), 1, vb.after[:0])
	vb.after = ts
	if len(ts) == 0 || !ts[0].word {
		return false
	}
	w := vb.d.body[ts[0].start:ts[0].end]
	lw := qLowerWord(w)
	if strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed") {
		return false // "in the North Sea costing 2.5 billion euros": a participle, not a noun
	}
	return !qIsUpperStart(w) && !lex.vPlaceFollower[lw]
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
		e := &vb.d.ents[f.ent]
		if e.Subkind != model.Date {
			continue
		}
		y := vYearIn(b[f.start:f.end])
		if y <= best {
			continue
		}
		var lb [8]byte // ASCII lower case is enough for the words below, and allocates nothing
		before := string(qLowerASCII(lb[:0], b[max(0, f.start-8):f.start]))
		if !strings.HasSuffix(before, "by ") && !strings.HasSuffix(before, "until ") &&
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
	if phraseIndex(lex.vPast, strings.ToLower(text)) >= 0 {
		return true
	}
	if year > 0 {
		for _, f := range vb.figsIn(s.Start, s.End) {
			if vb.d.ents[f.ent].Subkind != model.Date {
				continue
			}
			if y := vYearIn(vb.d.body[f.start:f.end]); y > 0 && y < year {
				before := strings.ToLower(vb.d.body[max(s.Start, int(f.start-6)):f.start])
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

// containsAny reports whether text holds any of phrases.
func containsAny(text string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// containsAnyBytes is containsAny of a byte slice.
func containsAnyBytes(text []byte, phrases []string) bool {
	for _, p := range phrases {
		if bytes.Contains(text, []byte(p)) {
			return true
		}
	}
	return false
}
