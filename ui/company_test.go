package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
	"newsmark/notes"
)

// companyEnv is the deal stories' library, indexed, with the notes on the
// same database, and the brief counting back from the day after the
// three-outlet deal's last report.
func companyEnv(t *testing.T, w, h int) *indexEnv {
	t.Helper()
	e := newIndexEnv(t, w, h)
	e.m.brief.now = func() time.Time { return time.Date(2026, 5, 14, 9, 0, 0, 0, time.UTC) }
	return e
}

// TestCompanyPageFromADealRow: i on a deal row with two companies asks
// which; the page shows the company's stories with their sentences, its
// chief executive, its deals and quotes, first and last seen; enter opens
// a story at the company's mention; esc walks back to the page, then the
// deals.
func TestCompanyPageFromADealRow(t *testing.T) {
	e := companyEnv(t, 140, 60)
	e.keys("D", "j") // the three-outlet deal
	e.keys("i")
	e.mustSee("company page of: 1 Brightwater Foods Plc · 2 Kovacs Logistics SA (esc cancels)")
	if e.m.deals.keySet() != InDealParty {
		t.Fatalf("keys of %v while choosing", e.m.deals.keySet())
	}
	e.keys("1")
	if e.m.screen != screenCompany {
		t.Fatalf("1 went to %v", e.m.screen)
	}
	e.mustSee("Brightwater Foods Plc", "4 stories · first seen 2026-05-04 · last seen 2026-06-03",
		"People (1) · roles: from the text", "chief executive Mara Quint · 1 story",
		"Deals (2)", "2026-05-04 · Joint venture · Brightwater Foods Plc, Kovacs Logistics SA · $300 million · 3 sources",
		"Quotes by it and its people (1)", "“Cold chains decide who wins in fresh food”", "— chief executive Mara Quint",
		"Stories (4)", "Kovacs teams up with Brightwater · 2026-05-07 · The Courier Post",
		"Kovacs Logistics SA is teaming up with food group Brightwater in a 280 million euro joint venture")
	s := e.screen()
	if strings.Index(s, "Brightwater and Kovacs plan Austrian bakery venture") > strings.Index(s, "Kovacs teams up with Brightwater") {
		t.Errorf("stories not newest first:\n%s", s)
	}
	// To the stories: the first is the newest.
	e.keys("G")
	for i := 0; !strings.HasPrefix(e.m.company.rows[e.m.company.cursor].first, "Kovacs teams up"); i++ {
		if i == 10 {
			t.Fatalf("no such story:\n%s", e.screen())
		}
		e.keys("k")
	}
	e.keys("enter")
	r := &e.m.reader
	if e.m.screen != screenReader || r.article.Title != "Kovacs teams up with Brightwater" {
		t.Fatalf("enter opened %v %q", e.m.screen, r.article.Title)
	}
	if m := r.decor.marks; len(m) != 1 || r.article.Body[m[0].Start:m[0].End] != "Brightwater" {
		t.Fatalf("the company's mention is not marked: %v", m)
	}
	e.keys("esc")
	if e.m.screen != screenCompany {
		t.Fatalf("esc from the story went to %v", e.m.screen)
	}
	e.keys("esc")
	if e.m.screen != screenDeals {
		t.Fatalf("esc from the page went to %v", e.m.screen)
	}
	// esc while choosing cancels the choice only.
	e.keys("w")
	e.mustSee("follow or unfollow: 1 Brightwater Foods Plc · 2 Kovacs Logistics SA")
	e.keys("esc")
	if e.m.screen != screenDeals || e.m.deals.picking != nil {
		t.Fatalf("esc while choosing: %v, picking %v", e.m.screen, e.m.deals.picking)
	}
	// w, then 2: following Kovacs.
	e.keys("w", "2")
	e.mustSee("following Kovacs Logistics SA")
	if list, _ := e.ix.Following(context.Background()); len(list) != 1 || list[0].Name != "Kovacs Logistics SA" {
		t.Fatalf("the watchlist: %+v", list)
	}
}

