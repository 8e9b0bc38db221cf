package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeStories writes a folder of short stories (written for this test).
func writeStories(t *testing.T, dir string) {
	t.Helper()
	stories := map[string]string{
		"a-quill.txt": "Title: Quill Capital backs Orrin Foods\nDate: 2026-02-10\nSource: The Ledger\n\n" +
			"Quill Capital LLC will invest $75 million in Orrin Foods Plc, taking a 20% stake in the snack maker, the companies said on Tuesday.\n\n" +
			"Orrin Foods shares rose 6% in London. The S&P 500 was little changed.",
		"b-tallis.md": "---\ntitle: Tallis Energy buys wind developer\ndate: 2026-02-12\nsource: Harbour Wire\n---\n\n" +
			"Tallis Energy Holdings Plc agreed to buy Nordvik Havvind AS for 2.1 billion Norwegian kroner, the British utility said on Thursday.\n\n" +
			"Tallis said the deal would double its offshore wind capacity. AT&T was not involved.",
		"c-markets.txt": "Title: Stocks edge higher\nDate: 2026-02-13\n\nStocks edged higher on Friday as bond yields fell.",
	}
	for name, text := range stories {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIndexSearchDealsCommands(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	writeStories(t, dir)

	code, out, errs := runCmd(t, "index", dir)
	if code != 0 || !strings.Contains(out, "indexed 3 articles: 3 new, 0 updated, 0 unchanged") || !strings.Contains(out, "the index holds 3 articles") {
		t.Fatalf("index: %d %q %q", code, out, errs)
	}
	if _, out, _ = runCmd(t, "index", dir); !strings.Contains(out, "indexed 3 articles: 0 new, 0 updated, 3 unchanged") {
		t.Errorf("second index run: %q", out)
	}
	// A file whose text changed replaces its old version (its ID is a hash
	// of its content, its path the same).
	changed := filepath.Join(dir, "c-markets.txt")
	os.WriteFile(changed, []byte("Title: Stocks slip\nDate: 2026-02-13\n\nStocks slipped on Friday as oil prices jumped."), 0o644)
	if _, out, _ = runCmd(t, "index", changed); !strings.Contains(out, "1 new") || !strings.Contains(out, "the index holds 3 articles") {
		t.Errorf("after a file changed: %q", out)
	}
	if _, out, errs = runCmd(t, "search", "edged"); out != "" || !strings.Contains(errs, "no article matches edged") {
		t.Errorf("the old text is still found: %q %q", out, errs)
	}

	// Punctuation in plain words is literal, and the hit points at its match.
	for q, want := range map[string]string{"S&P 500": "Quill Capital backs Orrin Foods", "AT&T": "Tallis Energy buys wind developer"} {
		code, out, errs := runCmd(t, "search", "--json", q)
		var hits []searchHit
		if err := json.Unmarshal([]byte(out), &hits); code != 0 || err != nil || len(hits) != 1 || hits[0].Title != want {
			t.Errorf("search %q: %d %v %q %q", q, code, err, out, errs)
			continue
		}
		body, _ := os.ReadFile(hits[0].Path)
		if !strings.Contains(string(body), strings.Fields(q)[0]) || !strings.Contains(hits[0].Sentence, strings.Fields(q)[0]) {
			t.Errorf("search %q: sentence %q", q, hits[0].Sentence)
		}
	}
	_, out, _ = runCmd(t, "search", "Orrin")
	if !strings.HasPrefix(out, "1. Quill Capital backs Orrin Foods — The Ledger · 2026-02-10\n   Quill Capital LLC will invest $75 million in Orrin Foods Plc") ||
		!strings.Contains(out, "a-quill.txt (byte ") {
		t.Errorf("search output:\n%s", out)
	}
	if code, _, errs := runCmd(t, "search", "&&"); code != 2 || !strings.Contains(errs, "nothing to search for") {
		t.Errorf("search of punctuation: %d %q", code, errs)
	}

	// Deals: sorted by amount in dollars (kroner converted), written with -o.
	_, out, _ = runCmd(t, "deals", "--sort", "amount", "--csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "2026-02-12,2026-02-12,acquisition,Tallis Energy Holdings Plc; Nordvik Havvind AS,2.1 billion Norwegian kroner,207900000,") ||
		!strings.HasPrefix(lines[2], "2026-02-10,2026-02-10,investment,Quill Capital LLC; Orrin Foods Plc,$75 million,75000000,20%,") {
		t.Errorf("deals --csv --sort amount:\n%s", out)
	}
	if _, out, _ = runCmd(t, "deals", "--min", "100m", "--json"); strings.Count(out, `"kind"`) != 1 || !strings.Contains(out, "Nordvik") {
		t.Errorf("deals --min 100m:\n%s", out)
	}
	if _, out, _ = runCmd(t, "deals", "--max", "100m", "--json"); strings.Count(out, `"kind"`) != 1 || !strings.Contains(out, "Orrin") {
		t.Errorf("deals --max 100m:\n%s", out)
	}
	if _, out, _ = runCmd(t, "deals", "--party", "orrin", "--kind", "investment"); !strings.Contains(out, "Quill Capital LLC, Orrin Foods Plc") || strings.Contains(out, "Tallis") {
		t.Errorf("deals --party orrin:\n%s", out)
	}
	file := filepath.Join(t.TempDir(), "deals.json")
	if code, _, errs := runCmd(t, "deals", "--json", "-o", file); code != 0 || !strings.Contains(errs, "wrote 2 deals to") {
		t.Fatalf("deals -o: %d %q", code, errs)
	}
	before, _ := os.ReadFile(file)
	if !json.Valid(before) {
		t.Errorf("deals -o wrote %q", before)
	}
	os.WriteFile(file, []byte("the reader's own file"), 0o644)
	code, _, errs = runCmd(t, "deals", "--csv", "-o", file)
	if after, _ := os.ReadFile(file); code != 1 || !strings.Contains(errs, "already exists; give --force") || string(after) != "the reader's own file" {
		t.Errorf("deals -o onto an existing file: %d %q, file now %q", code, errs, after)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".newsmark-out-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	for _, args := range [][]string{{"deals", "--sort", "size"}, {"deals", "--since", "7x"}, {"deals", "--kind", "ipo"},
		{"deals", "--json", "--csv"}, {"deals", "--min", "lots"}} {
		if code, _, errs := runCmd(t, args...); code != 2 || !strings.HasPrefix(errs, "newsmark deals: ") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: %d %q (want exit 2 and one line)", args, code, errs)
		}
	}
}
