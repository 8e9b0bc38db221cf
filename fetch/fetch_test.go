package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsmark/fetch/fetchtest"
)

func testClient() *http.Client { return NewClient("9.9.9-test") }

func TestFetchArticlePage(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	u := site.URL + "/pages/kestrel.html"
	a, err := Article(context.Background(), testClient(), u)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != u || a.URL != u {
		t.Errorf("ID/URL = %q/%q, want the URL", a.ID, a.URL)
	}
	if a.Title != "Kestrel Motors and Northwind Energy form battery venture" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Source != "Harbour Business Wire" {
		t.Errorf("Source = %q", a.Source)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Mara Lindqvist" {
		t.Errorf("Authors = %q", a.Authors)
	}
	if want := time.Date(2026, 3, 2, 18, 45, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("Date = %v, want %v", a.Date, want)
	}
	for _, frag := range []string{"agreed to form a joint venture", "$1.2 billion", "statement from Kestrel", "“We have wanted"} {
		if !strings.Contains(a.Body, frag) {
			t.Errorf("body lacks %q:\n%s", frag, a.Body)
		}
	}
	for _, junk := range []string{"Markets", "©", "**", "](", "<p>"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body has %q:\n%s", junk, a.Body)
		}
	}
	if len(a.Paragraphs) < 4 {
		t.Fatalf("want at least 4 paragraphs, got %d:\n%s", len(a.Paragraphs), a.Body)
	}
	for _, p := range a.Paragraphs {
		if p.Start < 0 || p.End > len(a.Body) || p.Start >= p.End || strings.Contains(a.Body[p.Start:p.End], "\n\n") {
			t.Errorf("bad paragraph span %v", p)
		}
	}
	wantLinks := map[string]string{
		"statement from Kestrel": "https://kestrel.example/press/venture",
		"Fairlight Research":     site.URL + "/research/cells", // made absolute
	}
	for _, l := range a.Links {
		if w, ok := wantLinks[l.Text]; ok && w == l.URL {
			delete(wantLinks, l.Text)
		}
	}
	if len(wantLinks) > 0 {
		t.Errorf("missing links %v in %v", wantLinks, a.Links)
	}
	if want := "newsmark/9.9.9-test (+terminal news reader)"; site.UserAgent() != want {
		t.Errorf("User-Agent = %q, want %q", site.UserAgent(), want)
	}
}

func TestFetchBadCases(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	cases := []struct {
		path, want string
	}{
		{"/status/404", "HTTP 404 Not Found"},
		{"/status/500", "HTTP 500 Internal Server Error"},
		{"/loop", "redirect loop"},
		{"/hop/6", "redirect loop"},
		{"/to-file", "only http and https"},
		{"/big", "over the 10 MB cap"},
		{"/pages/empty.html", "no readable content"},
		{"/binary", "neither a web page nor a feed (image/png)"},
	}
	c := testClient()
	for _, tc := range cases {
		t.Run(strings.Trim(tc.path, "/"), func(t *testing.T) {
			_, err := Article(context.Background(), c, site.URL+tc.path)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line with %q", err, tc.want)
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	c := testClient()
	c.Timeout = 200 * time.Millisecond // the 30 s of NewClient, shortened
	_, err := Article(context.Background(), c, site.URL+"/slow")
	if err == nil || err.Error() != "timed out" {
		t.Fatalf("err = %v, want timed out", err)
	}
}

func TestFetchFollowsFiveRedirects(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	// /hop/4 → 3 → 2 → 1 → 0 → page: five redirects, the limit.
	got, err := Article(context.Background(), testClient(), site.URL+"/hop/4")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Body, "joint venture") {
		t.Fatalf("want the article after 5 redirects, got %+v", got)
	}
}

func TestFetchCancel(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := Article(ctx, testClient(), site.URL+"/slow")
	if err == nil || err.Error() != "cancelled" {
		t.Fatalf("err = %v, want cancelled", err)
	}
}

func TestIsURL(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"https://example.com/a": true, "http://127.0.0.1:8080/feed.xml": true,
		"file:///etc/passwd": false, "example.com": false, "notes.md": false,
		"javascript:alert(1)": false, "https://": false, "-": false,
	} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}

func TestFetchPageInWindows1252(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	got, err := Article(context.Background(), testClient(), site.URL+"/pages/latin1.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Body, "The harbour’s port authority — café Señora") {
		t.Errorf("body not decoded from windows-1252: %q", got.Body[:80])
	}
}

func TestServerTextInErrorsIsSanitised(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A status line whose reason phrase carries an escape sequence.
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 410 Gone \x1b]0;pwned\x07\x1b[2J\r\nContent-Length: 0\r\n\r\n")
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	_, err := Article(context.Background(), testClient(), srv.URL)
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") || !strings.HasPrefix(err.Error(), "HTTP 410 Gone") {
		t.Fatalf("err = %q", err)
	}
}
