package articles

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsmark/model"
)

// ErrNoArticle is returned when a page holds no readable article text.
var ErrNoArticle = errors.New("no readable article in the page")

// ParseHTML extracts the readable article of an HTML page fetched from
// pageURL (after redirects; links are made absolute against it), as parseHTML
// does for a local file, after decoding and sanitising it. It gives
// ErrNoArticle when the page holds no readable text.
func ParseHTML(page []byte, pageURL string) (model.Article, error) {
	return parseHTML([]byte(decode(string(page))), pageURL)
}

// FragmentText is the plain text and the links of an HTML fragment (a feed
// item's content), through the same Markdown conversion as a page. Neither
// is sanitised yet.
func FragmentText(fragment string) (plain string, links []model.Link) {
	md, err := htmltomarkdown.ConvertString(fragment)
	if err != nil {
		md = fragment
	}
	plain, links, _, _ = markdownToPlain([]byte(md))
	return plain, links
}

// parseHTML extracts the readable article of an HTML page (readeck
// go-readability), converts it to Markdown (html-to-markdown, links made
// absolute against pageURL) and then to plain text. Title, byline, site name
// and published time become metadata. pageURL may be empty for local files;
// then the page's canonical URL, if any, is the article's URL.
func parseHTML(data []byte, pageURL string) (model.Article, error) {
	head := htmlHead(data)
	if pageURL == "" {
		pageURL = head.url
	}
	var u *url.URL
	if pageURL != "" {
		if pu, err := url.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	art, err := readability.FromReader(bytes.NewReader(data), u)
	if err != nil {
		return model.Article{}, fmt.Errorf("read page: %w", err)
	}
	if art.Node == nil {
		return model.Article{}, ErrNoArticle
	}
	pruneBoilerplate(art.Node)
	md, err := htmltomarkdown.ConvertNode(art.Node)
	if err != nil {
		return model.Article{}, fmt.Errorf("convert page: %w", err)
	}
	a := head.article()
	a.URL = pageURL
	if t := strings.TrimSpace(art.Title()); t != "" {
		a.Title = t
	}
	if s := strings.TrimSpace(art.SiteName()); s != "" {
		a.Source = s
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		a.Date = t
	}
	if by := strings.TrimSpace(art.Byline()); by != "" {
		a.Authors = bylineNames(by)
	}
	plain, links, heading, markup := markdownToPlain(md)
	a.Links = links
	finishConverted(&a, plain, heading, markup)
	if strings.TrimSpace(a.Body) == "" {
		return model.Article{}, ErrNoArticle
	}
	return a, nil
}

// bylineNames turns "By Jane Roe and John Doe, Reuters" into names.
func bylineNames(by string) []string {
	if names, ok := byline(by); ok {
		return names
	}
	by = strings.TrimSpace(strings.TrimPrefix(by, "By "))
	if i := strings.IndexAny(by, "|\n"); i >= 0 {
		by = by[:i]
	}
	return splitNames(by)
}

// pageHead is the metadata a quick scan of an HTML <head> finds. It is what
// Open shows before the page is parsed in full.
type pageHead struct {
	title, ogTitle, site, author, url string
	published                         time.Time
}

func (h pageHead) article() model.Article {
	a := model.Article{Title: h.ogTitle, Source: h.site, URL: h.url, Date: h.published}
	if a.Title == "" {
		a.Title = stripSiteName(h.title, h.site)
	}
	if h.author != "" {
		a.Authors = bylineNames(h.author)
	}
	return a
}

// htmlHead tokenises data up to <body> and reads <title>, the og:/article:
// meta tags, author and the canonical link.
func htmlHead(data []byte) pageHead {
	var h pageHead
	z := html.NewTokenizer(bytes.NewReader(data))
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return h
		case html.TextToken:
			if inTitle && h.title == "" {
				h.title = strings.Join(strings.Fields(string(z.Text())), " ")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == atom.Title {
				inTitle = false
			}
			if atom.Lookup(name) == atom.Head {
				return h
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return h
			case atom.Title:
				inTitle = true
			case atom.Meta, atom.Link:
				attrs := map[string]string{}
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					attrs[string(k)] = string(v)
				}
				h.meta(attrs)
			}
		}
	}
}

func (h *pageHead) meta(attrs map[string]string) {
	key := strings.ToLower(attrs["property"])
	if key == "" {
		key = strings.ToLower(attrs["name"])
	}
	content := strings.TrimSpace(attrs["content"])
	if strings.EqualFold(attrs["rel"], "canonical") {
		if href := attrs["href"]; h.url == "" && absoluteURL(href) {
			h.url = href
		}
		return
	}
	switch key {
	case "og:title":
		h.ogTitle = content
	case "og:site_name":
		h.site = content
	case "og:url":
		if h.url == "" && absoluteURL(content) {
			h.url = content
		}
	case "author", "article:author":
		if h.author == "" && !strings.HasPrefix(content, "http") {
			h.author = content
		}
	case "article:published_time", "date", "pubdate":
		if t, ok := parseDate(content); ok {
			h.published = t
		}
	}
}

func absoluteURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// stripSiteName drops the site name a <title> often ends with: "Headline |
// Site", or "Headline - Site" when the site name is known.
func stripSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		if site != "" && strings.EqualFold(tail, site) || site == "" && sep == " | " && len(strings.Fields(tail)) <= 4 {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}
