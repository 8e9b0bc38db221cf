package ui

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// growingFeed is one outlet's RSS feed on a local server whose items the
// test adds to between refreshes, each dated hours before now so the
// day's brief holds them.
type growingFeed struct {
	mu    sync.Mutex
	names []string // keys of dealStories, oldest first
	srv   *httptest.Server
}

func newGrowingFeed(t *testing.T, names ...string) *growingFeed {
	t.Helper()
	f := &growingFeed{names: names}
	now := time.Now().Add(-6 * time.Hour).Truncate(time.Hour)
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		names := append([]string(nil), f.names...)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		var items strings.Builder
		for i, name := range names {
			head, body, _ := strings.Cut(dealStories[name], "\n\n")
			title := strings.TrimPrefix(strings.Split(head, "\n")[0], "Title: ")
			content := "<p>" + strings.ReplaceAll(html.EscapeString(strings.TrimSpace(body)), "\n\n", "</p><p>") + "</p>"
			fmt.Fprintf(&items, `<item><title>%s</title><link>http://%s/story/%d</link><guid>story-%d</guid><pubDate>%s</pubDate>
<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>`,
				html.EscapeString(title), r.Host, i, i, now.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z),
				html.EscapeString(title), content)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Market Herald</title><link>http://%s/</link>%s</channel></rss>`, r.Host, items.String())
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *growingFeed) add(names ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.names = append(f.names, names...)
}

// TestEndToEndWatchlist follows issue 17's checks in the real program: a
// feed on a local server, a refresh, a company followed from the deal
// tracker (D, w, 1); the next refresh brings a story about it and one
// about nothing followed, and the program says so and marks the first
// only; W shows it alone. Then `newsmark brief` on a terminal (drawn) and
// piped (Markdown, its lines linked), and `company --json` lists the
// company's stories and its chief executive with the title.
func TestEndToEndWatchlist(t *testing.T) {
	bin := buildBinary(t)
	feed := newGrowingFeed(t, "1-herald.txt")
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"), "NEWSMARK_DATA_DIR=" + filepath.Join(home, "data")}
	run := func(args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		var errb strings.Builder
		cmd.Stderr = &errb
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("newsmark %v: %v\n%s", args, err, errb.String())
		}
		return string(out), errb.String()
	}
	run("feeds", "add", feed.srv.URL+"/herald.xml")

	tt := startTmux(t, 160, 40, append(env, bin, "--theme", "dark")...)
	tt.waitText("articles", "? help")
	tt.send("r")
	tt.waitText("Brightwater and Kovacs form Hungary cold-storage venture")
	tt.send("D")
	tt.waitFor("the deal's row", false, func(s string) bool {
		return regexp.MustCompile(`Joint venture\s+Brightwater Foods Plc, Kovacs Logistics SA`).MatchString(s)
	})
	tt.send("w")
	tt.waitText("follow or unfollow: 1 Brightwater Foods Plc · 2 Kovacs Logistics SA (esc cancels)")
	tt.send("1")
	tt.waitText("following Brightwater Foods Plc")
	tt.send("Escape")
	tt.waitText("◆ Brightwater Foods Plc")

	feed.add("7-herald.txt", "4-herald.txt")
	tt.send("r")
	tt.waitText("1 new story about Brightwater Foods Plc", "Brightwater and Kovacs plan Austrian bakery venture",
		"Stocks edge higher")
	s := tt.waitFor("both Brightwater stories marked", false, func(s string) bool {
		return strings.Count(s, "◆ Brightwater Foods Plc") == 2
	})
	if l := lineAfter(s, "Stocks edge higher"); strings.Contains(l, "◆") {
		t.Errorf("the story naming no followed company is marked: %q\n%s", l, s)
	}
	tt.send("W")
	tt.waitFor("only the followed company's stories", false, func(s string) bool {
		return strings.Contains(s, "about companies you follow") && !strings.Contains(s, "Stocks edge higher") &&
			strings.Contains(s, "Brightwater and Kovacs plan Austrian bakery venture")
	})
	tt.send("q")
	tt.waitText("EXITED 0")

	// The brief on a terminal: drawn by glamour, the links' targets not
	// shown as Markdown.
	bt := startTmux(t, 100, 60, append(env, bin, "brief")...)
	bt.waitText("EXITED 0")
	drawn := bt.capture(true)
	plain := bt.capture(false)
	for _, want := range []string{"Brief: since", "3 stories in the period.", "Deals (", "Joint venture", "Most-named companies",
		"Brightwater Foods Plc", "Named in 2 stories.", "Cold chains decide who wins in fresh food"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the brief on a terminal lacks %q:\n%s", want, plain)
		}
	}
	if !strings.Contains(drawn, "\x1b[") || strings.Contains(plain, "](<") || !strings.Contains(plain, "• Joint venture") {
		t.Errorf("the brief on a terminal is not drawn:\n%s", plain)
	}

	// Piped: Markdown, each story line linked to its URL.
	md, _ := run("brief")
	if strings.ContainsRune(md, 0x1b) || !strings.HasPrefix(md, "# Brief: since") || !strings.Contains(md, "## Deals (") ||
		!strings.Contains(md, "### Brightwater Foods Plc\n\nNamed in 2 stories.") {
		t.Errorf("the piped brief:\n%s", md)
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "- ") && !strings.Contains(l, "](<"+feed.srv.URL+"/story/") {
			t.Errorf("a line of the brief links to no story: %q", l)
		}
	}

	out, _ := run("company", "--json", "Brightwater Foods Plc")
	var page struct {
		Name         string
		Following    bool
		StoriesTotal int `json:"stories_total"`
		People       []struct {
			Name, Title string
			FromText    bool `json:"from_text"`
		}
		Stories []struct{ Title, URL string }
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("company --json: %v\n%s", err, out)
	}
	if page.Name != "Brightwater Foods Plc" || !page.Following || page.StoriesTotal != 2 || len(page.Stories) != 2 ||
		page.Stories[0].Title != "Brightwater and Kovacs plan Austrian bakery venture" ||
		!strings.HasPrefix(page.Stories[0].URL, feed.srv.URL+"/story/") {
		t.Errorf("company --json: %+v", page)
	}
	if len(page.People) != 1 || page.People[0].Name != "Mara Quint" || page.People[0].Title != "chief executive" ||
		!page.People[0].FromText {
		t.Errorf("company --json people: %+v", page.People)
	}
}

// lineAfter is the line after the first line holding s ("" if none): a
// library entry's meta line.
func lineAfter(screen, s string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, s) && i+1 < len(lines) {
			return lines[i+1]
		}
	}
	return ""
}
