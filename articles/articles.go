package articles

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsmark/model"
	"newsmark/sanitize"
)

// Entry is one article in a library. Meta is known at once (Body may be
// empty); Load reads and parses the whole article when it is opened.
type Entry struct {
	Meta model.Article
	// Name is the input as it was named: a file's path as given (Meta.Path
	// is absolute), "stdin", a sample's name; "" for entries made by
	// NewEntry. Messages and `annotate --json` show it.
	Name string
	load func() (model.Article, error)
	// listed: only the file's name is known (List); its head is read by
	// Listing.ReadHeads.
	listed bool
}

// Listed reports whether only e's file name is known: List made it, and
// Meta holds just its (absolute) Path and a Title from the file name, until
// Listing.ReadHeads reads the file's head. Load works either way.
func (e Entry) Listed() bool { return e.listed }

// Load returns the full article: body, links, paragraph and sentence spans.
// It is safe to call from any goroutine.
func (e Entry) Load() (model.Article, error) {
	if e.load == nil {
		return e.Meta, nil
	}
	return e.load()
}

// NewEntry is an entry whose Load calls load (a feed item that fetches its
// page, a cached item that reads its body from the store).
func NewEntry(meta model.Article, load func() (model.Article, error)) Entry {
	return Entry{Meta: meta, load: load}
}

// Problem is an input that gave no article, with a one-line reason.
type Problem struct {
	Path   string
	Reason string
}

// String is the problem's one line, as the library footer and stderr show it.
func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Library is what a set of inputs gave: the articles, newest first (undated
// last, otherwise in input order), and the inputs that failed.
type Library struct {
	Entries  []Entry
	Problems []Problem
	// Demo marks the embedded samples: shown when there is nothing else to
	// read, and never kept in the index (their deals are not the news).
	Demo bool
}

// Stdin is the path given to an article read from standard input.
const Stdin = "stdin"

// Open loads paths: files, folders (recursively; dot-folders, dot-files and
// other extensions are skipped silently) and "-" for stdin. Named files
// whose extension is not .txt/.md/.markdown/.html/.htm are sniffed.
func Open(paths []string, stdin io.Reader) Library {
	jobs, lib := collect(paths, stdin, false)
	run(jobs)
	lib.Entries, lib.Problems = assemble(jobs, lib.Problems)
	SortEntries(lib.Entries)
	return lib
}

// Listing is a library as far as it is known without reading the files a
// folder walk found: List has read the named files and stdin, and listed
// the walked ones by name (Entry.Listed), newest file first.
type Listing struct {
	Library
	heads []job // the listed files, in input order
}

// List is Open for a first screen: the files a folder walk finds are
// listed by name and modification time only, their heads left for
// ReadHeads (on a folder of 5,000 stories, reading every head is most of a
// second). Named files and stdin are read as Open reads them.
func List(paths []string, stdin io.Reader) Listing {
	jobs, lib := collect(paths, stdin, true)
	var now []job
	var l Listing
	for _, j := range jobs {
		if j.walked {
			l.heads = append(l.heads, j)
		} else {
			now = append(now, j)
		}
	}
	run(now)
	lib.Entries, lib.Problems = assemble(now, lib.Problems)
	SortEntries(lib.Entries)
	// Newest file first, else in input order; indices are sorted, not the
	// entries, which are large to move.
	order := make([]int, len(l.heads))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := l.heads[b].mtime.Compare(l.heads[a].mtime); c != 0 {
			return c
		}
		return a - b
	})
	lib.Entries = slices.Grow(lib.Entries, len(order))
	for _, i := range order {
		lib.Entries = append(lib.Entries, listedEntry(l.heads[i]))
	}
	l.Library = lib
	return l
}

// listedEntry is a walked file known by name: its absolute Path and a
// Title from the file name.
func listedEntry(j job) Entry {
	path, abs, f := j.path, j.abs, j.format
	meta := model.Article{Path: abs, Title: titleFromPath(abs)}
	return Entry{Meta: meta, Name: path, listed: true, load: func() (model.Article, error) { return loadFile(path, abs, f) }}
}

