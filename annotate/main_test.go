package annotate

import (
	"os"
	"testing"

	"newsmark/internal/testhome"
)

// TestMain keeps every test of the package off the user's own files, and
// builds the lexicon before any test: the rules read it, and only Article
// and newDoc build it themselves.
func TestMain(m *testing.M) {
	Prepare()
	os.Exit(testhome.Main(m))
}
