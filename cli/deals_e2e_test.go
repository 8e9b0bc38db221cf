package cli

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// isolate gives the test its own HOME and XDG folders (and no
// NEWSMARK_DATA_DIR), so that nothing of the user's is read or written.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, v := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		t.Setenv(v, filepath.Join(dir, strings.ToLower(v)))
	}
	t.Setenv("NEWSMARK_DATA_DIR", "")
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return dir
}

// dealStory is one report, written for this test, of a deal between Zephyr
// Mills and Harbor Looms.
type dealStory struct {
	feed, outlet, guid, title, body string
	day                             int // days after 2 March 2026
}

// The three reports of one joint venture name the parties differently
// ("Zephyr Mills Ltd." / "Zephyr" / "Zephyr Mills"), word the amount their
// own way and come from three outlets over ten days; the fourth story, a
// month after the first, is another deal of the same companies.
var dealStories = []dealStory{
	{"/wire.xml", "Harbour Wire", "wire-1", "Zephyr Mills and Harbor Looms form Vietnam venture",
		"Zephyr Mills Ltd. agreed to form a joint venture with Harbor Looms Inc. to weave technical fabrics in Vietnam, the companies said on Monday.\n\n" +
			"The venture will cost $400 million over four years. Zephyr will own 60% of it and Harbor Looms the rest.\n\n" +
			"\u201cThis is the largest bet we have made outside Britain,\u201d Zephyr chief executive Anna Kowal said.", 0},
	{"/ledger.xml", "The Ledger", "ledger-1", "Zephyr teams up with Harbor Looms",
		"Harbor Looms Inc. is teaming up with textile maker Zephyr in a 370 million euro joint venture in Vietnam, according to people familiar with the matter.\n\n" +
			"The companies plan to hire 2,000 weavers near Hanoi by 2028, the people said.", 4},
	{"/courier.xml", "Daily Courier", "courier-1", "Fabric makers sign Vietnam pact",
		"Zephyr Mills, the British textile maker, signed a joint venture agreement with Harbor Looms Inc. in Hanoi on Thursday, committing US$400 million to a plant for technical fabrics in Vietnam.\n\n" +
			"Local officials said the plant would open in 2027.", 10},
	{"/wire.xml", "Harbour Wire", "wire-2", "Zephyr and Harbor Looms plan second venture",
		"Zephyr Mills Ltd. and Harbor Looms Inc. agreed to form a second joint venture worth $150 million, this one to dye cloth in Mexico, the companies said on Wednesday.\n\n" +
			"Harbor Looms will own 55% of the new venture.", 30},
}

// dealFeeds serves the stories as three RSS feeds with their full text.
func dealFeeds(t *testing.T) *httptest.Server {
	t.Helper()
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	feeds := map[string][]dealStory{}
	for _, s := range dealStories {
		feeds[s.feed] = append(feeds[s.feed], s)
	}
	mux := http.NewServeMux()
	for path, stories := range feeds {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			var items strings.Builder
			for _, s := range stories {
				content := "<p>" + strings.ReplaceAll(html.EscapeString(s.body), "\n\n", "</p><p>") + "</p>"
				fmt.Fprintf(&items, `<item><title>%s</title><link>http://%s/%s</link><guid>%s</guid><pubDate>%s</pubDate>
<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>`,
					html.EscapeString(s.title), r.Host, s.guid, s.guid, start.AddDate(0, 0, s.day).Format(time.RFC1123Z),
					html.EscapeString(s.title), content)
			}
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>%s</title><link>http://%s/</link>%s</channel></rss>`, html.EscapeString(stories[0].outlet), r.Host, items.String())
		})
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestDealsAcrossOutletsEndToEnd subscribes to three outlets' feeds on a
// local server, refreshes, and reads the deal tracker and search as a
// reader would: one row with three sources for the deal, another for the
// same companies' deal a month later.
func TestDealsAcrossOutletsEndToEnd(t *testing.T) {
	isolate(t)
	site := dealFeeds(t)
	for _, f := range []string{"/wire.xml", "/ledger.xml", "/courier.xml"} {
		if code, _, errs := runCmd(t, "feeds", "add", site.URL+f); code != 0 {
			t.Fatalf("feeds add: %s", errs)
		}
	}
	if code, out, errs := runCmd(t, "feeds", "refresh"); code != 0 {
		t.Fatalf("refresh: %d\n%s%s", code, out, errs)
	}

	code, out, errs := runCmd(t, "deals", "--json")
	if code != 0 {
		t.Fatalf("deals --json: %d %s", code, errs)
	}
	if !strings.Contains(errs, "indexed 4 cached feed articles") {
		t.Errorf("deals did not index the feed cache first: %q", errs)
	}
	var deals []jsonDeal
	if err := json.Unmarshal([]byte(out), &deals); err != nil {
		t.Fatalf("deals --json is not JSON: %v\n%s", err, out)
	}
	var jvs []jsonDeal
	for _, d := range deals {
		if d.Kind == "joint_venture" {
			jvs = append(jvs, d)
		}
	}
	if len(jvs) != 2 {
		t.Fatalf("want two joint ventures (one reported thrice, one a month later), got:\n%s", out)
	}
	later, first := jvs[0], jvs[1] // newest first
	if first.Date != "2026-03-02" || first.Last != "2026-03-12" || len(first.Sources) != 3 {
		t.Fatalf("the first deal: %+v", first)
	}
	outlets := map[string]bool{}
	for _, s := range first.Sources {
		outlets[s.Outlet] = true
	}
	if len(outlets) != 3 || !outlets["Harbour Wire"] || !outlets["The Ledger"] || !outlets["Daily Courier"] {
		t.Errorf("sources of the first deal: %+v", first.Sources)
	}
	if first.Parties[0] != "Zephyr Mills Ltd." || first.Parties[1] != "Harbor Looms Inc." || len(first.Parties) != 2 {
		t.Errorf("parties named by their fullest forms: %v", first.Parties)
	}
	if first.Amount != "$400 million" || first.AmountUSD != 4e8 {
		t.Errorf("amount %q (%v $)", first.Amount, first.AmountUSD)
	}
	if later.Date != "2026-04-01" || len(later.Sources) != 1 || later.Amount != "$150 million" {
		t.Errorf("the month-later deal: %+v", later)
	}

	// The text table says the same in columns.
	_, out, _ = runCmd(t, "deals", "--kind", "joint_venture")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "2026-03-02  joint venture  Zephyr Mills Ltd., Harbor Looms Inc.") ||
		!strings.HasSuffix(lines[2], "3") {
		t.Errorf("deals table:\n%s", out)
	}

	// Search finds every story, each at its match.
	code, out, _ = runCmd(t, "search", "--json", "Harbor Looms")
	var hits []searchHit
	if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) != 4 {
		t.Fatalf("search: %d %v\n%s", code, err, out)
	}
	for _, h := range hits {
		if !strings.Contains(h.Sentence, "Harbor Looms") {
			t.Errorf("hit %s: sentence %q", h.ArticleID, h.Sentence)
		}
	}
	if _, out, _ = runCmd(t, "search", `"370 million euro"`); !strings.Contains(out, "Zephyr teams up with Harbor Looms — The Ledger · 2026-03-06") {
		t.Errorf("phrase search:\n%s", out)
	}
}
