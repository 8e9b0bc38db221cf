package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsmark/model"
)

// Rule tests are cases in testdata/cases/*.txt: one line of text with its
// annotations marked inline, run by TestCases. A new case is one line.
//
//	[[Crest Nicholson|company]] said profits fell 3% on [[Monday|date]].
//
// A mark is [[TEXT|KIND]], KIND one of company, person, place, the figure
// kinds (money, percent, ratio, count, duration, date) or quote, and
// optionally:
//
//	=NAME     the entity's canonical name ([[Son|person=Kenji Son]]); without
//	          it a company, person or place must be named as marked; for a
//	          quote, its speaker (none: no speaker); for a figure, "VALUE
//	          UNIT" and "per PER" ([[$3 billion a year|money=3e9 USD per year]])
//	#CUE      the rule that marked it ([[Acme Corp.|company#suffix]]; for a
//	          quote, the rule that found its speaker)
//
// Marks nest (a quote holding a name). Every kind a case marks is checked
// exactly: each mark must be found, and nothing else of that kind; kinds it
// does not mark are not checked, unless "@check=KIND,KIND" lists them (to
// say there is none). "@partial" lets other mentions of the marked kinds
// be; [[TEXT|!KIND]] says no mention of KIND spans TEXT. After " => " come the ventures, all of them, in
// order, separated by " ;; ", or "none":
//
//	=> acquisition: Kestrel Works + Alder Mills | amounts $16 billion & $12 billion | evidence 2
//
// with kind and parties always checked, and the fields listed (amounts,
// stake, location, headcount, timeframe, name, status, summary, cue, ids:
// the parties' entity ids, evidence: the number of sentences; "" for
// empty). In a "@given" case a figure's "=VALUE UNIT" is handed on too. Before the text, "@date=YYYY-MM-DD" dates
// the article, and "@given" hands the marked entities and figures to the
// quote and venture passes in place of the entity pass (the marks are then
// the passes' input, not checked). "\n" in the text is a line break. A line
// starting with # is a comment; the one right above a case names it.

// mark is one [[TEXT|SPEC]] of a case: a span of its text.
type mark struct {
	start, end int
	kind       string // company, person, place, a figure kind, quote
	name       string // after =
	cue        string // after #
	not        bool   // [[TEXT|!KIND]]: no mention of KIND spans TEXT
}

// ventureWant is one venture a case expects.
type ventureWant struct {
	kind    model.VentureKind
	parties []string
	fields  map[string]string
}

// ruleCase is one line of testdata/cases.
type ruleCase struct {
	where    string // file:line and the comment above
	text     string
	marks    []mark
	checked  map[string]bool
	given    bool
	partial  bool
	date     time.Time
	ventures []ventureWant
	noDeals  bool
	vChecked bool
}

var figureKinds = map[string]model.FigureKind{"money": model.Money, "percent": model.Percent, "ratio": model.Ratio,
	"count": model.Count, "duration": model.Duration, "date": model.Date}

func validKind(k string) bool {
	_, fig := figureKinds[k]
	return fig || k == "company" || k == "person" || k == "place" || k == "quote"
}

