// Package corrections is the reader's corrections to the annotator: what
// a correction may say and which earlier one it replaces (Key), the file
// format a team shares them in (docs/CORRECTIONS.md: Parse, Format), the
// service that keeps them in the one database and gives the annotator that
// applies them (Service), and Preview, the reader's cheap first look at
// what a correction does to annotations it already has.
//
// It imports model, store and sanitize. It never imports annotate (the
// annotator that applies a list is passed in as a Maker), index, ui or a
// charm library.
package corrections
