// Package articles loads and normalises articles: files, folders, stdin,
// feeds, URLs and the embedded samples. Everything from outside passes its
// sanitiser before it reaches a model.Article.
//
// It imports model (and store, for the feed cache); never annotate, notes,
// ui or a charm UI library.
package articles

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"newsmark/model"
)

// Entry is one article in a library. Meta is known at once (Body may be
// empty); Load reads and parses the whole article when it is opened.
type Entry struct {
	Meta model.Article
	load func() (model.Article, error)
}

// Load returns the full article.
func (e Entry) Load() (model.Article, error) {
	if e.load == nil {
		return e.Meta, nil
	}
	return e.load()
}

// Problem is an input that gave no article, with a one-line reason.
type Problem struct {
	Path   string
	Reason string
}

func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Library is what a set of inputs gave: the articles and the inputs that failed.
type Library struct {
	Entries  []Entry
	Problems []Problem
}

// Open loads paths (files, folders, "-" for stdin).
// SKELETON: replaced by the loader work of issue 2.
func Open(paths []string, stdin io.Reader) Library {
	var lib Library
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			lib.Problems = append(lib.Problems, Problem{p, err.Error()})
			continue
		}
		body := Sanitize(string(b))
		sum := sha256.Sum256(b)
		a := model.Article{ID: hex.EncodeToString(sum[:8]), Title: filepath.Base(p), Path: p, Body: body}
		lib.Entries = append(lib.Entries, Entry{Meta: a})
	}
	return lib
}