// parseCase reads one case line.
func parseCase(where, line string) (ruleCase, error) {
	c := ruleCase{where: where, checked: map[string]bool{}}
	for strings.HasPrefix(line, "@") {
		tok, rest, _ := strings.Cut(line, " ")
		line = rest
		key, val, _ := strings.Cut(tok[1:], "=")
		switch key {
		case "given":
			c.given = true
		case "partial":
			c.partial = true
		case "date":
			d, err := time.Parse("2006-01-02", val)
			if err != nil {
				return c, err
			}
			c.date = d
		case "check":
			for _, k := range strings.Split(val, ",") {
				if !validKind(k) {
					return c, fmt.Errorf("@check: no kind %q", k)
				}
				c.checked[k] = true
			}
		default:
			return c, fmt.Errorf("unknown directive %s", tok)
		}
	}
	text, deals, hasDeals := strings.Cut(line, " => ")
	text = strings.ReplaceAll(text, `\n`, "\n")
	var plain strings.Builder
	var open []int // starts of the marks being read
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "[["):
			open = append(open, plain.Len())
			i += 2
		case text[i] == '|' && len(open) > 0:
			end := strings.Index(text[i:], "]]")
			if end < 0 {
				return c, fmt.Errorf("mark at %d not closed", i)
			}
			spec := text[i+1 : i+end]
			m := mark{start: open[len(open)-1], end: plain.Len()}
			open = open[:len(open)-1]
			spec, m.cue, _ = strings.Cut(spec, "#")
			m.kind, m.name, _ = strings.Cut(spec, "=")
			if m.kind, m.not = strings.CutPrefix(m.kind, "!"); !validKind(m.kind) {
				return c, fmt.Errorf("mark %q: no kind %q", text[i:i+end+2], m.kind)
			}
			c.marks = append(c.marks, m)
			if !m.not {
				c.checked[m.kind] = true
			}
			i += end + 2
		default:
			plain.WriteByte(text[i])
			i++
		}
	}
	if len(open) > 0 {
		return c, fmt.Errorf("%d marks not closed", len(open))
	}
	c.text = plain.String()
	if hasDeals {
		c.vChecked = true
		if strings.TrimSpace(deals) == "none" {
			c.noDeals = true
		} else {
			for _, v := range strings.Split(deals, " ;; ") {
				head, fields, _ := strings.Cut(v, " | ")
				kind, parties, ok := strings.Cut(head, ": ")
				if !ok {
					return c, fmt.Errorf("venture %q: want KIND: PARTY + PARTY", v)
				}
				w := ventureWant{kind: model.VentureKind(strings.TrimSpace(kind)), fields: map[string]string{}}
				for _, p := range strings.Split(parties, " + ") {
					w.parties = append(w.parties, strings.TrimSpace(p))
				}
				if fields != "" {
					for _, f := range strings.Split(fields, " | ") {
						name, val, _ := strings.Cut(strings.TrimSpace(f), " ")
						if val == `""` {
							val = ""
						}
						w.fields[name] = val
					}
				}
				c.ventures = append(c.ventures, w)
			}
		}
	}
	return c, nil
}

// readCases reads every case of testdata/cases.
func readCases(t *testing.T) []ruleCase {
	t.Helper()
	files, _ := filepath.Glob("testdata/cases/*.txt")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/cases")
	}
	var out []ruleCase
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		comment := ""
		for n, line := range strings.Split(string(raw), "\n") {
			if strings.TrimSpace(line) == "" {
				comment = ""
				continue
			}
			if strings.HasPrefix(line, "#") {
				comment = strings.TrimSpace(strings.TrimPrefix(line, "#"))
				continue
			}
			where := fmt.Sprintf("%s:%d", filepath.Base(f), n+1)
			if comment != "" {
				where += " (" + comment + ")"
			}
			c, err := parseCase(where, line)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			out = append(out, c)
		}
	}
	return out
}

// givenEntities turns a case's entity and figure marks into the entity
// pass's output: one entity per kind and name, ids in order of first mark.
func givenEntities(c ruleCase) []model.Entity {
	var ents []model.Entity
	at := map[string]int{}
	for _, m := range c.marks {
		if m.kind == "quote" {
			continue
		}
		text := c.text[m.start:m.end]
		name := m.name
		if name == "" || figureKinds[m.kind] != "" {
			name = text
		}
		key := m.kind + "\x00" + name
		i, ok := at[key]
		if !ok {
			e := model.Entity{ID: "e" + strconv.Itoa(len(ents)+1), Kind: model.EntityKind(m.kind), Text: text, Canonical: name}
			if sub, fig := figureKinds[m.kind]; fig {
				e.Kind, e.Subkind, e.Canonical = model.Figure, sub, ""
				if f := strings.Fields(m.name); len(f) > 0 { // "VALUE UNIT"
					e.Value, _ = strconv.ParseFloat(f[0], 64)
					if len(f) > 1 {
						e.Unit = f[1]
					}
				}
			}
			ents = append(ents, e)
			i = len(ents) - 1
			at[key] = i
		}
		ents[i].Mentions = append(ents[i].Mentions, model.Span{Start: m.start, End: m.end})
	}
	return ents
}

// runCase annotates a case's text as the case asks.
func runCase(c ruleCase) model.Annotations {
	a := model.Article{Body: c.text, Date: c.date}
	if !c.given {
		return Article(a)
	}
	qs, ents := quotes(a, givenEntities(c))
	return model.Annotations{Entities: ents, Quotes: qs, Ventures: ventures(a, ents, qs)}
}

