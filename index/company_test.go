package index

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/segment"
)

// storyDoc is an article of body whose entities are the names given
// ("c:" a company, its forms after "=" joined by "|"; "p:" a person), each
// mentioned wherever a form occurs; quotes are "Speaker>text" (the text
// must be in body).
func storyDoc(id string, date time.Time, title, body string, names []string, quotes ...string) Doc {
	a := model.Article{ID: id, Title: title, Source: "Wire", Date: date, Body: body, URL: "https://wire.example/" + id,
		Paragraphs: segment.Paragraphs(body), Sentences: segment.Sentences(body)}
	var ann model.Annotations
	ids := map[string]string{}
	for i, spec := range names {
		kind, rest, _ := strings.Cut(spec, ":")
		forms := strings.Split(rest, "|")
		e := model.Entity{ID: fmt.Sprintf("e%d", i+1), Kind: map[string]model.EntityKind{"c": model.Company, "p": model.Person}[kind],
			Text: forms[0], Canonical: forms[0]}
		taken := []model.Span{}
		for _, f := range forms {
			for at := 0; ; {
				j := strings.Index(body[at:], f)
				if j < 0 {
					break
				}
				sp := model.Span{Start: at + j, End: at + j + len(f)}
				at = sp.End
				if !slices.ContainsFunc(taken, func(o model.Span) bool { return sp.Start < o.End && o.Start < sp.End }) {
					taken = append(taken, sp)
				}
			}
		}
		slices.SortFunc(taken, func(a, b model.Span) int { return a.Start - b.Start })
		if strings.Contains(title, forms[0]) {
			e.MetaMentions = []model.MetaMention{{Field: model.FieldTitle, Start: strings.Index(title, forms[0]), End: strings.Index(title, forms[0]) + len(forms[0])}}
		}
		e.Mentions = taken
		ids[forms[0]] = e.ID
		ann.Entities = append(ann.Entities, e)
	}
	for _, q := range quotes {
		speaker, text, _ := strings.Cut(q, ">")
		i := strings.Index(body, text)
		ann.Quotes = append(ann.Quotes, model.Quote{Text: text, Speaker: speaker, SpeakerID: ids[speaker], Start: i, End: i + len(text)})
	}
	return Doc{Article: a, Annotations: ann}
}

// companyLibrary is five stories written for these tests: SoftBank
// Group Corp. (also "SoftBank", "SoftBank Group") across three of them,
// with its chief executive quoted and a deal; SoftBank Corp., another
// company, whose legal name ties "SoftBank" to it too; and a story that
// names neither.
func companyLibrary(t *testing.T) *Index {
	t.Helper()
	ix := openIndex(t)
	d1 := storyDoc("s1", day(0), "SoftBank Group to invest in Orrin Robotics",
		"SoftBank Group Corp. agreed to invest $2 billion in Orrin Robotics Inc., the companies said. "+
			"SoftBank chief executive Kenji Sato called it the best bet of the decade. "+
			"\u201cRobots will run our warehouses,\u201d Sato said.",
		[]string{"c:SoftBank Group Corp.|SoftBank", "c:Orrin Robotics Inc.", "p:Kenji Sato|Sato"},
		"Kenji Sato>Robots will run our warehouses,")
	d1.Annotations.Ventures = []model.Venture{{Kind: model.Investment, Parties: []string{"SoftBank Group Corp.", "Orrin Robotics Inc."},
		PartyIDs: []string{"e1", "e2"}, Status: model.Announced, Amounts: []string{"$2 billion"}, Evidence: []model.Span{{Start: 0, End: 90}}}}
	d2 := storyDoc("s2", day(3), "Orrin shares jump",
		"Orrin Robotics Inc. shares rose 20% after the SoftBank Group deal. "+
			"\u201cSoftBank Group is paying too much,\u201d said Ana Ruiz, an analyst at Quill Capital LLC.",
		[]string{"c:Orrin Robotics Inc.", "c:SoftBank Group", "p:Ana Ruiz", "c:Quill Capital LLC"},
		"Ana Ruiz>SoftBank Group is paying too much,")
	d3 := storyDoc("s3", day(5), "SoftBank Group results",
		"SoftBank Group Corp. reported a profit. Kenji Sato, chief executive of SoftBank Group Corp., said more deals would come.",
		[]string{"c:SoftBank Group Corp.", "p:Kenji Sato"})
	d4 := storyDoc("s4", day(6), "SoftBank Corp. phone plans",
		"SoftBank Corp. cut the price of its phone plans on Monday.",
		[]string{"c:SoftBank Corp."})
	d5 := storyDoc("s5", day(7), "Markets", "Stocks rose on Friday.", nil)
	if _, err := ix.AddDocs(context.Background(), []Doc{d1, d2, d3, d4, d5}); err != nil {
		t.Fatal(err)
	}
	return ix
}

