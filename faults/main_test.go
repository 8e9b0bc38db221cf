//go:build linux

package faults

import (
	"fmt"
	"os"
	"testing"

	"newsmark/internal/testhome"
)

// TestMain keeps every test (and every newsmark the tests start) off the
// user's own files, removes the shared binary afterwards, and in a verbose
// run prints the figures of every area.
func TestMain(m *testing.M) {
	code := testhome.Main(m)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	if testing.Verbose() && role() == "" {
		for _, line := range summary() {
			fmt.Println(line)
		}
	}
	os.Exit(code)
}
