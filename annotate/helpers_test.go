package annotate

import (
	"newsmark/model"
)

// Test helpers that run one pass of the pipeline on its own.

// entities runs the entity pass alone.
func entities(a model.Article) []model.Entity {
	d := newDoc(a)
	defer d.release()
	return findEntities(d)
}

// quotes runs the quote pass alone on entities of the test's making.
func quotes(a model.Article, ents []model.Entity) ([]model.Quote, []model.Entity) {
	if len(a.Body) == 0 {
		return nil, ents
	}
	d := newDoc(a)
	defer d.release()
	d.ents = ents
	d.indexMentions()
	return findQuotes(d, qFindSpans(d)), d.ents
}

// ventures runs the venture pass alone on entities and quotes of the
// test's making.
func ventures(a model.Article, ents []model.Entity, qs []model.Quote) []model.Venture {
	if len(a.Body) == 0 {
		return nil
	}
	d := newDoc(a)
	defer d.release()
	d.ents = ents
	d.indexMentions()
	return findVentures(d, a, qs, nil)
}
