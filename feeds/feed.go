package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"newsmark/articles"
	"newsmark/fetch"
	"newsmark/model"
	"newsmark/sanitize"
)

// Feed is a parsed RSS, Atom or JSON feed: text fields are sanitised plain
// text. Items that could not be used are in Problems, one reason each.
type Feed struct {
	URL   string
	Title string
	// ETag and LastModified are the validators for the next conditional GET.
	ETag, LastModified string
	// NotModified is set when the server answered 304: Items is empty and
	// the cached copy stays.
	NotModified bool
	FetchedAt   time.Time
	Items       []Item
	Problems    []articles.Problem
}

// Item is one entry of a feed.
type Item struct {
	GUID  string // the feed's id for the item, else its URL
	URL   string // absolute; "" when the item has only inline content
	Title string
	// Date is when the item was published; zero when the feed gives none
	// (then the page's date, else the fetch time, is used).
	Date    time.Time
	Authors []string
	Summary string // plain text of the description
	// Content is the plain-text body when the feed carries the full
	// article; "" for summary-only items, whose page is fetched on opening.
	Content string
	Links   []model.Link
}

var errNotFeed = errors.New("not a feed")

// FetchFeed gets the feed at rawURL, conditionally when etag or
// lastModified (from the previous fetch) are given: a 304 gives a Feed with
// NotModified set. An HTML page there is an error.
func FetchFeed(ctx context.Context, c *http.Client, rawURL, etag, lastModified string) (*Feed, error) {
	r, err := fetch.Get(ctx, c, rawURL, fetch.Validators{ETag: etag, LastModified: lastModified})
	if err != nil {
		return nil, err
	}
	now := time.Now()
	if r.NotModified {
		return &Feed{URL: rawURL, ETag: r.ETag, LastModified: r.LastModified, NotModified: true, FetchedAt: now}, nil
	}
	f, err := parseFeed(rawURL, r, now)
	if errors.Is(err, errNotFeed) {
		if r.IsHTML() {
			return nil, errors.New("not a feed: the server sent an HTML page")
		}
		return nil, fmt.Errorf("not a feed (%s)", fetch.Untrusted(r.ContentType))
	}
	return f, err
}

// parseFeed parses a response body as a feed; errNotFeed when it is not one.
func parseFeed(feedURL string, r *fetch.Response, now time.Time) (*Feed, error) {
	body := r.Body
	if gofeed.DetectFeedType(bytes.NewReader(body)) == gofeed.FeedTypeUnknown {
		if t := bytes.TrimSpace(body); bytes.HasPrefix(t, []byte("<?xml")) && !fetch.LooksLikeHTML(t[bytes.IndexByte(t, '>')+1:]) {
			return nil, errors.New("malformed XML: no RSS or Atom root element")
		}
		return nil, errNotFeed
	}
	if err := checkXML(body); err != nil {
		return nil, err
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	var badItems []articles.Problem
	if err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
			return nil, errNotFeed
		case errors.As(err, &te):
			// One wrongly typed field fails the whole JSON Feed: parse its
			// items one by one, so only the bad ones are left out.
			if gf, badItems, err = parseJSONItems(feedURL, body); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("malformed feed: %s", fetch.Untrusted(err.Error()))
		}
	}
	base, _ := url.Parse(r.URL)
	f := &Feed{URL: feedURL, Title: feedText(gf.Title), ETag: r.ETag, LastModified: r.LastModified, FetchedAt: now}
	if f.Title == "" && base != nil {
		f.Title = base.Hostname()
	}
	f.Problems = append(f.Problems, badItems...)
	for i, gi := range gf.Items {
		it, err := feedItem(gi, base)
		if err != nil {
			name := it.Title
			if name == "" {
				name = fmt.Sprintf("item %d", i+1)
			}
			f.Problems = append(f.Problems, articles.Problem{Path: feedURL + " (" + name + ")", Reason: err.Error()})
			continue
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// feedItem converts one gofeed item; titles and HTML pass the sanitiser.
func feedItem(gi *gofeed.Item, base *url.URL) (Item, error) {
	it := Item{Title: feedText(gi.Title), URL: resolveURL(base, strings.TrimSpace(gi.Link))}
	for _, p := range gi.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			it.Authors = append(it.Authors, htmlText(p.Name))
		}
	}
	switch {
	case gi.PublishedParsed != nil:
		it.Date = gi.PublishedParsed.UTC()
	case gi.UpdatedParsed != nil:
		it.Date = gi.UpdatedParsed.UTC()
	}
	it.Summary = htmlText(gi.Description)
	if strings.TrimSpace(gi.Content) != "" {
		plain, links := articles.FragmentText(gi.Content)
		it.Content = sanitize.Text(strings.TrimSpace(plain))
		for _, l := range links {
			it.Links = append(it.Links, model.Link{Text: sanitize.Line(l.Text), URL: sanitize.Line(l.URL)})
		}
	}
	if it.Content == "" && it.URL == "" {
		if it.Summary == "" {
			return it, errors.New("item has neither link nor content")
		}
		// No page to fetch: the summary is all there is.
		it.Content = it.Summary
	}
	it.GUID = strings.TrimSpace(gi.GUID)
	if it.GUID == "" {
		it.GUID = it.URL
	}
	if it.GUID == "" {
		sum := sha256.Sum256([]byte(it.Title + "\x00" + it.Content))
		it.GUID = hex.EncodeToString(sum[:8])
	}
	if it.Title == "" {
		it.Title = firstWords(it.Summary+" "+it.Content, 12)
	}
	return it, nil
}

