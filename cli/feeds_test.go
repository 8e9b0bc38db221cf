package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
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
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return filepath.Join(dir, "config", "newsmark", "feeds")
}

func TestFeedsCommands(t *testing.T) {
	feeds := useTempConfig(t)

	if code, out, _ := runCmd(t, "feeds", "add", "https://wire.example/rss.xml", "~Harbour Wire", "deals"); code != 0 || out != "subscribed: https://wire.example/rss.xml\n" {
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
	if code, out, errs := runCmd(t, "feeds", "import", opml); code != 0 || out != "imported 1 of 2 feeds (1 already subscribed)\n" {
		t.Errorf("import: %d %q %q", code, out, errs)
	}
	code, out, _ := runCmd(t, "feeds", "list")
	if want := "https://wire.example/rss.xml \"~Harbour Wire\" deals\nhttp://ledger.example/atom.xml ~Ledger Energy\n"; code != 0 || out != strings.ReplaceAll(want, " ~Ledger", ` "~Ledger"`) {
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
	if code, _, errs := runCmd(t, "feeds", "frobnicate"); code != 2 || !strings.Contains(errs, "usage: newsmark feeds") {
		t.Errorf("unknown subcommand: %d %q", code, errs)
	}
}
