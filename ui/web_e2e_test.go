package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolatedEnv points the binary at empty config and data folders, so the
// tester's own subscriptions and database stay out of the run.
func isolatedEnv(t *testing.T) []string {
	dir := t.TempDir()
	return []string{"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"NEWSMARK_DATA_DIR=" + filepath.Join(dir, "data"), "BROWSER="}
}

// TestEndToEndFeedURL runs the binary on a feed served on loopback: the
// items appear in the library, and opening one (its feed has only a
// summary) shows the full text of its page.
func TestEndToEndFeedURL(t *testing.T) {
	bin := buildBinary(t)
	ws := newWebServer(t)
	args := append(isolatedEnv(t), bin, "--theme", "dark", ws.URL+"/feed.xml")
	tt := startTmux(t, 120, 36, args...)
	tt.waitText("Corran Steel and Ibis Rail agree 60-40 depot venture", "Pelham Biotech takes 15% of Ostara Labs", "2 items from Tidewater Deals Wire")
	tt.send("Enter")
	tt.waitText("rolling-stock maintenance depot", "Isla Munro")
	tt.send("L")
	tt.waitText("Links (2)", "https://regulator.example/rail")
	tt.send("Escape")
	tt.waitFor("links closed", false, func(s string) bool {
		return !strings.Contains(s, "Links (2)") && strings.Contains(s, "rolling-stock")
	})
	tt.send("Escape")
	tt.waitText("2 articles")
	tt.send("q")
	tt.waitText("EXITED 0")
}

// TestEndToEndSubscriptions: with a feeds file, `newsmark` opens at once
// with nothing cached yet (no samples under the user's own feeds); R
// refreshes in the background, a 404 feed gives its reason and the other
// feed's items arrive; a second run lists them from the cache with no
// server at all.
func TestEndToEndSubscriptions(t *testing.T) {
	bin := buildBinary(t)
	ws := newWebServer(t)
	env := isolatedEnv(t)
	cfg := filepath.Join(strings.TrimPrefix(env[0], "XDG_CONFIG_HOME="), "newsmark")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	feeds := ws.URL + "/feed.xml \"~Tidewater\" deals\n" + ws.URL + "/missing.xml \"~Broken Wire\"\n"
	if err := os.WriteFile(filepath.Join(cfg, "feeds"), []byte(feeds), 0o644); err != nil {
		t.Fatal(err)
	}
	tt := startTmux(t, 120, 40, append(env, bin, "--theme", "dark")...)
	tt.waitText("nothing cached yet", "R fetches your 2 feeds")
	tt.send("R")
	s := tt.waitText("Corran Steel and Ibis Rail", "/missing.xml: HTTP 404 Not Found", "refreshed 2 feeds")
	if !strings.Contains(s, "● unread") {
		t.Fatalf("new items not marked unread:\n%s", s)
	}
	tt.send("q")
	tt.waitText("EXITED 0")

	ws.Close()
	tt = startTmux(t, 120, 40, append(env, bin, "--theme", "dark")...)
	s = tt.waitText("Corran Steel and Ibis Rail", "Pelham Biotech")
	if strings.Contains(s, "Kitahara Denki") {
		t.Fatalf("samples listed under the user's own feeds:\n%s", s)
	}
	tt.send("Enter")
	tt.waitText("rolling-stock maintenance depot") // prefetched during the refresh: reads offline
	tt.send("q", "q")                              // to the library, then out
	tt.waitText("EXITED 0")
}
