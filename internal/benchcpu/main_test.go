package benchcpu

import (
	"os"
	"testing"

	"newsmark/internal/testhome"
)

// TestMain keeps every test of the package off the user's own files.
func TestMain(m *testing.M) { os.Exit(testhome.Main(m)) }