// foundMarks are the annotations of the kinds a case checks, as marks.
func foundMarks(c ruleCase, ann model.Annotations) []mark {
	var out []mark
	for _, e := range ann.Entities {
		kind := string(e.Kind)
		if e.Kind == model.Figure {
			kind = string(e.Subkind)
		}
		if c.given && kind != "quote" || !c.checked[kind] {
			continue
		}
		for _, m := range e.Mentions {
			fm := mark{start: m.Start, end: m.End, kind: kind, cue: e.Cue}
			if e.Kind == model.Figure {
				fm.name = figureSpec(e)
			} else if e.Name() != c.text[m.Start:m.End] {
				fm.name = e.Name()
			}
			out = append(out, fm)
		}
	}
	if c.checked["quote"] {
		for _, q := range ann.Quotes {
			out = append(out, mark{start: q.Start, end: q.End, kind: "quote", name: q.Speaker, cue: q.Cue})
		}
	}
	sortMarks(out)
	return out
}

// sameFigure reports whether two figure specs ("3e9 USD per year") say
// the same: the values as numbers, the rest as words.
func sameFigure(want, got string) bool {
	wf, gf := strings.Fields(want), strings.Fields(got)
	if len(wf) != len(gf) || len(wf) == 0 {
		return false
	}
	wv, err1 := strconv.ParseFloat(wf[0], 64)
	gv, err2 := strconv.ParseFloat(gf[0], 64)
	return err1 == nil && err2 == nil && wv == gv && slices.Equal(wf[1:], gf[1:])
}

// figureSpec is a figure's value, unit and rate as a case writes them.
func figureSpec(e model.Entity) string {
	s := strconv.FormatFloat(e.Value, 'g', -1, 64) + " " + e.Unit
	if e.Per != "" {
		s += " per " + e.Per
	}
	return s
}

func sortMarks(ms []mark) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
}

// render writes text with marks, as a case line reads (names and cues only
// where want asks for them, so the two lines compare word for word).
func render(text string, ms []mark, want []mark) string {
	type edge struct {
		at   int
		open bool
		m    mark
	}
	var edges []edge
	for _, m := range ms {
		edges = append(edges, edge{m.start, true, m}, edge{m.end, false, m})
	}
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].at != edges[j].at {
			return edges[i].at < edges[j].at
		}
		return !edges[i].open && edges[j].open // close before open
	})
	asked := func(m mark) (name, cue bool) {
		for _, w := range want {
			if w.start == m.start && w.end == m.end && w.kind == m.kind {
				return w.name != "" || m.kind == "quote" && m.name != "", w.cue != ""
			}
		}
		return m.name != "" && figureKinds[m.kind] == "", false
	}
	var b strings.Builder
	at := 0
	for _, e := range edges {
		b.WriteString(text[at:e.at])
		at = e.at
		if e.open {
			b.WriteString("[[")
			continue
		}
		b.WriteString("|" + e.m.kind)
		if n, c := asked(e.m); n && e.m.name != "" {
			b.WriteString("=" + e.m.name)
			if c {
				b.WriteString("#" + e.m.cue)
			}
		} else if c {
			b.WriteString("#" + e.m.cue)
		}
		b.WriteString("]]")
	}
	b.WriteString(text[at:])
	return strings.ReplaceAll(b.String(), "\n", `\n`)
}

