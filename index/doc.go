// Package index is newsmark's memory of the news: every article opened or
// cached, with its annotations, kept in the one SQLite database; companies
// recognised across articles; full-text search; and the deal tracker, one
// row per deal however many outlets reported it.
//
// It owns the logic: which rows are stale (another annotator version, or
// touched by a reader's correction since: WithCorrections) and their
// rebuild a batch at a time, company identity (anchors, evidence and the resolver), the FTS5
// query a reader's words become and the sentence a hit shows, clustering
// ventures into deals, and converting amounts to dollars. Its tables and
// their SQL belong to store (m003_index.go, index.go).
//
// It imports model and store only. The annotator reaches it as a function
// value (cli passes annotate.Article with its version), so it never imports
// annotate, articles, notes, ui or a charm library.
package index
