package articles

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/sanitize"
	"newsmark/segment"
)

const (
	// maxSize is the largest input accepted; bigger files are refused.
	maxSize = 64 << 20
	// headSize bounds what Open reads of a file for its metadata; a file
	// that fits is read whole, a bigger one is read in full only by Load.
	headSize = 64 << 10
)

// format is how an input is parsed.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
)

// formatOf returns the format for a file name's extension, and whether the
// extension is one a folder walk picks up.
func formatOf(name string) (format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return formatText, true
	case ".md", ".markdown":
		return formatMarkdown, true
	case ".html", ".htm":
		return formatHTML, true
	}
	return formatText, false
}

// sniff guesses the format of data with no telling extension (stdin, an
// extensionless file): front matter means Markdown, a leading tag HTML.
func sniff(data []byte) format {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if bytes.HasPrefix(t, []byte("---\n")) || bytes.HasPrefix(t, []byte("---\r\n")) {
		return formatMarkdown
	}
	if len(t) > 0 && t[0] == '<' {
		head := bytes.ToLower(t[:min(len(t), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div"} {
			if bytes.Contains(head, []byte(tag)) {
				return formatHTML
			}
		}
	}
	return formatText
}

// binaryReason says why data is not text, or "" if it is. UTF-16 with a
// byte-order mark is text (decode converts it).
func binaryReason(data string) string {
	if hasUTF16BOM(data) {
		return ""
	}
	if strings.IndexByte(data, 0) >= 0 {
		return "binary file (NUL bytes)"
	}
	// Count control bytes and bytes that are not UTF-8; the last few bytes
	// may be a rune cut by a bounded read.
	n := len(data) - utf8.UTFMax
	bad := 0
	for i := 0; i < n; {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(data[i:])
		if r == utf8.RuneError && sz == 1 {
			bad++
		}
		i += sz
	}
	if n >= 64 && bad*100 > n*15 {
		return "binary file (not text)"
	}
	return ""
}

func hasUTF16BOM(b string) bool {
	return len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
}

// decode turns raw bytes into sanitised, valid UTF-8 text.
func decode(data string) string {
	if hasUTF16BOM(data) {
		be := data[0] == 0xfe
		u := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			if be {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		return sanitize.Text(string(utf16.Decode(u)))
	}
	return sanitize.Text(data)
}

// contentID is the ID of an article without a URL: a SHA-256 prefix of its
// first headSize bytes, plus its length when it is longer, so that Open
// (which reads only that much) and Load agree.
func contentID(data string, size int64) string {
	h := sha256.New()
	// Through a small buffer: []byte(head) would be 64 KB of fresh memory.
	var buf [4 << 10]byte
	for head := data[:min(len(data), headSize)]; head != ""; {
		n := copy(buf[:], head)
		h.Write(buf[:n])
		head = head[n:]
	}
	if size > headSize {
		h.Write([]byte(strconv.FormatInt(size, 10)))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// parse parses sanitised text of a format. pageURL is for HTML.
func parse(f format, text string) (model.Article, error) {
	switch f {
	case formatMarkdown:
		return parseMarkdown(text), nil
	case formatHTML:
		return parseHTML([]byte(text), "")
	}
	return parseText(text), nil
}

// article parses raw bytes (held in a string) into a complete article:
// sanitised, segmented, with its ID and path set.
func article(f format, raw string, path string) (model.Article, error) {
	// One scan for the usual input: text sanitize.Text would leave as it is can
	// be no binary file either, and is its own decoded form (no copy).
	text := raw
	if !sanitize.IsClean(raw) {
		if reason := binaryReason(raw); reason != "" {
			return model.Article{}, errors.New(reason)
		}
		text = decode(raw)
	}
	if strings.TrimSpace(text) == "" {
		return model.Article{}, errors.New("empty file")
	}
	a, err := parse(f, text)
	if err != nil {
		return model.Article{}, err
	}
	if strings.TrimSpace(a.Body) == "" {
		return model.Article{}, errors.New("no article text")
	}
	// Plain text's body is paragraphs of the sanitised text, one blank line
	// apart: sanitised already, unless it opens with what Text drops only
	// at the start (a byte-order mark). Markup's may hold characters its
	// entities decoded to.
	clean := f == formatText && !strings.HasPrefix(a.Body, "\ufeff")
	finish(&a, raw, int64(len(raw)), path, clean)
	if a.Title == "" {
		a.Title = titleFromPath(a.Path)
	}
	if len(text) >= detachFrom {
		detach(&a)
	}
	Segment(&a)
	return a, nil
}

// detachFrom is the text size from which article gives the metadata strings
// memory of their own (detach).
const detachFrom = 64 << 10

// detach copies a's metadata strings out of the text they were parsed from.
// A title or credit line is a slice of that text, and would keep all of it
// (the file as read) alive beside a body that is a join of its paragraphs:
// a second copy of a long text for as long as the article lives.
func detach(a *model.Article) {
	for _, s := range []*string{&a.Title, &a.Caption, &a.Source, &a.URL} {
		*s = strings.Clone(*s)
	}
	for _, list := range [][]string{a.Authors, a.Contributors, a.Tags} {
		for i := range list {
			list[i] = strings.Clone(list[i])
		}
	}
	for i := range a.Links {
		a.Links[i].Text = strings.Clone(a.Links[i].Text)
		a.Links[i].URL = strings.Clone(a.Links[i].URL)
	}
}

// Segment sets the paragraph and sentence spans of a's body.
func Segment(a *model.Article) {
	a.Paragraphs = segment.Paragraphs(a.Body)
	a.Sentences = segment.Sentences(a.Body)
}

// Finish makes an article parsed from outside (a web page) ready to show:
// every field sanitised, the ID set from its URL, else from raw, the bytes
// it was parsed from. The body is not segmented yet (see Segment).
func Finish(a *model.Article, raw []byte) {
	// The ID hashes only the head, as for a file.
	finish(a, string(raw[:min(len(raw), headSize)]), int64(len(raw)), a.Path, false)
}

// finish sets the ID and path and sanitises every field that came from
// outside (entity references decoded by the Markdown and HTML parsers can
// produce control characters again); the body only if bodyClean is not set
// (it is megabytes long, and sanitising reads it all).
func finish(a *model.Article, raw string, size int64, path string, bodyClean bool) {
	a.Path = path // not sanitised, to reopen it; every display of it quotes it (sanitize.Quote)
	a.Title = sanitize.Line(a.Title)
	a.Caption = sanitize.Line(a.Caption)
	a.Source = sanitize.Line(a.Source)
	a.URL = sanitize.Line(a.URL)
	if !bodyClean {
		if body := sanitize.Text(a.Body); body != a.Body {
			// Bytes were taken out: the markup's offsets no longer hold, and
			// the text matters more than its styling.
			a.Body, a.Markup = body, nil
		}
	}
	for _, list := range [][]string{a.Authors, a.Contributors, a.Tags} {
		for i := range list {
			list[i] = sanitize.Line(list[i])
		}
	}
	for i := range a.Links {
		a.Links[i].Text = sanitize.Line(a.Links[i].Text)
		a.Links[i].URL = sanitize.Line(a.Links[i].URL)
	}
	if a.URL != "" {
		a.ID = a.URL
	} else {
		a.ID = contentID(raw, size)
	}
}

// readLimited reads all of r, refusing more than maxSize bytes.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSize {
		return nil, errors.New("larger than 64 MiB") // a stream: its size is unknown
	}
	return data, nil
}

// tooLarge is the reason given for a file over maxSize.
func tooLarge(size int64) string {
	// Near the limit a rounded size would read like the limit itself.
	if size-maxSize < 1<<20 {
		return fmt.Sprintf("larger than 64 MiB (%d bytes, %d over)", size, size-maxSize)
	}
	return fmt.Sprintf("larger than 64 MiB (%.1f MiB)", float64(size)/(1<<20))
}

// reason turns a file-system error into a one-line human reason.
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
	return sanitize.Line(err.Error())
}

// loadFile reads and parses a whole file; Entry.Load calls it. name is the
// path as given, which messages show; path (absolute) is read and becomes
// the article's Path.
func loadFile(name, path string, f format) (model.Article, error) {
	// The entry was a regular file when listed; never wait on what may
	// have taken its place.
	file, err := openNoWait(path)
	if err != nil {
		return model.Article{}, fmt.Errorf("%s: %s", sanitize.Quote(name), reason(err))
	}
	defer file.Close()
	if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
		// Read straight into a string of the known size: io.ReadAll would
		// grow and copy its way up to a 50 MB file, and a []byte would be
		// copied again to become the text.
		if st.Size() > maxSize {
			return model.Article{}, fmt.Errorf("%s: %s", sanitize.Quote(name), tooLarge(st.Size()))
		}
		var b strings.Builder
		b.Grow(int(st.Size()))
		// A file that shrank since Stat gives what it holds, like ReadFull.
		if _, err := io.CopyN(&b, file, st.Size()); err != nil && !errors.Is(err, io.EOF) {
			return model.Article{}, fmt.Errorf("%s: %s", sanitize.Quote(name), reason(err))
		}
		return loadString(f, b.String(), name, path)
	} else if err == nil {
		return model.Article{}, fmt.Errorf("%s: %s", sanitize.Quote(name), kindReason(st.Mode().Type()))
	}
	data, err := readLimited(file)
	if err != nil {
		return model.Article{}, fmt.Errorf("%s: %s", sanitize.Quote(name), reason(err))
	}
	return loadBytes(f, data, name, path)
}

// loadBytes parses a whole input held in memory, which stays unchanged (an
// entry may be loaded again).
func loadBytes(f format, data []byte, name, path string) (model.Article, error) {
	return loadString(f, string(data), name, path)
}

// loadString parses a whole input into an article with Path path; its error
// is one sanitised line naming the input as given (name).
func loadString(f format, data string, name, path string) (model.Article, error) {
	a, err := article(f, data, path)
	if err != nil {
		return model.Article{}, errors.New(sanitize.Quote(name) + ": " + sanitize.Line(err.Error()))
	}
	return a, nil
}

// fileEntry reads a file's head and returns its library entry, or a problem.
// A file found by a folder walk (walked) is read only if it is a regular
// file; one named on the command line may also be a pipe or a terminal.
// path is as given (problems name it); abs, its absolute form, is the
// article's Path.
func fileEntry(path, abs string, f format, sniffFormat, walked bool) (Entry, *Problem) {
	fail := func(why string) (Entry, *Problem) {
		return Entry{}, &Problem{Path: sanitize.Quote(path), Reason: why}
	}
	open := os.Open
	if walked {
		open = openNoWait
	}
	file, err := open(path)
	if err != nil {
		return fail(reason(err))
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return fail(reason(err))
	}
	if walked {
		if why := kindReason(st.Mode().Type()); why != "" {
			return fail(why)
		}
	}
	if st.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0 {
		// A pipe such as bash's <(curl …) or /dev/stdin: read it like stdin.
		return memoryEntry(path, file, nil)
	}
	if !st.Mode().IsRegular() {
		return fail("not a regular file")
	}
	size := st.Size()
	switch {
	case size > maxSize:
		return fail(tooLarge(size))
	case size == 0:
		return fail("empty file")
	}
	// Straight into a string: the head is kept as text, not copied.
	var b strings.Builder
	b.Grow(int(min(size, headSize)))
	if _, err := io.CopyN(&b, file, min(size, headSize)); err != nil && !errors.Is(err, io.EOF) {
		return fail(reason(err))
	}
	head := b.String()
	if sniffFormat {
		f = sniff([]byte(head))
	}
	meta, why := headMeta(f, head, size)
	if why != "" {
		return fail(why)
	}
	meta.Path = abs
	if meta.Title == "" {
		meta.Title = titleFromPath(meta.Path)
	}
	return Entry{Meta: meta, Name: path, load: func() (model.Article, error) { return loadFile(path, abs, f) }}, nil
}

// headMeta parses the metadata of an input from its first bytes (the whole
// input when size <= headSize) and returns a reason when it is no article.
func headMeta(f format, head string, size int64) (model.Article, string) {
	// Text sanitize would leave as it is is no binary file either (one
	// 8-bytes-at-a-time scan, as Load does): a folder's heads are read
	// while the library is on screen.
	clean := sanitize.IsClean(head)
	if !clean {
		if why := binaryReason(head); why != "" {
			return model.Article{}, why
		}
	}
	raw := head // the ID hashes the bytes as read, like Load does
	complete := int64(len(head)) >= size
	if !complete {
		// Cut at a line end so no half line is taken for a header or title.
		if i := strings.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i]
		}
	}
	text := head
	if !clean {
		text = decode(head)
	}
	if strings.TrimSpace(text) == "" && complete {
		return model.Article{}, "empty file (only whitespace)"
	}
	var a model.Article
	if f == formatHTML {
		// Open stays fast: the <head> is enough for the library list.
		a = htmlHead([]byte(text)).article()
	} else {
		var err error
		if a, err = parse(f, text); err != nil {
			return model.Article{}, err.Error()
		}
		if complete && strings.TrimSpace(a.Body) == "" {
			return model.Article{}, "no article text"
		}
	}
	a.Body, a.Links, a.Markup = "", nil, nil
	finish(&a, raw, size, "", false)
	return a, ""
}

// titleFromPath is the last resort title: the file name without extension.
func titleFromPath(path string) string {
	base := filepath.Base(path)
	return sanitize.Line(strings.TrimSuffix(base, filepath.Ext(base)))
}
