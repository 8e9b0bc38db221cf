package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/store"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// kindsOf reads annotate --json's output: each entity's name and kind.
func kindsOf(t *testing.T, jsonl string) map[string]string {
	t.Helper()
	var rec struct {
		Entities []struct{ Kind, Text, Canonical string }
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(jsonl)), &rec); err != nil {
		t.Fatalf("%v: %q", err, jsonl)
	}
	out := map[string]string{}
	for _, e := range rec.Entities {
		name := e.Canonical
		if name == "" {
			name = e.Text
		}
		out[name] = e.Kind
	}
	return out
}

// A team's corrections file goes in with import (bad lines and conflicts
// reported by line number, the rest taken), shows in list, comes out of
// export the same, and annotate --json applies it (--no-corrections does
// not).
func TestCorrectionsImportExportAnnotate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	story := filepath.Join(dir, "story.txt")
	os.WriteFile(story, []byte("Shares of Crest Nicholson fell 4% on Monday. Analysts at Halden Securities said the Statistics office was late.\n"), 0o644)

	// no database yet: annotate makes none
	code, plain, _ := runCLI(t, "", "annotate", "--json", "--data-dir", data, story)
	if code != 0 {
		t.Fatal(code)
	}
	if _, err := os.Stat(filepath.Join(data, store.FileName)); err == nil {
		t.Fatal("annotate made a database")
	}
	if kindsOf(t, plain)["Crest Nicholson"] == "person" {
		t.Fatal("no test: the annotator calls Crest Nicholson a person already")
	}

	file := filepath.Join(dir, "team.corrections")
	os.WriteFile(file, []byte(`# the desk's list
person      "Crest Nicholson"
not-a-name  "Halden Securities"
compny      "Typo Ltd"
company     "Crest Nicholson"
merge       "Al Noor" -> "Al Noor Ports Co."
`), 0o644)
	code, out, errs := runCLI(t, "", "corrections", "import", "--data-dir", data, file)
	if code != 1 {
		t.Errorf("import exit %d, want 1 (a line was skipped)", code)
	}
	if !strings.Contains(errs, "line 4: \"compny\" is not a correction") || !strings.Contains(errs, "line 5: company") ||
		!strings.Contains(errs, "conflicts with line 2") {
		t.Errorf("stderr:\n%s", errs)
	}
	if !strings.Contains(out, "3 corrections added") || !strings.Contains(out, "1 bad line skipped") ||
		!strings.Contains(out, "1 conflict") {
		t.Errorf("stdout: %s", out)
	}
	code, out, _ = runCLI(t, "", "corrections", "list", "--data-dir", data)
	if code != 0 || !strings.Contains(out, `person      "Crest Nicholson"`) || !strings.Contains(out, "ID") {
		t.Errorf("list %d:\n%s", code, out)
	}

	code, with, _ := runCLI(t, "", "annotate", "--json", "--data-dir", data, story)
	kinds := kindsOf(t, with)
	if code != 0 || kinds["Crest Nicholson"] != "person" || kinds["Halden Securities"] != "" {
		t.Errorf("with corrections: %v", kinds)
	}
	_, without, _ := runCLI(t, "", "annotate", "--json", "--no-corrections", "--data-dir", data, story)
	if without != plain {
		t.Errorf("--no-corrections differs from the annotator's own output")
	}

	// export: stdout, a file, never over one without --force
	code, exported, _ := runCLI(t, "", "corrections", "export", "--data-dir", data)
	if code != 0 || !strings.HasPrefix(exported, "# newsmark corrections") || strings.Count(exported, "\n") != 5 {
		t.Errorf("export %d:\n%s", code, exported)
	}
	target := filepath.Join(dir, "out.corrections")
	if code, _, errs = runCLI(t, "", "corrections", "export", "--data-dir", data, "-o", target); code != 0 {
		t.Fatalf("export -o: %s", errs)
	}
	if code, _, errs = runCLI(t, "", "corrections", "export", "--data-dir", data, "-o", target); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("a second export over the file: %d %s", code, errs)
	}
	if code, _, _ = runCLI(t, "", "corrections", "export", "--data-dir", data, "-o", target, "--force"); code != 0 {
		t.Error("--force did not replace the file")
	}
	// a file exported and imported elsewhere gives the same list
	other := filepath.Join(dir, "other")
	if code, out, errs = runCLI(t, "", "corrections", "import", "--data-dir", other, target); code != 0 {
		t.Fatalf("import of an export: %d %s %s", code, out, errs)
	}
	_, again, _ := runCLI(t, "", "corrections", "export", "--data-dir", other, "-o", "-")
	strip := func(s string) string { // the times are the import's
		var b strings.Builder
		for _, l := range strings.Split(s, "\n") {
			if i := strings.Index(l, "  # 2"); i >= 0 {
				l = l[:i]
			}
			b.WriteString(l + "\n")
		}
		return b.String()
	}
	if strip(again) != strip(exported) {
		t.Errorf("round trip:\n%s\nwant\n%s", again, exported)
	}
	// the same file again: nothing new, nothing wrong
	code, out, _ = runCLI(t, "", "corrections", "import", "--data-dir", other, target)
	if code != 0 || !strings.Contains(out, "0 corrections added, 3 you had already") {
		t.Errorf("a second import: %d %s", code, out)
	}

	// rm by the IDs list shows
	code, out, _ = runCLI(t, "", "corrections", "rm", "--data-dir", data, "1")
	if code != 0 || !strings.Contains(out, `deleted 1  person      "Crest Nicholson"`) {
		t.Errorf("rm: %d %s", code, out)
	}
	_, with, _ = runCLI(t, "", "annotate", "--json", "--data-dir", data, story)
	if kindsOf(t, with)["Crest Nicholson"] == "person" {
		t.Error("the removed correction is still applied")
	}
	if code, _, errs = runCLI(t, "", "corrections", "rm", "--data-dir", data, "1"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("rm of a gone ID: %d %s", code, errs)
	}
}

// Alone, corrections shows its help; bad invocations are one line and
// exit 2; import - reads stdin.
func TestCorrectionsUsage(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	if code, out, _ := runCLI(t, "", "corrections"); code != 0 || !strings.Contains(out, "import") || !strings.Contains(out, "export") {
		t.Errorf("corrections alone: exit %d, want 0 and its help: %q", code, out)
	}
	for _, args := range [][]string{{"corrections", "frob"}, {"corrections", "import", "--data-dir", data},
		{"corrections", "rm", "--data-dir", data, "x"}, {"corrections", "list", "--data-dir", data, "extra"}} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	code, out, _ := runCLI(t, "place \"Gulf of Oman\"\n", "corrections", "import", "--data-dir", data, "-")
	if code != 0 || !strings.HasPrefix(out, "1 correction added") {
		t.Errorf("import -: %d %q", code, out)
	}
	code, _, errs := runCLI(t, "", "corrections", "import", "--data-dir", data, data)
	if code != 1 || !strings.Contains(errs, "is a folder") || strings.Count(errs, "\n") != 1 {
		t.Errorf("import of a folder: %d %q", code, errs)
	}
}
