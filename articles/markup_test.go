package articles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/model"
)

// TestMarkdownMarkup: headings, emphasis, code and links are kept beside
// the plain body as spans over it, numbered links matching Article.Links,
// and a paragraph dropped as title, byline or update note takes its markup
// with it; a dateline cut off a paragraph moves its markup.
func TestMarkdownMarkup(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/structure.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := loadBytes(formatMarkdown, b, "structure.md", "structure.md")
	if err != nil {
		t.Fatal(err)
	}
	type mk struct {
		kind model.MarkupKind
		n    int
		text string
	}
	want := []mk{
		{model.MarkupStrong, 0, "Tidewater Logistics AS"},
		{model.MarkupEmphasis, 0, "Brisk Orchard Ltd."},
		{model.MarkupLink, 1, "filing"},
		{model.MarkupHeading, 2, "The deal in numbers"},
		{model.MarkupLink, 2, "deal"},
		{model.MarkupCode, 0, "BRK-TW"},
		{model.MarkupLink, 3, "https://example.com/terms"},
		{model.MarkupStrong, 0, "two berths"},
		{model.MarkupEmphasis, 0, "two berths"},
		{model.MarkupLink, 4, "its cold store"},
		// A code block with a blank line is two paragraphs of the body.
		{model.MarkupCode, 0, "capex  2026  NOK 1.4bn"},
		{model.MarkupCode, 0, "capex  2027  NOK 0.9bn"},
	}
	var got []mk
	for _, m := range a.Markup {
		got = append(got, mk{m.Kind, m.N, a.Body[m.Start:m.End]})
	}
	if len(got) != len(want) {
		t.Fatalf("markup:\n got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("markup %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	wantLinks := []model.Link{
		{Text: "filing", URL: "https://example.com/filing"},
		{Text: "deal", URL: "https://example.com/deal"},
		{Text: "https://example.com/terms", URL: "https://example.com/terms"},
		{Text: "its cold store", URL: "https://example.com/cold"},
	}
	if len(a.Links) != len(wantLinks) {
		t.Fatalf("links: got %q, want %q (the anchor #notes is no link)", a.Links, wantLinks)
	}
	for i := range wantLinks {
		if a.Links[i] != wantLinks[i] {
			t.Errorf("link %d: got %q, want %q", i+1, a.Links[i], wantLinks[i])
		}
	}
	// The body is plain text: no Markdown syntax, the dateline and the
	// heading, byline and update note taken out.
	for _, s := range []string{"**", "](", "`", "HALDEN", "By Mara", "Updates with", "# "} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds %q:\n%s", s, a.Body)
		}
	}
	if !strings.HasPrefix(a.Body, "Tidewater Logistics AS and Brisk Orchard Ltd. said on Monday") {
		t.Errorf("body starts %q", a.Body[:min(60, len(a.Body))])
	}
}

// TestMarkupSpansAreSound: in every Markdown and HTML input, each span lies
// on rune boundaries inside the body, sorted, and each link's span is the
// text of the link its number names.
func TestMarkupSpansAreSound(t *testing.T) {
	t.Parallel()
	inputs := map[string]format{"testdata/structure.md": formatMarkdown, "testdata/article.md": formatMarkdown, "testdata/page.html": formatHTML}
	samples, _ := filepath.Glob("samples/*.md")
	for _, s := range samples {
		inputs[s] = formatMarkdown
	}
	for path, f := range inputs {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := loadBytes(f, b, path, path)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Markup) == 0 {
			t.Errorf("%s: no markup", path)
		}
		last := 0
		for _, m := range a.Markup {
			if m.Start < last || m.Start >= m.End || m.End > len(a.Body) ||
				!utf8.RuneStart(a.Body[m.Start]) || m.End < len(a.Body) && !utf8.RuneStart(a.Body[m.End]) {
				t.Errorf("%s: bad span %+v in a body of %d bytes", path, m, len(a.Body))
			}
			last = m.Start
			if m.Kind == model.MarkupLink {
				if m.N < 1 || m.N > len(a.Links) {
					t.Errorf("%s: link number %d of %d links", path, m.N, len(a.Links))
				} else if a.Links[m.N-1].Text != a.Body[m.Start:m.End] {
					t.Errorf("%s: link %d is %q in the body, %q in Links", path, m.N, a.Body[m.Start:m.End], a.Links[m.N-1].Text)
				}
			}
		}
	}
}

// TestHeadingLinkCountedOnce: a link in the heading that becomes the title
// was listed twice.
func TestHeadingLinkCountedOnce(t *testing.T) {
	t.Parallel()
	a := parseMarkdown("# Orrin buys [Vale](https://example.com/vale)\n\nOrrin Corp. bought Vale Ltd. on Friday.\n")
	if len(a.Links) != 1 || a.Title != "Orrin buys Vale" {
		t.Errorf("title %q, links %q", a.Title, a.Links)
	}
}
