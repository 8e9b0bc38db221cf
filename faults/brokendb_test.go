//go:build linux

package faults

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"newsmark/store"
)

// fileSum is what is at path, to compare before and after: its type, and
// the sha256 of a regular file's bytes or a symlink's target.
func fileSum(path string) string {
	fi, err := os.Lstat(path)
	if err != nil {
		return "missing"
	}
	switch {
	case fi.Mode().IsRegular():
		b, _ := os.ReadFile(path)
		return fmt.Sprintf("%v %x", fi.Mode(), sha256.Sum256(b))
	case fi.Mode()&fs.ModeSymlink != 0:
		l, _ := os.Readlink(path)
		return fmt.Sprintf("%v -> %s", fi.Mode(), l)
	}
	return fi.Mode().String()
}

// noise is n bytes that are the same on every run (a broken file need not
// be random to be broken, and a failure should be repeatable).
func noise(n int) []byte {
	r := rand.New(rand.NewPCG(11, 11))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// nobody is the user a case runs newsmark as, to meet permission bits that
// do not bind root.
var nobody = &syscall.Credential{Uid: 65534, Gid: 65534}

// TestBrokenDatabases gives `newsmark notes` and `newsmark export --all`
// a database file broken in every way we know. Each gets a one-line reason
// on stderr (or, where the README says it still works, the notes) and the
// file is left as it was, byte for byte.
func TestBrokenDatabases(t *testing.T) {
	t.Parallel()
	a := newArea(t, "broken databases")
	good := noteData(t)
	goodBytes, err := os.ReadFile(filepath.Join(good, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(good, store.FileName+"-wal")); err == nil {
		t.Fatal("the good database still has a WAL file: it was not closed cleanly")
	}
	const pageSize = 4096
	if len(goodBytes) < 4*pageSize {
		t.Fatalf("the good database is %d bytes: too small to break page by page", len(goodBytes))
	}
	// withGood writes the good database into dir and changes it through SQL.
	withGood := func(t *testing.T, dir string, sqls ...string) {
		t.Helper()
		p := filepath.Join(dir, store.FileName)
		os.WriteFile(p, goodBytes, 0o600)
		db, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range sqls {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	type outcome int
	const (
		refused outcome = iota // exit 1, one line
		lists                  // exit 0, the notes on stdout
		empty                  // exit 0, a new empty database
	)
	cases := []struct {
		name string
		want outcome
		why  string // in the reason, for refusals
		// make breaks the database in dir; it may return another user to
		// run newsmark as.
		make func(t *testing.T, dir string) *syscall.Credential
	}{
		{"zero bytes (an empty database)", empty, "", func(t *testing.T, dir string) *syscall.Credential {
			os.WriteFile(filepath.Join(dir, store.FileName), nil, 0o600)
			return nil
		}},
		{"random bytes", refused, "corrupt", func(t *testing.T, dir string) *syscall.Credential {
			os.WriteFile(filepath.Join(dir, store.FileName), noise(8*pageSize), 0o600)
			return nil
		}},
		{"a text file", refused, "corrupt", func(t *testing.T, dir string) *syscall.Credential {
			os.WriteFile(filepath.Join(dir, store.FileName), []byte("my shopping list\neggs\n"), 0o600)
			return nil
		}},
		{"truncated mid-page", refused, "corrupt", func(t *testing.T, dir string) *syscall.Credential {
			os.WriteFile(filepath.Join(dir, store.FileName), goodBytes[:len(goodBytes)/2+pageSize/2], 0o600)
			return nil
		}},
		{"valid header, garbage pages", refused, "corrupt", func(t *testing.T, dir string) *syscall.Credential {
			b := append(append([]byte(nil), goodBytes[:100]...), noise(len(goodBytes)-100)...)
			os.WriteFile(filepath.Join(dir, store.FileName), b, 0o600)
			return nil
		}},
		{"first page intact, the rest garbage", refused, "corrupt", func(t *testing.T, dir string) *syscall.Credential {
			b := append(append([]byte(nil), goodBytes[:pageSize]...), noise(len(goodBytes)-pageSize)...)
			os.WriteFile(filepath.Join(dir, store.FileName), b, 0o600)
			return nil
		}},
		{"a newer schema version", refused, "newer newsmark", func(t *testing.T, dir string) *syscall.Credential {
			withGood(t, dir, fmt.Sprintf(`INSERT INTO schema_version (version, name, applied) VALUES (%d, 'future', '2031-01-01T00:00:00Z')`, store.Latest()+1))
			return nil
		}},
		{"the highlights table dropped by another program", refused, "highlights", func(t *testing.T, dir string) *syscall.Credential {
			withGood(t, dir, `DROP TABLE highlights`)
			return nil
		}},
		{"a folder", refused, "folder", func(t *testing.T, dir string) *syscall.Credential {
			os.Mkdir(filepath.Join(dir, store.FileName), 0o700)
			return nil
		}},
		{"a FIFO", refused, "is a named pipe", func(t *testing.T, dir string) *syscall.Credential {
			syscall.Mkfifo(filepath.Join(dir, store.FileName), 0o600)
			return nil
		}},
		{"a socket", refused, "is a socket", func(t *testing.T, dir string) *syscall.Credential {
			listenUnix(t, filepath.Join(dir, store.FileName))
			return nil
		}},
		{"a symlink loop", refused, "symbolic links", func(t *testing.T, dir string) *syscall.Credential {
			p := filepath.Join(dir, store.FileName)
			os.Symlink(p, p)
			return nil
		}},
		{"the data folder is a file", refused, "not a directory", func(t *testing.T, dir string) *syscall.Credential {
			os.Remove(dir)
			os.WriteFile(dir, []byte("a file where the data folder should be\n"), 0o600)
			return nil
		}},
		{"a WAL file of garbage", lists, "", func(t *testing.T, dir string) *syscall.Credential {
			withGood(t, dir)
			os.WriteFile(filepath.Join(dir, store.FileName+"-wal"), noise(3*pageSize), 0o600)
			return nil
		}},
		{"read-only (file and folder)", lists, "", func(t *testing.T, dir string) *syscall.Credential {
			withGood(t, dir)
			os.Chmod(filepath.Join(dir, store.FileName), 0o444)
			os.Chmod(dir, 0o555)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			if os.Geteuid() == 0 {
				return nobody // permission bits do not bind root
			}
			return nil
		}},
		{"another user's file this user may not read", refused, "permission denied", func(t *testing.T, dir string) *syscall.Credential {
			withGood(t, dir)
			os.Chmod(filepath.Join(dir, store.FileName), 0o000)
			if os.Geteuid() == 0 {
				os.Chmod(filepath.Join(dir, store.FileName), 0o600) // root's, and private
				return nobody
			}
			return nil
		}},
		{"the data folder cannot be made (its parent is read-only)", refused, "permission denied", func(t *testing.T, dir string) *syscall.Credential {
			os.Remove(dir)
			parent := filepath.Dir(dir)
			os.Chmod(parent, 0o555)
			t.Cleanup(func() { os.Chmod(parent, 0o755) })
			if os.Geteuid() == 0 {
				return nobody
			}
			return nil
		}},
	}
	for _, c := range cases {
		for _, cmd := range [][]string{{"notes"}, {"export", "--all"}} {
			a.run(t, c.name+": "+cmd[0], func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "data")
				os.Mkdir(dir, 0o755)
				as := c.make(t, dir)
				if as != nil {
					openToNobody(t, dir)
				}
				path := filepath.Join(dir, store.FileName)
				// The database and its folder (which may be a file).
				sums := func() string { return fileSum(path) + " in " + fileSum(dir) }
				before := sums()
				r := nm(t, runOpts{as: as}, append(cmd, "--data-dir", dir)...)
				if r.hung {
					return
				}
				after := sums()
				t.Logf("exit %d: %s", r.code, r.stderr)
				switch c.want {
				case refused:
					if r.code != 1 {
						t.Errorf("exit %d, want 1; stdout %.200q", r.code, r.stdout)
					}
					oneLine(t, c.name, r.stderr)
					if !strings.Contains(string(r.stderr), c.why) {
						t.Errorf("the reason does not say %q: %s", c.why, r.stderr)
					}
					if after != before {
						t.Errorf("the file changed: %s, was %s", after, before)
					}
				case lists:
					if r.code != 0 || !strings.Contains(string(r.stdout), "Orchard Corp. agreed") {
						t.Errorf("exit %d, want the notes listed; stdout %.200q, stderr %s", r.code, r.stdout, r.stderr)
					}
					if after != before {
						t.Errorf("the file changed: %s, was %s", after, before)
					}
				case empty:
					// "no highlights yet", or for export "no highlights to
					// export" (exit 1): the file is a new database now.
					oneLine(t, c.name, r.stderr)
					checkIntegrity(t, path)
				}
			})
		}
	}

	// Root reading another user's database (sudo newsmark notes --data-dir
	// ~user/...): it works, and leaves nothing behind that the owner could
	// not use (no -wal or -shm file of root's).
	for _, cmd := range [][]string{{"notes"}, {"export", "--all"}} {
		a.run(t, "another user's database, read by root: "+cmd[0], func(t *testing.T) {
			if os.Geteuid() != 0 {
				t.Skip("needs root")
			}
			dir := t.TempDir()
			withGood(t, dir)
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { return os.Lchown(p, 65534, 65534) })
			path := filepath.Join(dir, store.FileName)
			before := fileSum(path)
			r := nm(t, runOpts{}, append(cmd, "--data-dir", dir)...)
			if r.code != 0 || !strings.Contains(string(r.stdout), "Orchard Corp. agreed") {
				t.Errorf("exit %d, want the notes listed; stdout %.200q, stderr %s", r.code, r.stdout, r.stderr)
			}
			if after := fileSum(path); after != before {
				t.Errorf("the file changed: %s, was %s", after, before)
			}
			es, _ := os.ReadDir(dir)
			for _, e := range es {
				fi, _ := e.Info()
				if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid != 65534 {
					t.Errorf("%s is left owned by uid %d", e.Name(), st.Uid)
				}
			}
		})
	}

	// A database locked by another program, which holds its write
	// transaction open: reading works (WAL readers do not wait for it).
	for _, cmd := range [][]string{{"notes"}, {"export", "--all"}} {
		a.run(t, "locked by another writer: "+cmd[0], func(t *testing.T) {
			dir := t.TempDir()
			withGood(t, dir)
			path := filepath.Join(dir, store.FileName)
			db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			for _, q := range []string{`BEGIN IMMEDIATE`, `UPDATE highlights SET note = 'uncommitted'`} {
				if _, err := conn.ExecContext(context.Background(), q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			defer conn.ExecContext(context.Background(), `ROLLBACK`)
			before := fileSum(path)
			r := nm(t, runOpts{timeout: 20e9}, append(cmd, "--data-dir", dir)...)
			switch {
			case r.code == 0:
				if !strings.Contains(string(r.stdout), "Orchard Corp. agreed") || strings.Contains(string(r.stdout), "uncommitted") {
					t.Errorf("stdout %.300q", r.stdout)
				}
			default:
				oneLine(t, "locked", r.stderr)
				if !strings.Contains(string(r.stderr), "locked") {
					t.Errorf("exit %d: the reason does not say it is locked: %s", r.code, r.stderr)
				}
			}
			if after := fileSum(path); after != before {
				t.Errorf("the file changed: %s, was %s", after, before)
			}
		})
	}
}

// openToNobody lets another user reach dir (the test's temporary folders
// are private to their owner).
func openToNobody(t *testing.T, dir string) {
	t.Helper()
	for d := filepath.Dir(dir); d != "/" && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
}

// checkIntegrity opens path as newsmark does and runs integrity_check.
func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	var s string
	if err := db.SQL().QueryRow(`PRAGMA integrity_check`).Scan(&s); err != nil || s != "ok" {
		t.Errorf("integrity_check: %q %v", s, err)
	}
}