// The company page of SoftBank Group Corp.: the three stories that name
// it (the bare "SoftBank Group" of s2 joins it through s1's legal name), newest
// first, each with its sentence; its chief executive tied by the title
// beside his name; his quote as by its people and the analyst's as about
// it; its deal; the first and last day seen. SoftBank Corp. stays apart.
func TestCompanyPage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	a, _, _, _, err := ix.Article(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	_, ann, _, _, _ := ix.Article(ctx, "s1")
	company, err := ix.CompanyOf(ctx, a, ann.Entities[0])
	if err != nil || company != "L:softbank group corp" {
		t.Fatalf("CompanyOf = %q, %v", company, err)
	}
	if got, _ := ix.CompanyOf(ctx, a, ann.Entities[2]); got != "" {
		t.Errorf("a person's company: %q", got)
	}
	page, ok, err := ix.CompanyPage(ctx, company, PageOptions{})
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if page.Name != "SoftBank Group Corp." || !slices.Equal(page.Names, []string{"SoftBank Group Corp.", "SoftBank Group"}) {
		t.Errorf("names %q, %q", page.Name, page.Names)
	}
	var stories []string
	for _, s := range page.Stories {
		stories = append(stories, s.ArticleID+": "+s.Sentence)
	}
	want := []string{
		"s3: SoftBank Group Corp. reported a profit.",
		"s2: Orrin Robotics Inc. shares rose 20% after the SoftBank Group deal.",
		"s1: SoftBank Group Corp. agreed to invest $2 billion in Orrin Robotics Inc., the companies said.",
	}
	if !slices.Equal(stories, want) {
		t.Errorf("stories\n%s\nwant\n%s", strings.Join(stories, "\n"), strings.Join(want, "\n"))
	}
	if !page.First.Equal(day(0)) || !page.Last.Equal(day(5)) {
		t.Errorf("seen %v – %v", page.First, page.Last)
	}
	if s := page.Stories[2]; s.Mentions != 2 || s.At != (model.Span{Start: 0, End: 20}) || s.Name != "SoftBank Group Corp." {
		t.Errorf("s1's story %+v", s)
	}
	if len(page.People) != 1 || page.People[0].Role() != "chief executive Kenji Sato" || page.People[0].Stories != 2 ||
		page.People[0].FromText || page.People[0].ArticleID != "s3" || page.RolesFromText {
		t.Errorf("people %+v (from text %v)", page.People, page.RolesFromText)
	}
	var quotes []string
	for _, q := range page.Quotes {
		quotes = append(quotes, fmt.Sprintf("%v %s (%s): %s", q.By, q.Speaker, q.Title, q.Text))
	}
	wantQ := []string{"false Ana Ruiz (): SoftBank Group is paying too much,", "true Kenji Sato (chief executive): Robots will run our warehouses,"}
	if !slices.Equal(quotes, wantQ) {
		t.Errorf("quotes\n%s\nwant\n%s", strings.Join(quotes, "\n"), strings.Join(wantQ, "\n"))
	}
	if len(page.Deals) != 1 || page.Deals[0].Kind != model.Investment || page.Deals[0].Amount != "$2 billion" {
		t.Errorf("deals %+v", page.Deals)
	}
	if page.Total != 3 || page.Partial() {
		t.Errorf("total %d, partial %v", page.Total, page.Partial())
	}
	// A limit reads the newest stories, and counts them all.
	page, _, _ = ix.CompanyPage(ctx, company, PageOptions{Limit: 2})
	if len(page.Stories) != 2 || page.Stories[0].ArticleID != "s3" || page.Total != 3 || !page.Partial() ||
		!page.First.Equal(day(0)) || len(page.Deals) != 0 || len(page.Quotes) != 1 {
		t.Errorf("the newest two: %+v", page)
	}
	// A period keeps its stories only.
	page, ok, _ = ix.CompanyPage(ctx, company, PageOptions{Period: Period{Since: day(2), Until: day(4)}})
	if !ok || len(page.Stories) != 1 || page.Stories[0].ArticleID != "s2" || len(page.Deals) != 0 {
		t.Errorf("period page %+v", page)
	}
	// SoftBank Corp. is its own company.
	page, ok, _ = ix.CompanyPage(ctx, "L:softbank corp", PageOptions{})
	if !ok || len(page.Stories) != 1 || page.Stories[0].ArticleID != "s4" {
		t.Errorf("SoftBank Corp.: %+v", page)
	}
	if _, ok, _ := ix.CompanyPage(ctx, "L:nobody inc", PageOptions{}); ok {
		t.Error("a company no story names has a page")
	}
}