// Pending reports whether some files were only listed: ReadHeads has work.
func (l Listing) Pending() bool { return len(l.heads) > 0 }

// ReadHeads reads the heads of the listed files, as Open does, and returns
// what they gave: the articles, newest first (undated last, otherwise in
// input order), and a Problem for each file that is no article. It may run
// on any goroutine, once or more.
func (l Listing) ReadHeads() Library {
	jobs := slices.Clone(l.heads)
	run(jobs)
	var lib Library
	lib.Entries, lib.Problems = assemble(jobs, nil)
	SortEntries(lib.Entries)
	return lib
}

// assemble turns run jobs into entries and problems, in input order.
func assemble(jobs []job, problems []Problem) ([]Entry, []Problem) {
	entries := make([]Entry, 0, len(jobs))
	for _, j := range jobs {
		switch {
		case j.problem != nil:
			problems = append(problems, *j.problem)
		case j.entry != nil:
			entries = append(entries, *j.entry)
		}
	}
	return entries, problems
}

// collect turns paths into jobs, reading stdin at once and walking folders;
// with times, each walked file's modification time is taken too.
func collect(paths []string, stdin io.Reader, times bool) ([]job, Library) {
	var lib Library
	var jobs []job
	seen := map[string]bool{}
	// A file named twice is listed twice (it was asked for), but a folder
	// walk does not repeat a file already named or walked.
	cwd, err := os.Getwd() // once: filepath.Abs would ask for every file
	add := func(path string, f format, sniff, walked bool) {
		// The absolute path is the article's locator: its highlights are
		// found again from any folder.
		abs := path
		if filepath.IsAbs(abs) {
			abs = filepath.Clean(abs)
		} else if err == nil {
			abs = filepath.Join(cwd, abs)
		}
		if walked && seen[abs] {
			return
		}
		seen[abs] = true
		jobs = append(jobs, job{path: path, abs: abs, format: f, sniff: sniff, walked: walked})
	}
	stdinRead := false
	for _, p := range paths {
		if p == "-" {
			if stdinRead {
				continue
			}
			stdinRead = true
			e, prob := stdinEntry(stdin)
			jobs = append(jobs, job{entry: &e, problem: prob})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			lib.Problems = append(lib.Problems, Problem{sanitize.Quote(p), reason(err)})
			continue
		}
		if !st.IsDir() {
			f, known := formatOf(p)
			add(p, f, !known, false)
			continue
		}
		before, problems := len(jobs), len(lib.Problems)
		// A folder named through a symlink (~/news -> /mnt/news) is walked:
		// WalkDir does not follow its root, but a trailing separator makes
		// the system resolve it. Links inside stay unfollowed.
		root := p
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				lib.Problems = append(lib.Problems, Problem{sanitize.Quote(path), reason(err)})
				return nil
			}
			hidden := path != root && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return filepath.SkipDir
				}
				return nil
			}
			if hidden {
				return nil
			}
			if why := notRegular(path, d); why != "" {
				lib.Problems = append(lib.Problems, Problem{sanitize.Quote(path), why})
				return nil
			}
			if f, known := formatOf(path); known {
				add(path, f, false, true)
			}
			return nil
		})
		if err != nil {
			lib.Problems = append(lib.Problems, Problem{sanitize.Quote(p), reason(err)})
		}
		if len(jobs) == before && len(lib.Problems) == problems {
			lib.Problems = append(lib.Problems, Problem{sanitize.Quote(p), "no articles (.txt, .md, .markdown, .html, .htm) in this folder"})
		}
	}
	if times {
		modTimes(jobs)
	}
	return jobs, lib
}

// modTimes sets the modification time of each walked job's file, a few
// files at a time: a walk knows names and types from the directory, a
// time takes one lstat per file (a link's own time is good enough for an
// order that lasts until the heads are read).
func modTimes(jobs []job) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
				if j := &jobs[i]; j.walked {
					if fi, err := os.Lstat(j.path); err == nil {
						j.mtime = fi.ModTime()
					}
				}
			}
		}()
	}
	wg.Wait()
}

