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
	// On a long text the first look for deal words, which reads only the
	// sentences' text, runs on another core while entities are found.
	var quick chan []bool
	if len(a.Sentences) > 0 && len(a.Body) >= parallelBytes {
		quick = make(chan []bool, 1)
		go func() { quick <- vQuickTriggers(a.Body, a.Sentences) }()
	}
	ents := entities(a)
	qs, ents, vs := quotesAndVentures(a, ents, quick) // one shared index of sentences and mentions
	return model.Annotations{Entities: ents, Quotes: qs, Ventures: vs}
}

// parallelBytes is the body size from which Article reads for deal words
// on another goroutine: below it, starting one costs more than it saves.
const parallelBytes = 64 << 10
