package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsmark/store"
)

func TestSplitURLs(t *testing.T) {
	t.Parallel()
	paths, urls := splitURLs([]string{"a.txt", "https://wire.example/feed.xml", "-", "file:///etc/passwd", "http://x.example/p"})
	if !slices.Equal(paths, []string{"a.txt", "-", "file:///etc/passwd"}) ||
		!slices.Equal(urls, []string{"https://wire.example/feed.xml", "http://x.example/p"}) {
		t.Fatalf("paths %v urls %v", paths, urls)
	}
}

// TestOpenWeb: without subscriptions there is no cache (and no database is
// opened or created); with them, the cache opens on the shared database and,
// with no arguments, its library (empty before any refresh) comes along; a
// database that cannot open is a one-line reason and the program goes on
// without the cache.
func TestOpenWeb(t *testing.T) {
	feeds := useTempConfig(t)
	data := t.TempDir()
	var stderr bytes.Buffer
	db := &sharedDB{path: store.DefaultPath(data)}
	w, later := openWeb(Env{Stderr: &stderr}, db, []string{"https://wire.example/a.html"}, false)
	if w.Cache != nil || w.Client == nil || len(w.URLs) != 1 || db.opened || later != nil {
		t.Fatalf("no subscriptions: %+v, database opened %v", w, db.opened)
	}
	if _, err := os.Stat(filepath.Join(data, "newsmark.db")); err == nil {
		t.Fatal("a database was created with no subscriptions")
	}

	if err := os.MkdirAll(filepath.Dir(feeds), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(feeds, []byte("https://wire.example/rss.xml \"~Wire\"\nnot-a-url\n"), 0o644)
	// With PATH arguments the cache serves only r: the database opens
	// after the first frame, and the cache is made on it then.
	w, later = openWeb(Env{Stderr: &stderr}, db, nil, false)
	if w.Cache != nil || len(w.Subs) != 1 || later == nil || db.opened {
		t.Fatalf("subscriptions and paths: cache %v subs %+v, database opened %v", w.Cache != nil, w.Subs, db.opened)
	}
	if s := openStorage(db, later); s.Cache == nil || s.Cache.DB != db.db || s.Notes == nil {
		t.Fatalf("the storage opened after the first frame: %+v", s)
	}
	w, later = openWeb(Env{Stderr: &stderr}, db, nil, true)
	defer db.Close()
	if later != nil {
		t.Fatal("no arguments: the cache's items are the first screen, yet its opening was put off")
	}
	if w.Cache == nil || len(w.Subs) != 1 || w.Subs[0].Name != "Wire" || !w.ListCache || w.SubsPath != feeds {
		t.Fatalf("with a subscription: cache %v subs %+v list %v path %q", w.Cache != nil, w.Subs, w.ListCache, w.SubsPath)
	}
	if w.Cache.DB != db.db {
		t.Fatal("the feed cache does not use the shared database")
	}
	if !strings.Contains(stderr.String(), "not-a-url") {
		t.Fatalf("the bad feeds line is not reported: %q", stderr.String())
	}

	stderr.Reset()
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "newsmark.db"), []byte("this is not a database, it is plain text of some length"), 0o644)
	badDB := &sharedDB{path: store.DefaultPath(bad)}
	w, _ = openWeb(Env{Stderr: &stderr}, badDB, nil, true)
	badDB.Close()
	if w.Cache != nil || !strings.Contains(stderr.String(), "feed cache:") || strings.Count(stderr.String(), "feed cache:") != 1 {
		t.Fatalf("broken database: cache %v, stderr %q", w.Cache != nil, stderr.String())
	}
}

// TestOpenWebBrowserRunsBROWSER: the reader's o and links list open URLs
// with $BROWSER, given the URL as its one argument.
func TestOpenWebBrowserRunsBROWSER(t *testing.T) {
	useTempConfig(t)
	dir := t.TempDir()
	out, script := filepath.Join(dir, "got"), filepath.Join(dir, "browser.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > "+out+".tmp && mv "+out+".tmp "+out+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", script)
	db := &sharedDB{path: store.DefaultPath(t.TempDir())}
	defer db.Close()
	w, _ := openWeb(Env{Stderr: &bytes.Buffer{}}, db, nil, false)
	const u = "https://wire.example/a?b=1&c=2"
	if err := w.OpenBrowser(u); err != nil {
		t.Fatal(err)
	}
	// The browser runs detached; wait for what it wrote.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, _ := os.ReadFile(out); string(b) == "1|"+u {
			return
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(out)
			t.Fatalf("browser got %q, want %q", b, "1|"+u)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
