package ui

import (
	"flag"
	"os"
	"strings"
	"testing"
)

// TestReadmeKeyTable: the README's keys section is the table KeyTable
// generates; `go test ./ui -run TestReadmeKeyTable -update` rewrites it.
func TestReadmeKeyTable(t *testing.T) {
	const path = "../README.md"
	const open, end = "<!-- section: keys (ui) -->\n", "<!-- end: keys -->"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, open), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README has no keys section")
	}
	want := KeyTable()
	got := s[i+len(open) : j]
	if got == want {
		return
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(s[:i+len(open)]+want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("README key table is out of date with the KeyMap; run go test ./ui -run TestReadmeKeyTable -update\ngot:\n%s\nwant:\n%s", got, want)
}

// TestKeyTableListsEveryBinding: whatever a pane binds is in the table.
func TestKeyTableListsEveryBinding(t *testing.T) {
	table := KeyTable()
	km := DefaultKeyMap()
	for _, p := range KeySets {
		for _, b := range km.Bindings(p) {
			if !strings.Contains(table, "`"+b.Keys()[0]+"`") || !strings.Contains(table, b.Help().Desc) {
				t.Errorf("%s: %v (%s) not in the key table", p, b.Keys(), b.Help().Desc)
			}
		}
	}
}
