package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/feeds"
)

// BenchmarkAnnotateCommand runs `newsmark annotate --json FILE` in process
// on a 2 MB file of sample stories: loading, segmenting, annotating and
// writing the JSON line, everything but the process start-up. ns/op is wall
// time (the annotator uses a second core on long texts).
func BenchmarkAnnotateCommand(b *testing.B) {
	a := benchArticle(b)
	path := filepath.Join(b.TempDir(), "two-megabytes.txt")
	if err := os.WriteFile(path, []byte(a.Body), 0o644); err != nil {
		b.Fatal(err)
	}
	var errs strings.Builder
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if code := runAnnotate(Env{Stdout: io.Discard, Stderr: &errs}, annotateOptions{json: true, maxFetch: feeds.DefaultMaxFetch}, []string{path}); code != 0 {
			b.Fatalf("exit %d: %s", code, errs.String())
		}
	}
}
