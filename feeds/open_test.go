package feeds

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"newsmark/fetch/fetchtest"
)

// TestFetchMalformedFeed: a feed that does not parse is an error naming
// the fault, not a page or an empty feed.
func TestFetchMalformedFeed(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	_, err := Fetch(context.Background(), testClient(), site.URL+"/malformed.xml")
	const want = "malformed XML: line 6: element <item> closed by </channel>"
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q, want one line with %q", err, want)
	}
}

func TestOpenURLErrorNamesURL(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	_, err := OpenURL(context.Background(), testClient(), site.URL+"/status/404")
	if err == nil || !strings.HasPrefix(err.Error(), site.URL+"/status/404: ") {
		t.Fatalf("err = %v", err)
	}
	if errors.Unwrap(err) == nil {
		t.Error("error should wrap the reason")
	}
}

func TestOpenInputsMixesFilesAndURLs(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	dir := t.TempDir()
	file := dir + "/note.txt"
	if err := os.WriteFile(file, []byte("A local story\n\nOrchard Logistics opened a depot in the valley, the company said on Friday in a statement to staff."), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := OpenInputs(context.Background(), testClient(), []string{file, site.URL + "/pages/kestrel.html", site.URL + "/status/404"}, nil)
	if len(lib.Entries) != 2 {
		t.Fatalf("want the file and the page, got %d entries (%v)", len(lib.Entries), lib.Problems)
	}
	if len(lib.Problems) != 1 || lib.Problems[0].String() != site.URL+"/status/404: HTTP 404 Not Found" {
		t.Errorf("problems = %v", lib.Problems)
	}
	// The dated web article sorts before the undated file.
	if lib.Entries[0].Meta.URL != site.URL+"/pages/kestrel.html" {
		t.Errorf("first entry %q", lib.Entries[0].Meta.Locator())
	}
}
