// Package articles loads and normalises articles from disk: files, folders
// (recursively), standard input and the embedded samples, in plain text,
// Markdown and HTML. Everything read passes sanitize before it reaches a
// model.Article, and every article comes segmented into paragraphs and
// sentences. Its HTML and Markdown pipeline (ParseHTML, FragmentText) also
// serves fetch and feeds.
//
// Opening is lazy: Open reads at most a bounded head of each file to build
// the library's metadata, and Entry.Load reads and parses the whole article
// when it is shown. List goes one step further for a first screen: the
// files a folder walk finds are known by name and time only, and
// Listing.ReadHeads reads their heads when the caller is ready. Every bad input gives one Problem with a one-line
// reason and the rest still load.
//
// It imports model, segment and sanitize; never fetch, feeds, store,
// annotate, notes, ui or a charm library (web pages and feeds build on it,
// not the other way round).
package articles