// When the annotator gives roles (schema 2), the page takes them as they
// are, guesses none, and says so.
func TestCompanyPageTakesTheAnnotatorsRoles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := openIndex(t)
	body := "Kestrel Foods Ltd. named Ivo Brandt to run its bakeries. Kestrel Foods chairman Tom Ruiz welcomed him."
	d := storyDoc("k1", day(1), "Kestrel picks a baker", body, []string{"c:Kestrel Foods Ltd.|Kestrel Foods", "p:Ivo Brandt", "p:Tom Ruiz"})
	d.Annotations.Roles = []model.Role{{Person: "Ivo Brandt", PersonID: "e2", Company: "Kestrel Foods Ltd.", CompanyID: "e1",
		Title: "head of bakeries", Evidence: model.Span{Start: 0, End: 56}}}
	if _, err := ix.AddDocs(ctx, []Doc{d}); err != nil {
		t.Fatal(err)
	}
	page, _, err := ix.CompanyPage(ctx, "L:kestrel foods ltd", PageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Tom Ruiz's "chairman" is not guessed: the annotator looked, and tied Ivo Brandt only.
	if !page.RolesFromText || len(page.People) != 1 || page.People[0].Role() != "head of bakeries Ivo Brandt" || !page.People[0].FromText {
		t.Errorf("people %+v, from text %v", page.People, page.RolesFromText)
	}
}

