package annotate

import "newsmark/model"

// ventures finds the deals an article reports. Owned by the quotes work.
func ventures(a model.Article, ents []model.Entity, qs []model.Quote) []model.Venture {
	return nil
}
