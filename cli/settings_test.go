package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsmark/config"
	"newsmark/store"
)

// useConfig points NEWSMARK_CONFIG at a config file holding content, for
// the rest of the test, and returns its path.
func useConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(config.PathEnv, path)
	return path
}

// valueLine finds the line of `newsmark config` that sets name, and returns
// its value and where the value came from.
func valueLine(t *testing.T, out, name string) (value, source string) {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` = (.*?)\s+# (.*)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %s line in:\n%s", name, out)
	}
	return m[1], m[2]
}

// TestConfigCommand: `newsmark config` prints where the file is and every
// setting in effect with its source; the environment wins over the file.
func TestConfigCommand(t *testing.T) {
	code, out, errs := run(t, "config")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "# newsmark's settings in effect; there is no file at") ||
		!strings.Contains(out, filepath.Join("newsmark", "config.toml")) {
		t.Fatalf("without a file: exit %d, stderr %q\n%s", code, errs, out)
	}
	if v, src := valueLine(t, out, "width"); v != "88" || src != "default" {
		t.Errorf("width without a file: %s from %s", v, src)
	}

	path := useConfig(t, "width = 100\n\n[feeds]\nkeep_days = 30\n")
	t.Setenv("NEWSMARK_KEEP_DAYS", "7")
	code, out, errs = run(t, "config")
	if code != 0 || errs != "" || !strings.Contains(out, "read from "+path) {
		t.Fatalf("a good file: exit %d, stderr %q\n%s", code, errs, out)
	}
	for _, c := range []struct{ name, value, source string }{
		{"width", "100", "config.toml:1"}, {"keep_days", "7", "NEWSMARK_KEEP_DAYS"}, {"theme", `"auto"`, "default"},
		{`"reader.search"`, `"/"`, "default"},
	} {
		if v, src := valueLine(t, out, c.name); v != c.value || src != c.source {
			t.Errorf("%s = %s from %s, want %s from %s", c.name, v, src, c.value, c.source)
		}
	}
}

// TestConfigCommandChecksAFile: a file with problems lists them at the top
// of `newsmark config`, keeps the defaults of the bad lines, and exits 1;
// the other commands say each problem on one line of stderr and go on.
func TestConfigCommandChecksAFile(t *testing.T) {
	path := useConfig(t, "width = 30\nwidht = 100\ntheme = \"light\"\n\n[panel]\nside = \"top\"\n")
	code, out, errs := run(t, "config")
	if code != 1 || errs != "newsmark config: 3 problems in "+path+" (the \"# problem:\" lines say what and where)\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		`# problem: config.toml:1: width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got 30); kept 88`,
		"# problem: config.toml:2: widht: no such setting (did you mean width?)",
		`# problem: config.toml:6: panel.side: want "auto", "right", "left" or "below" (got "top"); kept "auto"`,
	} {
		if !strings.Contains(unwrapComments(out), want+"\n") {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if v, src := valueLine(t, out, "theme"); v != `"light"` || src != "config.toml:3" {
		t.Errorf("the good line: theme = %s from %s", v, src)
	}
	if v, src := valueLine(t, out, "width"); v != "88" || src != "default" {
		t.Errorf("the bad line's default: width = %s from %s", v, src)
	}

	dataDir, _, _ := fixture(t)
	code, out, errs = run(t, "notes", "--data-dir", dataDir)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 0 || !strings.Contains(out, "price looks low") || len(lines) != 3 ||
		!strings.HasPrefix(lines[0], "newsmark: config.toml:1: width: want") {
		t.Errorf("notes with a broken config: exit %d, stderr %q", code, errs)
	}

	useConfig(t, "width = = 3\n")
	code, out, _ = run(t, "config")
	if code != 1 || !strings.Contains(out, "# problem: config.toml:1: does not parse at column") {
		t.Errorf("a file that does not parse: exit %d\n%s", code, out)
	}
}

// unwrapComments joins the comment lines `newsmark config` wrapped at 100
// columns: each "# problem:" is one line again.
func unwrapComments(out string) string {
	var lines []string
	inProblem := false
	for _, l := range strings.Split(out, "\n") {
		rest, isComment := strings.CutPrefix(l, "# ")
		switch {
		case isComment && strings.HasPrefix(rest, "problem:"):
			inProblem = true
		case isComment && inProblem:
			lines[len(lines)-1] += " " + rest
			continue
		default:
			inProblem = false
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// TestConfigDefaultParsesBack: `newsmark config --default` is a file that
// reads back without a problem and sets nothing; removing a line's "# "
// sets that line.
func TestConfigDefaultParsesBack(t *testing.T) {
	code, def, errs := run(t, "config", "--default")
	if code != 0 || errs != "" || !strings.Contains(def, "# width = 88\n") || !strings.Contains(def, `# "reader.search" = "/"`) {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, def)
	}
	useConfig(t, def)
	code, out, errs := run(t, "config")
	if code != 0 || errs != "" || strings.Contains(out, "problem") {
		t.Fatalf("the default file read back: exit %d, stderr %q\n%s", code, errs, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " = ") && !strings.HasSuffix(l, "# default") {
			t.Errorf("the default file sets %q", l)
		}
	}
	useConfig(t, strings.Replace(def, "# width = 88\n", "width = 100\n", 1))
	_, out, _ = run(t, "config")
	if v, src := valueLine(t, out, "width"); v != "100" || !strings.HasPrefix(src, "config.toml:") {
		t.Errorf("an uncommented line: width = %s from %s", v, src)
	}
}

// TestConfigExportFormat: the config's export.format is what `newsmark
// export` writes unless --format says otherwise.
func TestConfigExportFormat(t *testing.T) {
	dataDir, _, _ := fixture(t)
	useConfig(t, "[export]\nformat = \"csv\"\n")
	if code, out, errs := run(t, "export", "--all", "--data-dir", dataDir); code != 0 || !strings.HasPrefix(out, "Highlight,Title,") {
		t.Errorf("format from the file: exit %d, %q\n%s", code, errs, out)
	}
	if code, out, _ := run(t, "export", "--all", "--format", "json", "--data-dir", dataDir); code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("--format wins over the file: exit %d\n%s", code, out)
	}
}

// TestConfigThemeForCommandsOnATerminal: `newsmark notes` on a terminal
// draws in the config file's theme when it names one.
func TestConfigThemeForCommandsOnATerminal(t *testing.T) {
	dataDir, _, _ := fixture(t)
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	onTerminal(t, 90)
	t.Setenv("COLORFGBG", "0;15") // a light background
	_, light, _ := run(t, "notes", "--data-dir", dataDir)
	t.Setenv("COLORFGBG", "")
	_, dark, _ := run(t, "notes", "--data-dir", dataDir)
	if light == dark {
		t.Fatal("the light and dark palettes draw alike")
	}
	useConfig(t, "theme = \"light\"\n")
	if _, out, _ := run(t, "notes", "--data-dir", dataDir); out != light {
		t.Error("theme = \"light\" in the config did not draw in the light palette")
	}
}

// TestKeepDays: `newsmark feeds refresh` prunes cached items older than
// keep_days (NEWSMARK_KEEP_DAYS over the file), and 0 keeps them all.
func TestKeepDays(t *testing.T) {
	useTempConfig(t)
	site := feedSite(t)
	dataDir := t.TempDir()
	if code, _, errs := run(t, "feeds", "add", site.URL+"/rss.xml"); code != 0 {
		t.Fatal(errs)
	}
	// An item of another feed, first fetched a year ago.
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().AddDate(-1, 0, 0)
	item := store.FeedItem{Feed: "https://old.example/rss", GUID: "old", ArticleID: "https://old.example/a",
		URL: "https://old.example/a", Title: "A year old", Date: old, Dated: true, Summary: "s", FetchedAt: old}
	if _, err := db.SaveFeed(context.Background(), store.FeedState{URL: item.Feed, FetchedAt: old}, []store.FeedItem{item}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	kept := func() bool {
		t.Helper()
		db, err := store.Open(store.DefaultPath(dataDir))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, ok, err := db.FeedItem(context.Background(), item.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	refresh := func() {
		t.Helper()
		if code, _, errs := run(t, "feeds", "refresh", "--data-dir", dataDir); code != 0 {
			t.Fatalf("refresh: exit %d, %s", code, errs)
		}
	}
	useConfig(t, "[feeds]\nkeep_days = 0\n")
	if refresh(); !kept() {
		t.Fatal("keep_days = 0 pruned an item")
	}
	useConfig(t, "[feeds]\nkeep_days = 400\n")
	if refresh(); !kept() {
		t.Fatal("keep_days = 400 pruned a year-old item")
	}
	t.Setenv("NEWSMARK_KEEP_DAYS", "30")
	if refresh(); kept() {
		t.Fatal("NEWSMARK_KEEP_DAYS=30 did not win over the file's 400 days")
	}
}

// TestSamplesOff: with samples = false and nothing else to read (no
// arguments, no subscriptions) the reader does not start on the samples:
// one line says what to give. With samples on, no arguments give them.
func TestSamplesOff(t *testing.T) {
	useTempConfig(t)
	if lib := openLibrary(nil, Env{}, true); len(lib.Entries) == 0 || !lib.Demo {
		t.Fatalf("samples on: %d entries", len(lib.Entries))
	}
	if lib := openLibrary(nil, Env{}, false); len(lib.Entries) != 0 {
		t.Fatalf("samples off: %d entries", len(lib.Entries))
	}
	useConfig(t, "samples = false\nwidht = 1\n")
	code, out, errs := run(t)
	if code != 1 || out != "" || !strings.HasPrefix(errs, "newsmark: nothing to read: give a file, a folder or a URL, or subscribe to a feed") ||
		!strings.Contains(errs, "\nnewsmark: config.toml:2: widht: no such setting") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestReadmeConfigExample: the README's example config file reads without
// a problem against newsmark's own actions (its [keys] lines clash with no
// binding the reader has).
func TestReadmeConfigExample(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(b), "<!-- section: config (config) -->")
	_, example, ok := strings.Cut(section, "```toml\n")
	example, _, ok2 := strings.Cut(example, "```")
	if !ok || !ok2 {
		t.Fatal("the README's config section has no ```toml example")
	}
	useConfig(t, example)
	if code, out, errs := run(t, "config"); code != 0 || errs != "" {
		t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
	}
}
