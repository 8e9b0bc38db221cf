package ui

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// storyFeeds serves the deal stories (dealStories: the joint venture's
// three reports and the same companies' deal a month later) as one RSS
// feed per outlet, with their full text.
func storyFeeds(t *testing.T) *httptest.Server {
	t.Helper()
	type story struct{ title, date, body string }
	byOutlet := map[string][]story{}
	for _, name := range []string{"1-herald.txt", "2-courier.txt", "3-ledger.txt", "4-herald.txt"} {
		head, body, _ := strings.Cut(dealStories[name], "\n\n")
		fields := map[string]string{}
		for _, l := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(l, ": ")
			fields[k] = v
		}
		byOutlet[fields["Source"]] = append(byOutlet[fields["Source"]], story{fields["Title"], fields["Date"], body})
	}
	mux := http.NewServeMux()
	for outlet, stories := range byOutlet {
		path := "/" + strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + ".xml"
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			var items strings.Builder
			for i, s := range stories {
				day, _ := time.Parse("2006-01-02", s.date)
				content := "<p>" + strings.ReplaceAll(html.EscapeString(strings.TrimSpace(s.body)), "\n\n", "</p><p>") + "</p>"
				fmt.Fprintf(&items, `<item><title>%s</title><link>http://%s%s/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate>
<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>`,
					html.EscapeString(s.title), r.Host, path, i, path, i, day.Add(9*time.Hour).Format(time.RFC1123Z),
					html.EscapeString(s.title), content)
			}
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>%s</title><link>http://%s/</link>%s</channel></rss>`, html.EscapeString(outlet), r.Host, items.String())
		})
	}
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestEndToEndDealsAndSearch follows issue 16's check in the real program:
// three outlets' feeds on a local server, a refresh (r), then the deal
// tracker (D) shows the three reports of one deal as one row with three
// sources and the same companies' deal a month later as its own row;
// search (S) finds every story and enter opens one at the match.
func TestEndToEndDealsAndSearch(t *testing.T) {
	bin := buildBinary(t)
	site := storyFeeds(t)
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"), "NEWSMARK_DATA_DIR=" + filepath.Join(home, "data")}
	for _, f := range []string{"/market-herald.xml", "/the-courier-post.xml", "/northern-ledger.xml"} {
		cmd := exec.Command(bin, "feeds", "add", site.URL+f)
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("feeds add: %v\n%s", err, out)
		}
	}
	tt := startTmux(t, 160, 40, append(env, bin, "--theme", "dark")...)
	tt.waitText("articles", "? help")
	tt.send("r")
	tt.waitText("Grocer signs Budapest warehouse pact", "Brightwater and Kovacs plan Austrian bakery venture")

	tt.send("D")
	// The refresh's stories are indexed in the background; the tracker
	// shows them once that is done.
	row := func(date string) *regexp.Regexp {
		return regexp.MustCompile(date + `\s+Joint venture\s+Brightwater Foods Plc, Kovacs Logistics SA\b.*\s(\d+)\s*$`)
	}
	s := tt.waitFor("the deal's row with three sources", false, func(s string) bool {
		for _, l := range strings.Split(s, "\n") {
			if m := row("2026-05-04").FindStringSubmatch(l); m != nil && m[1] == "3" {
				return true
			}
		}
		return false
	})
	later := false
	for _, l := range strings.Split(s, "\n") {
		if m := row("2026-06-03").FindStringSubmatch(l); m != nil && m[1] == "1" && strings.Contains(l, "$90 million") {
			later = true
		}
	}
	if !later {
		t.Fatalf("the month-later deal is not a row of its own:\n%s", s)
	}
	if n := strings.Count(s, "Brightwater Foods Plc, Kovacs Logistics SA"); n != 2 {
		t.Fatalf("%d rows for the two deals:\n%s", n, s)
	}

	// Escape and S in one write would read as alt+S.
	tt.send("Escape")
	tt.waitText("newsmark · ")
	tt.send("S")
	tt.waitText("search every story: /")
	tt.send("-l", "Kovacs")
	tt.waitText("Search · “Kovacs”", "Kovacs teams up with Brightwater", "Grocer signs Budapest warehouse pact",
		"Brightwater and Kovacs form Hungary cold-storage venture", "Brightwater and Kovacs plan Austrian bakery venture")
	tt.send("Enter")
	tt.waitText("search: 4 results for “Kovacs”")
	tt.send("Enter")
	tt.waitReader("1 Ventures", "Kovacs")
	// q goes back a level at a time: the search it was opened from, the
	// library, then out.
	tt.send("q")
	tt.waitText("search: 4 results for “Kovacs”")
	tt.send("q")
	tt.waitText("newsmark · ")
	tt.send("q")
	tt.waitText("EXITED 0")
}
