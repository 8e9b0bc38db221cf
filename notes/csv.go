package notes

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is Readwise's CSV import header, exactly.
var CSVHeader = []string{"Highlight", "Title", "Author", "URL", "Note", "Location", "Date"}

// WriteCSV writes one row per highlight with Readwise's import columns.
// Location is the highlight's byte offset in the article (empty for
// orphans); Date is when it was highlighted, "YYYY-MM-DD HH:MM:SS" UTC;
// tags are added to the note in Readwise's ".tag" form; URL is left empty
// for articles read from files.
func WriteCSV(w io.Writer, docs []Doc) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, d := range docs {
		a := d.Article
		for _, h := range d.Highlights {
			author := strings.Join(a.Authors, ", ")
			if author == "" {
				author = h.Author
			}
			note := h.Note
			for _, t := range h.Tags {
				if t = tagSlug(t); t != "" {
					note = strings.TrimSpace(note + " ." + t)
				}
			}
			loc := ""
			if !h.Orphan {
				loc = strconv.Itoa(h.Start)
			}
			date := ""
			if !h.Created.IsZero() {
				date = h.Created.UTC().Format("2006-01-02 15:04:05")
			}
			title := a.Title
			if title == "" {
				title = h.Title
			}
			if err := cw.Write([]string{h.Text, title, author, a.URL, note, loc, date}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
