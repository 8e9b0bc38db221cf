package notes

import (
	"bytes"
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/model"
)

// TestExportGathers: a loaded article exports once, with its highlights
// placed on its current text and its annotations; a path that gives no
// article is a warning; a stored article that cannot be loaded exports from
// what its highlights remember; an export of nothing is ErrNothingToExport.
func TestExportGathers(t *testing.T) {
	ctx := context.Background()
	n, _, _ := openNotes(t)
	a := sampleArticle()
	a.Path = filepath.Join(t.TempDir(), "harbor.txt")
	if err := os.WriteFile(a.Path, []byte(a.Body), 0o644); err != nil {
		t.Fatal(err)
	}
	addHighlight(t, n, a, "Meridian will invest $400 million for a 60% stake", "stake")
	gone := model.Article{ID: "gone", Title: "A story no longer on disk", Path: "/nowhere/gone.txt", Body: "Ferris Mills closed its plant."}
	addHighlight(t, n, gone, "Ferris Mills closed its plant.", "")

	// The text changed since: the highlight is found again, further on.
	edited := a
	edited.Body = "An update.\n\n" + a.Body
	load := func(path string) iter.Seq2[model.Article, error] {
		return func(yield func(model.Article, error) bool) {
			if path == a.Path {
				yield(edited, nil)
				return
			}
			yield(model.Article{}, errors.New(path+": no such file or directory"))
		}
	}
	annotated := 0
	annotate := func(model.Article) model.Annotations {
		annotated++
		return model.Annotations{Ventures: []model.Venture{{Kind: model.JointVenture, Parties: []string{"Harbor", "Meridian"}}}}
	}
	var warned []string
	x := NewExport(n, load, annotate)
	x.Warn = func(err error) { warned = append(warned, err.Error()) }

	var buf bytes.Buffer
	if err := x.Write(&buf, Markdown); !errors.Is(err, ErrNothingToExport) || buf.Len() > 0 {
		t.Fatalf("empty export: %v, wrote %q", err, buf.String())
	}
	for _, target := range []string{a.Path, a.Path, "-"} {
		if err := x.Add(ctx, target); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.AddAll(ctx); err != nil {
		t.Fatal(err)
	}
	docs := x.Docs()
	if len(docs) != 2 || x.Highlights() != 2 {
		t.Fatalf("%d docs, %d highlights; want the loaded article and the gone one once each", len(docs), x.Highlights())
	}
	h := docs[0].Highlights[0]
	if docs[0].Article.Body != edited.Body || h.Start != len("An update.\n\n")+strings.Index(a.Body, "Meridian will") || h.Orphan {
		t.Errorf("the loaded article's highlight is not placed on its current text: %+v", h)
	}
	if len(docs[0].Annotations.Ventures) != 1 || annotated != 1 {
		t.Errorf("annotations %+v, annotated %d times", docs[0].Annotations, annotated)
	}
	if docs[1].Article.Title != gone.Title || docs[1].Article.Body != "" {
		t.Errorf("the gone article exports as %+v", docs[1].Article)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "-: no such file") {
		t.Errorf("warnings %q", warned)
	}
	if err := x.Add(ctx, "no-such-key"); err == nil || !strings.Contains(err.Error(), "no stored highlights") {
		t.Errorf("unknown key: %v", err)
	}
	if err := x.Write(&buf, Markdown); err != nil || !strings.Contains(buf.String(), "### Joint venture: Harbor + Meridian") {
		t.Fatalf("write: %v\n%s", err, buf.String())
	}
}

// An export target that is neither a file nor a stored article is named
// in the error on one line, its escapes quoted (it may come from a glob).
func TestExportUnknownTargetIsQuoted(t *testing.T) {
	n, _, _ := openNotes(t)
	x := NewExport(n, nil, nil)
	err := x.Add(context.Background(), "gone\x1b]0;PWNED\x07\n.md")
	if err == nil {
		t.Fatal("no error")
	}
	if msg := err.Error(); strings.ContainsAny(msg, "\x1b\x07\n") || !strings.Contains(msg, `\x1b`) {
		t.Errorf("message %q", msg)
	}
}
