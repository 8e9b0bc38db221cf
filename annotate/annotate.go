// Package annotate extracts companies, people, places, figures, quotes with
// their speakers, and ventures from an article. It is pure and
// deterministic: no I/O, no network, no model downloads.
//
// It imports model only.
package annotate

import "newsmark/model"

// Article annotates a.
// SKELETON: replaced by the extraction work of issue 3.
func Article(a model.Article) model.Annotations {
	return model.Annotations{}
}
