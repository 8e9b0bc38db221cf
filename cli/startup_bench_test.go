package cli

import (
	"io"
	"os"
	"strings"
	"testing"

	"newsmark/config"
	"newsmark/ui"
)

// What every newsmark command does before its own work, in process:
// BenchmarkVersion is all of `newsmark --version` but the process start
// (the config loaded, the command tree built, fang and cobra run);
// BenchmarkStartConfig is the config file and the UI's actions alone;
// BenchmarkStartTree is the command tree alone.
func BenchmarkVersion(b *testing.B) {
	for b.Loop() {
		if code := Run([]string{"--version"}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
}

func BenchmarkStartConfig(b *testing.B) {
	for b.Loop() {
		config.Load(os.Getenv, ui.Actions())
	}
}

func BenchmarkStartTree(b *testing.B) {
	env := Env{Stdout: io.Discard, Stderr: io.Discard}
	for b.Loop() {
		newRoot(env)
	}
}
