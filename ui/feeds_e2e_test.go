package ui

import (
	"os/exec"
	"strings"
	"testing"
)

// TestEndToEndFeedReader is a feed reader's morning in a real terminal:
// subscribe to three feeds (newsmark feeds add), refresh them (R), mark
// one feed read in the feeds view (A), read every other unread item with
// next unread (n, space on the last page, ctrl+n) until none is left, then
// subscribe to a fourth feed from another shell and refresh: the feeds
// file is read again, so its item arrives.
func TestEndToEndFeedReader(t *testing.T) {
	bin := buildBinary(t)
	ws := newWebServer(t)
	env := isolatedEnv(t)
	add := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"feeds", "add"}, args...)...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("feeds add %v: %v\n%s", args, err, out)
		}
	}
	add(ws.URL+"/feed.xml", "~Tidewater", "deals")
	add(ws.URL+"/ledger.xml", "energy")
	add(ws.URL+"/quiet.xml", "~Quiet Gazette")

	tt := startTmux(t, 120, 40, append(env, bin, "--theme", "dark")...)
	tt.waitText("nothing cached yet · R fetches your 3 feeds")
	tt.send("R")
	tt.waitText("refreshed 3 feeds", "Tallis Ports reports a steady quarter")

	// The feeds view: Quiet Gazette is the third feed, after the two
	// rows for every article and the starred ones.
	tt.send("F")
	s := tt.waitText("Feeds (3)", "#deals", "#energy")
	if !lineHas(s, "Tidewater", "2/2") || !lineHas(s, "Northern Ledger", "2/2") || !lineHas(s, "Quiet Gazette", "1/1") {
		t.Fatalf("feeds view counts:\n%s", s)
	}
	tt.send("G", "A")
	tt.waitText("marked Quiet Gazette read: 1 article")
	tt.waitFor("Quiet Gazette at 0/1", false, func(s string) bool { return lineHas(s, "Quiet Gazette", "0/1") })
	tt.send("g", "Tab") // every article, the keys in the items

	// Next unread, newest first: Halvorsen, then on the last page space
	// goes on (Corran), then ctrl+n.
	tt.send("n")
	tt.waitReader("900 megawatt offshore array")
	tt.send("Space")
	tt.waitReader("rolling-stock maintenance depot")
	tt.send("C-n")
	tt.waitText("Pelham Biotech")
	tt.send("C-n")
	tt.waitReader("Cobalt Row Storage")
	tt.send("C-n")
	tt.waitText("no unread articles left")
	tt.send("Escape")
	tt.waitText("newsmark · 5 articles")
	if s := tt.capture(false); strings.Contains(s, "● unread") {
		t.Fatalf("unread items left after next unread went through them:\n%s", s)
	}

	// Another shell subscribes; R reads the feeds file again.
	add(ws.URL+"/harbour.xml", "~Harbour Brief")
	tt.send("R")
	tt.waitText("refreshed 4 feeds", "Ostrander Shipping and Velde Logistics merge", "● unread")
	tt.send("Tab") // the feeds view is still open beside: back to its column
	s = tt.waitText("Feeds (4)", "feeds · 4 subscriptions")
	if !lineHas(s, "Harbour Brief", "1/1") {
		t.Fatalf("the feed added from another shell is not in the feeds view:\n%s", s)
	}
	tt.send("q", "q")
	tt.waitText("EXITED 0")
}
