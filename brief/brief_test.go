package brief

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/model"
	"newsmark/segment"
	"newsmark/store"
)

// stories written for these tests: a deal told by two outlets, a result
// with the chief executive quoted, an analyst's view, and older news.
var stories = []struct {
	id, title, source, date, path, url, body string
}{
	{"b1", "Brightwater and Kovacs form cold-storage venture", "Market Herald", "2026-05-12T08:00:00Z", "/news/b1.txt", "",
		"Brightwater Foods Plc agreed to form a joint venture with Kovacs Logistics SA to run warehouses in Hungary, the companies said on Monday.\n\n" +
			"The venture will cost $300 million.\n\n" +
			"\u201cCold chains decide who wins in fresh food,\u201d Brightwater chief executive Mara Quint said.\n"},
	{"b2", "Kovacs teams up with Brightwater", "The Courier Post", "2026-05-12T15:00:00Z", "", "https://courier.example/b2",
		"Kovacs Logistics SA is teaming up with Brightwater Foods Plc in a $300 million joint venture in Hungary, people familiar with the matter said.\n\n" +
			"\u201cBrightwater Foods is paying a fair price,\u201d said Ivo Brandt, an analyst at Quill Capital LLC.\n"},
	{"b3", "Alder Grid results", "Northern Ledger", "2026-05-12T18:00:00Z", "", "https://ledger.example/b3",
		"Alder Grid Inc. reported a profit on Tuesday as power prices rose.\n"},
	{"b4", "Old Brightwater news", "Market Herald", "2026-04-01T08:00:00Z", "", "https://herald.example/b4",
		"Brightwater Foods Plc opened a store in Leeds.\n"},
}

func openLibrary(t *testing.T) *index.Index {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix := index.New(db, "brief-test", annotate.Article)
	var as []model.Article
	for _, s := range stories {
		d, _ := time.Parse(time.RFC3339, s.date)
		as = append(as, model.Article{ID: s.id, Title: s.title, Source: s.source, Date: d, Path: s.path, URL: s.url, Body: s.body,
			Paragraphs: segment.Paragraphs(s.body), Sentences: segment.Sentences(s.body)})
	}
	if _, err := ix.AddArticles(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	return ix
}

// The brief of a day: its deal (one row for both outlets' reports, linked
// to the newest), the companies most named, what the followed company
// said and what was said of it, and the day's highlights with their notes;
// every line links to its story.
func TestBriefMarkdown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openLibrary(t)
	page, _ := ix.FindCompany(ctx, "Brightwater Foods")
	if len(page) != 1 {
		t.Fatalf("Brightwater: %+v", page)
	}
	ix.Follow(ctx, page[0].Company, "Brightwater Foods")
	ix.Follow(ctx, "L:nobody ltd", "Nobody Ltd")
	day := index.Period{Since: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 5, 13, 0, 0, 0, 0, time.UTC)}
	hs := []model.Highlight{
		{Text: "Cold chains decide who wins", Note: "the *whole* thesis", Title: "Brightwater and Kovacs form cold-storage venture",
			Locator: "/news/b1.txt", Created: day.Since.Add(9 * time.Hour)},
		{Text: "an old highlight", Title: "Old", Locator: "https://herald.example/b4", Created: day.Since.AddDate(0, -1, 0)},
	}
	b, err := Gather(ctx, ix, hs, day)
	if err != nil {
		t.Fatal(err)
	}
	md := b.Markdown()
	for _, want := range []string{
		"# Brief: from Tue 12 May 2026 00:00 to Wed 13 May 2026 00:00",
		"3 stories in the period.",
		"## Deals (1)",
		"- **Joint venture** · Brightwater Foods Plc, Kovacs Logistics SA · $300 million · 2 sources · [Kovacs teams up with Brightwater](<https://courier.example/b2>) (The Courier Post, 2026-05-12)",
		"1. **Brightwater Foods Plc** · 2 stories · newest: [Kovacs teams up with Brightwater](<https://courier.example/b2>)",
		"### Brightwater Foods\n\nNamed in 2 stories.",
		"- said: “Cold chains decide who wins in fresh food” — chief executive Mara Quint · [Brightwater and Kovacs form cold-storage venture](<file:///news/b1.txt>)",
		"- about it: “Brightwater Foods is paying a fair price” — Ivo Brandt · [Kovacs teams up with Brightwater](<https://courier.example/b2>)",
		"### Nobody Ltd\n\nNo story of the period names it.",
		"## Your highlights and notes (1)",
		"- “Cold chains decide who wins” · [Brightwater and Kovacs form cold-storage venture](<file:///news/b1.txt>)\n  - note: the \\*whole\\* thesis",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the brief lacks\n%s\n---\n%s", want, md)
		}
	}
	if strings.Contains(md, "an old highlight") || strings.Contains(md, "Leeds") {
		t.Errorf("the brief holds what is older than its period:\n%s", md)
	}
	// An empty period says so in each section.
	b, _ = Gather(ctx, ix, nil, index.Period{Since: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)})
	md = b.Markdown()
	for _, want := range []string{"0 stories in the period.", "No deal was reported in the period.",
		"No story of the period names a company.", "No highlight or note in the period."} {
		if !strings.Contains(md, want) {
			t.Errorf("the empty brief lacks %q:\n%s", want, md)
		}
	}
}

