package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/model"
	"newsmark/store"
)

// shownKind is the kind the reader draws the mention at span s in.
func shownKind(m Model, s model.Span) (markKind, bool) {
	for _, mk := range overlapping(m.reader.decor.ix.entities, s.Start, s.End) {
		if mk.Start == s.Start && mk.End == s.End {
			return mk.kind, true
		}
	}
	return 0, false
}

// entityNamed is the open article's entity named name, as the panel lists it.
func entityNamed(m Model, name string) (model.Entity, bool) {
	a, _ := m.reader.loadedArticle()
	for _, e := range m.anns.byID[a.ID].Entities {
		if e.Name() == name {
			return e, true
		}
	}
	return model.Entity{}, false
}

func storedList(t *testing.T, svc *corrections.Service) []string {
	t.Helper()
	list, _, err := svc.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		out = append(out, corrections.FormatEntry(c.Entry))
	}
	return out
}

// m on the cursor's sentence opens the menu on its first name, tab goes to
// the next, p makes it a person: the text, the Entities tab (marked as
// your correction) and the database say so; u takes it back.
func TestCorrectMenuByKeys(t *testing.T) {
	e := harborNotes(t, 120, 40)
	kaiyo := spansOf(e.m.reader.article.Body, "Kaiyo Shipping Co.")[0]
	e.keys("m")
	e.mustSee("Correct “Northwind Freight Holdings” company", "c company", "p person", "P place", "x not a name",
		"m merge into…", "s split…", ". this article only", "tab next name (1/3)")
	e.keys("tab")
	e.mustSee("Correct “Kaiyo Shipping Co.” company", "next name (2/3)")
	if k, _ := shownKind(e.m, kaiyo); k != kindCompany {
		t.Fatalf("Kaiyo drawn as %d before the correction", k)
	}
	e.keys("p")
	e.mustSee("corrected: person “Kaiyo Shipping Co.” · u undoes")
	e.mustNotSee("Correct “")
	if k, _ := shownKind(e.m, kaiyo); k != kindPerson {
		t.Errorf("Kaiyo drawn as %d after p, want a person", k)
	}
	if got := storedList(t, e.corr); !slices.Equal(got, []string{`person      "Kaiyo Shipping Co."`}) {
		t.Errorf("stored %q", got)
	}
	e.keys("2", "tab")
	for i := 0; i < 20 && !strings.Contains(e.screen(), "your correction"); i++ {
		e.keys("j")
	}
	e.mustSee("People", "Kaiyo Shipping Co. ×", "✎", "found by: your correction")

	e.keys("u")
	e.mustSee("undone: person “Kaiyo Shipping Co.”")
	if k, _ := shownKind(e.m, kaiyo); k != kindCompany {
		t.Errorf("Kaiyo drawn as %d after u, want a company again", k)
	}
	if got := storedList(t, e.corr); len(got) != 0 {
		t.Errorf("stored after undo: %q", got)
	}
	e.mustNotSee("✎")
}

// The text and the panel change in the Update of the key itself, before
// any command has run: the preview is applied in memory; the annotator's
// answer follows from a command.
func TestCorrectionShowsAtOnce(t *testing.T) {
	e := harborNotes(t, 120, 40)
	kaiyo := spansOf(e.m.reader.article.Body, "Kaiyo Shipping Co.")[0]
	e.keys("m", "tab")
	mm, cmd := e.m.Update(keyPress("P"))
	m := mm.(Model)
	if k, _ := shownKind(m, kaiyo); k != kindPlace {
		t.Errorf("Kaiyo drawn as %d in the key's own Update, want a place", k)
	}
	if ent, _ := entityNamed(m, "Kaiyo Shipping Co."); ent.Kind != model.Place || ent.Cue != "user" {
		t.Errorf("the panel's entity: %+v", ent)
	}
	if got := storedList(t, e.corr); len(got) != 0 {
		t.Fatalf("stored before the command ran: %q", got)
	}
	e.m = m
	e.run(cmd)
	if got := storedList(t, e.corr); len(got) != 1 {
		t.Errorf("stored after the command: %q", got)
	}
}

