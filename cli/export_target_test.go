package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An export never replaces what it was not asked to: an existing file needs
// --force (and keeps its mode), "-" is standard output, a FIFO is written
// through, a symlink's target is replaced in place, a dangling symlink or a
// folder is refused with one line.
func TestExportTargets(t *testing.T) {
	dataDir, _, _ := fixture(t)
	dir := t.TempDir()
	export := func(args ...string) (int, string, string) {
		return run(t, append([]string{"export", "--all", "--data-dir", dataDir}, args...)...)
	}

	t.Run("dash is standard output", func(t *testing.T) {
		code, out, errs := export("-o", "-")
		if code != 0 || !strings.HasPrefix(out, "---\ntitle:") {
			t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
		}
		if _, err := os.Stat("-"); err == nil {
			os.Remove("-")
			t.Error("a file named - was written")
		}
	})

	t.Run("existing file needs --force and keeps its mode", func(t *testing.T) {
		p := filepath.Join(dir, "notes.md")
		os.WriteFile(p, []byte("edited in Obsidian\n"), 0o600)
		code, _, errs := export("-o", p)
		if code == 0 || !strings.Contains(errs, "--force") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("exit %d, stderr %q: want a one-line refusal naming --force", code, errs)
		}
		if b, _ := os.ReadFile(p); string(b) != "edited in Obsidian\n" {
			t.Fatalf("the file was changed without --force: %q", b)
		}
		if code, _, errs := export("-o", p, "--force"); code != 0 {
			t.Fatalf("--force: exit %d: %s", code, errs)
		}
		b, _ := os.ReadFile(p)
		fi, _ := os.Stat(p)
		if !strings.HasPrefix(string(b), "---\ntitle:") || fi.Mode().Perm() != 0o600 {
			t.Errorf("after --force: mode %v, content %q", fi.Mode().Perm(), b[:min(len(b), 20)])
		}
	})

	t.Run("symlink to a regular file replaces the target in place", func(t *testing.T) {
		target := filepath.Join(dir, "vault-notes.md")
		os.WriteFile(target, []byte("old\n"), 0o640)
		link := filepath.Join(dir, "link.md")
		os.Symlink(target, link)
		if code, _, errs := export("-o", link, "--force"); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if li, _ := os.Lstat(link); li.Mode()&fs.ModeSymlink == 0 {
			t.Error("the symlink was replaced by a regular file")
		}
		b, _ := os.ReadFile(target)
		fi, _ := os.Stat(target)
		if !strings.HasPrefix(string(b), "---\ntitle:") || fi.Mode().Perm() != 0o640 {
			t.Errorf("target: mode %v, content %q", fi.Mode().Perm(), b[:min(len(b), 20)])
		}
	})

	t.Run("dangling symlink and socket-like targets are refused", func(t *testing.T) {
		dangling := filepath.Join(dir, "dangling.md")
		os.Symlink(filepath.Join(dir, "nowhere"), dangling)
		code, _, errs := export("-o", dangling, "--force")
		if code == 0 || !strings.Contains(errs, "dangling") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
		if li, _ := os.Lstat(dangling); li.Mode()&fs.ModeSymlink == 0 {
			t.Error("the dangling symlink was replaced")
		}
	})

	t.Run("FIFO is written through", func(t *testing.T) {
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan string)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- ""
				return
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got <- string(b)
		}()
		if code, _, errs := export("-o", fifo); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		select {
		case s := <-got:
			if !strings.HasPrefix(s, "---\ntitle:") {
				t.Errorf("reader got %q", s)
			}
		case <-time.After(10 * time.Second):
			t.Error("nothing was written through the FIFO")
		}
		if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO is now %v", fi.Mode())
		}
	})

	t.Run("character device is written through", func(t *testing.T) {
		dev := filepath.Join(dir, "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skip("cannot make a device node here:", err)
		}
		if code, _, errs := export("-o", dev); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if fi, _ := os.Lstat(dev); fi.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("the device became %v", fi.Mode())
		}
	})
}

// A daily sync into an Obsidian vault: `export --all -o DIR/` writes one
// Markdown file per article, and a second export replaces only what
// newsmark wrote, keeping the user's own lines and properties.
func TestExportToFolderKeepsTheUsersAdditions(t *testing.T) {
	dataDir, _, _ := fixture(t)
	vault := t.TempDir()
	code, _, errs := run(t, "export", "--all", "--data-dir", dataDir, "-o", vault+string(filepath.Separator))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(vault, "*.md"))
	if len(files) != 1 {
		t.Fatalf("files %v, want one per article", files)
	}
	first, _ := os.ReadFile(files[0])
	// The user adds a property, a tag and a paragraph of their own.
	edited := strings.Replace(string(first), "tags: []\n", "rating: 4\ntags:\n  - my-tag\n", 1) + "\nMy own thoughts on the deal.\n"
	if edited == string(first)+"\nMy own thoughts on the deal.\n" {
		t.Fatalf("no tags line to edit in:\n%s", first)
	}
	os.WriteFile(files[0], []byte(edited), 0o600)
	os.Chmod(files[0], 0o600)

	code, _, errs = run(t, "export", "--all", "--data-dir", dataDir, "-o", vault)
	if code != 0 {
		t.Fatalf("re-export: exit %d: %s", code, errs)
	}
	again, _ := os.ReadFile(files[0])
	for _, want := range []string{"rating: 4", "  - my-tag", "My own thoughts on the deal.", "> Kestrel Foods Ltd. will buy Alder Farms for $90 million"} {
		if !strings.Contains(string(again), want) {
			t.Errorf("re-export lost %q:\n%s", want, again)
		}
	}
	if strings.Count(string(again), "> Kestrel Foods Ltd. will buy") != 1 {
		t.Errorf("the export's part is repeated:\n%s", again)
	}
	if fi, _ := os.Stat(files[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the user's 0600", fi.Mode().Perm())
	}

	// A file in the way that newsmark did not write is not replaced.
	os.WriteFile(files[0], []byte("someone else's note\n"), 0o644)
	code, _, errs = run(t, "export", "--all", "--data-dir", dataDir, "-o", vault)
	if code == 0 || !strings.Contains(errs, "--force") {
		t.Errorf("foreign file: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(files[0]); string(b) != "someone else's note\n" {
		t.Errorf("a file newsmark did not write was replaced: %q", b)
	}
}
