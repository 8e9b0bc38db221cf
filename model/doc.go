// Package model holds newsmark's domain types: articles, their annotations
// (entities, mentions, quotes, ventures) and the reader's highlights, with
// the display names of entity and venture kinds and the venture card layout
// every view of a venture shares.
//
// It owns no I/O and no UI and imports the standard library only; every other
// package shares its types through here. Offsets are always byte offsets into
// Article.Body (UTF-8), half-open: [Start, End).
package model