// ID is the article ID of the item: its URL, else feed URL + "#" + GUID.
func (it Item) ID(feedURL string) string {
	if it.URL != "" {
		return it.URL
	}
	return feedURL + "#" + it.GUID
}

// Meta is the article as the feed describes it, before any page fetch;
// fetchedAt stands in for a missing date.
func (it Item) Meta(feedURL, source string, fetchedAt time.Time) model.Article {
	a := model.Article{
		ID: it.ID(feedURL), Title: it.Title, Source: source, Date: it.Date,
		Authors: it.Authors, URL: it.URL, Links: it.Links,
	}
	if a.Date.IsZero() {
		a.Date = fetchedAt
	}
	if it.Content != "" {
		a.Body = it.Content
		articles.Segment(&a)
	}
	return a
}

// Entry makes the item a library entry of feed f. A summary-only item
// fetches and extracts its page when loaded, with ctx and c.
func (it Item) Entry(ctx context.Context, c *http.Client, f *Feed) articles.Entry {
	meta := it.Meta(f.URL, f.Title, f.FetchedAt)
	if it.Content != "" {
		return articles.Entry{Meta: meta}
	}
	return articles.NewEntry(meta, func() (model.Article, error) {
		a, err := fullArticle(ctx, c, meta, !it.Date.IsZero())
		if err != nil {
			return summaryArticle(meta, it.Summary, err)
		}
		return a, nil
	})
}

// TextEntry makes the item an entry of feed f with the feed's own text
// (its content, else its summary), never fetching its page; ok is false
// when the feed gives no text for it.
func (it Item) TextEntry(f *Feed) (e articles.Entry, ok bool) {
	meta := it.Meta(f.URL, f.Title, f.FetchedAt)
	if it.Content == "" {
		if strings.TrimSpace(it.Summary) == "" {
			return articles.Entry{}, false
		}
		meta.Body = it.Summary
		articles.Segment(&meta)
	}
	return articles.Entry{Meta: meta}, true
}

// SummaryOnly is the error that comes with a usable article when an item's
// page could not be fetched (offline, server down) and the feed's summary
// stands in for its text: the reader shows the summary and says why.
type SummaryOnly struct{ Err error }

func (e *SummaryOnly) Error() string { return "showing the feed's summary: " + e.Err.Error() }
func (e *SummaryOnly) Unwrap() error { return e.Err }

// summaryArticle is meta with the feed's summary as its body and a
// SummaryOnly error saying why, or just err when there is no summary or
// the fetch was cancelled (the reader asked to stop).
func summaryArticle(meta model.Article, summary string, err error) (model.Article, error) {
	if strings.TrimSpace(summary) == "" || errors.Is(err, context.Canceled) {
		return model.Article{}, err
	}
	a := meta
	a.Body = summary
	articles.Segment(&a)
	return a, &SummaryOnly{Err: err}
}

