package ui

import (
	"fmt"
	"strings"
	"testing"

	"newsmark/model"
)

// manyQuotes is an article with n quotes, each a sentence of its own.
func manyQuotes(n int) (model.Article, model.Annotations) {
	var b strings.Builder
	var ann model.Annotations
	for i := range n {
		q := fmt.Sprintf("“We will ship order %d on time,”", i)
		start := b.Len()
		b.WriteString(q + " said Ada Byrne.\n\n")
		ann.Quotes = append(ann.Quotes, model.Quote{Text: strings.Trim(q, "“”,"), Speaker: "Ada Byrne",
			Start: start, End: start + len(q)})
	}
	return model.Article{ID: "quotes", Title: "Orders", Body: b.String()}, ann
}

// TestManyQuotesLaidOutOffTheKeys: hundreds of quotes are laid out in a
// Cmd, so the annotation's Update does not wait for them; the tab counts
// them at once, lists them when the layout lands, and a layout for a
// width no longer shown is dropped.
func TestManyQuotesLaidOutOffTheKeys(t *testing.T) {
	a, ann := manyQuotes(asyncQuotes + 50)
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: Dark,
		Annotate: func(model.Article) model.Annotations { return ann }})}
	held := hold[quotesLaidOutMsg](d, d.m.Init())
	mm, cmd := d.m.Update(resize(160, 40))
	d.m = mm.(Model)
	held = append(held, hold[quotesLaidOutMsg](d, cmd)...)
	d.keys("3")
	d.mustSee(fmt.Sprintf("3 Quotes (%d)", len(ann.Quotes)))
	d.mustNotSee("Ada Byrne (350)")
	for _, msg := range held {
		d.send(msg)
	}
	d.mustSee("Ada Byrne (350)")

	// A narrower window: its layout is under way when an older one lands;
	// only the layout for the width shown now is kept.
	q := tabOf[*quotesTab](d.m)
	mm, cmd = d.m.Update(resize(120, 40))
	d.m = mm.(Model)
	stale := quotesLaidOutMsg{layout: q.layout - 1, items: []item{{lines: []string{"stale layout"}, selectable: true}}}
	d.send(stale)
	d.mustNotSee("stale layout")
	d.run(cmd)
	d.mustSee("Ada Byrne (350)")

	// A short article's quotes are laid out in the same Update.
	few, fewAnn := manyQuotes(3)
	d2 := &driver{t: t, m: New(Options{Library: singleLibrary(few), Theme: Dark,
		Annotate: func(model.Article) model.Annotations { return fewAnn }})}
	if held := hold[quotesLaidOutMsg](d2, d2.m.Init()); len(held) != 0 {
		t.Fatal("three quotes were laid out in a Cmd")
	}
	d2.send(resize(160, 40))
	d2.keys("3")
	d2.mustSee("Ada Byrne (3)")
}
