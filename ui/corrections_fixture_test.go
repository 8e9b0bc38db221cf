package ui

import (
	"newsmark/corrections"
	"newsmark/model"
)

// fixtureMaker is the tests' annotator with a list of corrections: the
// hand-made fixture annotations with each entry applied as the reader's
// preview applies it, so that the goldens stay put and a correction still
// changes what the annotator says.
func fixtureMaker(ul model.UserList) corrections.Annotate {
	return func(a model.Article) model.Annotations {
		ann := fixtureAnnotations(a)
		for _, e := range ul.Entries {
			if e.ArticleID == "" || e.ArticleID == a.ID {
				ann = corrections.Preview(a, ann, e)
			}
		}
		return ann
	}
}
