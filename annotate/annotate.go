// Package annotate extracts companies, people, places, figures, quotes with
// their speakers, and ventures from an article. It is pure and
// deterministic: no I/O, no network, no model downloads.
//
// It imports model only. Offsets in its output are byte offsets into
// Article.Body; meta mentions index the title, caption or contributors line.
package annotate

import "newsmark/model"

// Article annotates a: entities first, then quotes (which may add speakers
// as entities), then the ventures built from both.
func Article(a model.Article) model.Annotations {
	ents := entities(a)
	qs, ents, vs := quotesAndVentures(a, ents) // one shared index of sentences and mentions
	return model.Annotations{Entities: ents, Quotes: qs, Ventures: vs}
}
