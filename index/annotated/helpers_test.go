package annotated

import (
	"path/filepath"
	"testing"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/model"
	"newsmark/segment"
	"newsmark/store"
)

// version is the annotator version these tests index with.
const version = "test-1"

// openIndex opens an index in a fresh database with the real annotator.
func openIndex(t testing.TB) (*index.Index, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return index.New(db, version, annotate.Article), db
}

// article makes an article of plain text as the loader does: paragraphs
// and sentences segmented.
func article(id, title, body string) model.Article {
	return model.Article{ID: id, Title: title, Body: body, Paragraphs: segment.Paragraphs(body), Sentences: segment.Sentences(body)}
}
