//go:build linux

package faults

import (
	"bytes"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsmark/store"
)

// noteData is a data folder holding highlights on two clean articles.
func noteData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	arts := t.TempDir()
	var paths []string
	for _, name := range []string{"orchard.txt", "pine.md"} {
		p := filepath.Join(arts, name)
		title := strings.TrimSuffix(name, filepath.Ext(name))
		if err := os.WriteFile(p, []byte("Title: "+title+" deal\n\n"+story), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	keepHighlights(t, filepath.Join(dir, store.FileName), paths...)
	return dir
}

// snapshot is what is at a path: its type, mode, symlink target and
// content, to compare before and after.
type snapshot struct {
	mode   fs.FileMode
	link   string
	data   []byte
	mtime  time.Time
	exists bool
}

func snap(path string) snapshot {
	fi, err := os.Lstat(path)
	if err != nil {
		return snapshot{}
	}
	s := snapshot{mode: fi.Mode(), exists: true, mtime: fi.ModTime()}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		s.link, _ = os.Readlink(path)
	case fi.Mode().IsRegular():
		s.data, _ = os.ReadFile(path)
	}
	return s
}

func (s snapshot) same(o snapshot) bool {
	return s.exists == o.exists && s.mode == o.mode && s.link == o.link && bytes.Equal(s.data, o.data) && s.mtime.Equal(o.mtime)
}

// fifoReader reads everything written to the FIFO at path, once a writer
// comes; read returns it (waiting at most 10 s). When the test ends
// without a writer, the reader is released.
func fifoReader(t *testing.T, path string) (read func() (string, bool)) {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			got <- ""
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	t.Cleanup(func() {
		// A writer that never came: open the write side without waiting
		// (the reader is there) and close it, which ends the read.
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
	})
	return func() (string, bool) {
		select {
		case s := <-got:
			return s, true
		case <-time.After(10 * time.Second):
			return "", false
		}
	}
}

// listenUnix makes a socket at path, open until the test ends.
func listenUnix(t *testing.T, path string) {
	t.Helper()
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root")
	}
}