// TestCompanyFromEntitiesAndTheWatchlist: i on a company of the Entities
// tab opens its page and esc returns to the article; w follows it; the
// library marks its stories and W shows only those; w on the page
// unfollows it.
func TestCompanyFromEntitiesAndTheWatchlist(t *testing.T) {
	e := companyEnv(t, 140, 50)
	e.openTitled("Alder Grid to buy Pelham Solar")
	e.keys("tab", "2")
	if e.m.focus != focusPanel {
		t.Fatal("the panel has no focus")
	}
	// the cursor on the first company: Alder Grid Inc.
	if tab := tabOf[*entitiesTab](e.m); tab.selected() < 0 || tab.entities[tab.selected()].Name() != "Alder Grid Inc." {
		t.Fatalf("the cursor is not on Alder Grid Inc.:\n%s", e.screen())
	}
	e.keys("i")
	if e.m.screen != screenCompany || e.m.company.title() != "Alder Grid Inc." {
		t.Fatalf("i opened %v %q", e.m.screen, e.m.company.title())
	}
	e.mustSee("1 story · first seen 2026-04-20 · last seen 2026-04-20", "Deals (1)", "Acquisition · Alder Grid Inc., Pelham Solar Ltd.")
	e.keys("w")
	e.mustSee("following Alder Grid Inc.", "◆ following")
	e.keys("esc")
	if e.m.screen != screenReader || e.m.reader.article.Title != "Alder Grid to buy Pelham Solar" {
		t.Fatalf("esc from the page went to %v %q", e.m.screen, e.m.reader.article.Title)
	}
	// a person is not a company
	e.keys("esc")
	e.keys("esc")
	if e.m.screen != screenLibrary {
		t.Fatalf("not in the library: %v", e.m.screen)
	}
	e.mustSee("◆ Alder Grid Inc.")
	if n := strings.Count(e.screen(), "◆"); n != 1 {
		t.Errorf("%d stories marked, want 1:\n%s", n, e.screen())
	}
	if strings.Contains(e.screen(), "★") { // ★ is starred, and nothing is
		t.Errorf("a followed company marked as starred:\n%s", e.screen())
	}
	e.keys("W")
	e.mustSee("only stories about companies you follow (W again: all)", "Alder Grid to buy Pelham Solar")
	e.mustNotSee("Stocks edge higher")
	if got := e.m.library.statusLine(); got != " newsmark · 1 article about companies you follow" {
		t.Errorf("status line %q", got)
	}
	e.keys("W")
	e.mustSee("Stocks edge higher")
	// unfollow from the page, opened from the deal
	e.keys("D")
	for i := 0; !strings.Contains(lineWith(e.screen(), "▌"), "Alder Grid"); i++ {
		if i == 10 {
			t.Fatalf("no Alder Grid row:\n%s", e.screen())
		}
		e.keys("j")
	}
	e.keys("i", "1")
	e.mustSee("◆ following")
	e.keys("w")
	e.mustSee("no longer following Alder Grid Inc.")
	e.mustNotSee("◆ following")
	e.keys("esc", "esc")
	e.mustNotSee("◆ Alder Grid Inc.")
}

// TestCompanyFromASearchResult: i on a result opens the page of the
// company named at its match.
func TestCompanyFromASearchResult(t *testing.T) {
	e := companyEnv(t, 140, 40)
	e.keys("S")
	e.typeText("kovacs")
	e.keys("enter", "i")
	if e.m.screen != screenCompany || e.m.company.title() != "Kovacs Logistics SA" {
		t.Fatalf("i opened %v %q", e.m.screen, e.m.company.title())
	}
	e.keys("esc")
	e.mustSee("search: 4 results for “kovacs”")
}

// TestNonCompanyAndNoIndex: i on a person says it is no company; without
// the database, i, w and B say why.
func TestNonCompanyAndNoIndex(t *testing.T) {
	e := companyEnv(t, 140, 40)
	e.openTitled("Brightwater and Kovacs form Hungary cold-storage venture")
	e.keys("tab", "2")
	for i := 0; ; i++ {
		tab := tabOf[*entitiesTab](e.m)
		if sel := tab.selected(); sel >= 0 && tab.entities[sel].Kind == "person" {
			break
		}
		if i == 40 {
			t.Fatalf("no person in the Entities tab:\n%s", e.screen())
		}
		e.keys("j")
	}
	e.keys("i")
	e.mustSee("Mara Quint is a person, not a company")

	d := newDriver(t, fixtureLibrary(t), Dark, 120, 30)
	d.keys("B")
	d.mustSee("company pages and the watchlist need the database")
	d = openFixture(t, 120, 30)
	d.keys("tab", "2")
	if tab := tabOf[*entitiesTab](d.m); tab.selected() < 0 || tab.entities[tab.selected()].Kind != "company" {
		t.Fatalf("no company under the cursor:\n%s", d.screen())
	}
	d.keys("i")
	d.mustSee("company pages and the watchlist need the database")
	d.keys("w")
	d.mustSee("company pages and the watchlist need the database")
}

