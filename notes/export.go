package notes

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"newsmark/model"
	"newsmark/outfile"
)

// Format is an export format.
type Format string

// The export formats.
const (
	Markdown Format = "md"
	JSON     Format = "json"
	CSV      Format = "csv"
)

// ParseFormat reads a --format value ("md", "markdown", "json", "csv").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "md", "markdown":
		return Markdown, nil
	case "json":
		return JSON, nil
	case "csv":
		return CSV, nil
	}
	return "", fmt.Errorf("unknown export format %q (want md, json or csv)", s)
}

// Ext is the file extension of the format, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// Doc is one article's part of an export: the article (Body may be empty
// when it could not be loaded), its annotations (may be empty) and its
// highlights in reading order.
type Doc struct {
	Article     model.Article
	Annotations model.Annotations
	Highlights  []model.Highlight
}

// Write writes docs to w in format f.
func Write(w io.Writer, f Format, docs []Doc) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, docs)
	case JSON:
		return WriteJSON(w, docs)
	case CSV:
		return WriteCSV(w, docs)
	}
	return fmt.Errorf("unknown export format %q", f)
}

// WriteFile writes docs to path in format f through outfile, which decides
// what may happen to what is at path: standard output for "-", written
// through for a FIFO or a terminal, an existing file replaced (its mode
// kept) only with o.Overwrite, anything else refused. On failure path is
// untouched.
func WriteFile(path string, f Format, docs []Doc, o outfile.Options) error {
	return outfile.Write(path, o, func(w io.Writer) error { return Write(w, f, docs) })
}

// FileName is a default file name for exporting docs: the article's title
// made safe for a file system, or "newsmark-notes" for several articles.
func FileName(docs []Doc, f Format) string {
	name := "newsmark-notes"
	if len(docs) == 1 {
		if s := slug(docs[0].Article.Title); s != "" {
			name = s
		}
	}
	return name + f.Ext()
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127 && r != '\u00a0':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// Group gathers stored highlights into one Doc per article (by article ID,
// highlights saved under an older ID joining by URL or path), in the order
// the articles were first highlighted. The articles carry the metadata
// saved with their highlights and no body.
func Group(hs []model.Highlight) []Doc {
	var docs []Doc
	byKey := map[string]int{}
	for _, h := range hs {
		i, ok := byKey["id:"+h.ArticleID]
		if !ok && h.Locator != "" {
			i, ok = byKey["loc:"+h.Locator]
		}
		if !ok {
			i = len(docs)
			docs = append(docs, Doc{Article: ArticleOf(h)})
		}
		byKey["id:"+h.ArticleID] = i
		if h.Locator != "" {
			byKey["loc:"+h.Locator] = i
		}
		docs[i].Highlights = append(docs[i].Highlights, h)
	}
	for i := range docs {
		SortReading(docs[i].Highlights)
	}
	return docs
}

// ArticleOf is the article as a highlight remembers it: metadata, no body.
func ArticleOf(h model.Highlight) model.Article {
	a := model.Article{ID: h.ArticleID, Title: h.Title, Source: h.Source, Date: h.Date}
	if h.Author != "" {
		a.Authors = strings.Split(h.Author, ", ")
	}
	if strings.HasPrefix(h.Locator, "http://") || strings.HasPrefix(h.Locator, "https://") {
		a.URL = h.Locator
	} else {
		a.Path = h.Locator
	}
	return a
}

// touches reports whether span [s, e) overlaps the highlight.
func touches(h model.Highlight, s, e int) bool {
	return !h.Orphan && s < h.End && e > h.Start
}

// mainEntities are the article's companies, people and places, most
// mentioned first, at most max of each kind.
func mainEntities(ann model.Annotations, max int) map[model.EntityKind][]model.Entity {
	out := map[model.EntityKind][]model.Entity{}
	for _, e := range ann.Entities {
		if e.Kind == model.Company || e.Kind == model.Person || e.Kind == model.Place {
			out[e.Kind] = append(out[e.Kind], e)
		}
	}
	for k, es := range out {
		sort.SliceStable(es, func(i, j int) bool { return es[i].Count() > es[j].Count() })
		if len(es) > max {
			out[k] = es[:max]
		}
	}
	return out
}

func dateOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
