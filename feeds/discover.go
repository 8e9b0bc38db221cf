package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsmark/fetch"
)

// feedTypes are the media types a page's <link rel="alternate"> names a
// feed by: RSS, Atom and JSON Feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
}

// ErrNoFeedAdvertised is Discover's answer for a web page that names no
// feed of its own.
var ErrNoFeedAdvertised = errors.New(`a web page that advertises no feed (no <link rel="alternate"> of RSS, Atom or JSON Feed)`)

// ErrNeither is Discover's answer for what is neither a web page nor a
// feed (an image, a PDF); its message names the type.
var ErrNeither = errors.New("neither a web page nor a feed")

// Discovered is the feed a URL leads to.
type Discovered struct {
	// URL is the feed's: the URL given when it is a feed, else the one the
	// page advertises.
	URL string
	// Page is the web page that advertised it; "" when the URL given is
	// the feed.
	Page string
	// Title is the feed's own title.
	Title string
}

// Discover finds the feed at rawURL, as a feed reader's "subscribe" does:
// a feed is itself; a web page leads to the first feed it advertises with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">,
// which is fetched to check that it is one. A page that advertises none is
// ErrNoFeedAdvertised. Errors are one line and do not repeat rawURL.
func Discover(ctx context.Context, c *http.Client, rawURL string) (Discovered, error) {
	r, err := fetch.Get(ctx, c, rawURL, fetch.Validators{})
	if err != nil {
		return Discovered{}, err
	}
	f, err := parseFeed(rawURL, r, time.Now())
	if !errors.Is(err, errNotFeed) {
		if err != nil {
			return Discovered{}, err
		}
		return Discovered{URL: rawURL, Title: f.Title}, nil
	}
	if !r.IsHTML() {
		return Discovered{}, fmt.Errorf("%w (%s)", ErrNeither, fetch.Untrusted(r.ContentType))
	}
	links := advertisedFeeds(r.Body, r.URL)
	if len(links) == 0 {
		return Discovered{}, ErrNoFeedAdvertised
	}
	feed, err := FetchFeed(ctx, c, links[0], "", "")
	if err != nil {
		return Discovered{}, fmt.Errorf("the page advertises %s, which fails: %w", fetch.Untrusted(links[0]), err)
	}
	return Discovered{URL: links[0], Page: rawURL, Title: feed.Title}, nil
}

// advertisedFeeds are the http(s) URLs of the feeds a page names in its
// <link rel="alternate"> elements, in page order, resolved against its
// <base href> or its own URL.
func advertisedFeeds(page []byte, pageURL string) []string {
	base, _ := url.Parse(pageURL)
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := atom.Lookup(name)
			if tag == atom.Body {
				return out // the head is over: a link in the body names no feed of the page's
			}
			if !hasAttr || (tag != atom.Link && tag != atom.Base) {
				continue
			}
			attrs := map[string]string{}
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs[string(k)] = strings.TrimSpace(string(v))
			}
			if tag == atom.Base {
				if b, err := url.Parse(attrs["href"]); err == nil && base != nil {
					base = base.ResolveReference(b)
				}
				continue
			}
			if !hasToken(attrs["rel"], "alternate") {
				continue
			}
			mt, _, err := mime.ParseMediaType(attrs["type"])
			if err != nil || !feedTypes[strings.ToLower(mt)] || attrs["href"] == "" {
				continue
			}
			if u := resolveURL(base, attrs["href"]); u != "" {
				out = append(out, u)
			}
		}
	}
}

// hasToken reports whether the space-separated list s holds tok, in any
// case ("Alternate", "alternate feed").
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