// TestBriefScreen: B shows the brief of the last 24 hours, drawn; p
// widens the period; esc goes back to the library.
func TestBriefScreen(t *testing.T) {
	e := companyEnv(t, 120, 50)
	e.ix.Follow(context.Background(), "L:brightwater foods plc", "Brightwater Foods")
	e.keys("B")
	if e.m.screen != screenBrief {
		t.Fatalf("B went to %v", e.m.screen)
	}
	e.mustSee("Brief: since Wed 13 May 2026 09:00", "1 story in the period.", "Deals (1)", "Joint venture",
		"Brightwater Foods Plc, Kovacs Logistics SA", "Most-named companies", "Your watchlist", "Brightwater Foods",
		"brief: the last 24 hours · p changes the period")
	if !strings.Contains(e.raw(), "\x1b[") {
		t.Errorf("the brief is not drawn:\n%q", e.raw())
	}
	e.keys("p")
	// the week's stories: the period is open at its end, so the later
	// story of 3 June is in it
	e.mustSee("brief: the last 7 days", "Brief: since Thu 7 May 2026 09:00", "3 stories in the period.", "Deals (2)")
	e.keys("G")
	e.mustSee("Your highlights and notes (0)")
	e.keys("esc")
	if e.m.screen != screenLibrary {
		t.Fatalf("esc from the brief went to %v", e.m.screen)
	}
}

// TestNewStoriesAboutAFollowedCompany: a refresh's new items, once
// indexed, are counted per followed company in the status bar.
func TestNewStoriesAboutAFollowedCompany(t *testing.T) {
	if got := newStoriesText(map[string]int{"SoftBank": 3, "Kovacs": 1}); got != "3 new stories about SoftBank, 1 about Kovacs" {
		t.Errorf("text %q", got)
	}
	if got := newStoriesText(map[string]int{"SoftBank": 1}); got != "1 new story about SoftBank" {
		t.Errorf("text %q", got)
	}
	e := companyEnv(t, 120, 30)
	e.ix.Follow(context.Background(), "L:brightwater foods plc", "Brightwater Foods")
	var ids []string
	for _, en := range e.m.library.entries {
		ids = append(ids, en.Meta.ID)
	}
	e.send(feedItemsMsg{feed: "https://news.example/feed.xml", ids: ids}) // as a refresh tells the root
	e.m.watch.due = true
	e.run(e.m.watchCheck())
	e.mustSee("4 new stories about Brightwater Foods")
}

// openTitled opens the library's story with title.
func (e *indexEnv) openTitled(title string) {
	e.t.Helper()
	for i := 0; ; i++ {
		if en, ok := e.m.library.selected(); ok && en.Meta.Title == title {
			break
		}
		if i == len(e.m.library.entries) {
			e.t.Fatalf("no story %q in the library", title)
		}
		e.keys("j")
	}
	e.keys("enter")
}

// TestBriefHasTheNotesOpenedLater: the notes database opens after the
// first frame (Options.OpenStorage); the brief then has the reader's
// highlights of the period.
func TestBriefHasTheNotesOpenedLater(t *testing.T) {
	ix, db := openTestIndex(t, testIndexVersion)
	n := notes.New(db)
	if _, err := n.Add(context.Background(), model.Highlight{ArticleID: "x1", Locator: "/news/x1.txt", Title: "A story kept",
		Text: "a line worth keeping", Note: "why it matters", Start: 0, End: 20}); err != nil {
		t.Fatal(err)
	}
	d := startIndexed(t, Options{Library: articles.Open([]string{writeDealStories(t)}, nil), Annotate: annotate.Article,
		Theme: Dark, Index: ix, OpenStorage: func() Storage { return Storage{Notes: n} }}, 120, 60)
	d.keys("B")
	d.mustSee("Your highlights and notes (1)", "a line worth keeping", "why it matters")
}