// checkCase returns what differs between a case and its annotations.
func checkCase(c ruleCase, ann model.Annotations) []string {
	var diffs []string
	want := slices.Clone(c.marks)
	if c.given {
		want = slices.DeleteFunc(want, func(m mark) bool { return m.kind != "quote" })
	}
	var nots []mark
	want = slices.DeleteFunc(want, func(m mark) bool {
		if m.not {
			nots = append(nots, m)
		}
		return m.not
	})
	sortMarks(want)
	all := c
	all.checked = map[string]bool{}
	for k := range c.checked {
		all.checked[k] = true
	}
	for _, n := range nots {
		all.checked[n.kind] = true
	}
	found := foundMarks(all, ann)
	key := func(m mark) string { return fmt.Sprintf("%d:%d:%s", m.start, m.end, m.kind) }
	byKey := map[string]mark{}
	for _, f := range found {
		byKey[key(f)] = f
	}
	for _, n := range nots {
		if _, ok := byKey[key(n)]; ok {
			diffs = append(diffs, fmt.Sprintf("%s %q at %d, want none there", n.kind, c.text[n.start:n.end], n.start))
		}
	}
	found = slices.DeleteFunc(found, func(f mark) bool { return !c.checked[f.kind] })
	wanted := map[string]bool{}
	for _, w := range want {
		wanted[key(w)] = true
		f, ok := byKey[key(w)]
		text := c.text[w.start:w.end]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("missing %s %q at %d", w.kind, text, w.start))
		case w.kind == "quote" && w.name != f.name:
			diffs = append(diffs, fmt.Sprintf("quote %q: speaker %q, want %q", text, f.name, w.name))
		case figureKinds[w.kind] != "":
			if w.name != "" && !sameFigure(w.name, f.name) {
				diffs = append(diffs, fmt.Sprintf("%s %q: %q, want %q", w.kind, text, f.name, w.name))
			}
		case w.kind != "quote" && w.name != f.name:
			diffs = append(diffs, fmt.Sprintf("%s %q: %q, want %q", w.kind, text, f.name, w.name))
		}
		if ok && w.cue != "" && w.cue != f.cue {
			diffs = append(diffs, fmt.Sprintf("%s %q: cue %q, want %q", w.kind, text, f.cue, w.cue))
		}
	}
	for _, f := range found {
		if !wanted[key(f)] && !c.partial {
			diffs = append(diffs, fmt.Sprintf("extra %s %q at %d", f.kind, c.text[f.start:f.end], f.start))
		}
	}
	if c.vChecked {
		vs := ann.Ventures
		if len(vs) != len(c.ventures) {
			diffs = append(diffs, fmt.Sprintf("%d ventures, want %d", len(vs), len(c.ventures)))
		}
		for i := 0; i < len(vs) && i < len(c.ventures); i++ {
			v, w := vs[i], c.ventures[i]
			if v.Kind != w.kind || strings.Join(v.Parties, " + ") != strings.Join(w.parties, " + ") {
				diffs = append(diffs, fmt.Sprintf("venture %d: %s: %s, want %s: %s", i+1, v.Kind, strings.Join(v.Parties, " + "),
					w.kind, strings.Join(w.parties, " + ")))
			}
			got := map[string]string{"amounts": strings.Join(v.Amounts, " & "), "stake": v.Stake, "location": v.Location,
				"headcount": v.Headcount, "timeframe": v.Timeframe, "name": v.Name, "status": v.Status,
				"evidence": strconv.Itoa(len(v.Evidence)), "cue": v.Cue, "summary": v.Summary, "ids": strings.Join(v.PartyIDs, " + ")}
			for _, f := range slices.Sorted(mapKeys(w.fields)) {
				if g, ok := got[f]; !ok {
					diffs = append(diffs, fmt.Sprintf("venture %d: no field %q", i+1, f))
				} else if g != w.fields[f] {
					diffs = append(diffs, fmt.Sprintf("venture %d: %s %q, want %q", i+1, f, g, w.fields[f]))
				}
			}
		}
	}
	if len(diffs) > 0 {
		diffs = append([]string{"want:  " + render(c.text, want, want), "found: " + render(c.text, found, want)}, diffs...)
		if c.vChecked {
			diffs = append(diffs, "found ventures: "+showVentures(ann.Ventures))
		}
	}
	return diffs
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// showVentures writes ventures as a case's " => " part.
func showVentures(vs []model.Venture) string {
	if len(vs) == 0 {
		return "none"
	}
	var parts []string
	for _, v := range vs {
		s := string(v.Kind) + ": " + strings.Join(v.Parties, " + ")
		for _, f := range [][2]string{{"amounts", strings.Join(v.Amounts, " & ")}, {"stake", v.Stake}, {"location", v.Location},
			{"headcount", v.Headcount}, {"timeframe", v.Timeframe}, {"name", v.Name}, {"status", v.Status}} {
			if f[1] != "" {
				s += " | " + f[0] + " " + f[1]
			}
		}
		parts = append(parts, s+" | evidence "+strconv.Itoa(len(v.Evidence)))
	}
	return strings.Join(parts, " ;; ")
}

