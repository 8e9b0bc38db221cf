package articles

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestListThenReadHeads: List names a folder's files, newest file first,
// without reading them (a binary file is listed like the others), and
// reads a named file at once; ReadHeads then gives what Open gives for the
// folder: the articles by their own dates, and the binary file's problem.
// A listed entry loads before its head is read.
func TestListThenReadHeads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	folder := filepath.Join(dir, "wire")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	files := []struct {
		name, text string
		age        time.Duration // how long ago the file was written
	}{
		{"old-file.txt", "Title: Newest story\nDate: 2025-06-03\n\nOrbit Foods Inc. agreed to buy Meadow Dairy.\n", 3 * time.Hour},
		{"new-file.txt", "Title: Oldest story\nDate: 2025-01-09\n\nSunline Solar Corp. signed a partnership.\n", time.Hour},
		{"mid-file.md", "---\ntitle: Middle story\ndate: 2025-03-04\n---\nDelta Grid Ltd raised its outlook.\n", 2 * time.Hour},
		{"junk.txt", "\x00\x01binary\x00", 4 * time.Hour},
	}
	now := time.Now()
	for _, f := range files {
		p := write(t, folder, f.name, []byte(f.text))
		if err := os.Chtimes(p, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	named := write(t, dir, "named.txt", []byte("Title: Named story\n\nKestrel Group Plc agreed to a venture.\n"))

	l := List([]string{named, folder}, nil)
	if !l.Pending() || len(l.Problems) != 0 {
		t.Fatalf("pending %v, problems %v", l.Pending(), l.Problems)
	}
	var got []string
	for _, e := range l.Entries {
		got = append(got, e.Meta.Title)
		if e.Listed() != (e.Meta.Path != named) {
			t.Errorf("%s: listed %v", e.Meta.Path, e.Listed())
		}
		if e.Listed() && (e.Meta.ID != "" || !e.Meta.Date.IsZero()) {
			t.Errorf("%s: a listed entry has an ID %q or a date %v before its head is read", e.Meta.Path, e.Meta.ID, e.Meta.Date)
		}
	}
	if want := []string{"Named story", "new-file", "mid-file", "old-file", "junk"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("listed %q, want the named file, then the folder's newest file first %q", got, want)
	}
	a, err := l.Entries[1].Load()
	if err != nil || a.Title != "Oldest story" {
		t.Fatalf("a listed entry loads: %q, %v", a.Title, err)
	}

	heads := l.ReadHeads()
	open := Open([]string{folder}, nil)
	got = got[:0]
	for _, e := range heads.Entries {
		got = append(got, e.Meta.Title)
		if e.Listed() {
			t.Errorf("%s: still listed after ReadHeads", e.Meta.Path)
		}
	}
	if want := []string{"Newest story", "Middle story", "Oldest story"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("read %q, want by article date %q", got, want)
	}
	for i, e := range heads.Entries {
		if e.Meta.ID != open.Entries[i].Meta.ID || !e.Meta.Date.Equal(open.Entries[i].Meta.Date) {
			t.Errorf("%s: ReadHeads gave %+v, Open %+v", e.Meta.Path, e.Meta, open.Entries[i].Meta)
		}
	}
	if len(heads.Problems) != 1 || heads.Problems[0].Reason != "binary file (NUL bytes)" {
		t.Fatalf("problems %v, want the binary file's", heads.Problems)
	}
}

// A folder of 5,000 generated stories: what the reader's first screen
// waits for (List: names and times) and what it reads behind it
// (ReadHeads), against Open, which reads every head first.
//
//	go test ./articles -run XXX -bench 'Folder5000' -benchtime 10x -count 3

func BenchmarkListFolder5000(b *testing.B) {
	dir := b.TempDir()
	genArticles(b, dir, 5000)
	for b.Loop() {
		if l := List([]string{dir}, nil); len(l.Entries) != 5000 {
			b.Fatalf("%d entries", len(l.Entries))
		}
	}
}

func BenchmarkReadHeadsFolder5000(b *testing.B) {
	dir := b.TempDir()
	genArticles(b, dir, 5000)
	l := List([]string{dir}, nil)
	for b.Loop() {
		if lib := l.ReadHeads(); len(lib.Entries) != 5000 {
			b.Fatalf("%d entries", len(lib.Entries))
		}
	}
}

func BenchmarkOpenFolder5000(b *testing.B) {
	dir := b.TempDir()
	genArticles(b, dir, 5000)
	for b.Loop() {
		if lib := Open([]string{dir}, nil); len(lib.Entries) != 5000 {
			b.Fatalf("%d entries", len(lib.Entries))
		}
	}
}
