package notes

import (
	"encoding/json"
	"io"
	"time"

	"newsmark/model"
	"newsmark/sanitize"
)

// JSONFormat names the shape of the JSON export (documented in the README).
const JSONFormat = "newsmark.export/1"

type jsonDoc struct {
	Format   string        `json:"format"`
	Articles []jsonArticle `json:"articles"`
}

type jsonArticle struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Source     string          `json:"source,omitempty"`
	URL        string          `json:"url,omitempty"`
	Path       string          `json:"path,omitempty"`
	Date       string          `json:"date,omitempty"`
	Authors    []string        `json:"authors"`
	Tags       []string        `json:"tags"`
	Highlights []jsonHighlight `json:"highlights"`
}

type jsonHighlight struct {
	ID int64 `json:"id"`
	passage
	Entities []jsonEntity    `json:"entities"`
	Quotes   []model.Quote   `json:"quotes"`
	Ventures []model.Venture `json:"ventures"`
}

// jsonEntity is an entity with only the mentions inside the highlight.
type jsonEntity struct {
	ID       string           `json:"id"`
	Kind     model.EntityKind `json:"kind"`
	Subkind  model.FigureKind `json:"subkind,omitempty"`
	Name     string           `json:"name"`
	Text     string           `json:"text"`
	Value    float64          `json:"value,omitempty"`
	Unit     string           `json:"unit,omitempty"`
	Per      string           `json:"per,omitempty"`
	Mentions []model.Span     `json:"mentions"`
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// WriteJSON writes one JSON document: the articles, each with its
// highlights, and with each highlight the entities, quotes and ventures
// whose spans overlap it.
func WriteJSON(w io.Writer, docs []Doc) error {
	out := jsonDoc{Format: JSONFormat, Articles: []jsonArticle{}}
	for _, d := range docs {
		a := d.Article
		ja := jsonArticle{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Path: sanitize.Line(a.Path), Date: rfc3339(a.Date),
			Authors: orEmpty(a.Authors), Tags: orEmpty(a.Tags), Highlights: []jsonHighlight{}}
		for _, h := range d.Highlights {
			ja.Highlights = append(ja.Highlights, jsonHighlightOf(h, d.Annotations))
		}
		out.Articles = append(out.Articles, ja)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func jsonHighlightOf(h model.Highlight, ann model.Annotations) jsonHighlight {
	jh := jsonHighlight{ID: h.ID, passage: passageOf(h), Entities: []jsonEntity{}, Quotes: []model.Quote{}, Ventures: []model.Venture{}}
	for _, e := range ann.Entities {
		var in []model.Span
		for _, m := range e.Mentions {
			if touches(h, m.Start, m.End) {
				in = append(in, m)
			}
		}
		if len(in) > 0 {
			jh.Entities = append(jh.Entities, jsonEntity{ID: e.ID, Kind: e.Kind, Subkind: e.Subkind, Name: e.Name(),
				Text: e.Text, Value: e.Value, Unit: e.Unit, Per: e.Per, Mentions: in})
		}
	}
	for _, q := range ann.Quotes {
		if touches(h, q.Start, q.End) {
			jh.Quotes = append(jh.Quotes, q)
		}
	}
	for _, v := range ann.Ventures {
		for _, ev := range v.Evidence {
			if touches(h, ev.Start, ev.End) {
				v.Parties, v.PartyIDs, v.Amounts, v.Evidence = orEmpty(v.Parties), orEmpty(v.PartyIDs), orEmpty(v.Amounts), orEmpty(v.Evidence)
				jh.Ventures = append(jh.Ventures, v)
				break
			}
		}
	}
	return jh
}

// passage is what both JSON shapes say of a highlight itself; embedded, its
// fields are written inline where it stands.
type passage struct {
	Text    string   `json:"text"`
	Prefix  string   `json:"prefix"`
	Suffix  string   `json:"suffix"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Orphan  bool     `json:"orphan"`
	Note    string   `json:"note"`
	Tags    []string `json:"tags"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
}

func passageOf(h model.Highlight) passage {
	return passage{Text: h.Text, Prefix: h.Prefix, Suffix: h.Suffix, Start: h.Start, End: h.End, Orphan: h.Orphan,
		Note: h.Note, Tags: orEmpty(h.Tags), Created: rfc3339(h.Created), Updated: rfc3339(h.Updated)}
}

// jsonStored is a stored highlight with its article's metadata, as
// `newsmark notes --json` lists it.
type jsonStored struct {
	ID        int64  `json:"id"`
	ArticleID string `json:"article_id"`
	Locator   string `json:"locator"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	Author    string `json:"author,omitempty"`
	Date      string `json:"date,omitempty"`
	passage
}

// WriteList writes highlights as a JSON array, one object per highlight
// with its article's metadata (the shape of `newsmark notes --json`).
func WriteList(w io.Writer, hs []model.Highlight) error {
	out := make([]jsonStored, 0, len(hs))
	for _, h := range hs {
		out = append(out, jsonStored{ID: h.ID, ArticleID: h.ArticleID, Locator: h.Locator, Title: h.Title, Source: h.Source,
			Author: h.Author, Date: rfc3339(h.Date), passage: passageOf(h)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
