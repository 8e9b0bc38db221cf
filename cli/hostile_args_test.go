package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/store"
)

// A file name from a shell glob can start with "-" or hold escape
// sequences, and the messages that echo an argument (an unknown flag, a
// target that is neither a file nor a stored article, a data folder) must
// not carry them to the terminal.
func TestArgumentsInMessagesAreSanitized(t *testing.T) {
	const evil = "x\x1b]0;PWNED\x07\u202e\u009b2J.md"
	evilDir := filepath.Join(t.TempDir(), "data"+evil)
	corrupt := filepath.Join(t.TempDir(), "bad"+evil)
	os.Mkdir(corrupt, 0o755)
	os.WriteFile(filepath.Join(corrupt, store.FileName), []byte("not a database"), 0o600)
	dataDir := t.TempDir()
	for _, args := range [][]string{
		{"-" + evil},
		{"annotate", "-" + evil},
		{"export", "-" + evil},
		{"export", evil, "--data-dir", dataDir},
		{"notes", "-" + evil},
		{"feeds", "-" + evil},
		{"notes", "--data-dir", evilDir},
		{"export", "--all", "--data-dir", corrupt},
	} {
		_, out, errs := run(t, args...)
		for _, bad := range []string{"\x1b", "\u202e", "\u009b"} {
			if strings.Contains(out+errs, bad) {
				t.Errorf("%+q: %+q reaches the terminal:\n%+q", args, bad, errs)
			}
		}
		if strings.TrimSpace(errs) == "" {
			t.Errorf("%+q: nothing on stderr", args)
		}
	}
}
