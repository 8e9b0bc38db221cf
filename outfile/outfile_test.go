package outfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func write(path string, o Options, s string) error {
	return WriteBytes(path, o, []byte(s))
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemps fails when a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestNewFileIsCreatedWithTheUmasksMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "notes.md")
	if err := write(p, Options{}, "hello"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "hello" {
		t.Errorf("content %q", got)
	}
	fi, _ := os.Stat(p)
	if want := 0o666 &^ umask(); fi.Mode().Perm() != want {
		t.Errorf("mode %v, want %v", fi.Mode().Perm(), want)
	}
	noTemps(t, dir)
}

func TestExistingFileIsKeptWithoutConsent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "notes.md")
	os.WriteFile(p, []byte("my edits in Obsidian"), 0o600)
	err := write(p, Options{}, "export")
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got := read(t, p); got != "my edits in Obsidian" {
		t.Errorf("file changed to %q", got)
	}
	noTemps(t, dir)
}

func TestOverwriteKeepsTheMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "notes.md")
	os.WriteFile(p, []byte("old"), 0o600)
	os.Chmod(p, 0o640)
	if err := write(p, Options{Overwrite: true}, "new"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "new" {
		t.Errorf("content %q", got)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	noTemps(t, dir)
}

func TestSymlinkToRegularFileReplacesItsTargetInPlace(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "vault", "notes.md")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := write(link, Options{Overwrite: true}, "new"); err != nil {
		t.Fatal(err)
	}
	if li, _ := os.Lstat(link); li.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced by a %v", li.Mode().Type())
	}
	if got := read(t, target); got != "new" {
		t.Errorf("target holds %q", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want 0600", fi.Mode().Perm())
	}
	noTemps(t, filepath.Dir(target))
}

func TestRefusedTargetsAreLeftAsTheyAre(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "dangling")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	sock := filepath.Join(dir, "s.sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	}
	cases := map[string]string{
		dangling:                            "dangling",
		folder:                              "is a folder",
		folder + "/":                        "a folder name",
		sock:                                "socket",
		filepath.Join(dir, "no", "x.md"):    "no such file",
		"":                                  "no file name",
		filepath.Join(dir, "dangling/x.md"): "",
	}
	for p, want := range cases {
		before, _ := os.Lstat(p)
		err := write(p, Options{Overwrite: true}, "export")
		if err == nil {
			t.Errorf("%q: written, want a refusal", p)
			continue
		}
		if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: reason %q, want one line with %q", p, err, want)
		}
		after, _ := os.Lstat(p)
		if (before == nil) != (after == nil) || before != nil && before.Mode() != after.Mode() {
			t.Errorf("%q changed: %v → %v", p, before, after)
		}
	}
	noTemps(t, dir)
}

func TestStreamsAreWrittenThrough(t *testing.T) {
	var out bytes.Buffer
	for _, p := range []string{"-", "/dev/stdout"} {
		out.Reset()
		if err := write(p, Options{Stdout: &out}, "to stdout"); err != nil {
			t.Fatal(err)
		}
		if out.String() != "to stdout" {
			t.Errorf("%s: stdout got %q", p, out.String())
		}
	}
	// A device node of our own (the null device's numbers), never the
	// machine's /dev/null: a regression here must not break the machine.
	dev := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Log("no device node here (not root):", err)
		return
	}
	if err := write(dev, Options{}, "gone"); err != nil {
		t.Fatalf("device: %v", err)
	}
	if fi, _ := os.Stat(dev); fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("the device is now %v", fi.Mode())
	}
}

func TestFIFOIsWrittenThroughNotReplaced(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := write(p, Options{}, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if fi, _ := os.Lstat(p); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", fi.Mode())
	}
}

func TestMergeKeepsWhatItRecognises(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("mine [ours:old] mine"), 0o644)
	merge := func(old, new []byte) ([]byte, error) {
		i, j := bytes.Index(old, []byte("[ours:")), bytes.IndexByte(old, ']')
		if i < 0 || j < i {
			return nil, ErrNotOurs
		}
		return append(append(append([]byte{}, old[:i]...), new...), old[j+1:]...), nil
	}
	if err := write(p, Options{Merge: merge}, "[ours:new]"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "mine [ours:new] mine" {
		t.Errorf("merged %q", got)
	}
	// A file the merge does not recognise falls back to asking.
	q := filepath.Join(dir, "b.md")
	os.WriteFile(q, []byte("someone else's"), 0o644)
	if err := write(q, Options{Merge: merge}, "[ours:new]"); !errors.Is(err, ErrExists) {
		t.Errorf("unrecognised file: err %v, want ErrExists", err)
	}
}

func TestFailedRenderLeavesTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("kept"), 0o644)
	boom := errors.New("boom")
	err := Write(p, Options{Overwrite: true}, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if got := read(t, p); got != "kept" {
		t.Errorf("file now %q", got)
	}
	noTemps(t, dir)
}

// FilesOnly, for names newsmark picks itself, refuses a FIFO (without
// waiting for a reader) and a device in one line, and leaves them be.
func TestFilesOnlyRefusesStreams(t *testing.T) {
	dir := t.TempDir()
	var targets []string
	fifo := filepath.Join(dir, "note.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	targets = append(targets, fifo)
	// A null device of our own (never the machine's /dev/null).
	if dev := filepath.Join(dir, "null.md"); syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3) == nil {
		targets = append(targets, dev)
	}
	for _, p := range targets {
		before, _ := os.Lstat(p)
		done := make(chan error, 1)
		go func() { done <- write(p, Options{FilesOnly: true, Overwrite: true}, "note") }()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still writing after 10 s", p)
		}
		if err == nil || !strings.Contains(err.Error(), "not a file") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a one-line refusal", p, err)
		}
		if after, _ := os.Lstat(p); after.Mode() != before.Mode() {
			t.Errorf("%s: %v became %v", p, before.Mode(), after.Mode())
		}
	}
	var out bytes.Buffer
	if err := write("-", Options{FilesOnly: true, Stdout: &out}, "x"); err != nil || out.String() != "x" {
		t.Errorf("-: %v, stdout %q", err, out.String())
	}
}
