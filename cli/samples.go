package cli

import "newsmark/articles"

// samples is the library shown when no path is given. Until the loader's
// embedded samples are merged it is empty, with a reason.
func samples() articles.Library {
	return articles.Library{Problems: []articles.Problem{{Path: "samples", Reason: "this build has no embedded samples yet; give a PATH"}}}
}