// TestSpecialFiles: export targets that are not plain new files, and
// folders holding files that are not regular. Nothing at a target is
// damaged, nothing hangs, and every refusal is one line.
func TestSpecialFiles(t *testing.T) {
	t.Parallel()
	a := newArea(t, "special files")
	data := noteData(t)
	export := func(t *testing.T, args ...string) result {
		t.Helper()
		return nm(t, runOpts{dir: t.TempDir()}, append([]string{"export", "--all", "--data-dir", data}, args...)...)
	}
	exported := func(t *testing.T, s string) {
		t.Helper()
		if !strings.HasPrefix(s, "---\ntitle:") || !strings.Contains(s, "Orchard Corp. agreed") {
			t.Errorf("not the export: %.200q", s)
		}
	}
	// refused checks a one-line refusal that left what was at path as it was.
	refused := func(t *testing.T, r result, path string, before snapshot, why string) {
		t.Helper()
		if r.code == 0 {
			t.Errorf("exit 0; stderr %q", r.stderr)
		}
		oneLine(t, "refusal", r.stderr)
		t.Logf("%s", r.stderr)
		if !strings.Contains(string(r.stderr), why) {
			t.Errorf("the reason does not say %q: %s", why, r.stderr)
		}
		if after := snap(path); !before.same(after) {
			t.Errorf("%s changed: %+v, was %+v", path, after, before)
		}
	}

	a.run(t, "target: FIFO is written through", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe.md")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		read := fifoReader(t, fifo)
		if r := export(t, "-o", fifo); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		s, ok := read()
		if !ok {
			t.Fatal("nothing came through the FIFO")
		}
		exported(t, s)
		if fi, _ := os.Lstat(fifo); fi == nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO is gone: %v", fi)
		}
	})
	a.run(t, "target: character device (a null device made here) is written through", func(t *testing.T) {
		needRoot(t)
		dev := filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skip("mknod:", err)
		}
		before := snap(dev)
		if r := export(t, "-o", dev); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if after := snap(dev); after.mode != before.mode {
			t.Errorf("the device is now %v", after.mode)
		}
	})
	a.run(t, "target: block device is refused", func(t *testing.T) {
		needRoot(t)
		// Major 240 is for local use: no driver stands behind it, so even
		// a regression could not write anywhere.
		dev := filepath.Join(t.TempDir(), "disk")
		if err := syscall.Mknod(dev, syscall.S_IFBLK|0o666, 240<<8); err != nil {
			t.Skip("mknod:", err)
		}
		refused(t, export(t, "-o", dev, "--force"), dev, snap(dev), "block device")
	})
	a.run(t, "target: symlink to a file, with --force, replaces the file in place", func(t *testing.T) {
		dir := t.TempDir()
		target, link := filepath.Join(dir, "vault.md"), filepath.Join(dir, "link.md")
		os.WriteFile(target, []byte("old\n"), 0o640)
		os.Symlink(target, link)
		if r := export(t, "-o", link, "--force"); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if s := snap(link); s.link != target {
			t.Errorf("the symlink is now %+v", s)
		}
		s := snap(target)
		exported(t, string(s.data))
		if s.mode != 0o640 {
			t.Errorf("the file's mode is now %v, was -rw-r-----", s.mode)
		}
	})
	a.run(t, "target: symlink to a file, without --force, is refused", func(t *testing.T) {
		dir := t.TempDir()
		target, link := filepath.Join(dir, "vault.md"), filepath.Join(dir, "link.md")
		os.WriteFile(target, []byte("the user's edits\n"), 0o640)
		os.Symlink(target, link)
		before := snap(target)
		refused(t, export(t, "-o", link), target, before, "--force")
		if s := snap(link); s.link != target {
			t.Errorf("the symlink is now %+v", s)
		}
	})
	a.run(t, "target: dangling symlink is refused", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "dangling.md")
		os.Symlink(filepath.Join(dir, "nowhere", "x.md"), link)
		refused(t, export(t, "-o", link, "--force"), link, snap(link), "dangling")
	})
	a.run(t, "target: symlink loop is refused", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "loop.md")
		os.Symlink(link, link)
		r := export(t, "-o", link, "--force")
		refused(t, r, link, snap(link), "")
	})
	a.run(t, "target: folder is refused for JSON", func(t *testing.T) {
		dir := t.TempDir()
		refused(t, export(t, "-o", dir, "--format", "json"), dir, snap(dir), "folder")
		if es, _ := os.ReadDir(dir); len(es) != 0 {
			t.Errorf("files were written in the folder: %v", es)
		}
	})
	a.run(t, "target: existing file without --force is left byte for byte, mode kept", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "notes.md")
		os.WriteFile(p, []byte("edited in Obsidian\n"), 0o600)
		refused(t, export(t, "-o", p), p, snap(p), "--force")
	})
	a.run(t, "target: socket is refused", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "s.md")
		listenUnix(t, p)
		refused(t, export(t, "-o", p, "--force"), p, snap(p), "socket")
	})
	a.run(t, "target: symlink to a socket is refused", func(t *testing.T) {
		dir := t.TempDir()
		sock, link := filepath.Join(dir, "s"), filepath.Join(dir, "link.md")
		listenUnix(t, sock)
		os.Symlink(sock, link)
		refused(t, export(t, "-o", link, "--force"), link, snap(link), "socket")
	})
	a.run(t, "target: - is standard output, no file named -", func(t *testing.T) {
		dir := t.TempDir()
		r := nm(t, runOpts{dir: dir}, "export", "--all", "--data-dir", data, "-o", "-")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		exported(t, string(r.stdout))
		if es, _ := os.ReadDir(dir); len(es) != 0 {
			t.Errorf("files were written: %v", es)
		}
	})
	a.run(t, "target: /dev/stdout is standard output", func(t *testing.T) {
		r := export(t, "-o", "/dev/stdout")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		exported(t, string(r.stdout))
	})
	a.run(t, "target: a FIFO where a folder export puts a note does not hang it", func(t *testing.T) {
		// The note files' names, from an export into an empty folder.
		first := t.TempDir()
		if r := export(t, "-o", first+"/"); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		names, _ := os.ReadDir(first)
		if len(names) == 0 {
			t.Fatal("the folder export wrote nothing")
		}
		vault := t.TempDir()
		fifo := filepath.Join(vault, names[0].Name())
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		before := snap(fifo)
		r := export(t, "-o", vault+"/")
		if r.hung {
			return
		}
		if after := snap(fifo); !before.same(after) {
			t.Errorf("the FIFO changed: %+v", after)
		}
		if r.code != 0 {
			oneLine(t, "refusal", r.stderr)
		}
	})

	// Folders holding what is not a regular file: annotate --json reads the
	// article beside it, gives the odd entry one line, and ends.
	kinds := []struct {
		name string
		root bool
		make func(t *testing.T, path string)
	}{
		{"FIFO", false, func(t *testing.T, p string) { syscall.Mkfifo(p, 0o600) }},
		{"socket", false, func(t *testing.T, p string) { listenUnix(t, p) }},
		{"character device", true, func(t *testing.T, p string) { syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3) }},
		{"block device", true, func(t *testing.T, p string) { syscall.Mknod(p, syscall.S_IFBLK|0o666, 240<<8) }},
		{"symlink to a FIFO", false, func(t *testing.T, p string) {
			fifo := filepath.Join(filepath.Dir(p), ".fifo") // hidden: the walk skips it
			syscall.Mkfifo(fifo, 0o600)
			os.Symlink(fifo, p)
		}},
		{"symlink loop", false, func(t *testing.T, p string) { os.Symlink(p, p) }},
		{"dangling symlink", false, func(t *testing.T, p string) { os.Symlink(p+".nowhere", p) }},
		{"FIFO in a subfolder", false, func(t *testing.T, p string) {
			os.Mkdir(filepath.Dir(p)+"/deeper", 0o755)
			syscall.Mkfifo(filepath.Dir(p)+"/deeper/pipe.md", 0o600)
		}},
	}
	all := t.TempDir()
	os.WriteFile(filepath.Join(all, "good.txt"), []byte("Title: Good story\n\n"+story), 0o644)
	for i, k := range kinds {
		a.run(t, "in a folder: "+k.name, func(t *testing.T) {
			if k.root {
				needRoot(t)
			}
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Title: Good story\n\n"+story), 0o644)
			k.make(t, filepath.Join(dir, "odd.txt"))
			k.make(t, filepath.Join(all, "odd"+string(rune('a'+i))+".txt"))
			r := nm(t, runOpts{}, "annotate", "--json", dir)
			if lines := jsonLines(t, "annotate --json", r.stdout); len(lines) != 1 {
				t.Errorf("%d articles, want the 1 good one: %s", len(lines), r.stdout)
			}
			oneLine(t, k.name, r.stderr)
		})
	}
	a.run(t, "in a folder: the reader shows the article and quits", func(t *testing.T) {
		tm := startTerm(t, nil, all)
		tm.wait("Orchard Corp. agreed", "? help")
		tm.quit()
	})
}
