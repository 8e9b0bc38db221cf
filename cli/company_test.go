package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// companyStories are stories written for these tests: SoftBank Group
// Corp. (also "SoftBank") and its chief executive, SoftBank Corp. (another
// company, which "SoftBank" may also mean), and a deal.
var companyStories = map[string]string{
	"1-invest.txt": "Title: SoftBank Group to back Orrin Robotics\nDate: 2026-05-11\nSource: Market Herald\n\n" +
		"SoftBank Group Corp. agreed to invest $2 billion in Orrin Robotics Inc., the companies said on Monday.\n\n" +
		"\u201cRobots will run our warehouses,\u201d SoftBank chief executive Kenji Sato said.\n",
	"2-results.txt": "Title: SoftBank Group profit rises\nDate: 2026-05-12\nSource: The Ledger\n\n" +
		"SoftBank Group Corp. reported a higher profit on Tuesday.\n\n" +
		"Kenji Sato, chief executive of SoftBank Group Corp., said more deals would follow.\n",
	"3-phones.txt": "Title: SoftBank Corp. cuts phone prices\nDate: 2026-05-12\nSource: The Ledger\n\n" +
		"SoftBank Corp. cut the price of its phone plans on Tuesday, the carrier said.\n",
}

func indexCompanyStories(t *testing.T) string {
	t.Helper()
	isolate(t)
	dir := t.TempDir()
	for name, text := range companyStories {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := runCmd(t, "index", dir); code != 0 {
		t.Fatalf("index: %s", errs)
	}
	return dir
}

// company --json: the company a name means, its stories with their
// sentences, its chief executive, its deal and his quote; a name two
// companies answer to lists them; an unknown name says so.
func TestCompanyCommand(t *testing.T) {
	dir := indexCompanyStories(t)
	code, out, errs := runCmd(t, "company", "--json", "softbank", "group")
	if code != 0 {
		t.Fatalf("company: %d %s", code, errs)
	}
	var page struct {
		Company, Name string
		StoriesTotal  int    `json:"stories_total"`
		FirstSeen     string `json:"first_seen"`
		LastSeen      string `json:"last_seen"`
		Following     bool
		People        []struct {
			Name, Title string
			Stories     int
		}
		Deals  []struct{ Kind string }
		Quotes []struct {
			Text, Speaker, Title string
			By                   bool `json:"by_company"`
		}
		Stories []struct {
			Title, Sentence, Path string
			Offset                int
		}
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if page.Name != "SoftBank Group Corp." || page.StoriesTotal != 2 || page.FirstSeen != "2026-05-11" || page.LastSeen != "2026-05-12" ||
		page.Following {
		t.Errorf("page %+v", page)
	}
	if len(page.Stories) != 2 || page.Stories[0].Title != "SoftBank Group profit rises" ||
		page.Stories[0].Sentence != "SoftBank Group Corp. reported a higher profit on Tuesday." ||
		page.Stories[1].Path != filepath.Join(dir, "1-invest.txt") {
		t.Errorf("stories %+v", page.Stories)
	}
	if len(page.People) != 1 || page.People[0].Name != "Kenji Sato" || page.People[0].Title != "chief executive" || page.People[0].Stories != 2 {
		t.Errorf("people %+v", page.People)
	}
	if len(page.Deals) != 1 || page.Deals[0].Kind != "investment" {
		t.Errorf("deals %+v", page.Deals)
	}
	if len(page.Quotes) != 1 || !page.Quotes[0].By || page.Quotes[0].Speaker != "Kenji Sato" || page.Quotes[0].Title != "chief executive" {
		t.Errorf("quotes %+v", page.Quotes)
	}

	// Two companies answer to "softbank": both are listed, nothing printed.
	code, out, errs = runCmd(t, "company", "softbank")
	if code != 1 || out != "" || !strings.Contains(errs, "2 companies answer to softbank") ||
		!strings.Contains(errs, "SoftBank Group Corp.  2 stories  [L:softbank group corp]") ||
		!strings.Contains(errs, "SoftBank Corp.  1 story  [L:softbank corp]") {
		t.Errorf("ambiguous: %d %q %q", code, out, errs)
	}
	if code, _, errs = runCmd(t, "company", "Nobody Mills"); code != 1 || !strings.Contains(errs, "no company in the index is named Nobody Mills") {
		t.Errorf("unknown: %d %q", code, errs)
	}
	// The identity picks one; piped, the page is Markdown.
	code, out, _ = runCmd(t, "company", "L:softbank corp")
	if code != 0 || !strings.HasPrefix(out, "# SoftBank Corp.\n\nNamed in 1 story, first seen 2026-05-12") || strings.ContainsRune(out, 0x1b) {
		t.Errorf("SoftBank Corp.: %d\n%s", code, out)
	}
}

// The watchlist from the command line: follow, list, unfollow.
func TestCompanyFollow(t *testing.T) {
	indexCompanyStories(t)
	if code, _, errs := runCmd(t, "company", "SoftBank Group Corp.", "--follow"); code != 0 || !strings.Contains(errs, "following SoftBank Group Corp.") {
		t.Fatalf("follow: %d %s", code, errs)
	}
	code, out, _ := runCmd(t, "company")
	if code != 0 || !strings.HasPrefix(out, "SoftBank Group Corp.  [L:softbank group corp]  since ") {
		t.Errorf("list: %d %q", code, out)
	}
	if _, out, _ = runCmd(t, "company", "--json", "softbank group"); !strings.Contains(out, `"following": true`) {
		t.Errorf("the page does not say it is followed:\n%s", out)
	}
	if code, _, errs := runCmd(t, "company", "--unfollow", "softbank group"); code != 0 || !strings.Contains(errs, "no longer following") {
		t.Errorf("unfollow: %d %s", code, errs)
	}
	if _, _, errs := runCmd(t, "company"); !strings.Contains(errs, "you follow no company yet") {
		t.Errorf("empty list: %q", errs)
	}
	if code, _, errs := runCmd(t, "company", "--follow", "--unfollow", "x"); code != 2 || !strings.Contains(errs, "not both") {
		t.Errorf("both flags: %d %q", code, errs)
	}
}

// brief piped is Markdown; with -o it writes the file, and an existing
// file needs --force; on a terminal it is drawn.
func TestBriefCommand(t *testing.T) {
	indexCompanyStories(t)
	runCmd(t, "company", "SoftBank Group Corp.", "--follow")
	now := time.Date(2026, 5, 12, 20, 0, 0, 0, time.UTC)
	brief := func(args ...string) (int, string, string) {
		var out, errb strings.Builder
		cmd := newBriefCmdAt(Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, func() time.Time { return now })
		cmd.SetArgs(args)
		cmd.SetOut(&out)
		cmd.SetErr(&errb)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		code := exitCode(cmd.Execute())
		return code, out.String(), errb.String()
	}
	code, out, errs := brief()
	if code != 0 || strings.ContainsRune(out, 0x1b) {
		t.Fatalf("brief: %d %s\n%q", code, errs, out)
	}
	for _, want := range []string{"# Brief: since Mon 11 May 2026 20:00", "2 stories in the period.",
		"### SoftBank Group Corp.\n\nNamed in 1 story.", "**SoftBank Group Corp.** · 1 story · newest: [SoftBank Group profit rises](<file://"} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q:\n%s", want, out)
		}
	}
	if _, out, _ = brief("--since", "7d"); !strings.Contains(out, "## Deals (1)") || !strings.Contains(out, "3 stories in the period.") {
		t.Errorf("a week's brief:\n%s", out)
	}
	file := filepath.Join(t.TempDir(), "brief.md")
	if code, _, errs = brief("-o", file); code != 0 || !strings.Contains(errs, "wrote the brief to") {
		t.Fatalf("-o: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(file); !strings.HasPrefix(string(b), "# Brief: since") {
		t.Errorf("the file holds %q", b)
	}
	os.WriteFile(file, []byte("mine"), 0o600)
	if code, _, errs = brief("-o", file); code != 1 || !strings.Contains(errs, "give --force to replace it") {
		t.Errorf("an existing file: %d %q", code, errs)
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Errorf("the existing file was changed: %q", b)
	}
	if code, _, _ = brief("-o", file, "--force"); code != 0 {
		t.Errorf("--force: %d", code)
	}
	if code, _, errs = brief("--since", "yesterday"); code != 2 || !strings.Contains(errs, "--since:") {
		t.Errorf("a bad period: %d %q", code, errs)
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORFGBG", "")
	onTerminal(t, 90)
	code, out, _ = brief()
	if code != 0 || !colourSGR.MatchString(out) || !strings.Contains(stripSGR(out), "Most-named companies") ||
		strings.Contains(stripSGR(out), "](<file://") {
		t.Errorf("on a terminal the brief is not drawn:\n%q", out)
	}
}
