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

// Article is one news story, normalised: Body is plain text for every input
// format, and Paragraphs and Sentences index into it.
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
	Paragraphs   []Span
	Sentences    []Span
}

// Locator is how a reader would name where the article came from: its URL, else its path.
func (a Article) Locator() string {
	if a.URL != "" {
		return a.URL
	}
	return a.Path
}
