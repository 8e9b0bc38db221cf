package annotate

import (
	"reflect"
	"testing"

	"newsmark/model"
)

// entitiesOfText runs the entity pass on a doc scanned as one string
// (oneString) or as the body plus a copied tail.
func entitiesOfText(a model.Article, oneString bool) []model.Entity {
	d := newDocText(a, oneString)
	defer d.release()
	ep := newEntityPass(d)
	defer ep.release()
	ep.names()
	ep.figures()
	return ep.output()
}

// sameWithoutCopy fails when scanning the body in place gives other
// entities than scanning body and fields copied into one string.
func sameWithoutCopy(t *testing.T, a model.Article) {
	t.Helper()
	one, split := entitiesOfText(a, true), entitiesOfText(a, false)
	if !reflect.DeepEqual(one, split) {
		t.Fatalf("body %.60q title %.30q: entities differ\none string: %+v\nin place:   %+v", a.Body, a.Title, one, split)
	}
}

// The title, caption and contributors are read after the body whether or
// not the body is copied: the last paragraph's end (a period of "U.S.",
// blank lines, CRLF) reads the same, and names in the fields are the
// body's entities.
func TestFieldsAfterTheBodyNeedNoCopy(t *testing.T) {
	bodies := []string{
		"Acme Corp. bought Beta Ltd. for $3 billion.\n\nThe deal was cleared in the U.S.",
		"Acme Corp. bought Beta Ltd.\n\nIt named Jane Doe chief executive of Acme.",
		"One paragraph only, about Kestrel Works and Alder Mills in the U.S.",
		"Acme Corp. said.\n\n\n  \n\nBeta Ltd. agreed, said Jane Doe.\n\n",
		"Acme Corp. said.\r\n\r\nBeta Ltd.'s shares rose 5%.\r\n",
		"Acme Corp. said.\n \t\nBeta Ltd. rose to $5",
		"Acme Corp. said.\n\nIBM",
		"\n\nLeading blank lines, then Acme Corp.",
		"",
		"Acme Corp. said.\n\n“Quote by Jane Doe",
	}
	for _, body := range bodies {
		for _, title := range []string{"", "Acme Corp. and Beta Ltd. agree", "  U.S. deal", "IBM"} {
			a := model.Article{Body: body, Title: title, Caption: "Jane Doe, chief executive of Acme Corp.",
				Contributors: []string{"Ann Lee", "Bo Chan"}}
			sameWithoutCopy(t, a)
			a.Caption, a.Contributors = "", nil
			sameWithoutCopy(t, a)
		}
	}
	for _, s := range fuzzSeeds {
		sameWithoutCopy(t, model.Article{Body: s + "\n\n" + s, Title: s[:min(len(s), 30)]})
	}
}
