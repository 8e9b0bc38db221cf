package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"newsmark/fetch/fetchtest"
)

// runCmd runs newsmark with args and returns exit code, stdout, stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func useTempConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("NEWSMARK_DATA_DIR", "")
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return filepath.Join(dir, "config", "newsmark", "feeds")
}

func TestFeedsCommands(t *testing.T) {
	feeds := useTempConfig(t)

	if code, out, _ := runCmd(t, "feeds", "add", "--no-check", "https://wire.example/rss.xml", "~Harbour Wire", "deals"); code != 0 || out != "subscribed: https://wire.example/rss.xml\n" {
		t.Fatalf("add: %d %q", code, out)
	}
	if code, out, _ := runCmd(t, "feeds", "add", "https://wire.example/rss.xml"); code != 0 || !strings.HasPrefix(out, "already subscribed") {
		t.Errorf("add twice: %d %q", code, out)
	}
	if code, _, errs := runCmd(t, "feeds", "add", "file:///etc/passwd"); code != 1 || !strings.Contains(errs, "not an http or https URL") {
		t.Errorf("add file URL: %d %q", code, errs)
	}
	b, _ := os.ReadFile(feeds)
	if string(b) != "https://wire.example/rss.xml \"~Harbour Wire\" deals\n" {
		t.Errorf("feeds file = %q", b)
	}

	opml := filepath.Join(t.TempDir(), "in.opml")
	os.WriteFile(opml, []byte(`<opml version="2.0"><body><outline text="Energy">
		<outline text="Ledger" type="rss" xmlUrl="http://ledger.example/atom.xml"/>
		<outline text="Wire again" type="rss" xmlUrl="https://wire.example/rss.xml"/>
	</outline></body></opml>`), 0o644)
	if code, out, errs := runCmd(t, "feeds", "import", opml); code != 0 || out != "imported 1 of 2 feeds (1 already subscribed, 0 skipped)\n" {
		t.Errorf("import: %d %q %q", code, out, errs)
	}
	code, out, _ := runCmd(t, "feeds", "list")
	if want := "https://wire.example/rss.xml \"~Harbour Wire\" deals\n  # never fetched\nhttp://ledger.example/atom.xml \"~Ledger\" Energy\n  # never fetched\n"; code != 0 || out != want {
		t.Errorf("list: %d %q", code, out)
	}

	code, out, _ = runCmd(t, "feeds", "export")
	if code != 0 || !strings.Contains(out, `xmlUrl="http://ledger.example/atom.xml"`) || !strings.Contains(out, `category="Energy"`) {
		t.Errorf("export: %d\n%s", code, out)
	}

	if code, out, _ := runCmd(t, "feeds", "rm", "https://wire.example/rss.xml"); code != 0 || out != "unsubscribed: https://wire.example/rss.xml\n" {
		t.Errorf("rm: %d %q", code, out)
	}
	if code, _, errs := runCmd(t, "feeds", "rm", "https://wire.example/rss.xml"); code != 1 || !strings.Contains(errs, "not subscribed") {
		t.Errorf("rm twice: %d %q", code, errs)
	}
	if code, _, errs := runCmd(t, "feeds", "frobnicate"); code != 2 || errs != "newsmark feeds: no command \"frobnicate\": add, rm, list, refresh, import or export\n" {
		t.Errorf("unknown subcommand: %d %q", code, errs)
	}
}

// feedSite serves the web fixtures of articles on loopback.
func feedSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(fetchtest.Dir())))
	mux.HandleFunc("/gone.xml", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestFeedsRefreshListRemove(t *testing.T) {
	useTempConfig(t)
	site := feedSite(t)
	for _, u := range []string{"/rss.xml", "/gone.xml"} {
		if code, _, errs := runCmd(t, "feeds", "add", site.URL+u); code != 0 {
			t.Fatalf("add: %s", errs)
		}
	}
	code, out, errs := runCmd(t, "feeds", "refresh")
	if code != 1 || !strings.Contains(errs, "1 of 2 feeds failed") {
		t.Errorf("refresh: %d %q", code, errs)
	}
	for _, want := range []string{"updated    " + site.URL + "/rss.xml (3 new)", "failed     " + site.URL + "/gone.xml: HTTP 404 Not Found", "[2/2]"} {
		if !strings.Contains(out, want) {
			t.Errorf("refresh output lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runCmd(t, "feeds", "list")
	if !strings.Contains(out, "  # 3 items, 3 unread, fetched ") || !strings.Contains(out, "; failed: HTTP 404 Not Found") {
		t.Errorf("list:\n%s", out)
	}
	code, out, _ = runCmd(t, "feeds", "rm", site.URL+"/rss.xml")
	if code != 0 || out != "unsubscribed: "+site.URL+"/rss.xml (3 unread items removed)\n" {
		t.Errorf("rm: %d %q", code, out)
	}
}

// TestFeedsAddFindsAdvertisedFeed: given a web page, feeds add subscribes
// to the feed the page advertises and says so; a page that advertises none
// is refused with one line and nothing is written; a feed is added as it is.
func TestFeedsAddFindsAdvertisedFeed(t *testing.T) {
	feeds := useTempConfig(t)
	site := feedSite(t)
	code, out, errs := runCmd(t, "feeds", "add", site.URL+"/news/index.html", "~Harbour")
	if code != 0 || !strings.Contains(out, "it advertises the feed "+site.URL+"/rss.xml") || !strings.Contains(out, "subscribed: "+site.URL+"/rss.xml\n") {
		t.Fatalf("add a page: %d %q %q", code, out, errs)
	}
	code, _, errs = runCmd(t, "feeds", "add", site.URL+"/pages/kestrel.html")
	if code != 1 || !strings.Contains(errs, "advertises no feed") || strings.Count(errs, "\n") != 1 {
		t.Fatalf("add a page without a feed: %d %q", code, errs)
	}
	if code, out, errs = runCmd(t, "feeds", "add", site.URL+"/atom.xml"); code != 0 || out != "subscribed: "+site.URL+"/atom.xml\n" {
		t.Fatalf("add a feed: %d %q %q", code, out, errs)
	}
	b, _ := os.ReadFile(feeds)
	if want := site.URL + "/rss.xml \"~Harbour\"\n" + site.URL + "/atom.xml\n"; string(b) != want {
		t.Fatalf("feeds file = %q, want %q", b, want)
	}
}
