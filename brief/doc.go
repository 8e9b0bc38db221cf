// Package brief makes the daily brief — a period's deals, the companies
// most named, what the followed companies said and had said about them,
// and the reader's own highlights and notes of the period — and writes it,
// and a company page, as Markdown in which every line links to its story
// (its URL, or its file as a file:// URL).
//
// It gathers from the index and takes the highlights from its caller
// (notes reads them), so it imports model, sanitize and index only: never
// store, notes, ui or a charm library. `newsmark brief` prints its
// Markdown (drawn by glamour on a terminal), and the program's B screen
// draws the same Markdown.
package brief
