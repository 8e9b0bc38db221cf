package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file name may hold a bidi override or an 8-bit control: annotate --json
// keeps the path exact (a script reopens the file with it) but writes those
// characters as \u escapes, so the JSON shown on a terminal cannot reorder
// or drive it.
func TestAnnotateJSONEscapesControlsInPaths(t *testing.T) {
	dir := t.TempDir()
	names := []string{"over\u202eride.txt", "csi\u009b2J.txt", "isolate\u2067.txt", "esc\x1b]0;T\x07.txt"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(storyText), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, "annotate", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, raw := range []string{"\u202e", "\u009b", "\u2067", "\x1b"} {
		if i := strings.Index(out, raw); i >= 0 {
			t.Errorf("%+q is in the JSON as it is: %+q", raw, out[max(0, i-30):min(len(out), i+10)])
		}
	}
	paths := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v struct {
			Article struct{ Path string } `json:"article"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		paths[v.Article.Path] = true
	}
	for _, n := range names {
		if p := filepath.Join(dir, n); !paths[p] {
			t.Errorf("path %+q is not in the output as it is; got %+v", p, paths)
		}
	}
}
