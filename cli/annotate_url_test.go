package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAnnotateURL fetches a page from a loopback server: `newsmark annotate
// --json URL` works like a path, and a URL that fails gives one line and exit 1.
func TestAnnotateURL(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.FileServer(http.Dir("../articles/testdata/web/pages")))
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
