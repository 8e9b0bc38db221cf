// Package notes keeps the reader's highlights and notes in the store's
// database and exports them as Markdown (Obsidian), JSON and CSV (Readwise).
// It re-attaches highlights to articles whose text has changed a little and
// reports those it cannot place as orphans; it never drops one. Export
// gathers what an export holds, for `newsmark export` and the reader's x
// alike.
//
// It imports model, store and sanitize only: never articles, fetch, feeds,
// annotate, ui or a charm library. Callers pass in the loaded article, or a
// loader and the annotator as function values.
package notes
