package ui

import (
	"context"
	"strings"
	"testing"
)

// The feeds view and the unread flow (issue 15), driven by keys on the
// fixture's cache: Tidewater (3 unread, tagged deals), Northern Ledger (2
// unread, one of them Tidewater's story too; deals, energy), Quiet Wire
// (1 read), Broken Wire (no items, its refresh failed; energy).

func TestFeedsViewListsSubscriptions(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.mustSee("newsmark · 5 articles · 4 unread") // the library's status bar
	d.keys("F")
	d.mustSee("Feeds (4)", "All articles", "★ Starred", "4 unread")
	for _, row := range [][2]string{
		{"Tidewater", "3/3"}, {"#deals · refreshed 09:30", ""},
		{"Northern Ledger", "2/2"}, {"#deals · #energy · refreshed 09:30", ""},
		{"Quiet Wire", "0/1"}, {"Broken Wire", "0/0"}, {"#energy · ✗ HTTP 404 Not Found", ""},
	} {
		if !lineHas(d.screen(), row[0], row[1]) {
			t.Fatalf("no line with %q and %q:\n%s", row[0], row[1], d.screen())
		}
	}
	// The cursor chooses what the library beside lists.
	d.keys("j", "j")
	d.mustSee("Pelham Biotech")
	d.mustNotSee("Halvorsen Wind", "Tallis Ports")
	d.keys("enter") // the keys go to the items
	d.mustSee("Tidewater · 3 articles · 3 unread")
	d.keys("j") // moves in the items now
	if e, _ := d.m.library.selected(); !strings.Contains(e.Meta.Title, "Pelham") {
		t.Fatalf("j after enter selected %q, want the feed's second item", e.Meta.Title)
	}
	d.keys("tab")
	d.mustSee("feeds · 4 subscriptions")
	d.keys("j")
	d.mustSee("Halvorsen Wind")
	d.mustNotSee("Pelham Biotech")

	// t steps the tag filter: deals, energy, every feed.
	d.keys("t")
	d.mustSee("#deals", "Tidewater", "Northern Ledger")
	d.mustNotSee("Quiet Wire", "Broken Wire")
	d.keys("t")
	d.mustSee("Northern Ledger", "Broken Wire")
	d.mustNotSee("Tidewater  ", "Quiet Wire")
	d.keys("t")
	d.mustSee("Tidewater", "Quiet Wire", "Broken Wire")

	d.keys("F") // closes: every article again
	d.mustNotSee("Feeds (4)")
	d.mustSee("newsmark · 5 articles")
}