// TestCases runs every case of testdata/cases.
func TestCases(t *testing.T) {
	t.Parallel()
	for _, c := range readCases(t) {
		if diffs := checkCase(c, runCase(c)); len(diffs) > 0 {
			t.Errorf("%s:\n\t%s", c.where, strings.Join(diffs, "\n\t"))
		}
	}
}

// The runner itself: a mark is read where it stands, nested marks too, and
// a case that is wrong is told apart from one that is right.
func TestCaseRunnerReadsMarksAndFindsDifferences(t *testing.T) {
	c, err := parseCase("x", `@date=2024-03-01 “[[[[Kestrel|company=Kestrel Works Ltd.]] stays|quote=Ada Vane#after]],” [[Ada Vane|person]] said. => none`)
	if err != nil {
		t.Fatal(err)
	}
	if c.text != "“Kestrel stays,” Ada Vane said." || len(c.marks) != 3 || !c.noDeals || c.date.Year() != 2024 {
		t.Fatalf("parsed %+v", c)
	}
	if m := c.marks[0]; c.text[m.start:m.end] != "Kestrel" || m.name != "Kestrel Works Ltd." {
		t.Errorf("inner mark %+v", m)
	}
	if m := c.marks[1]; c.text[m.start:m.end] != "Kestrel stays" || m.kind != "quote" || m.name != "Ada Vane" || m.cue != "after" {
		t.Errorf("quote mark %+v", m)
	}
	right, _ := parseCase("x", `[[Northwind Holdings Corp.|company]] will buy [[Bluefin Ltd.|company]]. => acquisition: Northwind Holdings Corp. + Bluefin Ltd.`)
	if d := checkCase(right, runCase(right)); len(d) > 0 {
		t.Errorf("a right case fails: %v", d)
	}
	for _, wrong := range []string{
		`[[Northwind Holdings Corp.|company]] will buy Bluefin Ltd..`,
		`[[Northwind|company]] Holdings Corp. will buy [[Bluefin Ltd.|company]].`,
		`[[Northwind Holdings Corp.|company#context]] will buy [[Bluefin Ltd.|company]].`,
		`[[Northwind Holdings Corp.|person]] will buy [[Bluefin Ltd.|company]].`,
		`[[Northwind Holdings Corp.|company]] will buy [[Bluefin Ltd.|company]]. => none`,
		`[[Northwind Holdings Corp.|company]] will buy [[Bluefin Ltd.|company]]. => merger: Northwind Holdings Corp. + Bluefin Ltd.`,
		`Northwind Holdings Corp. will buy Bluefin Ltd. for [[$2 billion|money=3e9 USD]].`,
	} {
		c, err := parseCase("x", wrong)
		if err != nil {
			t.Fatal(err)
		}
		if d := checkCase(c, runCase(c)); len(d) == 0 {
			t.Errorf("a wrong case passes: %s", wrong)
		} else if !strings.HasPrefix(d[0], "want:  ") || !strings.HasPrefix(d[1], "found: ") {
			t.Errorf("no readable diff: %v", d)
		}
	}
}

// Every rule that marks something fires in some case, and its cue says so:
// a rule no case fires is a rule no test holds.
func TestEveryRuleFiresInACase(t *testing.T) {
	t.Parallel()
	entityCues, quoteCues := map[string]bool{}, map[string]bool{}
	for _, c := range readCases(t) {
		ann := runCase(c)
		for _, e := range ann.Entities {
			entityCues[e.Cue] = true
		}
		for _, q := range ann.Quotes {
			quoteCues[q.Cue] = true
		}
	}
	// the chunk cues that name an entity (alias, wire and institution
	// attach a run to an entity or skip it: no entity carries them)
	want := []string{"number", "speaker", "relative-time", "range", "count-elsewhere"}
	for _, c := range chunkCues {
		if c != "" && c != "alias" && c != "wire" && c != "institution" {
			want = append(want, c)
		}
	}
	for _, c := range want {
		if !entityCues[c] {
			t.Errorf("no case marks an entity by %q", c)
		}
	}
	for _, c := range []string{"after", "before", "chain", "paragraph", "neighbour", "last-speaker", "last-person", "next-person", "new-speaker", "company-voice"} {
		if !quoteCues[c] {
			t.Errorf("no case finds a speaker by %q", c)
		}
	}
}
