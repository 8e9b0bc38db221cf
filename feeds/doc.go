// Package feeds turns what lives on the web into library entries: it parses
// RSS, Atom and JSON feeds, keeps the offline feed cache on top of store,
// reads and writes the subscriptions file and OPML, and decides whether a
// URL is a page or a feed (Fetch, OpenURL, OpenInputs).
//
// It imports model, sanitize, articles (entries, the HTML and Markdown
// pipeline), fetch (the HTTP client, page extraction) and store (the cache's
// tables); never annotate, notes, ui or a charm library.
package feeds
