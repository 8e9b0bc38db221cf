package ui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/index"
	"newsmark/store"
)

// dealStories are stories written for these tests: one joint venture
// reported by three outlets over nine days (the parties named "Brightwater
// Foods Plc" / "Brightwater" / "Brightwater Foods", the amount in dollars
// and in euros), the same companies' second venture a month later, an
// acquisition, an investment, and a story with no deal.
var dealStories = map[string]string{
	"1-herald.txt": "Title: Brightwater and Kovacs form Hungary cold-storage venture\nDate: 2026-05-04\nSource: Market Herald\n\n" +
		"Brightwater Foods Plc agreed to form a joint venture with Kovacs Logistics SA to run cold-storage warehouses in Hungary, the companies said on Monday.\n\n" +
		"The venture will cost $300 million over five years. Brightwater will own 51% of it.\n\n" +
		"\u201cCold chains decide who wins in fresh food,\u201d Brightwater chief executive Mara Quint said.\n",
	"2-courier.txt": "Title: Kovacs teams up with Brightwater\nDate: 2026-05-07\nSource: The Courier Post\n\n" +
		"Kovacs Logistics SA is teaming up with food group Brightwater in a 280 million euro joint venture in Hungary, people familiar with the matter said.\n\n" +
		"The partners plan to open four warehouses near Budapest by 2028.\n",
	"3-ledger.txt": "Title: Grocer signs Budapest warehouse pact\nDate: 2026-05-13\nSource: Northern Ledger\n\n" +
		"Brightwater Foods, the British grocer, signed a joint venture agreement with Kovacs Logistics SA in Budapest on Wednesday, committing US$300 million to refrigerated warehouses in Hungary.\n\n" +
		"Local officials welcomed the plan.\n",
	"4-herald.txt": "Title: Brightwater and Kovacs plan Austrian bakery venture\nDate: 2026-06-03\nSource: Market Herald\n\n" +
		"Brightwater Foods Plc and Kovacs Logistics SA agreed to form a second joint venture worth $90 million, this one to run a bakery in Austria, the companies said on Wednesday.\n\n" +
		"Kovacs will own 60% of the new venture.\n",
	"5-courier.txt": "Title: Alder Grid to buy Pelham Solar\nDate: 2026-04-20\nSource: The Courier Post\n\n" +
		"Alder Grid Inc. agreed to buy Pelham Solar Ltd. for $1.1 billion, the companies said on Friday.\n\n" +
		"The deal adds 40 solar farms to Alder's portfolio.\n",
	"6-ledger.txt": "Title: Quentin Capital backs Islay Biotech\nDate: 2026-03-15\nSource: Northern Ledger\n\n" +
		"Quentin Capital LLC will invest $40 million in Islay Biotech Plc, taking a 15% stake in the drug developer.\n\n" +
		"Islay shares rose 8% in London.\n",
	"7-herald.txt": "Title: Stocks edge higher\nDate: 2026-05-08\nSource: Market Herald\n\n" +
		"Stocks edged higher on Friday as bond yields fell.\n",
}

// writeDealStories writes the stories into a folder of their own and
// returns it.
func writeDealStories(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range dealStories {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// testIndexVersion tags what the tests index.
const testIndexVersion = "ui-test-1"

// openTestIndex is the index with the real annotator on a database of the
// test's own.
func openTestIndex(t testing.TB, version string) (*index.Index, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return index.New(db, version, annotate.Article), db
}

// indexEnv is a driver on a library with the index on: as the driver runs
// every Cmd before the next message, the background indexing (started at
// once, without the first-frame delay) is over when newIndexEnv returns.
type indexEnv struct {
	*driver
	ix  *index.Index
	dir string // the stories' folder
}

// newIndexEnv opens the deal stories as the library, the index on, at w×h.
func newIndexEnv(t *testing.T, w, h int) *indexEnv {
	t.Helper()
	dir := writeDealStories(t)
	ix, _ := openTestIndex(t, testIndexVersion)
	lib := articles.Open([]string{dir}, nil)
	return &indexEnv{driver: startIndexed(t, Options{Library: lib, Annotate: annotate.Article, Theme: Dark, Index: ix}, w, h),
		ix: ix, dir: dir}
}

// startIndexed runs the program of opts at w×h with no first-frame delay
// before the background indexing.
func startIndexed(t *testing.T, opts Options, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(opts)}
	d.m.idx.delay = 0
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// typeText types s into the text input, a key per character.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.keys("space")
			continue
		}
		d.keys(string(r))
	}
}
