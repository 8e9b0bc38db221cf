package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const accessEnv = "NEWSMARK_STORE_ACCESS_PATH"

// A database this user may not read at all, or whose folder it may not
// create, is refused as what it is, "permission denied", not as
// read-only (which says it can still be read), and is left as it was.
// Permission bits do not bind root, so as root the checks run in a copy of
// this test binary started as nobody.
func TestDatabaseWithoutAccess(t *testing.T) {
	db, path := openTemp(t)
	if err := insertRaw(t.Context(), db, "private"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	unreadable := path
	mode := fs.FileMode(0o000)
	if os.Geteuid() == 0 {
		mode = 0o600 // root's own, and private
	}
	if err := os.Chmod(unreadable, mode); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(unreadable)
	// A data folder to be made inside a folder nobody may write.
	frozen := filepath.Join(t.TempDir(), "frozen")
	os.Mkdir(frozen, 0o555)
	t.Cleanup(func() { os.Chmod(frozen, 0o755) })
	missing := filepath.Join(frozen, "data", FileName)
	if os.Geteuid() != 0 {
		checkNoAccess(t, unreadable, missing)
	} else {
		for _, p := range []string{unreadable, frozen} {
			for d := filepath.Dir(p); d != "/" && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
				os.Chmod(d, 0o755)
			}
		}
		bin := filepath.Join(t.TempDir(), "store.test")
		copyFile(t, os.Args[0], bin)
		os.Chmod(filepath.Dir(bin), 0o755)
		cmd := exec.Command(bin, "-test.run=^TestDatabaseWithoutAccessChild$", "-test.v")
		cmd.Env = append(os.Environ(), accessEnv+"="+unreadable+string(filepath.ListSeparator)+missing, "HOME=/")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestDatabaseWithoutAccessChild") {
			t.Fatalf("the checks as nobody: %v\n%s", err, out)
		}
	}
	if after, _ := os.ReadFile(unreadable); !bytes.Equal(after, before) {
		t.Error("the unreadable database was changed")
	}
}

// TestDatabaseWithoutAccessChild is run by TestDatabaseWithoutAccess in a
// subprocess.
func TestDatabaseWithoutAccessChild(t *testing.T) {
	paths := filepath.SplitList(os.Getenv(accessEnv))
	if len(paths) != 2 {
		t.Skip("run by TestDatabaseWithoutAccess")
	}
	checkNoAccess(t, paths[0], paths[1])
}

func checkNoAccess(t *testing.T, unreadable, missing string) {
	t.Helper()
	for _, c := range []struct{ path, want string }{
		{unreadable, "permission denied: this user may not read it"},
		{missing, "permission denied: cannot create its folder"},
	} {
		db, err := Open(c.path)
		if err == nil {
			db.Close()
			t.Errorf("%s: opened", c.path)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, "read-only") || strings.Contains(msg, "\n") {
			t.Errorf("%s: message %q, want one line saying %q", c.path, msg, c.want)
		}
		if errors.Is(err, ErrReadOnly) || !errors.Is(err, fs.ErrPermission) {
			t.Errorf("%s: %v: want fs.ErrPermission, not ErrReadOnly", c.path, err)
		}
	}
}

// An odd database path (escapes, a newline) is quoted in the one-line
// error, never printed as it is.
func TestErrorQuotesAnOddPath(t *testing.T) {
	e := &Error{Op: "open", Path: "/tmp/a\x1b]0;PWNED\x07\nb/newsmark.db", Kind: ErrCorrupt}
	if msg := e.Error(); strings.ContainsAny(msg, "\x1b\x07\n") || !strings.Contains(msg, `\x1b`) {
		t.Errorf("message %q", msg)
	}
}
