package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"newsmark/sanitize"
)

// ErrExists is the cause of a refusal to replace an existing file the user
// has not agreed to replace. Callers branch on it (errors.Is) to ask.
var ErrExists = errors.New("already exists")

// ErrNotOurs is what a Merge returns when the existing file holds nothing
// it recognises: Write then treats the file as any existing one.
var ErrNotOurs = errors.New("not a file newsmark wrote")

// Options says how Write may treat what is at the path.
type Options struct {
	// Stdout is where "-" and /dev/stdout go; nil means os.Stdout.
	Stdout io.Writer
	// Overwrite says the user agreed to replace an existing file.
	Overwrite bool
	// Merge, when set, is given an existing regular file's content and
	// the new content and returns what to write: an export that owns only
	// part of a file keeps the rest. Returning ErrNotOurs falls back to
	// Overwrite's rule.
	Merge func(old, new []byte) ([]byte, error)
	// FilesOnly refuses a FIFO or a character device at the path instead of
	// writing through it: for names newsmark picks itself (a note in a
	// folder export), where the user named no stream and a FIFO would wait
	// for a reader forever.
	FilesOnly bool
}

// Kind is what a path holds, as Write treats it.
type Kind int

const (
	// New is a path where nothing is: the file is created.
	New Kind = iota
	// Regular is an existing regular file (or a symlink to one).
	Regular
	// Stream is standard output, a FIFO or a character device: written
	// through.
	Stream
)

// Target is what Inspect found at a path.
type Target struct {
	Kind Kind
	// Path is where the bytes go: the symlink's target for a symlink to a
	// regular file, else the path itself.
	Path string
	// Mode is the existing file's permission bits (Regular only).
	Mode fs.FileMode
}

// Inspect says what is at path and whether Write may write there; a path
// Write refuses gives an error with a one-line reason.
func Inspect(path string) (Target, error) {
	if isStdout(path) {
		return Target{Kind: Stream, Path: "-"}, nil
	}
	if path == "" {
		return Target{}, errors.New("no file name given")
	}
	if strings.HasSuffix(path, string(filepath.Separator)) {
		return Target{}, fmt.Errorf("%s: a folder name (ends in %q), not a file", sanitize.Quote(path), string(filepath.Separator))
	}
	li, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		di, derr := os.Stat(dir)
		switch {
		case derr != nil:
			return Target{}, fmt.Errorf("%s: folder %s: %s", sanitize.Quote(path), sanitize.Quote(dir), reason(derr))
		case !di.IsDir():
			return Target{}, fmt.Errorf("%s: %s is not a folder", sanitize.Quote(path), sanitize.Quote(dir))
		}
		return Target{Kind: New, Path: path}, nil
	}
	if err != nil {
		return Target{}, fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	real := path
	fi := li
	if li.Mode()&fs.ModeSymlink != 0 {
		fi, err = os.Stat(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return Target{}, fmt.Errorf("%s: a symlink to nothing (dangling); not replacing it", sanitize.Quote(path))
			}
			return Target{}, fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
		}
		if fi.Mode().IsRegular() {
			if real, err = filepath.EvalSymlinks(path); err != nil {
				return Target{}, fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
			}
		}
	}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return Target{Kind: Regular, Path: real, Mode: m.Perm()}, nil
	case m&fs.ModeNamedPipe != 0, m&fs.ModeCharDevice != 0:
		return Target{Kind: Stream, Path: path}, nil
	case m.IsDir():
		return Target{}, fmt.Errorf("%s: is a folder, not a file", sanitize.Quote(path))
	case m&fs.ModeDevice != 0:
		return Target{}, fmt.Errorf("%s: is a block device (a disk); refusing to write over it", sanitize.Quote(path))
	case m&fs.ModeSocket != 0:
		return Target{}, fmt.Errorf("%s: is a socket; refusing to write to it", sanitize.Quote(path))
	}
	return Target{}, fmt.Errorf("%s: not a regular file (%s); refusing to replace it", sanitize.Quote(path), m.Type())
}

// Write writes what write produces to path under o's rules. It renders into
// memory first, so nothing at path changes when write fails.
func Write(path string, o Options, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return WriteBytes(path, o, buf.Bytes())
}

// WriteBytes writes data to path under o's rules.
func WriteBytes(path string, o Options, data []byte) error {
	t, err := Inspect(path)
	if err != nil {
		return err
	}
	switch t.Kind {
	case Stream:
		if o.FilesOnly && t.Path != "-" {
			return notAFile(path)
		}
		return writeStream(t.Path, o, data)
	case Regular:
		if o.Merge != nil {
			old, err := os.ReadFile(t.Path)
			if err != nil {
				return fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
			}
			merged, err := o.Merge(old, data)
			switch {
			case err == nil:
				return replace(t, merged)
			case !errors.Is(err, ErrNotOurs):
				return fmt.Errorf("%s: %w", sanitize.Quote(path), err)
			}
		}
		if !o.Overwrite {
			return &ExistsError{Path: path}
		}
		return replace(t, data)
	}
	return create(path, data)
}

// notAFile is the refusal of a stream at path under FilesOnly.
func notAFile(path string) error {
	what := "a character device"
	if fi, err := os.Stat(path); err == nil && fi.Mode()&fs.ModeNamedPipe != 0 {
		what = "a named pipe (FIFO)"
	}
	return fmt.Errorf("%s: is %s, not a file; not writing through it", sanitize.Quote(path), what)
}

// ExistsError is a refusal to replace an existing file; it matches
// ErrExists with errors.Is.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string { return sanitize.Quote(e.Path) + " " + ErrExists.Error() }

// Is makes errors.Is(err, ErrExists) true.
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// isStdout reports whether path names standard output.
func isStdout(path string) bool {
	switch path {
	case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// writeStream writes through a FIFO or device, or to Stdout.
func writeStream(path string, o Options, data []byte) error {
	if path == "-" {
		w := o.Stdout
		if w == nil {
			w = os.Stdout
		}
		_, err := w.Write(data)
		return err
	}
	// No O_CREATE and no O_TRUNC: it exists, and is not ours to reset.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	return f.Close()
}

// create writes a new file whole: a temporary file beside it, synced, then
// hard-linked into place, which fails (instead of replacing) when a file
// appeared at path meanwhile.
func create(path string, data []byte) error {
	tmp, err := temp(path, data, 0o666&^umask())
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &ExistsError{Path: path}
		}
		// A file system without hard links: rename, after one more look.
		if _, serr := os.Lstat(path); serr == nil {
			return &ExistsError{Path: path}
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
		}
	}
	return nil
}

// replace writes an existing regular file (t.Path, a symlink's target
// already resolved) whole, keeping its mode and, where allowed, its owner.
func replace(t Target, data []byte) error {
	tmp, err := temp(t.Path, data, t.Mode)
	if err != nil {
		return err
	}
	keepOwner(t.Path, tmp)
	if err := os.Rename(tmp, t.Path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %s", sanitize.Quote(t.Path), reason(err))
	}
	return nil
}

// temp writes data to a new temporary file beside path with mode perm and
// returns its name.
func temp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	if err = f.Sync(); err != nil {
		return "", fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	if err = f.Chmod(perm); err != nil {
		return "", fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	if err = f.Close(); err != nil {
		return "", fmt.Errorf("%s: %s", sanitize.Quote(path), reason(err))
	}
	return f.Name(), nil
}

// reason is a file-system error's cause on one line, without the
// temporary file's name.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
