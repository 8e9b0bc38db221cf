package store

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const roEnv = "NEWSMARK_STORE_RO_PATH"

// TestReadOnlyDatabase makes a database and its directory read-only, then
// checks that it still opens for reading and that a write fails with
// ErrReadOnly and changes nothing. Permission bits do not bind root, so as
// root the check runs in a copy of this test binary started as nobody.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if err := insertRaw(ctx, db, "stored before"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if os.Geteuid() != 0 {
		checkReadOnly(t, path)
		return
	}
	// Make the path reachable by nobody, and give it its own copy of the binary.
	for d := filepath.Dir(dir); d != "/" && strings.HasPrefix(d, os.TempDir()); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	bin := filepath.Join(t.TempDir(), "store.test")
	copyFile(t, os.Args[0], bin)
	os.Chmod(filepath.Dir(bin), 0o755)
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyChild$", "-test.v")
	cmd.Env = append(os.Environ(), roEnv+"="+path, "HOME=/")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestReadOnlyChild") {
		t.Fatalf("read-only check as nobody: %v\n%s", err, out)
	}
}

// TestReadOnlyChild is run by TestReadOnlyDatabase in a subprocess.
func TestReadOnlyChild(t *testing.T) {
	path := os.Getenv(roEnv)
	if path == "" {
		t.Skip("run by TestReadOnlyDatabase")
	}
	checkReadOnly(t, path)
}

func checkReadOnly(t *testing.T, path string) {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a read-only database: %v", err)
	}
	defer db.Close()
	if !db.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if n := countRows(t, db); n != 1 {
		t.Errorf("read %d rows, want 1", n)
	}
	err = insertRaw(context.Background(), db, "refused")
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write: %v, want ErrReadOnly", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "read-only") || !strings.Contains(msg, path) {
		t.Errorf("message %q", msg)
	}
	if n := countRows(t, db); n != 1 {
		t.Errorf("after the refused write: %d rows", n)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