// fullArticle fetches the page of a summary-only item and merges it with
// what the feed said: the feed's title, ID and (when dated) date win.
func fullArticle(ctx context.Context, c *http.Client, meta model.Article, dated bool) (model.Article, error) {
	page, err := fetch.Article(ctx, c, meta.URL)
	if err != nil {
		return model.Article{}, fmt.Errorf("%s: %w", meta.URL, err)
	}
	a := page
	a.ID, a.URL, a.Tags = meta.ID, meta.URL, meta.Tags
	if meta.Title != "" {
		a.Title = meta.Title
	}
	if meta.Source != "" {
		a.Source = meta.Source
	}
	if len(meta.Authors) > 0 {
		a.Authors = meta.Authors
	}
	if dated || a.Date.IsZero() {
		a.Date = meta.Date
	}
	return a, nil
}

func resolveURL(base *url.URL, ref string) string {
	if ref == "" || base == nil {
		return ref
	}
	u, err := base.Parse(ref)
	if err != nil || !fetch.IsURL(u.String()) {
		return ""
	}
	return u.String()
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		return strings.Join(w[:n], " ") + "…"
	}
	return strings.Join(w, " ")
}

// checkXML reports a malformed XML feed: gofeed recovers from broken markup
// silently, which would hide a truncated or broken feed from the reader.
// HTML entities, common in feeds, are accepted.
func checkXML(body []byte) error {
	t := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '<' {
		return nil // JSON Feed
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("malformed XML: %s", fetch.Untrusted(strings.TrimPrefix(err.Error(), "XML syntax error on ")))
		}
	}
}

// feedText is the text of a feed or item title. Feeds escape HTML in titles
// once or twice (RSS "&lt;b&gt;", Atom type="html" "&amp;amp;") and gofeed
// passes them on as is, so decode until no markup is left.
func feedText(s string) string {
	t := htmlText(s)
	if strings.ContainsAny(t, "<&") {
		t = htmlText(t)
	}
	return t
}

// parseJSONItems parses a JSON Feed whose whole parse failed on a wrongly
// typed field: the feed without its items first (a bad field there is the
// feed's error), then each item alone. A bad item becomes a problem that
// names it and the field in words.
func parseJSONItems(feedURL string, body []byte) (*gofeed.Feed, []articles.Problem, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, nil, fmt.Errorf("malformed JSON Feed: %s", jsonReason(err))
	}
	var items []json.RawMessage
	if raw, ok := top["items"]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, nil, fmt.Errorf("malformed JSON Feed: %s", jsonReason(err))
		}
	}
	top["items"] = json.RawMessage("[]")
	head, _ := json.Marshal(top)
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(head))
	if err != nil {
		return nil, nil, fmt.Errorf("malformed JSON Feed: %s", jsonReason(err))
	}
	var probs []articles.Problem
	for i, item := range items {
		top["items"] = json.RawMessage("[" + string(item) + "]")
		one, _ := json.Marshal(top)
		g, err := gofeed.NewParser().Parse(bytes.NewReader(one))
		if err != nil || len(g.Items) != 1 {
			why := "not an item"
			if err != nil {
				why = jsonReason(err)
			}
			probs = append(probs, articles.Problem{Path: fmt.Sprintf("%s (item %d)", sanitize.Quote(feedURL), i+1), Reason: why + "; item skipped"})
			continue
		}
		gf.Items = append(gf.Items, g.Items[0])
	}
	return gf, probs, nil
}

// jsonReason says in words what a JSON decoding error found, without the
// Go type and struct names encoding/json puts in its message.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 {
			field = field[i+1:]
		}
		want := map[string]string{"string": "text", "bool": "true or false", "int": "a number", "int64": "a number",
			"float64": "a number"}[te.Type.String()]
		if want == "" {
			want = "a " + strings.TrimPrefix(strings.TrimPrefix(te.Type.Kind().String(), "[]"), "*")
			if k := te.Type.Kind().String(); k == "slice" || k == "array" {
				want = "a list"
			} else if k == "struct" || k == "map" || k == "ptr" {
				want = "an object"
			}
		}
		got := map[string]string{"array": "a list", "object": "an object", "number": "a number", "string": "text",
			"bool": "true or false"}[te.Value]
		if got == "" {
			got = "a " + te.Value
		}
		if field == "" {
			return fmt.Sprintf("%s where %s was expected", got, want)
		}
		return fmt.Sprintf("%q is %s, not %s", sanitize.Line(field), got, want)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not valid JSON at byte %d (%s)", se.Offset, sanitize.Line(se.Error()))
	}
	return fetch.Untrusted(err.Error())
}
