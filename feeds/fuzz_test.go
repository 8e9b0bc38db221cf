package feeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsmark/fetch"
	"newsmark/fetch/fetchtest"
)

// FuzzParseFeed feeds arbitrary bodies to the feed parser: it must not
// panic, and whatever it returns must be sanitised, valid text.
func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json", "malformed.xml", "baditem.xml", "pages/kestrel.html"} {
		b, err := os.ReadFile(filepath.Join(fetchtest.Dir(), name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"\u001b[2J","content_text":"x"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r := &fetch.Response{URL: "http://127.0.0.1/feed", Body: body}
		feed, err := parseFeed(r.URL, r, time.Unix(0, 0))
		if err != nil || feed == nil {
			return
		}
		check := func(what, s string) {
			if strings.ContainsAny(s, "\x1b\x07\x00") || !utf8.ValidString(s) {
				t.Fatalf("%s not sanitised: %q", what, s)
			}
		}
		check("feed title", feed.Title)
		for _, it := range feed.Items {
			check("title", it.Title)
			check("summary", it.Summary)
			check("content", it.Content)
			if it.URL != "" && !fetch.IsURL(it.URL) {
				t.Fatalf("item URL %q is not http(s)", it.URL)
			}
			a := it.Meta(feed.URL, feed.Title, time.Unix(0, 0))
			for _, p := range a.Paragraphs {
				if p.Start < 0 || p.End > len(a.Body) || p.Start >= p.End {
					t.Fatalf("paragraph %v outside body of %d bytes", p, len(a.Body))
				}
			}
		}
	})
}

// FuzzParseSubscriptions: any feeds file parses without panicking, and each
// subscription written back as a line reads back the same.
func FuzzParseSubscriptions(f *testing.F) {
	f.Add(feedsFile)
	f.Add(`https://a.example/x "~A \"b\"" "t t" \`)
	f.Fuzz(func(t *testing.T, text string) {
		subs, _ := ParseSubscriptions(strings.NewReader(text))
		for _, s := range subs {
			if !fetch.IsURL(s.URL) {
				t.Fatalf("subscription to %q", s.URL)
			}
			back, probs := ParseSubscriptions(strings.NewReader(s.Line()))
			if len(back) != 1 || len(probs) != 0 || back[0].URL != s.URL || back[0].Name != s.Name || len(back[0].Tags) != len(s.Tags) {
				t.Fatalf("%#v written as %q reads back as %#v %v", s, s.Line(), back, probs)
			}
		}
	})
}