// notRegular is why a folder walk skips an entry that is neither a folder
// nor a regular file (nor a symlink to one), or "" for one it may read.
// Opening a FIFO would wait for a writer forever, a device may never end.
func notRegular(path string, d fs.DirEntry) string {
	t := d.Type()
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		if err != nil {
			return "symlink to nothing: " + reason(err)
		}
		t = fi.Mode().Type()
		if fi.IsDir() {
			return "" // WalkDir does not follow it; nothing is read
		}
	}
	return kindReason(t)
}

// kindReason names a file type that is not read as an article, or "" for
// a regular file.
func kindReason(t fs.FileMode) string {
	switch {
	case t.IsRegular():
		return ""
	case t&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO) in a folder: skipped (name it on the command line to read it like stdin)"
	case t&fs.ModeSocket != 0:
		return "socket: skipped, not a regular file"
	case t&fs.ModeDevice != 0:
		return "device: skipped, not a regular file"
	case t&fs.ModeIrregular != 0:
		return "not a regular file: skipped"
	}
	return ""
}

// job is one input of Open; run fills entry or problem.
type job struct {
	path    string // as given
	abs     string // absolute, when the working folder is known
	format  format
	sniff   bool
	walked  bool      // found by a folder walk: only a regular file is read
	mtime   time.Time // the walked file's modification time (List)
	entry   *Entry
	problem *Problem
}

// run reads the heads of the jobs' files on a few goroutines: the work is
// file I/O plus a little parsing, so it overlaps well. Order is kept.
func run(jobs []job) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(jobs), 2*runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e, p := fileEntry(jobs[i].path, jobs[i].abs, jobs[i].format, jobs[i].sniff, jobs[i].walked)
				if p != nil {
					jobs[i].problem = p
				} else {
					jobs[i].entry = &e
				}
			}
		}()
	}
	for i := range jobs {
		if jobs[i].entry == nil && jobs[i].problem == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
}

// stdinEntry reads all of stdin (it cannot be read twice) and parses it lazily.
func stdinEntry(r io.Reader) (Entry, *Problem) {
	if r == nil {
		return Entry{}, &Problem{Path: Stdin, Reason: "no standard input"}
	}
	return memoryEntry(Stdin, r, nil)
}

// memoryEntry makes an entry of data held in memory (stdin, samples); when
// r is not nil the data is read from it first, bounded by maxSize.
func memoryEntry(path string, r io.Reader, data []byte) (Entry, *Problem) {
	fail := func(why string) (Entry, *Problem) { return Entry{}, &Problem{Path: sanitize.Quote(path), Reason: why} }
	if r != nil {
		var err error
		if data, err = readLimited(r); err != nil {
			return fail(reason(err))
		}
	}
	if len(data) == 0 {
		return fail("empty input")
	}
	f, known := formatOf(path)
	if !known {
		f = sniff(data)
	}
	head := data[:min(len(data), headSize)]
	meta, why := headMeta(f, string(head), int64(len(data)))
	if why != "" {
		return fail(why)
	}
	meta.Path = path
	if meta.Title == "" {
		meta.Title = titleFromPath(path)
	}
	return Entry{Meta: meta, Name: path, load: func() (model.Article, error) { return loadBytes(f, data, path, path) }}, nil
}

// SortEntries orders newest first, undated last, stable otherwise.
func SortEntries(es []Entry) {
	newer := func(a, b Entry) int {
		da, db := a.Meta.Date, b.Meta.Date
		if da.IsZero() != db.IsZero() {
			if da.IsZero() {
				return 1
			}
			return -1
		}
		return db.Compare(da)
	}
	// Entries are large to move: leave a list already in order as it is,
	// else sort their indices and move each entry once.
	if slices.IsSortedFunc(es, newer) {
		return
	}
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return newer(es[a], es[b]) })
	was := slices.Clone(es)
	for i, j := range order {
		es[i] = was[j]
	}
}
