// Package annotate extracts companies, people, places, figures, quotes with
// their speakers, and ventures from an article. It is pure and
// deterministic: no I/O, no network, no model downloads.
//
// It imports model only. Offsets in its output are byte offsets into
// Article.Body; meta mentions index the title, caption or contributors line.
package annotate

import (
	"runtime"

	"newsmark/model"
)

// Article annotates a: entities first, then quotes (which may add speakers
// as entities), then the ventures built from both.
func Article(a model.Article) model.Annotations {
	// On a long text the quotation marks and the first look for deal words,
	// which read only the text, run on another core while entities are found.
	var pre chan textPass
	if len(a.Sentences) > 0 && len(a.Body) >= parallelBytes && spareCore() {
		pre = make(chan textPass, 1)
		go func() { pre <- readText(a) }()
	}
	ents := entities(a)
	qs, ents, vs := quotesAndVentures(a, ents, pre) // one shared index of sentences and mentions
	return model.Annotations{Entities: ents, Quotes: qs, Ventures: vs}
}

// textPass is what the quote and venture passes read from the text alone,
// before they need the entities.
type textPass struct {
	spans []qSpan // qFindSpans
	quick []bool  // vQuickTriggers of a.Sentences
}

func readText(a model.Article) textPass {
	return textPass{
		spans: qFindSpans(&qDoc{body: a.Body, paras: qParagraphs(a)}),
		quick: vQuickTriggers(a.Body, a.Sentences),
	}
}

// spareCore reports whether a second goroutine can run beside this one: on
// one core the work done alongside only costs (a few figure candidates are
// read twice), so it is done in turn.
func spareCore() bool { return runtime.GOMAXPROCS(0) > 1 }

// parallelBytes is the body size from which Article reads the text alone
// (readText) on another goroutine: below it, starting one costs more than
// it saves.
const parallelBytes = 64 << 10
