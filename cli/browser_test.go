package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestBrowserArgs(t *testing.T) {
	t.Parallel()
	const u = "https://x.example/a?b=1&c=$(id)"
	for _, tc := range []struct {
		browser, goos string
		want          []string
	}{
		{"", "linux", []string{"xdg-open", u}},
		{"", "darwin", []string{"open", u}},
		{"firefox", "linux", []string{"firefox", u}},
		{"firefox --new-tab:chromium", "linux", []string{"firefox", "--new-tab", u}},
		{"lynx -dump %s", "linux", []string{"lynx", "-dump", u}},
	} {
		if got := browserArgs(u, tc.browser, tc.goos); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("browserArgs(%q, %q) = %q, want %q", tc.browser, tc.goos, got, tc.want)
		}
	}
}

// TestOpenInBrowserPassesOneArgument runs a fake browser script that records
// its arguments: a URL full of shell syntax arrives as one argument, and
// nothing in it is run.
func TestOpenInBrowserPassesOneArgument(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, pwned := filepath.Join(dir, "args"), filepath.Join(dir, "pwned")
	script := filepath.Join(dir, "browser")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + out + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	u := "https://x.example/a?q=$(touch%20" + pwned + ")&b=`id`;x"
	cmd, err := startBrowser(u, script, "linux")
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"); len(lines) != 1 || lines[0] != u {
		t.Errorf("browser got %q, want one argument %q", lines, u)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Error("the URL was run by a shell")
	}
	for _, bad := range []string{"file:///etc/passwd", "javascript:alert(1)", "-x", "https://a.example/\x1b[2J", "https://a.example/ b"} {
		if _, err := startBrowser(bad, script, "linux"); err == nil {
			t.Errorf("opened %q", bad)
		}
	}
}