// lineHas says whether one line of s holds every part.
func lineHas(s string, parts ...string) bool {
	for _, l := range strings.Split(s, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestFeedsViewNarrowTabs(t *testing.T) {
	d := feedsDriver(t, 60, 24)
	d.keys("F")
	d.mustSee("Feeds (4)", "Tidewater")
	d.mustNotSee("Corran Steel")
	d.keys("j", "j", "tab")
	d.mustSee("Corran Steel", "Tidewater · 3 articles")
	d.mustNotSee("Feeds (4)")
	d.keys("tab")
	d.mustSee("Feeds (4)")
}

func TestNextUnreadAcrossFeeds(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("F", "j", "j", "enter") // Tidewater's items
	var read []string
	for i := 0; i < 4; i++ {
		key := "ctrl+n"
		if i == 0 {
			key = "n" // the library's key; the reader's is ctrl+n
		}
		d.keys(key)
		if d.m.screen != screenReader {
			t.Fatalf("%s did not open an article:\n%s", key, d.screen())
		}
		read = append(read, d.m.reader.article.Title)
	}
	want := []string{"Corran Steel and Ibis Rail agree depot venture", "Pelham Biotech takes 15% of Ostara Labs",
		"Maribel Foods buys Quayside Bakeries", "Halvorsen Wind and Suryan Power form offshore venture"}
	if strings.Join(read, "|") != strings.Join(want, "|") {
		t.Fatalf("next unread read\n%q\nwant\n%q", read, want)
	}
	d.mustSee("Halvorsen Wind")
	d.keys("ctrl+n")
	d.mustSee("no unread articles left")
	if n := unreadStored(t, d); n != 0 {
		t.Fatalf("%d items still unread in the cache after reading everything", n)
	}
	d.keys("esc") // back in the library, on the feed it went on to
	d.mustSee("Northern Ledger · 2 articles")
	d.mustNotSee("unread ·")
}

func TestSpaceOnLastPageGoesToNextUnread(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("enter") // Corran, short enough to fit the page
	d.mustSee("Corran Steel and Ibis Rail agree depot venture.")
	d.keys("space")
	if !strings.Contains(d.m.reader.article.Title, "Pelham") {
		t.Fatalf("space on the last page opened %q, want the next unread", d.m.reader.article.Title)
	}
	d.mustSee("2 unread articles left")
}

func TestReadOnceOpenedAndToggled(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("enter", "esc")
	d.mustSee("5 articles · 3 unread")
	if n := unreadStored(t, d); n != 3 {
		t.Fatalf("opening one left %d unread in the cache, want 3", n)
	}
	d.keys("U")
	d.mustSee("marked unread")
	if n := strings.Count(d.screen(), "● unread"); n != 4 {
		t.Fatalf("U: %d rows unread, want 4:\n%s", n, d.screen())
	}
	if n := unreadStored(t, d); n != 4 {
		t.Fatalf("U left %d unread in the cache, want 4", n)
	}
	d.keys("enter", "U") // in the reader too
	d.mustSee("marked unread")
	d.keys("esc")
	if n := unreadStored(t, d); n != 4 {
		t.Fatalf("U in the reader left %d unread in the cache, want 4", n)
	}

	// l hides what is read, and shows it again.
	d.mustSee("Tallis Ports")
	d.keys("l")
	d.mustSee("read items hidden · l shows them")
	d.mustNotSee("Tallis Ports")
	d.keys("F")
	d.mustNotSee("Quiet Wire") // nothing unread in it
	d.keys("l")
	d.mustSee("Quiet Wire", "Tallis Ports")
}

func TestMarkFeedReadAndEverythingWithUndo(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("F", "j", "j", "A")
	d.mustSee("marked Tidewater read: 3 articles · u undoes")
	if !lineHas(d.screen(), "Tidewater", "0/3") || !lineHas(d.screen(), "Northern Ledger", "1/2") {
		t.Fatalf("counts after A:\n%s", d.screen())
	}
	if n := unreadStored(t, d); n != 1 {
		t.Fatalf("A left %d unread in the cache, want 1", n)
	}
	d.keys("u")
	d.mustSee("undone: marking Tidewater read (3 articles unread again)")
	if !lineHas(d.screen(), "Tidewater", "3/3") || unreadStored(t, d) != 4 {
		t.Fatalf("u did not take A back (%d unread stored):\n%s", unreadStored(t, d), d.screen())
	}

	d.keys("C")
	d.mustSee("marked everything read: 4 articles")
	if !lineHas(d.screen(), "Northern Ledger", "0/2") || unreadStored(t, d) != 0 {
		t.Fatalf("C (%d unread stored):\n%s", unreadStored(t, d), d.screen())
	}
	d.keys("tab", "u") // u in the items too
	d.mustSee("undone: marking everything read")
	if unreadStored(t, d) != 4 {
		t.Fatalf("u after C left %d unread stored", unreadStored(t, d))
	}
	d.keys("u")
	d.mustSee("nothing to undo")
}

// One stack: a highlight deleted in the reader and a feed marked read in
// the library come back newest first, whichever screen u is pressed on.
func TestUndoIsOneStack(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("enter", "h", "d")
	d.mustSee("u undoes")
	d.keys("esc", "A")
	d.mustSee("marked Tidewater read")
	d.keys("enter") // into the reader: u there takes back A first
	d.keys("u")
	d.mustSee("undone: marking Tidewater read")
	d.keys("u")
	d.mustSee("restored")
	hs, err := d.m.opts.Notes.All(context.Background())
	if err != nil || len(hs) != 1 {
		t.Fatalf("highlights after the second u: %d (%v), want 1", len(hs), err)
	}
	d.keys("u")
	d.mustSee("nothing to undo")
}

func TestStarredKeptAndListed(t *testing.T) {
	d := feedsDriver(t, 120, 30)
	d.keys("j", "*")
	d.mustSee("starred: kept whatever the retention", "★ starred · ● unread · Tidewater")
	snap, err := d.m.net.opts.Cache.Snapshot(context.Background(), nil)
	if err != nil || !snap.Starred["https://news.example/"+slug("Pelham Biotech takes 15% of Ostara Labs")] {
		t.Fatalf("not starred in the cache (%v): %v", err, snap.Starred)
	}
	d.keys("F", "j") // the Starred row lists it alone
	if !lineHas(d.screen(), "★ Starred", "1") {
		t.Fatalf("starred count:\n%s", d.screen())
	}
	d.mustSee("Pelham Biotech")
	d.mustNotSee("Corran Steel")
	d.keys("tab", "*")
	d.mustSee("unstarred")
	d.mustNotSee("★ starred ·")
}
