package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// storyText is a short article written for these tests.
const storyText = `Kestrel Foods Ltd. will buy Alder Farms for $90 million, the companies said.

The deal gives Kestrel 40 dairy farms in Wisconsin. It is expected to close in the spring.`

// fixture writes storyText to a file, loads it as the CLI does, and stores
// two highlights for it in a fresh data directory.
func fixture(t *testing.T) (dataDir, path string, a model.Article) {
	t.Helper()
	dir := t.TempDir()
	dataDir = filepath.Join(dir, "data")
	path = filepath.Join(dir, "kestrel.txt")
	if err := os.WriteFile(path, []byte(storyText), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := articles.Open([]string{path}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("load: %+v", lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := notes.New(db)
	for _, s := range []struct{ text, note string }{
		{"Kestrel Foods Ltd. will buy Alder Farms for $90 million", "price looks low"},
		{"It is expected to close in the spring.", ""},
	} {
		i := strings.Index(a.Body, s.text)
		h, err := notes.NewHighlight(a, i, i+len(s.text), s.note)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Add(context.Background(), h); err != nil {
			t.Fatal(err)
		}
	}
	return dataDir, path, a
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestNotesLists(t *testing.T) {
	dataDir, path, _ := fixture(t)
	code, out, errs := run(t, "notes", "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"`" + path + "`", "\n> Kestrel Foods Ltd. will buy Alder Farms for $90 million\n\nprice looks low\n",
		"\n> It is expected to close in the spring.\n", "*Highlight 1, "} {
		if !strings.Contains(out, want) {
			t.Errorf("notes output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "notes", "--json", "--data-dir", dataDir)
	var list []struct {
		ID      int64
		Text    string
		Note    string
		Locator string
	}
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 2 {
		t.Fatalf("notes --json: exit %d, %v, %d items", code, err, len(list))
	}
	if list[0].Note != "price looks low" || list[0].Locator != path || list[0].ID == 0 {
		t.Errorf("first item: %+v", list[0])
	}
}

func TestNotesUsesEnvironmentDataDir(t *testing.T) {
	dataDir, _, _ := fixture(t)
	t.Setenv(store.EnvDataDir, dataDir)
	if code, out, _ := run(t, "notes"); code != 0 || !strings.Contains(out, "price looks low") {
		t.Errorf("with %s: exit %d\n%s", store.EnvDataDir, code, out)
	}
	empty := t.TempDir()
	if code, out, errs := run(t, "notes", "--data-dir", empty); code != 0 || out != "" || !strings.Contains(errs, "no highlights yet") {
		t.Errorf("--data-dir beats the environment: exit %d %q %q", code, out, errs)
	}
}

func TestExportFormats(t *testing.T) {
	dataDir, path, a := fixture(t)
	code, md, errs := run(t, "export", "--all", "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("export --all: exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(md, "---\ntitle: ") || !strings.Contains(md, "> Kestrel Foods Ltd. will buy Alder Farms for $90 million\n\nprice looks low\n") ||
		!strings.Contains(md, "> It is expected to close in the spring.\n") {
		t.Errorf("Markdown:\n%s", md)
	}

	// A path argument placed before the flags, and CSV.
	code, out, errs := run(t, "export", path, "--format", "csv", "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("export PATH: exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || strings.Join(rows[0], ",") != "Highlight,Title,Author,URL,Note,Location,Date" {
		t.Fatalf("CSV: %v %q", err, rows)
	}

	// An article ID selects its stored highlights.
	code, out, errs = run(t, "export", "--format", "json", "--data-dir", dataDir, a.ID)
	var doc struct {
		Articles []struct {
			ID         string
			Highlights []struct{ Text string }
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Articles) != 1 || len(doc.Articles[0].Highlights) != 2 {
		t.Fatalf("export ID: exit %d %s\n%s", code, errs, out)
	}
}

func TestExportReattachesAfterTheFileChanged(t *testing.T) {
	dataDir, path, _ := fixture(t)
	changed := strings.Replace(storyText, "$90 million", "$95 million", 1) + "\n\nUpdated with the price."
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "export", "--data-dir", dataDir, path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "> Kestrel Foods Ltd. will buy Alder Farms for $95 million\n") || strings.Contains(out, "No longer found") {
		t.Errorf("the edited highlight should follow the new text:\n%s", out)
	}
}

func TestExportToFile(t *testing.T) {
	dataDir, _, _ := fixture(t)
	dest := filepath.Join(t.TempDir(), "notes.csv")
	code, out, errs := run(t, "export", "--all", "--format", "csv", "-o", dest, "--data-dir", dataDir)
	if code != 0 || out != "" || !strings.Contains(errs, "exported 2 highlights from 1 article to "+dest) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	b, err := os.ReadFile(dest)
	if err != nil || !strings.HasPrefix(string(b), "Highlight,Title,Author,URL,Note,Location,Date\n") {
		t.Errorf("file: %v %q", err, b)
	}
	bad := filepath.Join(dest, "inside-a-file.csv")
	code, _, errs = run(t, "export", "--all", "-o", bad, "--data-dir", dataDir)
	if code != 1 || !strings.Contains(errs, bad) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("unwritable -o: exit %d, %q", code, errs)
	}
}

func TestExportUsageErrors(t *testing.T) {
	dataDir, _, _ := fixture(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		// Given nothing, it says what to give.
		{[]string{"export", "--data-dir", dataDir}, 2, "give --all, or at least one PATH or article ID (newsmark notes lists what has highlights)"},
		{[]string{"export", "--all", "x", "--data-dir", dataDir}, 2, "not both"},
		{[]string{"export", "--all", "--format", "pdf", "--data-dir", dataDir}, 2, `unknown export format "pdf"`},
		{[]string{"export", "no-such-article", "--data-dir", dataDir}, 1, "no-such-article: not a file"},
		{[]string{"export", "--all", "--data-dir", t.TempDir()}, 1, "no highlights to export"},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q on one line", c.args, code, errs, c.code, c.want)
		}
	}
}

func TestCorruptDatabaseMessage(t *testing.T) {
	dir := t.TempDir()
	junk := []byte(strings.Repeat("not sqlite ", 100))
	os.WriteFile(filepath.Join(dir, store.FileName), junk, 0o600)
	for _, cmd := range []string{"notes", "export"} {
		code, _, errs := run(t, cmd, "--all", "--data-dir", dir)
		if cmd == "notes" {
			code, _, errs = run(t, cmd, "--data-dir", dir)
		}
		if code != 1 || !strings.Contains(errs, "corrupt") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%s: exit %d, %q", cmd, code, errs)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, store.FileName)); !bytes.Equal(b, junk) {
		t.Error("the corrupt file was changed")
	}
}
