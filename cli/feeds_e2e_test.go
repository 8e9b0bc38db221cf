package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedsBinaryEndToEnd builds newsmark and runs it as a reader would,
// against feeds served on loopback: subscribe, refresh twice (the second
// time every feed answers 304), list, export, unsubscribe.
func TestFeedsBinaryEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsmark")
	if out, err := exec.Command("go", "build", "-o", bin, "newsmark").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	site := feedSite(t)
	env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_DATA_HOME="+filepath.Join(dir, "data"),
		"NEWSMARK_DATA_DIR=")
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errb.String()
	}

	for _, u := range []string{"/rss.xml", "/atom.xml", "/feed.json"} {
		if code, _, errs := run("feeds", "add", site.URL+u, "business"); code != 0 {
			t.Fatalf("feeds add: %s", errs)
		}
	}
	code, out, errs := run("feeds", "refresh")
	if code != 0 || !strings.Contains(out, "3 feeds refreshed") || strings.Count(out, "updated ") != 3 {
		t.Fatalf("first refresh: %d\n%s%s", code, out, errs)
	}
	code, out, _ = run("feeds", "refresh")
	if code != 0 || strings.Count(out, "unchanged ") != 3 {
		t.Errorf("second refresh should be all 304s:\n%s", out)
	}
	_, out, _ = run("feeds", "list")
	if strings.Count(out, "business\n  # ") != 3 || !strings.Contains(out, "# 3 items, 3 unread") {
		t.Errorf("list:\n%s", out)
	}
	_, out, _ = run("feeds", "export")
	if strings.Count(out, `category="business"`) != 3 {
		t.Errorf("export:\n%s", out)
	}
	if code, out, _ = run("feeds", "rm", site.URL+"/atom.xml"); code != 0 || !strings.Contains(out, "2 unread items removed") {
		t.Errorf("rm: %d %q", code, out)
	}
	// One feed left: the counts read as English.
	run("feeds", "rm", site.URL+"/feed.json")
	if code, out, _ = run("feeds", "refresh"); code != 0 || !strings.Contains(out, "1 feed refreshed") {
		t.Errorf("refresh of one feed: %d %q", code, out)
	}
}