// A company page as Markdown: its people with their roles, its deal, the
// quotes by and about it, and its stories with their sentences, linked.
func TestCompanyMarkdown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openLibrary(t)
	m, _ := ix.FindCompany(ctx, "Brightwater")
	page, ok, err := ix.CompanyPage(ctx, m[0].Company, index.PageOptions{})
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	md := CompanyMarkdown(page)
	for _, want := range []string{
		"# Brightwater Foods Plc\n\nNamed in 3 stories, first seen 2026-04-01, last seen 2026-05-12.",
		"## People (1)\n\nRoles: from the text.\n\n- **chief executive Mara Quint** · 1 story · [Brightwater and Kovacs form cold-storage venture](<file:///news/b1.txt>)",
		"## Deals (1)",
		"## Quotes by it and its people (1)",
		"## Quotes about it (1)",
		"## Stories (3)\n\n- 2026-05-12 · [Kovacs teams up with Brightwater](<https://courier.example/b2>) (The Courier Post): Kovacs Logistics SA is teaming up with Brightwater Foods Plc",
		"- 2026-04-01 · [Old Brightwater news](<https://herald.example/b4>) (Market Herald): Brightwater Foods Plc opened a store in Leeds.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the page lacks\n%s\n---\n%s", want, md)
		}
	}
}

// Article text cannot reach the terminal as control sequences nor become
// Markdown of its own; a link's target never leaves its brackets.
func TestMarkdownEscapesArticleText(t *testing.T) {
	t.Parallel()
	got := md("Evil\x1b[2J *Co* [x](javascript:alert) <b>")
	if got != `Evil \*Co\* \[x\](javascript:alert) \<b\>` {
		t.Errorf("md = %q", got)
	}
	if l := link("T", "https://e.example/a b<c>", ""); l != "[T](<https://e.example/a%20b%3Cc%3E>)" {
		t.Errorf("link = %q", l)
	}
	if l := link("T", "", "/srv/my news/a#1.txt"); l != "[T](<file:///srv/my%20news/a%231.txt>)" {
		t.Errorf("file link = %q", l)
	}
	if l := link("", "", "relative.txt"); l != "untitled" {
		t.Errorf("no target: %q", l)
	}
}

// A followed company named in more stories of the period than the brief
// reads quotes from: its quotes are those of its WatchStories newest, the
// count is of all, and the brief says so.
func TestBriefQuotesOfTheNewest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix := index.New(db, "brief-test", annotate.Article)
	day := time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)
	var as []model.Article
	for i := range WatchStories + 5 {
		body := fmt.Sprintf("Brightwater Foods Plc opened store number %d on Tuesday.\n\n"+
			"\u201cStore %d is our best yet,\u201d Brightwater chief executive Mara Quint said.\n", i+1, i+1)
		as = append(as, model.Article{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Store %d opens", i+1),
			URL: fmt.Sprintf("https://herald.example/s%d", i), Date: day.Add(time.Duration(i) * 10 * time.Minute), Body: body,
			Paragraphs: segment.Paragraphs(body), Sentences: segment.Sentences(body)})
	}
	if _, err := ix.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	ix.Follow(ctx, "L:brightwater foods plc", "Brightwater Foods")
	b, err := Gather(ctx, ix, nil, index.Period{Since: day})
	if err != nil {
		t.Fatal(err)
	}
	md := b.Markdown()
	want := fmt.Sprintf("Named in %d stories. The quotes of its %d newest:", WatchStories+5, WatchStories)
	if !strings.Contains(md, want) || strings.Count(md, "- said: ") != WatchStories ||
		!strings.Contains(md, fmt.Sprintf("Store %d is our best yet", WatchStories+5)) || strings.Contains(md, "Store 5 is our best yet") {
		t.Errorf("want %q and the %d newest quotes:\n%s", want, WatchStories, md)
	}
}