// On a selection, m offers the names in it that are not highlighted: the
// sentence's first word last. P marks the town as a place everywhere.
func TestCorrectSelectionMarksAMissedName(t *testing.T) {
	e := harborNotes(t, 120, 40)
	body := e.m.reader.article.Body
	for i := 0; i < 40 && !strings.HasPrefix(e.sentence(e.m.reader.cursorIndex()), "Shares of Northwind"); i++ {
		e.keys(")")
	}
	e.keys("v", "m")
	e.mustSee("Mark “Amsterdam” as a name", "c company", "p person", "P place", "tab next name (1/2)")
	e.mustNotSee("x not a name")
	e.keys("x")
	e.mustSee("a selection is marked as a name")
	e.keys("tab")
	e.mustSee("Mark “Shares” as a name")
	e.keys("tab", "P")
	e.mustSee("corrected: place “Amsterdam”")
	for _, s := range spansOf(body, "Amsterdam") {
		if k, ok := shownKind(e.m, s); !ok || k != kindPlace {
			t.Errorf("Amsterdam at %d not drawn as a place", s.Start)
		}
	}
	if e.m.reader.cur.selecting {
		t.Error("the selection is still on after the correction")
	}
}

// One undo stack: u takes back the correction, then the delete before it.
func TestUndoStackSharesDeletesAndCorrections(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("h")
	if len(e.stored()) != 1 {
		t.Fatal("no highlight saved")
	}
	e.keys("d")
	e.mustSee("deleted")
	e.keys("m", "x")
	e.mustSee("corrected: not a name: “Northwind Freight Holdings”")
	e.keys("u")
	e.mustSee("undone: not a name")
	if len(e.stored()) != 0 || len(storedList(t, e.corr)) != 0 {
		t.Fatalf("after one u: %d highlights, corrections %q", len(e.stored()), storedList(t, e.corr))
	}
	e.keys("u")
	e.mustSee("restored")
	if len(e.stored()) != 1 {
		t.Error("the second u did not restore the deleted highlight")
	}
	e.keys("u")
	e.mustSee("nothing to undo")
}

// . makes the correction for this article only.
func TestCorrectThisArticleOnly(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("m", ".")
	e.mustSee(". for this article only")
	e.keys("p")
	e.mustSee("corrected: person “Northwind Freight Holdings” in this article")
	if got := storedList(t, e.corr); !slices.Equal(got, []string{`article harbor  person      "Northwind Freight Holdings"`}) {
		t.Errorf("stored %q", got)
	}
}

// Without a database the menu says why it is off.
func TestCorrectionsOffWithoutDatabase(t *testing.T) {
	d := newDriver(t, singleLibrary(fixtureArticle(t)), Dark, 120, 30)
	d.keys("m")
	d.mustSee("corrections are off")
}

// samplesEnv is the embedded samples with the real annotator and a
// corrections database.
type samplesEnv struct {
	*driver
	corr *corrections.Service
	lib  articles.Library
}

func newSamplesEnv(t *testing.T) *samplesEnv {
	t.Helper()
	db, err := store.Open(store.DefaultPath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	corr := corrections.New(db, func(ul model.UserList) corrections.Annotate { return annotate.WithUserList(ul).Article })
	lib := articles.Samples()
	d := &driver{t: t, m: New(Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Corrections: corr})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 200, Height: 50})
	return &samplesEnv{driver: d, corr: corr, lib: lib}
}

// open shows the sample whose file name starts with prefix.
func (e *samplesEnv) open(prefix string) model.Article {
	e.t.Helper()
	for _, en := range e.lib.Entries {
		if strings.HasPrefix(en.Meta.Path[strings.LastIndex(en.Meta.Path, "/")+1:], prefix) {
			e.send(openArticleMsg{entry: en})
			a, ok := e.m.reader.loadedArticle()
			if !ok || !e.m.reader.annotated {
				e.t.Fatalf("sample %s did not open", prefix)
			}
			return a
		}
	}
	e.t.Fatalf("no sample %s", prefix)
	return model.Article{}
}

// cursorTo moves the sentence cursor to the first sentence holding text.
func (e *samplesEnv) cursorTo(text string) {
	e.t.Helper()
	a, _ := e.m.reader.loadedArticle()
	for i := 0; i < len(a.Sentences); i++ {
		if s := a.Sentences[e.m.reader.cursorIndex()]; strings.Contains(a.Body[s.Start:s.End], text) {
			return
		}
		e.keys(")")
	}
	e.t.Fatalf("no sentence holds %q", text)
}

// menuTo presses tab until the menu is on name.
func (e *samplesEnv) menuTo(name string) {
	e.t.Helper()
	for i := 0; i < 12; i++ {
		if e.m.correct.name().text == name {
			return
		}
		e.keys("tab")
	}
	e.t.Fatalf("the menu never came to %q", name)
}

