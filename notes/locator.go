package notes

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"newsmark/model"
)

// A file is located by its absolute path (articles sets Path so), so its
// highlights are found again whatever folder newsmark is started from.
// Highlights saved before kept the path as it was typed ("a.txt",
// "../news/a.txt"), relative to a working folder nobody wrote down, so no
// migration can rewrite them. Instead they are adopted when their article is
// opened again:
//
//   - an unchanged file is found by its article ID (a hash of its text), as
//     always, and its highlights take the absolute path;
//   - a changed file looks for highlights under each relative form its path
//     could have been typed as (the path's tails, "a.txt", "dir/a.txt", …,
//     and the path relative to the current folder); those whose text is found
//     in the article are taken, with the absolute path and the new ID. Those
//     not found stay as they were: they may belong to another file of the same
//     name, and an edited file's orphans cannot be told from a stranger's.
//
// Without the file, `newsmark export /abs/a.txt` also finds highlights
// stored as the path relative to the current folder.

// relativeLocator reports whether l is a path as an older newsmark stored it:
// neither absolute nor a URL.
func relativeLocator(l string) bool {
	return l != "" && !filepath.IsAbs(l) && !strings.Contains(l, "://")
}

// typedForms are the relative paths the file at absolute path p may have
// been opened as from some folder: each tail of p, with and without "./";
// and, from the current folder, p relative to it.
func typedForms(p string) []string {
	if !filepath.IsAbs(p) {
		return nil
	}
	var out []string
	rest := filepath.Clean(p)
	for i := len(rest) - 1; i > 0; i-- {
		if rest[i] == filepath.Separator {
			tail := rest[i+1:]
			out = append(out, tail, "."+string(filepath.Separator)+tail)
		}
	}
	if len(rest) > 1 {
		out = append(out, rest[1:], "."+string(filepath.Separator)+rest[1:]) // typed from the root
	}
	return append(out, fromHere(p)...)
}

// fromHere is p relative to the current folder, as it would be typed there
// ("a.txt", "./a.txt", "../news/a.txt"), or nothing.
func fromHere(p string) []string {
	cwd, err := os.Getwd()
	if err != nil {
		return nil
	}
	return relativeTo(cwd, p)
}

// relativeTo is fromHere from folder cwd.
func relativeTo(cwd, p string) []string {
	if cwd == "" || !filepath.IsAbs(p) {
		return nil
	}
	rel, err := filepath.Rel(cwd, p)
	if err != nil || rel == "." {
		return nil
	}
	return []string{rel, "." + string(filepath.Separator) + rel}
}

// fileURL is the file:// URL of an absolute path, percent-encoded, which
// Obsidian and browsers open; a relative path stays as it is.
func fileURL(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// locatorLink is how an export points at an article: its URL, or its file
// as a file:// URL.
func locatorLink(a model.Article) string {
	if a.URL != "" {
		return a.URL
	}
	return fileURL(a.Path)
}
