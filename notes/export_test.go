package notes

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/outfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// exportDoc is sampleArticle with annotations written by hand and three
// highlights: one with a note and tags, one spanning two paragraphs, and an
// orphan.
func exportDoc(t testing.TB) Doc {
	a := sampleArticle()
	a.Tags = []string{"robots", "Ohio factories"}
	m := func(sub string) model.Span { s, e := span(t, a.Body, sub); return model.Span{Start: s, End: e} }
	ann := model.Annotations{
		Entities: []model.Entity{
			{ID: "e1", Kind: model.Company, Text: "Harbor Robotics Inc.", Canonical: "Harbor Robotics", Mentions: []model.Span{m("Harbor Robotics Inc."), m("Harbor will")}},
			{ID: "e2", Kind: model.Company, Text: "Meridian Steel Corp.", Canonical: "Meridian Steel", Mentions: []model.Span{m("Meridian Steel Corp."), m("Meridian will"), m("Meridian's")}},
			{ID: "e3", Kind: model.Place, Text: "Ohio", Mentions: []model.Span{m("Ohio")}},
			{ID: "e4", Kind: model.Person, Text: "Dana Ortiz", Mentions: []model.Span{m("Dana Ortiz")}},
			{ID: "e5", Kind: model.Figure, Subkind: model.Money, Text: "$400 million", Value: 4e8, Unit: "USD", Mentions: []model.Span{m("$400 million")}},
		},
		Quotes: []model.Quote{{Text: "This is the largest bet we have made on automation,", Speaker: "Dana Ortiz", SpeakerID: "e4",
			Start: m(`"This is`).Start, End: m(`automation,"`).End}},
		Ventures: []model.Venture{{Kind: model.JointVenture, Parties: []string{"Harbor Robotics", "Meridian Steel"}, PartyIDs: []string{"e1", "e2"},
			Status: model.Announced, Amounts: []string{"$400 million"}, Stake: "60%", Location: "Ohio", Headcount: "800 people",
			Timeframe: "by 2028", Summary: "Harbor Robotics and Meridian Steel will build warehouse robots in Ohio.",
			Evidence: []model.Span{m("agreed to form a joint venture"), m("Meridian will invest $400 million for a 60% stake")}}},
	}
	created := time.Date(2026, 3, 11, 9, 30, 0, 0, time.UTC)
	mk := func(id int64, sub, note string, tags ...string) model.Highlight {
		s, e := span(t, a.Body, sub)
		h, err := NewHighlight(a, s, e, note)
		if err != nil {
			t.Fatal(err)
		}
		h.ID, h.Tags, h.Created, h.Updated = id, tags, created.Add(time.Duration(id)*time.Minute), created.Add(time.Duration(id)*time.Hour)
		return h
	}
	hs := []model.Highlight{
		mk(1, "Meridian will invest $400 million for a 60% stake", "Check the stake against the filing.\nIt was 55% in March.", "deal terms", "#stake"),
		mk(2, "The venture expects to hire 800 people by 2028.\n\n\"This is the largest bet we have made on automation,\" said Dana Ortiz", "Quote, with \"double quotes\", for CSV."),
	}
	orphan := model.Highlight{ID: 3, ArticleID: a.ID, Locator: a.Path, Title: a.Title, Text: "A sentence the wire later removed.",
		Start: 900, End: 934, Orphan: true, Note: "kept anyway", Created: created, Updated: created}
	hs = append(hs, orphan)
	return Doc{Article: a, Annotations: ann, Highlights: hs}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./notes -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./notes -run %s -update, then review the diff)\n--- got:\n%s", path, t.Name(), got)
	}
}

func TestExportGoldens(t *testing.T) {
	docs := []Doc{exportDoc(t)}
	for _, f := range []Format{Markdown, JSON, CSV} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, f, docs); err != nil {
				t.Fatal(err)
			}
			golden(t, "export"+f.Ext()+".golden", b.Bytes())
		})
	}
}

