package notes

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"newsmark/outfile"
	"newsmark/sanitize"
)

// A folder export (a daily sync into an Obsidian vault) writes one Markdown
// file per article. newsmark owns the front matter keys it writes and the
// part of the body between two marker comments; on the next export it
// replaces only those, so properties, tags and paragraphs the user added
// stay. A file without the markers is not newsmark's and is replaced only
// with the user's say.

// The marker comments around the part of a note newsmark owns. The begin
// marker carries the article's ID, so a file is only ever merged with the
// same article's export.
const (
	markerBegin = "<!-- newsmark:begin "
	markerEnd   = "<!-- newsmark:end -->"
)

// ownedKeys are the front matter keys newsmark writes; on re-export their
// values are replaced, every other key is the user's and is kept.
var ownedKeys = map[string]bool{"title": true, "source": true, "url": true, "date": true}

// WriteDir writes one Markdown file per doc into dir, named after the
// article's title, and returns the paths written. A file that an earlier
// export wrote is merged (see above); any other file in the way is left
// and reported unless o.Overwrite; a FIFO or device there is refused (the
// user named no stream). It stops at the first file it cannot
// write, keeping those written before.
func WriteDir(dir string, docs []Doc, o outfile.Options) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sanitize.Quote(dir), err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", sanitize.Quote(dir))
	}
	o.Merge = mergeNote
	o.FilesOnly = true // the names are ours: never wait on a FIFO found there
	used := map[string]bool{}
	var paths []string
	for _, d := range docs {
		path := filepath.Join(dir, noteFileName(dir, d, used))
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeFolderNote(w, d)
		w.Flush()
		if err := outfile.WriteBytes(path, o, b.Bytes()); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// noteFileName picks the file for d: its title's slug, or the slug with the
// article ID's first characters when another article already has that name
// (in this export, or a file an earlier export wrote for another article).
func noteFileName(dir string, d Doc, used map[string]bool) string {
	base := slug(d.Article.Title)
	if base == "" {
		base = "article"
	}
	name := base + ".md"
	if used[name] || ownedByOther(filepath.Join(dir, name), d.Article.ID) {
		name = base + "-" + idSuffix(d.Article.ID) + ".md"
	}
	used[name] = true
	return name
}

// ownedByOther reports whether path holds an export of another article.
// Only a regular file is read: opening a FIFO would wait for a writer.
func ownedByOther(path, id string) bool {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	got, ok := markedID(b)
	return ok && got != id
}

// idSuffix is a short file-name-safe form of an article ID.
func idSuffix(id string) string {
	s := slug(id)
	if len(s) > 8 {
		s = s[len(s)-8:]
	}
	if s == "" {
		s = "2"
	}
	return s
}

// writeFolderNote writes a note as WriteMarkdown does, with the body between
// the markers.
func writeFolderNote(w *bufio.Writer, d Doc) {
	writeFrontMatter(w, d)
	w.WriteString("\n")
	fmt.Fprintf(w, "%sid=%s -->\n", markerBegin, markerID(d.Article.ID))
	writeMarkdownBody(w, d)
	w.WriteString(markerEnd + "\n")
}

// markerID keeps an ID from closing the comment early.
func markerID(id string) string {
	return strings.NewReplacer("-->", "--&gt;", "\n", " ").Replace(sanitize.Line(id))
}

// markedID is the article ID in a note's begin marker.
func markedID(b []byte) (string, bool) {
	i := bytes.Index(b, []byte(markerBegin+"id="))
	if i < 0 {
		return "", false
	}
	rest := b[i+len(markerBegin)+3:]
	j := bytes.Index(rest, []byte(" -->"))
	if j < 0 {
		return "", false
	}
	return string(rest[:j]), true
}

// mergeNote is outfile's Merge for a folder note: the new export's owned
// part and owned front matter keys replace the old ones; everything else in
// old is kept where it was. A file with no markers, or markers of another
// article, is not ours.
func mergeNote(old, new []byte) ([]byte, error) {
	oldID, ok := markedID(old)
	newID, _ := markedID(new)
	if !ok || oldID != newID {
		return nil, outfile.ErrNotOurs
	}
	ob, oe, ok := ownedSpan(old)
	if !ok {
		return nil, outfile.ErrNotOurs
	}
	nb, ne, _ := ownedSpan(new)
	oldFM, oldRest := splitFrontMatter(old[:ob])
	newFM, _ := splitFrontMatter(new[:nb])
	var out bytes.Buffer
	out.Write(mergeFrontMatter(oldFM, newFM))
	out.Write(oldRest)
	out.Write(new[nb:ne])
	out.Write(old[oe:])
	return out.Bytes(), nil
}

// ownedSpan is the byte range of the marked part: from the begin marker to
// the end of the line holding the end marker.
func ownedSpan(b []byte) (start, end int, ok bool) {
	start = bytes.Index(b, []byte(markerBegin))
	if start < 0 {
		return 0, 0, false
	}
	rel := bytes.Index(b[start:], []byte(markerEnd))
	if rel < 0 {
		return 0, 0, false
	}
	end = start + rel + len(markerEnd)
	if end < len(b) && b[end] == '\n' {
		end++
	}
	return start, end, true
}

// splitFrontMatter splits the YAML front matter ("---" lines included) from
// what follows it; fm is empty when b does not start with front matter.
func splitFrontMatter(b []byte) (fm, rest []byte) {
	if !bytes.HasPrefix(b, []byte("---\n")) {
		return nil, b
	}
	i := bytes.Index(b[4:], []byte("\n---\n"))
	if i < 0 {
		return nil, b
	}
	end := 4 + i + len("\n---\n")
	return b[:end], b[end:]
}

// fmEntry is one top-level key of front matter with its lines (the key's
// line and any indented lines under it, such as a list's items).
type fmEntry struct {
	key   string
	lines []string
}

func parseFrontMatter(fm []byte) []fmEntry {
	s := strings.TrimSuffix(strings.TrimPrefix(string(fm), "---\n"), "---\n")
	var out []fmEntry
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t' || line[0] == '-') && len(out) > 0 {
			out[len(out)-1].lines = append(out[len(out)-1].lines, line)
			continue
		}
		key, _, _ := strings.Cut(line, ":")
		out = append(out, fmEntry{key: strings.TrimSpace(key), lines: []string{line}})
	}
	return out
}

