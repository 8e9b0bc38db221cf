package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"newsmark/articles"
	"newsmark/model"
)

// Article gets the web page at rawURL and extracts its article. A feed
// there is an error: this is for feed items and links.
func Article(ctx context.Context, c *http.Client, rawURL string) (model.Article, error) {
	r, err := Get(ctx, c, rawURL, Validators{})
	if err != nil {
		return model.Article{}, err
	}
	return Page(rawURL, r)
}

// Page turns a fetched HTML page into an article with the loader's
// HTML pipeline (readability, html-to-markdown, plain text), then checks that
// there is an article: readability always picks something, and a few words
// (a menu, the "Home" link of a script-rendered page) are not one.
func Page(rawURL string, r *Response) (model.Article, error) {
	if !r.IsHTML() {
		ct := strings.ToLower(r.ContentType)
		if ct == "" {
			ct = "unknown type"
		}
		return model.Article{}, fmt.Errorf("neither a web page nor a feed (%s)", Untrusted(ct))
	}
	a, err := articles.ParseHTML(pageUTF8(r.Body, r.ContentType), r.URL)
	if errors.Is(err, articles.ErrNoArticle) {
		return model.Article{}, errNoContent
	}
	if err != nil {
		return model.Article{}, fmt.Errorf("unreadable page: %s", Untrusted(err.Error()))
	}
	if len(strings.Fields(a.Body)) < minArticleWords {
		return model.Article{}, errNoContent
	}
	if a.Source == "" {
		if u, err := url.Parse(r.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	// The URL asked for, not the one redirected to, is the stable ID.
	a.URL = rawURL
	articles.Finish(&a, r.Body)
	if a.Title == "" {
		a.Title = rawURL
	}
	articles.Segment(&a)
	return a, nil
}

// pageUTF8 converts a page that is not valid UTF-8 from the charset its
// Content-Type or <meta> names, else windows-1252 (still common on news
// sites, and often served with a header that claims UTF-8).
func pageUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	if strings.Contains(strings.ToLower(contentType), "utf-8") {
		contentType = "text/html" // the header is wrong: ask the page
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// minArticleWords is the fewest words a page's readable content must have.
const minArticleWords = 20

var errNoContent = errors.New("no readable content on the page")
