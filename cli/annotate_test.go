package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"newsmark/model"
)

func TestAnnotateJSONAndFailures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "story.txt")
	text := "Northwind Holdings Corp. will buy Bluefin Ltd. for $2 billion, chief executive Maria Okafor said.\n"
	if err := os.WriteFile(good, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nope.txt")
	var out, errb bytes.Buffer
	code := Run([]string{"annotate", "--json", good, missing}, strings.NewReader(""), &out, &errb)
	if code != 1 {
		t.Errorf("exit code = %d, want 1 when one input fails", code)
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "newsmark: "+missing+": ") {
		t.Errorf("stderr = %q, want one line naming %s", errb.String(), missing)
	}
	var got map[string]any
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 1 {
		t.Fatalf("stdout has %d lines, want 1 JSON line", len(rows))
	}
	if err := json.Unmarshal([]byte(rows[0]), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if got["schema"] != "newsmark.annotations/1" {
		t.Errorf("schema = %v", got["schema"])
	}
	for _, k := range []string{"entities", "quotes", "ventures"} {
		if _, ok := got[k].([]any); !ok {
			t.Errorf("%s = %v, want a list (not null)", k, got[k])
		}
	}
	art := got["article"].(map[string]any)
	for _, k := range []string{"id", "title", "caption", "source", "date", "authors", "contributors", "url", "path"} {
		if _, ok := art[k]; !ok {
			t.Errorf("article has no %q", k)
		}
	}
	if _, ok := art["authors"].([]any); !ok {
		t.Errorf("authors = %v, want []", art["authors"])
	}
	body := got["body"].(string)
	var sawCompany bool
	for _, e := range got["entities"].([]any) {
		ent := e.(map[string]any)
		if _, ok := ent["meta_mentions"].([]any); !ok {
			t.Errorf("entity %v: meta_mentions not a list", ent["id"])
		}
		for _, m := range ent["mentions"].([]any) {
			sp := m.(map[string]any)
			s, e := int(sp["start"].(float64)), int(sp["end"].(float64))
			if s < 0 || e > len(body) || s >= e {
				t.Errorf("entity %v: bad span %d-%d", ent["id"], s, e)
			}
		}
		if ent["kind"] == "company" && ent["canonical"] == "Northwind Holdings Corp." {
			sawCompany = true
		}
	}
	if !sawCompany {
		t.Errorf("no company Northwind Holdings Corp. in %s", rows[0])
	}
}

func TestAnnotateSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	text := "Deal of the day\n\nNorthwind Holdings Corp. will buy Bluefin Ltd. Northwind said it would pay $2 billion.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"annotate", p}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit code = %d, stderr %q", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"== Deal of the day", "Companies (2)", "Northwind Holdings Corp. ×2", "Figures (1)",
		"$2 billion [money] ×1"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}

// A long input sets the garbage collector to annotate's heap budget: a
// soft limit (so that the heap does not grow to twice what it holds) and a
// GOGC of 400 under it; what the user set (GOMEMLIMIT, GOGC) stays.
func TestAnnotateTunesTheCollectorToTheBudget(t *testing.T) {
	limit, percent := debug.SetMemoryLimit(math.MaxInt64), debug.SetGCPercent(100)
	defer func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(percent) }()
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	tuneGC(20 << 20)
	if got, want := debug.SetMemoryLimit(-1), heapBudget(20<<20); got != want || want > 100<<20 {
		t.Errorf("a 20 MB input: memory limit %d, want %d (at most 100 MiB)", got, want)
	}
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("a 20 MB input: GOGC %d, want 400", got)
	}
	debug.SetMemoryLimit(1 << 30)
	t.Setenv("GOMEMLIMIT", "1GiB")
	t.Setenv("GOGC", "50")
	tuneGC(20 << 20)
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("the user's limit of 1 GiB became %d", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("the user's GOGC was overridden: %d", got)
	}
}

// TestSummaryCountsAsTheJSON: the readable summary counts every mention of
// the JSON (body and meta_mentions) and says where a name appears when it
// is not in the text, as the reader's Entities tab does.
func TestSummaryCountsAsTheJSON(t *testing.T) {
	path := "../articles/samples/01-kestrel-gulf.txt"
	code, js, errs := run(t, "annotate", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var line struct {
		Entities []model.Entity `json:"entities"`
	}
	if err := json.Unmarshal([]byte(js), &line); err != nil {
		t.Fatal(err)
	}
	_, summary, _ := run(t, "annotate", path)
	outside := 0
	for _, e := range line.Entities {
		want := fmt.Sprintf("  %s ×%d", e.Name(), len(e.Mentions)+len(e.MetaMentions))
		if e.Kind == model.Figure {
			want = fmt.Sprintf("  %s [%s] ×%d", e.Name(), e.Subkind, len(e.Mentions)+len(e.MetaMentions))
		}
		if len(e.Mentions) == 0 {
			want += " (in "
			outside++
		}
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if outside == 0 || !strings.Contains(summary, "  Layla Haddad ×1 (in byline)\n") {
		t.Errorf("no name placed outside the text:\n%s", summary)
	}
}

// annotate --json stays schema 1 (no roles); --schema 2 asks for the
// second version, whose line is the first's with the roles added; any
// other version is one line on stderr and exit code 2.
func TestAnnotateSchemaFlag(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(path, []byte("Alder Mills Ltd. will buy Pelham Solar Ltd. for $40 million, Alder said on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := map[string]map[string]any{}
	for _, args := range [][]string{{"--json"}, {"--json", "--schema", "1"}, {"--schema=2"}, {"--json", "--schema", "2"}} {
		var out, errb bytes.Buffer
		if code := Run(append(append([]string{"annotate"}, args...), path), strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		var rec map[string]any
		if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		lines[strings.Join(args, " ")] = rec
		_, hasRoles := rec["roles"]
		if v2 := rec["schema"] == "newsmark.annotations/2"; v2 != hasRoles || (v2 != strings.Contains(strings.Join(args, " "), "2")) {
			t.Errorf("%v: schema %v, roles %v", args, rec["schema"], rec["roles"])
		}
	}
	if _, ok := lines["--schema=2"]["roles"].([]any); !ok {
		t.Errorf("schema 2 roles = %#v, want a list", lines["--schema=2"]["roles"])
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"annotate", "--json", "--schema", "3", path}, strings.NewReader(""), &out, &errb); code != 2 ||
		!strings.Contains(errb.String(), `--schema is 1 or 2, not "3"`) || out.Len() != 0 {
		t.Errorf("--schema 3: exit %d, stderr %q, stdout %q", code, errb.String(), out.String())
	}
}
