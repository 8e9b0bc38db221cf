package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/fetch/fetchtest"
)

// TestAnnotateURL fetches a page from a loopback server: `newsmark annotate
// --json URL` works like a path, and a URL that fails gives one line and exit 1.
func TestAnnotateURL(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(fetchtest.Dir(), "pages"))))
	defer srv.Close()
	var out, errb bytes.Buffer
	code := Run([]string{"annotate", "--json", srv.URL + "/kestrel.html", srv.URL + "/missing.html"}, strings.NewReader(""), &out, &errb)
	if code != 1 {
		t.Errorf("exit code = %d, want 1 when one URL fails", code)
	}
	if lines := strings.Split(strings.TrimSpace(errb.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "/missing.html") || !strings.Contains(lines[0], "404") {
		t.Errorf("stderr = %q, want one line naming the URL and its 404", errb.String())
	}
	var got struct {
		Article  struct{ URL string }
		Entities []struct{ Kind, Text string }
	}
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &got); err != nil {
		t.Fatalf("stdout is not one JSON line: %v\n%s", err, out.String())
	}
	if got.Article.URL != srv.URL+"/kestrel.html" {
		t.Errorf("article url = %q", got.Article.URL)
	}
	companies := 0
	for _, e := range got.Entities {
		if e.Kind == "company" {
			companies++
		}
	}
	if companies == 0 {
		t.Errorf("no company found in the fetched page: %+v", got.Entities)
	}
}

// TestAnnotateFeedItemFromItsSummary: a feed item whose page cannot be
// fetched is annotated from the feed's summary, with a line on stderr that
// says so; the input still gave an article, so the exit code is 0.
func TestAnnotateFeedItemFromItsSummary(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>
<item><title>Quay Holdings buys Mersey Cold Stores</title><link>/gone.html</link>
<description>Quay Holdings Ltd. will pay $2 billion for Mersey Cold Stores Plc, the companies said.</description></item>
</channel></rss>`))
	})
	srv := httptest.NewServer(mux) // /gone.html is a 404
	defer srv.Close()
	var out, errb bytes.Buffer
	code := Run([]string{"annotate", "--json", srv.URL + "/feed.xml"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Errorf("exit code = %d, want 0: the summary is an article", code)
	}
	if !strings.Contains(errb.String(), "showing the feed's summary") || !strings.Contains(errb.String(), "/gone.html") {
		t.Errorf("stderr = %q, want a line naming the page and the summary", errb.String())
	}
	var got struct {
		Body     string
		Entities []struct{ Kind, Text string }
	}
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &got); err != nil {
		t.Fatalf("stdout is not one JSON line: %v\n%s", err, out.String())
	}
	found := false
	for _, e := range got.Entities {
		found = found || e.Kind == "company" && e.Text == "Quay Holdings Ltd."
	}
	if !strings.HasPrefix(got.Body, "Quay Holdings Ltd. will pay") || !found {
		t.Errorf("body %q, entities %+v", got.Body, got.Entities)
	}
}