func TestFindCompany(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	for _, c := range []struct {
		name string
		want []string
	}{
		{"SoftBank Group Corp.", []string{"L:softbank group corp"}},
		{"softbank group", []string{"L:softbank group corp"}},
		// "SoftBank" is SoftBank Group Corp.'s short name and SoftBank Corp.'s base: both
		{"SoftBank", []string{"L:softbank group corp", "L:softbank corp"}},
		{"orrin", []string{"L:orrin robotics inc"}},
		{"quill cap", []string{"L:quill capital llc"}},
		{"nobody", nil},
	} {
		ms, err := ix.FindCompany(ctx, c.name)
		var got []string
		for _, m := range ms {
			got = append(got, m.Company)
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("FindCompany(%q) = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	ms, _ := ix.FindCompany(ctx, "softbank group")
	if ms[0].Name != "SoftBank Group Corp." || ms[0].Stories != 3 {
		t.Errorf("match %+v", ms[0])
	}
}

// CompanyAt picks the company named at a search hit's match, else the
// one named nearest to it.
func TestCompanyAt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	body := "Orrin Robotics Inc. shares rose 20% after the SoftBank Group deal. "
	for _, c := range []struct {
		at   string
		want string
	}{{"SoftBank", "L:softbank group corp"}, {"shares", "L:orrin robotics inc"}, {"deal", "L:softbank group corp"}} {
		i := strings.Index(body, c.at)
		got, _, err := ix.CompanyAt(ctx, "s2", model.Span{Start: i, End: i + len(c.at)})
		if err != nil || got != c.want {
			t.Errorf("CompanyAt(%q) = %q, %v; want %q", c.at, got, err, c.want)
		}
	}
	if got, _, _ := ix.CompanyAt(ctx, "s5", model.Span{}); got != "" {
		t.Errorf("a story with no company: %q", got)
	}
}

// The watchlist: a followed company's stories are marked, under the name
// it was followed by; following the bare name that resolves to a legal
// name finds the legal name's stories too; unfollow ends it.
func TestWatchlistStories(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	if on, err := ix.ToggleFollow(ctx, "L:softbank group corp", "SoftBank Group Corp."); !on || err != nil {
		t.Fatal(on, err)
	}
	ix.Follow(ctx, "L:quill capital llc", "Quill Capital")
	allIDs := []string{"s1", "s2", "s3", "s4", "s5", "not-indexed"}
	got, err := ix.FollowedStories(ctx, allIDs)
	want := map[string][]string{"s1": {"SoftBank Group Corp."}, "s2": {"SoftBank Group Corp.", "Quill Capital"},
		"s3": {"SoftBank Group Corp."}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("FollowedStories = %v, %v; want %v", got, err, want)
	}
	if on, _ := ix.IsFollowed(ctx, "L:quill capital llc"); !on {
		t.Error("Quill is not followed")
	}
	if on, _ := ix.ToggleFollow(ctx, "L:softbank group corp", ""); on {
		t.Error("toggle did not unfollow")
	}
	ix.Unfollow(ctx, "L:quill capital llc")
	if got, _ := ix.FollowedStories(ctx, allIDs); len(got) != 0 {
		t.Errorf("after unfollowing: %v", got)
	}
	// a bare name followed before the evidence joined it to a legal name
	ix.Follow(ctx, "B:softbank group", "SoftBank Group")
	if got, _ := ix.FollowedStories(ctx, allIDs); len(got) != 3 || got["s3"][0] != "SoftBank Group" {
		t.Errorf("the bare name's stories: %v", got)
	}
}

// A period's stories, the companies they name most first, and its deals.
func TestPeriodSummaryAndDeals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	sum, err := ix.Period(ctx, Period{Since: day(0), Until: day(6)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range sum.Companies {
		got = append(got, fmt.Sprintf("%s %d %s", c.Name, c.Stories, c.Latest.ArticleID))
	}
	want := []string{"SoftBank Group Corp. 3 s3", "Orrin Robotics Inc. 2 s2", "Quill Capital LLC 1 s2"}
	if sum.Stories != 3 || !slices.Equal(got, want) {
		t.Errorf("period: %d stories, %q; want 3, %q", sum.Stories, got, want)
	}
	for _, c := range []struct {
		p    Period
		want int
	}{{Period{Since: day(0)}, 1}, {Period{Since: day(1)}, 0}, {Period{Since: day(-3), Until: day(1)}, 1}} {
		deals, err := ix.PeriodDeals(ctx, c.p)
		if err != nil || len(deals) != c.want {
			t.Errorf("PeriodDeals(%v) = %d deals, %v; want %d", c.p, len(deals), err, c.want)
		}
	}
}

func TestResolverAnchors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	r, err := ix.Resolver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// "SoftBank" is tied to both legal names: it joins neither
	if got := r.Anchors("L:softbank group corp"); !slices.Equal(got, []string{"L:softbank group corp", "B:softbank group"}) {
		t.Errorf("anchors %q", got)
	}
	if got := r.Anchors("L:softbank corp"); !slices.Equal(got, []string{"L:softbank corp"}) {
		t.Errorf("SoftBank Corp.'s anchors %q", got)
	}
	if got := r.Anchors("B:softbank"); !slices.Equal(got, []string{"B:softbank"}) {
		t.Errorf("SoftBank's anchors %q", got)
	}
}