// mergeFrontMatter keeps old's keys in their order: an owned key takes the
// new value (or goes, when the new export has none), tags are the union of
// the user's and the export's, and other keys stay; owned keys new to the
// file are added.
func mergeFrontMatter(oldFM, newFM []byte) []byte {
	if len(oldFM) == 0 {
		return newFM
	}
	olds, news := parseFrontMatter(oldFM), parseFrontMatter(newFM)
	byKey := map[string]fmEntry{}
	for _, e := range news {
		byKey[e.key] = e
	}
	done := map[string]bool{}
	var lines []string
	for _, e := range olds {
		switch {
		case e.key == "tags":
			lines = append(lines, mergeTags(e, byKey["tags"])...)
		case ownedKeys[e.key]:
			if n, ok := byKey[e.key]; ok {
				lines = append(lines, n.lines...)
			}
		default:
			lines = append(lines, e.lines...)
		}
		done[e.key] = true
	}
	for _, e := range news {
		if !done[e.key] {
			lines = append(lines, e.lines...)
		}
	}
	return []byte("---\n" + strings.Join(lines, "\n") + "\n---\n")
}

// mergeTags lists the user's tags, then the export's that are not among them.
func mergeTags(old, new fmEntry) []string {
	var items []string
	seen := map[string]bool{}
	add := func(e fmEntry) {
		for _, l := range tagLines(e) {
			item := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "-"))
			if item != "" && !seen[item] {
				seen[item] = true
				items = append(items, l)
			}
		}
	}
	add(old)
	if len(new.lines) > 0 {
		add(new)
	}
	if len(items) == 0 {
		return []string{"tags: []"}
	}
	return append([]string{"tags:"}, items...)
}

// tagLines are a tags entry's items as "  - tag" lines, whether written as
// a block list or inline ("tags: [a, b]" or "tags: a").
func tagLines(e fmEntry) []string {
	if len(e.lines) > 1 {
		return e.lines[1:]
	}
	_, v, _ := strings.Cut(e.lines[0], ":")
	v = strings.TrimSpace(v)
	v = strings.TrimSuffix(strings.TrimPrefix(v, "["), "]")
	var out []string
	for _, t := range strings.Split(v, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, "  - "+t)
		}
	}
	return out
}

// IsDirTarget reports whether an export's -o names a folder: it ends in a
// path separator or is an existing folder.
func IsDirTarget(path string) bool {
	if strings.HasSuffix(path, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// ErrDirFormat is the refusal of a folder export in a format other than
// Markdown.
var ErrDirFormat = errors.New("a folder export writes Markdown (one file per article); give a file name for JSON or CSV")
