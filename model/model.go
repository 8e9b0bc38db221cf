package model

import "time"

// Span is a half-open byte range [Start, End) into Article.Body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Link is a hyperlink kept aside when Markdown or HTML is turned into plain text.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// MarkupKind is a kind of structure the source of a plain body had.
type MarkupKind uint8

// Markup kinds.
const (
	MarkupHeading  MarkupKind = iota + 1 // N is the level, 1 to 6
	MarkupStrong                         // **bold**, <strong>
	MarkupEmphasis                       // *italic*, <em>
	MarkupCode                           // `code` or a code block
	MarkupLink                           // a link's text; N is its number
)

// Markup is a piece of structure over a byte range of Body: a heading,
// emphasis, code or a link's text. The body stays plain text, so the
// offsets of annotations, highlights and notes are the same with or without
// it; the reader draws headings, emphasis and link numbers from these.
type Markup struct {
	Span
	Kind MarkupKind
	// N is a heading's level, or a link's number: its index in
	// Article.Links plus one.
	N int
}

// Article is one news story, normalised: Body is plain text for every input
// format, and Paragraphs, Sentences and Markup index into it.
type Article struct {
	// ID is stable across runs: the URL when there is one, else a content hash.
	ID           string
	Title        string
	Caption      string // a video or photo caption shown under the title
	Source       string // the outlet or wire: "Bloomberg", "Reuters"
	Date         time.Time
	Authors      []string
	Contributors []string // "--With assistance from A and B."
	Tags         []string
	URL          string
	Path         string
	Links        []Link
	Body         string
	// Markup is the structure of a body converted from Markdown or HTML,
	// sorted by Start (spans may nest: a link inside a heading); none for
	// plain text.
	Markup     []Markup
	Paragraphs []Span
	Sentences  []Span
}

// Locator is how a reader would name where the article came from: its URL, else its path.
func (a Article) Locator() string {
	if a.URL != "" {
		return a.URL
	}
	return a.Path
}
