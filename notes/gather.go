package notes

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"newsmark/model"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// Loader yields the articles at a path (a file, a folder, or "-" for
// standard input) as they load, and an error, naming the input, for each
// input or article that gave none. The caller passes the loader (articles
// lives above notes).
type Loader func(path string) iter.Seq2[model.Article, error]

// ErrNothingToExport is an export that found no highlight to write.
var ErrNothingToExport = errors.New("no highlights to export")

// Export gathers the docs of one export, each article once: `newsmark
// export` and the reader's x both go through it, so that an article exports
// the same way from either. A loaded article's highlights are placed on its
// current text and it carries its annotations; stored highlights of an
// article that cannot be loaded export from what they remember. Writing
// goes through Write or WriteFile.
type Export struct {
	notes    *Notes
	load     Loader
	annotate func(model.Article) model.Annotations
	// Warn hears of each input or article that could not be loaded; the
	// export goes on without it. Nil ignores them.
	Warn  func(error)
	docs  []Doc
	seen  map[string]bool // article IDs already exported
	count int
}

// NewExport starts an export of the highlights in n. load opens the paths
// Add is given (nil: every target is a stored article's ID, URL or path);
// annotate gives a loaded article's annotations (nil: none).
func NewExport(n *Notes, load Loader, annotate func(model.Article) model.Annotations) *Export {
	return &Export{notes: n, load: load, annotate: annotate, seen: map[string]bool{}}
}

// Docs are the docs gathered so far, in the order they were added.
func (x *Export) Docs() []Doc { return x.docs }

// Highlights is how many highlights the docs hold.
func (x *Export) Highlights() int { return x.count }

// Add exports one target: a path to load (a file or folder that exists, or
// "-"), else the stored highlights of the article with that ID, URL or path.
func (x *Export) Add(ctx context.Context, target string) error {
	if _, err := os.Stat(target); x.load != nil && (err == nil || target == "-") {
		for a, err := range x.load(target) {
			if err != nil {
				x.warn(err)
				continue
			}
			if err := x.AddArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	}
	before := x.count
	if err := x.addStored(ctx, target); err != nil {
		return err
	}
	if x.count == before {
		return fmt.Errorf("%s: not a file, and no stored highlights have that article ID, URL or path", sanitize.Quote(target))
	}
	return nil
}

// AddAll exports every stored highlight.
func (x *Export) AddAll(ctx context.Context) error { return x.addStored(ctx, "") }

// AddArticle exports a loaded article's highlights, placed on its current
// text, with its annotations. An article without highlights adds nothing.
func (x *Export) AddArticle(ctx context.Context, a model.Article) error {
	if x.notes == nil {
		return errors.New("no notes database")
	}
	if x.seen[a.ID] {
		return nil
	}
	hs, err := x.notes.ForArticle(ctx, a)
	if err != nil {
		return err
	}
	if len(hs) == 0 {
		return nil
	}
	x.seen[a.ID] = true
	var ann model.Annotations
	if x.annotate != nil {
		ann = x.annotate(a)
	}
	x.docs = append(x.docs, Doc{Article: a, Annotations: ann, Highlights: hs})
	x.count += len(hs)
	return nil
}

// addStored exports stored highlights (all of them when key is empty, else
// those of the article with that ID, URL or path). An article whose file
// is still there is loaded again for its annotations; the others are
// exported from what their highlights remember.
func (x *Export) addStored(ctx context.Context, key string) error {
	if x.notes == nil {
		return errors.New("no notes database")
	}
	var hs []model.Highlight
	var err error
	if key == "" {
		hs, err = x.notes.All(ctx)
	} else {
		hs, err = x.notes.ByArticleID(ctx, key)
	}
	if err != nil {
		return err
	}
	for _, d := range Group(hs) {
		if a, ok := x.reload(d.Article); ok {
			before := x.count
			if err := x.AddArticle(ctx, a); err != nil {
				return err
			}
			if x.count > before || x.seen[a.ID] {
				continue
			}
		}
		if x.seen[d.Article.ID] {
			continue
		}
		x.seen[d.Article.ID] = true
		x.docs = append(x.docs, d)
		x.count += len(d.Highlights)
	}
	return nil
}

// reload loads an article again from its file, when it has one that is
// still there and it loads as one article.
func (x *Export) reload(a model.Article) (model.Article, bool) {
	if x.load == nil || a.Path == "" {
		return a, false
	}
	if fi, err := os.Stat(a.Path); err != nil || !fi.Mode().IsRegular() {
		return a, false
	}
	var full []model.Article
	for b, err := range x.load(a.Path) {
		if err != nil {
			return a, false
		}
		full = append(full, b)
	}
	if len(full) != 1 {
		return a, false
	}
	return full[0], true
}

func (x *Export) warn(err error) {
	if x.Warn != nil {
		x.Warn(err)
	}
}

// Write writes the docs gathered to w in format f; ErrNothingToExport when
// there are none.
func (x *Export) Write(w io.Writer, f Format) error {
	if x.count == 0 {
		return ErrNothingToExport
	}
	return Write(w, f, x.docs)
}

// WriteFile writes the docs gathered to path in format f through outfile
// (see WriteFile); ErrNothingToExport, and no file, when there are none.
func (x *Export) WriteFile(path string, f Format, o outfile.Options) error {
	if x.count == 0 {
		return ErrNothingToExport
	}
	return WriteFile(path, f, x.docs, o)
}

// WriteDir writes the docs gathered into folder dir, one Markdown note per
// article (see WriteDir), and returns the files written.
func (x *Export) WriteDir(dir string, o outfile.Options) ([]string, error) {
	if x.count == 0 {
		return nil, ErrNothingToExport
	}
	return WriteDir(dir, x.docs, o)
}
