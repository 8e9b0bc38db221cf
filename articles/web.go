package articles

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"

	"newsmark/model"
)

// Fetched is what a URL gave: a web article or a feed; exactly one is set.
type Fetched struct {
	Article *model.Article
	Feed    *Feed
}

// Fetch gets rawURL and decides from the response body, not the URL,
// whether it is a feed (RSS, Atom, JSON Feed) or a page, whose readable
// content it extracts. Errors are one line and do not repeat the URL.
func Fetch(ctx context.Context, c *http.Client, rawURL string) (Fetched, error) {
	r, err := get(ctx, c, rawURL, validators{})
	if err != nil {
		return Fetched{}, err
	}
	if f, err := parseFeed(rawURL, r, time.Now()); !errors.Is(err, errNotFeed) {
		return Fetched{Feed: f}, err
	}
	a, err := extractPage(rawURL, r)
	if err != nil {
		return Fetched{}, err
	}
	return Fetched{Article: &a}, nil
}

// FetchArticle gets the web page at rawURL and extracts its article. A feed
// there is an error: this is for feed items and links.
func FetchArticle(ctx context.Context, c *http.Client, rawURL string) (model.Article, error) {
	r, err := get(ctx, c, rawURL, validators{})
	if err != nil {
		return model.Article{}, err
	}
	return extractPage(rawURL, r)
}

// OpenURL fetches rawURL as a library: one article for a page, the items of
// a feed (with a Problem per item that could not be used) for a feed.
func OpenURL(ctx context.Context, c *http.Client, rawURL string) (Library, error) {
	f, err := Fetch(ctx, c, rawURL)
	if err != nil {
		return Library{}, fmt.Errorf("%s: %w", rawURL, err)
	}
	if f.Article != nil {
		return Library{Entries: []Entry{{Meta: *f.Article}}}, nil
	}
	lib := Library{Problems: f.Feed.Problems}
	for _, it := range f.Feed.Items {
		lib.Entries = append(lib.Entries, it.Entry(ctx, c, f.Feed))
	}
	return lib, nil
}

var htmlStart = regexp.MustCompile(`(?i)^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|title|div|p|article)\b`)

// extractPage turns an HTML page into an article: readability picks the
// readable content, html-to-markdown keeps its structure and links, and the
// body is plain text with paragraphs.
func extractPage(rawURL string, r *response) (model.Article, error) {
	ct := strings.ToLower(r.ContentType)
	isHTML := strings.Contains(ct, "html") || htmlStart.Match(r.Body)
	if !isHTML {
		if ct == "" {
			ct = "unknown type"
		}
		return model.Article{}, fmt.Errorf("neither a web page nor a feed (%s)", ct)
	}
	pageURL, err := url.Parse(r.URL)
	if err != nil {
		return model.Article{}, fmt.Errorf("bad URL: %w", err)
	}
	art, err := readability.FromReader(bytes.NewReader(r.Body), pageURL)
	if err != nil {
		return model.Article{}, fmt.Errorf("unreadable page: %w", err)
	}
	if art.Node == nil {
		return model.Article{}, errNoContent
	}
	md, err := htmltomarkdown.ConvertNode(art.Node)
	if err != nil {
		return model.Article{}, fmt.Errorf("unreadable page: %w", err)
	}
	body, paras, links := webText(string(md))
	// Readability always picks something; a few words (a menu, a "Home"
	// link of a script-rendered page) are not an article.
	if len(strings.Fields(body)) < minArticleWords {
		return model.Article{}, errNoContent
	}
	a := model.Article{
		ID:         rawURL,
		URL:        rawURL,
		Title:      htmlText(art.Title()),
		Source:     htmlText(art.SiteName()),
		Authors:    bylineAuthors(htmlText(art.Byline())),
		Body:       body,
		Paragraphs: paras,
		Links:      links,
	}
	if a.Source == "" {
		a.Source = strings.TrimPrefix(pageURL.Hostname(), "www.")
	}
	if a.Title == "" {
		a.Title = rawURL
	}
	if t, err := art.PublishedTime(); err == nil {
		a.Date = t
	}
	return a, nil
}

// minArticleWords is the fewest words a page's readable content must have.
const minArticleWords = 20

var errNoContent = errors.New("no readable content on the page")

var bylineSplit = regexp.MustCompile(`\s*(?:,|;|\band\b|&)\s*`)

// bylineAuthors splits "By Jane Roe and John Doe" into names.
func bylineAuthors(byline string) []string {
	byline = strings.TrimSpace(byline)
	if l := strings.ToLower(byline); strings.HasPrefix(l, "by ") {
		byline = byline[3:]
	}
	var names []string
	for _, n := range bylineSplit.Split(byline, -1) {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}