// A correction made while reading one embedded sample fixes a second
// sample that had none: Reuters, unmarked where a source tells it
// something, is marked a company in sample 02 by selecting its sentence;
// sample 05, opened afterwards, has it marked too.
func TestCorrectionsTeachOtherSamples(t *testing.T) {
	e := newSamplesEnv(t)
	e.open("05-")
	if _, ok := entityNamed(e.m, "Reuters"); ok {
		t.Fatal("no test: sample 05 marks Reuters already")
	}
	e.open("02-")
	e.cursorTo("told Reuters")
	e.keys("v", "m")
	e.menuTo("Reuters")
	e.mustSee("Mark “Reuters” as a name")
	e.keys("c")
	e.mustSee("corrected: company “Reuters”")
	if ent, ok := entityNamed(e.m, "Reuters"); !ok || ent.Kind != model.Company {
		t.Fatalf("sample 02: Reuters %+v", ent)
	}
	a := e.open("05-")
	ent, ok := entityNamed(e.m, "Reuters")
	if !ok || ent.Kind != model.Company || ent.Cue != "user" || len(ent.Mentions) != 1 {
		t.Fatalf("sample 05 after the correction: Reuters %+v", ent)
	}
	if k, ok := shownKind(e.m, ent.Mentions[0]); !ok || k != kindCompany {
		t.Errorf("sample 05 does not draw Reuters as a company")
	}
	if body := a.Body[ent.Mentions[0].Start-10 : ent.Mentions[0].End]; body != "yengar told Reuters"[1:] && !strings.HasSuffix(body, "told Reuters") {
		t.Errorf("the mention is %q", body)
	}
}

// "Not a name" on a word drops its mentions and leaves the longer names
// that hold it marked: "Kestrel" alone is ambiguous in sample 01 (the
// group or its freight arm), Kestrel Group Plc and Kestrel Freight Ltd.
// stay.
func TestNotANameLeavesLongerNames(t *testing.T) {
	e := newSamplesEnv(t)
	a := e.open("01-")
	before := annotate.Article(a)
	bare := 0
	for _, en := range before.Entities {
		for _, m := range en.Mentions {
			if a.Body[m.Start:m.End] == "Kestrel" {
				bare++
			}
		}
	}
	if bare == 0 {
		t.Fatal("no test: sample 01 has no bare Kestrel")
	}
	e.cursorTo("Shares of Kestrel")
	e.keys("m")
	e.menuTo("Kestrel")
	e.keys("x")
	e.mustSee("corrected: not a name: “Kestrel”")
	ann := e.m.anns.byID[a.ID]
	for _, en := range ann.Entities {
		for _, m := range en.Mentions {
			if a.Body[m.Start:m.End] == "Kestrel" {
				t.Errorf("a bare Kestrel is still marked at %d", m.Start)
			}
		}
	}
	for _, name := range []string{"Kestrel Group Plc", "Kestrel Freight Ltd."} {
		en, ok := entityNamed(e.m, name)
		if !ok || en.Kind != model.Company {
			t.Errorf("%s is gone: %+v", name, en)
			continue
		}
		if k, ok := shownKind(e.m, spansOf(a.Body, name)[0]); !ok || k != kindCompany {
			t.Errorf("%s is not drawn as a company", name)
		}
	}
}

// shapeOf is the names of annotations as the reader draws them.
func shapeOf(a model.Article, ann model.Annotations) []string {
	var out []string
	for _, e := range ann.Entities {
		if e.Kind == model.Figure {
			continue
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprint(m.Start, a.Body[m.Start:m.End]))
		}
		out = append(out, string(e.Kind)+":"+strings.Join(ms, ","))
	}
	sort.Strings(out)
	return out
}

