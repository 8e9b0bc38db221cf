//go:build unix

package notes

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsmark/outfile"
)

// A folder export writes files whose names it picks: a FIFO (or a symlink
// to one) where a note would go was not named by the user, so the export
// refuses it in one line instead of waiting for a reader forever, and
// leaves it as it is.
func TestFolderExportRefusesAFIFOWhereANoteGoes(t *testing.T) {
	docs := []Doc{exportDoc(t)}
	first := t.TempDir()
	paths, err := WriteDir(first, docs, outfile.Options{})
	if err != nil || len(paths) != 1 {
		t.Fatalf("export into an empty folder: %v %v", paths, err)
	}
	name := filepath.Base(paths[0])
	for _, viaLink := range []bool{false, true} {
		vault := t.TempDir()
		fifo := filepath.Join(vault, name)
		if viaLink {
			fifo = filepath.Join(t.TempDir(), "pipe")
			os.Symlink(fifo, filepath.Join(vault, name))
		}
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := WriteDir(vault, docs, outfile.Options{Overwrite: true})
			done <- err
		}()
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			// Release the export: be the reader it waits for.
			if f, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				defer f.Close()
			}
			t.Fatalf("via a symlink %v: the export is still waiting on the FIFO after 10 s", viaLink)
		}
		if err == nil || !strings.Contains(err.Error(), "FIFO") || strings.Contains(err.Error(), "\n") {
			t.Errorf("via a symlink %v: error %v, want one line naming the FIFO", viaLink, err)
		}
		if fi, _ := os.Lstat(fifo); fi == nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("via a symlink %v: the FIFO is now %v", viaLink, fi)
		}
	}
}