func TestMarkdownShape(t *testing.T) {
	var b bytes.Buffer
	WriteMarkdown(&b, []Doc{exportDoc(t)})
	md := b.String()
	if !strings.HasPrefix(md, "---\ntitle: \"Harbor and Meridian form robot venture\"\nsource: \"Newsmark Wire\"\nurl: \"file:///news/harbor.txt\"\ndate: 2026-03-10\ntags:\n") {
		t.Errorf("front matter:\n%s", md[:200])
	}
	// A block quote is never wrapped: the whole highlight sits on one line.
	if !strings.Contains(md, "\n> Meridian will invest $400 million for a 60% stake\n\nCheck the stake against the filing.\nIt was 55% in March.\n") {
		t.Error("highlight 1 is not a block quote followed by its note")
	}
	if !strings.Contains(md, "> The venture expects to hire 800 people by 2028.\n>\n> \"This is the largest") {
		t.Error("a two-paragraph highlight should stay one block quote")
	}
	for _, want := range []string{"#deal-terms #stake", "### Joint venture: Harbor Robotics + Meridian Steel", "**Amounts:** $400 million",
		"- **Companies:** Meridian Steel, Harbor Robotics", "- **People:** Dana Ortiz", "*No longer found in the article.*"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestJSONTouchedAnnotations(t *testing.T) {
	var b bytes.Buffer
	WriteJSON(&b, []Doc{exportDoc(t)})
	var doc struct {
		Format   string
		Articles []struct {
			Title      string
			Highlights []struct {
				Text     string
				Orphan   bool
				Entities []struct {
					ID       string
					Mentions []model.Span
				}
				Quotes   []model.Quote
				Ventures []model.Venture
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != JSONFormat || len(doc.Articles) != 1 || len(doc.Articles[0].Highlights) != 3 {
		t.Fatalf("shape: %+v", doc)
	}
	h1, h2, h3 := doc.Articles[0].Highlights[0], doc.Articles[0].Highlights[1], doc.Articles[0].Highlights[2]
	var ids []string
	for _, e := range h1.Entities {
		ids = append(ids, e.ID)
		if len(e.Mentions) != 1 {
			t.Errorf("entity %s: %d mentions, want only the one inside the highlight", e.ID, len(e.Mentions))
		}
	}
	if strings.Join(ids, ",") != "e2,e5" || len(h1.Ventures) != 1 || len(h1.Quotes) != 0 {
		t.Errorf("highlight 1 touches entities %v, %d ventures, %d quotes", ids, len(h1.Ventures), len(h1.Quotes))
	}
	if len(h2.Quotes) != 1 || h2.Quotes[0].Speaker != "Dana Ortiz" {
		t.Errorf("highlight 2 quotes: %+v", h2.Quotes)
	}
	if !h3.Orphan || len(h3.Entities)+len(h3.Quotes)+len(h3.Ventures) != 0 {
		t.Errorf("an orphan touches nothing: %+v", h3)
	}
}

func TestCSVReadwiseColumns(t *testing.T) {
	var b bytes.Buffer
	WriteCSV(&b, []Doc{exportDoc(t)})
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "Highlight,Title,Author,URL,Note,Location,Date" {
		t.Errorf("header %q", got)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header + 3", len(rows))
	}
	r := rows[1]
	if r[0] != "Meridian will invest $400 million for a 60% stake" || r[2] != "Lee Park" || r[3] != "" ||
		r[4] != "Check the stake against the filing.\nIt was 55% in March. .deal-terms .stake" || r[6] != "2026-03-11 09:31:00" {
		t.Errorf("row 1: %q", r)
	}
	if rows[3][5] != "" {
		t.Errorf("an orphan has no location: %q", rows[3][5])
	}
}

func TestWriteFileIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	docs := []Doc{exportDoc(t)}
	path := filepath.Join(dir, "notes.md")
	if err := WriteFile(path, Markdown, docs, outfile.Options{Overwrite: true}); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !bytes.HasPrefix(first, []byte("---\ntitle:")) {
		t.Errorf("written file: %q", first[:20])
	}
	// A failed export leaves the old file and no temporary file.
	if err := WriteFile(path, Format("pdf"), docs, outfile.Options{Overwrite: true}); err == nil {
		t.Fatal("unknown format accepted")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, first) {
		t.Error("a failed export changed the existing file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
	// An unwritable path says which path and why.
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	bad := filepath.Join(blocker, "out.md")
	err := WriteFile(bad, Markdown, docs, outfile.Options{})
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "not a directory") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("unwritable path: %v", err)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a file appeared at the unwritable path")
	}
}

func TestGroupAndFileName(t *testing.T) {
	d := exportDoc(t)
	other := model.Highlight{ID: 9, ArticleID: "art-2", Locator: "https://example.com/b", Title: "Other", Text: "x", Start: 0, End: 1}
	old := d.Highlights[0]
	old.ArticleID = "art-1-old" // saved before the file changed; same path
	docs := Group([]model.Highlight{old, other, d.Highlights[1]})
	if len(docs) != 2 || len(docs[0].Highlights) != 2 || docs[1].Article.URL != "https://example.com/b" {
		t.Fatalf("Group: %+v", docs)
	}
	if got := FileName(docs[:1], Markdown); got != "harbor-and-meridian-form-robot-venture.md" {
		t.Errorf("FileName = %q", got)
	}
	if got := FileName(docs, CSV); got != "newsmark-notes.csv" {
		t.Errorf("FileName of several = %q", got)
	}
}

func TestVentureCard(t *testing.T) {
	v := exportDoc(t).Annotations.Ventures[0]
	card := VentureCard(v)
	if !strings.HasPrefix(card, "### Joint venture: Harbor Robotics + Meridian Steel\n\n- **Parties:**") || !strings.HasSuffix(card, "warehouse robots in Ohio.\n") {
		t.Errorf("card:\n%s", card)
	}
}

// `newsmark notes` lists in Markdown: per article its title and where it
// is, each highlight under its ID and date in the export's layout; a path
// with a backtick stays one code span.
func TestListMarkdown(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.UTC // the list shows local times
	d := exportDoc(t)
	other := model.Highlight{ID: 9, ArticleID: "art-2", Locator: "/tmp/odd `name`.txt", Title: "Other story", Text: "One line.",
		Start: 0, End: 9, Created: time.Date(2026, 3, 12, 8, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	if err := WriteListMarkdown(&b, append(d.Highlights, other)); err != nil {
		t.Fatal(err)
	}
	golden(t, "list.md", b.Bytes())
}