// A merge and its split round-trip: in sample 03, "Kitahara" (its own
// company) merged into "Kitahara Denki K.K." from the Entities tab is one
// company; splitting it out again gives the annotations the sample had,
// and the list keeps the split alone (it replaced the merge).
func TestMergeAndSplitRoundTrip(t *testing.T) {
	e := newSamplesEnv(t)
	a := e.open("03-")
	original := shapeOf(a, e.m.anns.byID[a.ID])
	short, _ := entityNamed(e.m, "Kitahara")
	full, _ := entityNamed(e.m, "Kitahara Denki K.K.")
	if len(short.Mentions) == 0 || len(full.Mentions) == 0 {
		t.Fatal("no test: sample 03 has no separate Kitahara")
	}
	e.keys("2", "tab")
	tab := e.m.panel.tabs[1].(*entitiesTab)
	for i := 0; i < 60 && (tab.selected() < 0 || tab.entities[tab.selected()].Name() != "Kitahara"); i++ {
		e.keys("j")
	}
	e.keys("m")
	e.mustSee("Correct “Kitahara” company")
	e.keys("m")
	e.mustSee("Merge “Kitahara” into:", "Kitahara Denki K.K.", "Brandauer Sensorik GmbH")
	for _, k := range "denki" {
		e.keys(string(k))
	}
	e.mustSee("filter: denki")
	e.mustNotSee("Brandauer Sensorik GmbH  company")
	e.keys("enter")
	e.mustSee("corrected: merge “Kitahara” into “Kitahara Denki K.K.”")
	merged, ok := entityNamed(e.m, "Kitahara Denki K.K.")
	if _, still := entityNamed(e.m, "Kitahara"); still || !ok || len(merged.Mentions) != len(short.Mentions)+len(full.Mentions) {
		t.Fatalf("after the merge: Kitahara still %v, Kitahara Denki K.K. %d mentions", still, len(merged.Mentions))
	}
	for i := 0; i < 60 && (tab.selected() < 0 || tab.entities[tab.selected()].Name() != "Kitahara Denki K.K."); i++ {
		e.keys("k")
	}
	e.mustSee("found by: your correction")
	e.keys("m", "s") // one other name: split at once, no list
	e.mustSee("corrected: split “Kitahara” from “Kitahara Denki K.K.”")
	if got := shapeOf(a, e.m.anns.byID[a.ID]); !slices.Equal(got, original) {
		t.Errorf("after the split:\n%q\nwant the sample's own:\n%q", got, original)
	}
	if got := storedList(t, e.corr); !slices.Equal(got, []string{`split       "Kitahara" from "Kitahara Denki K.K."`}) {
		t.Errorf("stored %q", got)
	}
}

// partiesLine is the first venture card's parties as the panel shows them.
func partiesLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if _, after, ok := strings.Cut(l, "Parties: "); ok {
			return strings.TrimSpace(after)
		}
	}
	return ""
}

// The venture cards follow from the background command: p on a party of
// sample 01's joint venture makes it a person in the key's own Update (the
// panel's entity); the card, whose parties are companies, drops it once
// the command has run, and u brings the card back.
func TestCorrectionVentureCardsFollow(t *testing.T) {
	e := newSamplesEnv(t)
	e.open("01-")
	before := partiesLine(e.screen())
	if !strings.Contains(before, "Al Noor Ports Co.") {
		t.Fatalf("no test: the card's parties are %q", before)
	}
	e.cursorTo("Kestrel Group Plc's logistics")
	e.keys("m")
	e.menuTo("Al Noor Ports Co.")
	mm, cmd := e.m.Update(keyPress("p"))
	e.m = mm.(Model)
	if ent, _ := entityNamed(e.m, "Al Noor Ports Co."); ent.Kind != model.Person {
		t.Errorf("in the key's Update the panel has %+v", ent)
	}
	e.mustSee("correcting: person")
	e.run(cmd)
	e.mustSee("corrected: person “Al Noor Ports Co.”")
	if after := partiesLine(e.screen()); after == "" || strings.Contains(after, "Al Noor") {
		t.Errorf("after the command the card's parties are %q", after)
	}
	e.keys("u")
	e.mustSee("undone: person")
	if got := partiesLine(e.screen()); got != before {
		t.Errorf("after u the card's parties are %q, want %q", got, before)
	}
}

// s on an entity of several names lists them to pick the one to split
// out: sample 01's Kestrel Group Plc is also "Kestrel" and "Kestrel
// Group"; the one picked becomes an entity of its own.
func TestSplitPicksFromTheNames(t *testing.T) {
	e := newSamplesEnv(t)
	a := e.open("01-")
	group, _ := entityNamed(e.m, "Kestrel Group Plc")
	names := map[string]bool{}
	for _, m := range group.Mentions {
		names[a.Body[m.Start:m.End]] = true
	}
	if !names["Kestrel"] || !names["Kestrel Group"] {
		t.Fatalf("no test: Kestrel Group Plc's names are %v", names)
	}
	e.keys("2", "tab")
	tab := e.m.panel.tabs[1].(*entitiesTab)
	for i := 0; i < 60 && (tab.selected() < 0 || tab.entities[tab.selected()].Name() != "Kestrel Group Plc"); i++ {
		e.keys("j")
	}
	e.keys("m", "s")
	e.mustSee("Split out of “Kestrel Group Plc”:", "Kestrel Group")
	for _, k := range "group" {
		e.keys(string(k))
	}
	e.keys("enter")
	e.mustSee("corrected: split “Kestrel Group” from “Kestrel Group Plc”")
	if ent, ok := entityNamed(e.m, "Kestrel Group"); !ok || ent.Kind != model.Company {
		t.Errorf("Kestrel Group is not a company of its own: %+v", ent)
	}
}
