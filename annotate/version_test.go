package annotate

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/annotate/jsonl"
	"newsmark/articles"
	"newsmark/model"
)

var updateVersion = flag.Bool("update-version", false, "record the output digest for Version")

// TestVersionNamesTheOutput keeps Version honest: the digest of
// the output on the embedded samples and the rule cases is recorded with
// the version that produced it. Output that changes under the same version
// fails: bump Version, then run with -update-version.
func TestVersionNamesTheOutput(t *testing.T) {
	lib := articles.Samples()
	if len(lib.Entries) == 0 {
		t.Fatal("no samples")
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for _, e := range lib.Entries {
		a, err := e.Load()
		if err != nil {
			t.Fatal(err)
		}
		if err := jsonl.Write(w, a, Article(a)); err != nil {
			t.Fatal(err)
		}
	}
	// And every rule case's text, as the engine annotates it with nothing
	// given: a rule's change shows there when no sample has its words.
	for _, c := range readCases(t) {
		if err := jsonl.Write(w, model.Article{Body: c.text, Date: c.date}, Article(model.Article{Body: c.text, Date: c.date})); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	sum := sha256.Sum256(buf.Bytes())
	got := Version + " " + hex.EncodeToString(sum[:8]) + "\n"
	path := filepath.Join("testdata", "version.txt")
	if *updateVersion {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, _ := os.ReadFile(path)
	if string(want) == got {
		return
	}
	wantVersion, _, _ := strings.Cut(string(want), " ")
	if wantVersion == Version {
		t.Fatalf("annotate's output changed but Version is still %s: bump it (the index re-annotates stored articles when it changes), then run go test ./annotate -run TestVersionNamesTheOutput -update-version", Version)
	}
	t.Fatalf("Version is %s but testdata/version.txt records %q: run go test ./annotate -run TestVersionNamesTheOutput -update-version", Version, strings.TrimSpace(string(want)))
}
