// Package segment splits plain article text into paragraphs and sentences.
//
// It is on the annotation hot path, so both splitters are hand-written single
// passes over the bytes (no regexp, no allocation beyond the result slice).
// Spans are half-open byte offsets into the text they were given, trimmed of
// surrounding whitespace, and always fall on rune boundaries.
//
// It imports model and the standard library only; never articles, annotate,
// notes or ui.
package segment
