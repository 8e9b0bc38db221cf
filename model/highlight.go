package model

import "time"

// Highlight is a passage the reader kept, with an optional note. It carries
// enough of the article (locator, title, context) to be found again and
// re-attached when the article's text has changed a little.
type Highlight struct {
	ID        int64
	ArticleID string
	Locator   string // URL or path
	Title     string
	Source    string
	Date      time.Time // the article's date
	Text      string    // the exact highlighted text
	Prefix    string    // about 32 characters before Text
	Suffix    string    // about 32 characters after Text
	Start     int       // byte offsets into Article.Body
	End       int
	Note      string
	Tags      []string
	Created   time.Time
	Updated   time.Time
	// Orphan is set when the text could not be found again in the article.
	Orphan bool
	// Author is the article's byline, authors joined with ", " (for exports
	// such as Readwise's Author column).
	Author string
}
