//go:build linux

package faults

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsmark/feeds"
	"newsmark/fetch"
)

// rawServer answers every connection with serve, on a loopback port, until
// the test ends: for answers net/http would not give (none at all, a
// status line byte by byte, a broken one).
func rawServer(t *testing.T, serve func(c net.Conn, done <-chan struct{})) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	t.Cleanup(func() {
		close(done)
		l.Close()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				serve(c, done)
			}()
		}
	}()
	return "http://" + l.Addr().String()
}

// readRequest reads a request's head from c.
func readRequest(c net.Conn) {
	br := bufio.NewReader(c)
	for {
		l, err := br.ReadString('\n')
		if err != nil || l == "\r\n" {
			return
		}
	}
}

// trickle writes s one byte every 100 ms until it is written or done.
func trickle(c net.Conn, s string, done <-chan struct{}) {
	for i := 0; i < len(s); i++ {
		if _, err := c.Write([]byte{s[i]}); err != nil {
			return
		}
		select {
		case <-done:
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// gzipBomb is a gzip body that inflates to n MiB of zeros: one member of
// 1 MiB, repeated (a gzip reader reads concatenated members as one stream).
func gzipBomb(n int) []byte {
	var one bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&one, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return bytes.Repeat(one.Bytes(), n)
}

// billionLaughs is an XML feed whose entities expand to 10^9 "lol"s.
func billionLaughs(root string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">`)
	prev := "lol"
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat("&"+prev+";", 10))
		prev = fmt.Sprintf("lol%d", i)
	}
	b.WriteString(`]>`)
	if root == "atom" {
		b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title><entry><title>&lol9;</title><content>&lol9;</content></entry></feed>`)
	} else {
		b.WriteString(`<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`)
	}
	return b.String()
}

// TestNetworkFaults fetches from servers that misbehave in every way we
// know, through the same calls the commands and the reader make (feeds.Fetch
// decides page or feed; feeds.FetchFeed refreshes a subscription). Each
// ends within its deadline (short ones here: the real limits are 10 s to
// connect and 30 s in all) with a one-line error, and nothing crashes.
func TestNetworkFaults(t *testing.T) {
	t.Parallel()
	a := newArea(t, "network")
	client := fetch.NewClient("faults")
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	handle := func(path string, f http.HandlerFunc) string {
		mux.HandleFunc(path, f)
		return srv.URL + path
	}
	const bodyCap = fetch.MaxBodyBytes
	bomb := gzipBomb(1024)

	type netCase struct {
		name     string
		url      string
		deadline time.Duration // the context's; 10 s when 0
		feed     bool          // through FetchFeed (a refresh) rather than Fetch
		want     string        // in the error
	}
	cases := []netCase{
		{"no answer (accepts, never responds)", rawServer(t, func(c net.Conn, done <-chan struct{}) { <-done }),
			300 * time.Millisecond, false, "timed out"},
		{"no answer on a feed refresh", rawServer(t, func(c net.Conn, done <-chan struct{}) { <-done }),
			300 * time.Millisecond, true, "timed out"},
		{"headers, then no body", rawServer(t, func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html>"))
			<-done
		}), 300 * time.Millisecond, false, "timed out"},
		{"trickled status line (a byte per 100 ms)", rawServer(t, func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			trickle(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>never</body></html>", done)
		}), 500 * time.Millisecond, false, "timed out"},
		{"trickled body (a byte per 100 ms)", handle("/trickle", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			for i := 0; i < 1000; i++ {
				w.Write([]byte("<"))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		}), 500 * time.Millisecond, false, "timed out"},
		{"oversized body with its length", handle("/big-length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", fmt.Sprint(bodyCap+1))
			w.Write(bytes.Repeat([]byte("<p>x</p>\n"), (bodyCap+1)/9+1)[:bodyCap+1])
		}), 0, false, "cap"},
		{"oversized body, chunked", handle("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			chunk := bytes.Repeat([]byte("<p>filler</p>\n"), 4096)
			for n := 0; n <= bodyCap; n += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}), 0, false, "cap"},
		{"oversized feed on a refresh", handle("/big-feed", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`))
			item := []byte(strings.Repeat(`<item><title>t</title><link>http://example.com/</link></item>`, 1000))
			for n := 0; n <= bodyCap; n += len(item) {
				if _, err := w.Write(item); err != nil {
					return
				}
			}
		}), 0, true, "cap"},
		{"gzip bomb (1 GiB of zeros)", handle("/bomb", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		}), 0, false, "cap"},
		{"gzip bomb on a feed refresh", handle("/bomb-feed", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		}), 0, true, "cap"},
		{"redirect loop", handle("/loop", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop", http.StatusFound)
		}), 0, false, "redirect loop"},
		{"six redirects", handle("/hop/", func(w http.ResponseWriter, r *http.Request) {
			n := 0
			fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
		}) + "0", 0, false, "more than 5 redirects"},
		{"redirect loop on a feed refresh", srv.URL + "/loop", 0, true, "redirect loop"},
	}
	for _, target := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://127.0.0.1/feed.xml", "data:text/html,<p>hi</p>", "gopher://127.0.0.1/"} {
		scheme := strings.SplitN(target, ":", 2)[0]
		cases = append(cases, netCase{"redirect to " + scheme + ":", handle("/to-"+scheme, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusFound)
		}), 0, false, "redirect to a " + scheme + ": URL refused"})
	}
	xmlCase := func(name, body string) netCase {
		return netCase{name, handle("/"+strings.ReplaceAll(name, " ", "-"), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(body))
		}), 0, true, "malformed"}
	}
	cases = append(cases,
		xmlCase("billion laughs in RSS", billionLaughs("rss")),
		xmlCase("billion laughs in Atom", billionLaughs("atom")),
		xmlCase("quadratic blowup", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "`+strings.Repeat("a", 100000)+`">]><rss version="2.0"><channel><title>`+strings.Repeat("&a;", 10000)+`</title></channel></rss>`),
		xmlCase("external entity (XXE) naming /etc/passwd", `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>http://example.com/</link></item></channel></rss>`),
		netCase{"JSON Feed nested 100,000 deep", handle("/deep.json", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/feed+json")
			w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":[` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `]}`))
		}), 0, true, "malformed"},
		netCase{"headers over the client's 10 MB limit", handle("/huge-header", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Filler", strings.Repeat("a", 11<<20))
			w.Write([]byte("<html></html>"))
		}), 0, false, "header"},
		netCase{"body shorter than its length (connection dropped)", rawServer(t, func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>cut"))
		}), 0, false, "EOF"},
		netCase{"escape sequences in the status line and content type", rawServer(t, func(c net.Conn, done <-chan struct{}) {
			readRequest(c)
			c.Write([]byte("HTTP/1.1 599 \x1b]0;PWNED\x07\u202e\x1b[2J\r\nContent-Length: 0\r\n\r\n"))
		}), 0, false, "HTTP 599"},
		netCase{"connection refused", closedPort(t), 0, false, "refused"},
	)

	for _, c := range cases {
		a.run(t, c.name, func(t *testing.T) {
			deadline := c.deadline
			if deadline == 0 {
				deadline = 10 * time.Second
			}
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			errc := make(chan error, 1)
			start := time.Now()
			go func() {
				var err error
				if c.feed {
					_, err = feeds.FetchFeed(ctx, client, c.url, "", "")
				} else {
					_, err = feeds.Fetch(ctx, client, c.url)
				}
				errc <- err
			}()
			var err error
			select {
			case err = <-errc:
			case <-time.After(deadline + 10*time.Second):
				t.Fatalf("still fetching %v after its deadline", deadline+10*time.Second)
			}
			if err == nil {
				t.Fatalf("no error after %v", time.Since(start))
			}
			oneLine(t, c.name, []byte(err.Error()))
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			if strings.Contains(err.Error(), "root:") {
				t.Errorf("the error carries the local file: %q", err)
			}
			t.Logf("%v: %v", time.Since(start).Round(time.Millisecond), err)
		})
	}

	// A feed of 10,000 summary-only items: annotate fetches at most
	// --max-fetch pages, at most 4 at a time, and annotates every item.
	a.run(t, "10,000-item feed, annotate --json --max-fetch 5", func(t *testing.T) {
		var pages, inFlight, most atomic.Int64
		feed := func() []byte {
			var b bytes.Buffer
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>`)
			for i := range 10000 {
				fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/p/%d</link><description>Summary %d: Orchard Corp. bought a stake in Pine Ltd.</description></item>`, i, srv.URL, i, i)
			}
			b.WriteString(`</channel></rss>`)
			return b.Bytes()
		}()
		big := handle("/big.xml", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed)
		})
		mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
			pages.Add(1)
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			// A slow page, so that fetches overlap when they can.
			select {
			case <-r.Context().Done():
			case <-time.After(100 * time.Millisecond):
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head><title>Page</title></head><body><article><p>Orchard Corp. agreed to buy a 20% stake in Pine Ltd. for $5 million, the companies said on Monday in a statement about the deal.</p><p>The deal is expected to close next year, the companies said.</p></article></body></html>`)
		})
		r := nm(t, runOpts{timeout: 60 * time.Second}, "annotate", "--json", "--max-fetch", "5", big)
		if r.code != 0 {
			t.Errorf("exit %d: %.500s", r.code, r.stderr)
		}
		if n := len(jsonLines(t, "annotate --json", r.stdout)); n != 10000 {
			t.Errorf("%d articles annotated, want 10000", n)
		}
		if p := pages.Load(); p > 5 || p == 0 {
			t.Errorf("%d pages fetched, want 1 to 5", p)
		}
		if m := most.Load(); m > 4 {
			t.Errorf("%d pages fetched at once, want at most 4", m)
		}
		checkClean(t, "stderr", r.stderr)
		t.Logf("%d pages fetched, at most %d at once", pages.Load(), most.Load())
	})
}

// closedPort is a loopback URL where nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/feed.xml"
}
