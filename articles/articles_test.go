package articles

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/sanitize"
)

// want is what a fixture must load as; nil slices mean "empty".
type want struct {
	title, caption, source, url, date, body string
	authors, contributors, tags             []string
	links                                   []model.Link
}

func TestLoadFixtures(t *testing.T) {
	t.Parallel()
	cases := []struct {
		file string
		want want
	}{
		{"wire.txt", want{
			title:   "Harbour Freight Lines Inc. and Kestrel Ports Co. agreed to build a container terminal in Valparaíso through a 60-40 joint venture, the companies said on Monday",
			caption: "Harbour Freight Lines chief Ana Ruiz talks about the new terminal venture.",
			source:  "Example Wire", date: "2026-03-02",
			contributors: []string{"Tomas Lind", "Mei Chen"},
			// Dateline marker, assistance, update and copyright lines are gone;
			// the paragraph's inner line break and indent are kept.
			body: "Harbour Freight Lines Inc. and Kestrel Ports Co. agreed to build a container terminal in Valparaíso through a 60-40 joint venture, the companies said on Monday.\n\n" +
				"The venture will invest $1.2 billion over five years and hire 800 people, Ruiz said. “We waited a decade for this.\n  It is finally happening,” she said.",
		}},
		{"headers.txt", want{
			title: "Lumen Bank buys stake in Nordic payments start-up", source: "Example Wire",
			url: "https://news.example.com/lumen-nordpay", authors: []string{"Jane Roe", "John Doe"},
			tags: []string{"banking", "payments"},
			body: "Lumen Bank Ltd. bought 15% of NordPay AB for 2 billion kronor.\n\nThe deal values the start-up at about €1.1 billion.",
		}},
		{"credits.txt", want{
			title: "Corvin Steel to merge with Andel Metals", source: "Example Wire",
			url: "https://wire.example.com/2026/04/07/corvin-andel", date: "2026-04-07", // date from the URL path
			contributors: []string{"Lea Costa", "Jan de Vries", "Paul Grant", "Ada Moss"},
			body:         "Corvin Steel SpA agreed to merge with Andel Metals NV in a deal worth 3 billion euros.\n\nShares of both companies rose.",
		}},
		{"headline.txt", want{
			title:   "Orion Motors and Sato Electric to build battery plant",
			authors: []string{"Karl Weber", "Lena Fischer"},
			body:    "Orion Motors AG and Sato Electric Corp. will spend $900 million on a battery plant, the companies said.\n\nThe plant opens in 2028.",
		}},
		{"article.md", want{
			title: "Atlas Energy and Kumo Holdings form hydrogen venture", source: "Example Wire", date: "2026-02-10",
			url: "https://news.example.com/atlas-kumo", authors: []string{"Priya Nair", "Sam O'Neil"},
			tags: []string{"energy", "hydrogen"},
			links: []model.Link{{Text: "company statement", URL: "https://atlas.example.com/news/kumo"},
				{Text: "https://kumo.example.com", URL: "https://kumo.example.com"}},
			body: "Atlas Energy Corp. and Kumo Holdings K.K. will each own 50% of the venture, according to a company statement.\n\n" +
				"Shares rose 3.5% & bonds held steady. The statement was brief.\n\n" +
				"- Capacity: 200,000 tons a year\n- Start: 2029\n\nSee https://kumo.example.com for details.",
		}},
		{"page.html", want{
			title: "Vega Foods to acquire Pine Dairy for $450 million", source: "Example Times", date: "2026-01-20",
			url: "https://times.example.com/vega-pine", authors: []string{"Rita Moreno"},
			links: []model.Link{{Text: "statement", URL: "https://vega.example.com/press"}},
			body: "Vega Foods Inc. agreed to buy Pine Dairy Co. for $450 million in cash, the companies said on Tuesday, creating the largest dairy group in the region with more than 3,000 employees.\n\n" +
				"The deal, which still needs approval from regulators, is expected to close in the second half of the year. Vega said it would keep the Pine brand and its two plants in operation.\n\n" +
				"“Pine Dairy brings us the farms and the brand we lacked,” Vega Chief Executive Omar Haddad said in a statement. Analysts at Example Securities called the price fair.\n\n" +
				"Pine Dairy was founded in 1952 and has been family-owned for three generations. Its owners will receive a 10% stake in the combined company as part of the payment.",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join("testdata", c.file)
			lib := Open([]string{path}, nil)
			if len(lib.Problems) != 0 || len(lib.Entries) != 1 {
				t.Fatalf("Open(%s) = %d entries, problems %v", path, len(lib.Entries), lib.Problems)
			}
			e := lib.Entries[0]
			if e.Meta.Body != "" {
				t.Errorf("Meta carries a body; Open must stay lazy")
			}
			a, err := e.Load()
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a, c.want)
			// The library list shows Meta: it must agree with the loaded article.
			if e.Meta.Title != a.Title || e.Meta.ID != a.ID || !e.Meta.Date.Equal(a.Date) || e.Meta.Source != a.Source {
				t.Errorf("Meta %q/%q/%v/%q differs from loaded %q/%q/%v/%q",
					e.Meta.Title, e.Meta.ID, e.Meta.Date, e.Meta.Source, a.Title, a.ID, a.Date, a.Source)
			}
			// The path is the locator of its highlights: absolute, so
			// opening it from another folder finds them; messages name
			// the input as given.
			abs, _ := filepath.Abs(path)
			if a.Path != abs || e.Meta.Path != abs || e.Name != path {
				t.Errorf("Path = %q (Meta %q), Name %q, want %q and %q", a.Path, e.Meta.Path, e.Name, abs, path)
			}
		})
	}
}

func checkArticle(t *testing.T, a model.Article, w want) {
	t.Helper()
	eq := func(field, got, want string) {
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", field, got, want)
		}
	}
	eq("title", a.Title, w.title)
	eq("caption", a.Caption, w.caption)
	eq("source", a.Source, w.source)
	eq("url", a.URL, w.url)
	eq("body", a.Body, w.body)
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
	}
	eq("date", date, w.date)
	for _, l := range []struct {
		name      string
		got, want []string
	}{{"authors", a.Authors, w.authors}, {"contributors", a.Contributors, w.contributors}, {"tags", a.Tags, w.tags}} {
		if len(l.got) != 0 || len(l.want) != 0 {
			if !slices.Equal(l.got, l.want) {
				t.Errorf("%s = %q, want %q", l.name, l.got, l.want)
			}
		}
	}
	if len(a.Links) != 0 || len(w.links) != 0 {
		if !slices.Equal(a.Links, w.links) {
			t.Errorf("links = %q, want %q", a.Links, w.links)
		}
	}
	if w.url != "" {
		eq("id", a.ID, w.url)
	} else if len(a.ID) != 16 {
		t.Errorf("ID %q is not a 16-digit content hash", a.ID)
	}
	checkSpans(t, a)
	if got := strings.Count(a.Body, "\n\n") + 1; got != len(a.Paragraphs) {
		t.Errorf("%d paragraph spans, body has %d paragraphs", len(a.Paragraphs), got)
	}
}

// checkSpans asserts the paragraph and sentence spans index the body.
func checkSpans(t *testing.T, a model.Article) {
	t.Helper()
	if a.Body != "" && (len(a.Paragraphs) == 0 || len(a.Sentences) == 0) {
		t.Fatalf("no paragraph or sentence spans for a body of %d bytes", len(a.Body))
	}
	for _, list := range [][]model.Span{a.Paragraphs, a.Sentences} {
		prev := 0
		for _, s := range list {
			if s.Start < prev || s.End <= s.Start || s.End > len(a.Body) {
				t.Fatalf("span %v out of order or bounds", s)
			}
			prev = s.End
		}
	}
	// Paragraphs hold no blank line and only whitespace lies between them.
	prev := 0
	for _, p := range a.Paragraphs {
		if strings.Contains(a.Body[p.Start:p.End], "\n\n") || strings.TrimSpace(a.Body[prev:p.Start]) != "" {
			t.Fatalf("paragraph %v does not follow the blank lines of %q", p, a.Body)
		}
		prev = p.End
	}
	if strings.TrimSpace(a.Body[prev:]) != "" {
		t.Fatalf("text after the last paragraph in %q", a.Body)
	}
}

func TestOpenStdin(t *testing.T) {
	t.Parallel()
	in := "---\ntitle: Piped story\ndate: 2026-04-01\n---\n\nMira Capital invested $5 million in [Quill Labs](https://quill.example.com).\n"
	lib := Open([]string{"-"}, strings.NewReader(in))
	if len(lib.Entries) != 1 {
		t.Fatalf("entries %d, problems %v", len(lib.Entries), lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a, want{title: "Piped story", date: "2026-04-01",
		body:  "Mira Capital invested $5 million in Quill Labs.",
		links: []model.Link{{Text: "Quill Labs", URL: "https://quill.example.com"}}})
	if a.Path != Stdin {
		t.Errorf("Path = %q, want %q", a.Path, Stdin)
	}
	// Plain text on stdin, and stdin named twice, is read once.
	lib = Open([]string{"-", "-"}, strings.NewReader("Plain words on stdin.\n"))
	if len(lib.Entries) != 1 || lib.Entries[0].Meta.Title != "Plain words on stdin" {
		t.Fatalf("plain stdin: %+v %v", lib.Entries, lib.Problems)
	}
	lib = Open([]string{"-"}, nil)
	if len(lib.Problems) != 1 || lib.Problems[0].Reason != "no standard input" {
		t.Fatalf("nil stdin: %v", lib.Problems)
	}
	lib = Open([]string{"-"}, strings.NewReader(" \n\t\n"))
	if len(lib.Entries) != 0 || len(lib.Problems) != 1 || lib.Problems[0].Path != Stdin {
		t.Fatalf("blank stdin: %+v %v", lib.Entries, lib.Problems)
	}
}

// write creates a file under dir with content and returns its path.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte("Acme Corp. agreed to buy Widget Co.\n"))
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(71 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	justOver := filepath.Join(dir, "just-over.txt")
	if f, err = os.Create(justOver); err != nil {
		t.Fatal(err)
	}
	f.Truncate(64<<20 + 1)
	f.Close()
	cases := []struct{ path, reason string }{
		{write(t, dir, "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "binary file (NUL bytes)"},
		{write(t, dir, "noise.txt", bytes.Repeat([]byte{0x01, 0x9f, 0xfe, 0x02, 0x85, 0x10, 'a'}, 40)), "binary file (not text)"},
		{write(t, dir, "empty.txt", nil), "empty file"},
		{write(t, dir, "blank.md", []byte("  \n\n\t \n")), "empty file (only whitespace)"},
		{write(t, dir, "only-front-matter.md", []byte("---\ntitle: Nothing else\n---\n")), "no article text"},
		{huge, "larger than 64 MiB (71.0 MiB)"},
		{justOver, "larger than 64 MiB (67108865 bytes, 1 over)"},
		{filepath.Join(dir, "missing.txt"), "no such file or directory"},
		{filepath.Join(good, "inside.txt"), "not a directory"}, // unreadable path even for root
	}
	paths := []string{good}
	for _, c := range cases {
		paths = append(paths, c.path)
	}
	lib := Open(paths, nil)
	if len(lib.Entries) != 1 || lib.Entries[0].Meta.Path != good {
		t.Errorf("want only %s to load, got %d entries", good, len(lib.Entries))
	}
	got := map[string]string{}
	for _, p := range lib.Problems {
		got[p.Path] = p.Reason
	}
	for _, c := range cases {
		if got[c.path] != c.reason {
			t.Errorf("%s: reason %q, want %q", filepath.Base(c.path), got[c.path], c.reason)
		}
	}
	if len(lib.Problems) != len(cases) {
		t.Errorf("%d problems, want %d: %v", len(lib.Problems), len(cases), lib.Problems)
	}
}

func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reads")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", []byte("Hidden story.\n"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	lib := Open([]string{p}, nil)
	if len(lib.Problems) != 1 || lib.Problems[0].Reason != "permission denied" {
		t.Fatalf("problems %v", lib.Problems)
	}
}

func TestInvalidUTF8IsRepaired(t *testing.T) {
	t.Parallel()
	p := write(t, t.TempDir(), "latin1.txt", []byte("Soci\xe9t\xe9 G\xe9n\xe9rale agreed to sell its unit for \x80 20 million.\n"))
	lib := Open([]string{p}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("problems %v", lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := "Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale agreed to sell its unit for \uFFFD 20 million."; a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
}

func TestEscapesNeverReachTheArticle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	evil := "Title: Hacked\x1b]0;owned\x07 title\x1b[2J\n" +
		"Author: Eve\u202e reversed\n\n" +
		"Body with \x1b[31mcolour\x1b[0m, a bell\x07, a back\bspace and a bare\rreturn.\r\n\r\n" +
		"Second\u2066 isolate\u2069 paragraph with [a link\x1b[5m](https://x.example.com).\n"
	p := write(t, dir, "evil\x1b[2J.md", []byte(evil))
	lib := Open([]string{p, filepath.Join(dir, "gone\x1b]0;x\x07.txt")}, nil)
	if len(lib.Entries) != 1 || len(lib.Problems) != 1 {
		t.Fatalf("entries %d problems %v", len(lib.Entries), lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	// The path is kept as given, so the file can be reopened (and JSON
	// escapes it); whatever shows it quotes it.
	if a.Path != p || lib.Entries[0].Meta.Path != p {
		t.Errorf("path %q / %q, want it as given: %q", a.Path, lib.Entries[0].Meta.Path, p)
	}
	all := []string{a.Title, sanitize.Quote(a.Path), a.Body, lib.Problems[0].Path, lib.Problems[0].Reason}
	all = append(all, a.Authors...)
	for _, l := range a.Links {
		all = append(all, l.Text, l.URL)
	}
	for _, s := range all {
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("control %U survived in %q", r, s)
			}
		}
	}
	if !strings.Contains(a.Body, "Body with colour, a bell, a backspace and a barereturn.") {
		t.Errorf("body %q lost its text", a.Body)
	}
}

// folder writes a tree of articles, including files a walk must skip.
func folder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "old.txt", []byte(" date 2024-05-01 Old caption\n\nOld story text here.\n"))
	write(t, dir, "undated-a.txt", []byte("Undated story A.\n"))
	write(t, dir, "sub/deeper/new.md", []byte("---\ntitle: New story\ndate: 2026-01-02\n---\n\nNew story text.\n"))
	write(t, dir, "sub/undated-b.md", []byte("Undated story B.\n"))
	write(t, dir, "mid.htm", []byte(`<html><head><title>Mid story</title><meta property="article:published_time" content="2025-06-01"></head><body><article><p>Mid story text that is long enough to be the readable part of this page, with a second sentence to make it count.</p></article></body></html>`))
	write(t, dir, ".git/HEAD.txt", []byte("Hidden folder.\n"))
	write(t, dir, ".draft.txt", []byte("Hidden file.\n"))
	write(t, dir, "notes.pdf", []byte("%PDF-1.4 not an article"))
	write(t, dir, "data.json", []byte(`{"not": "an article"}`))
	return dir
}

func TestOpenFolder(t *testing.T) {
	t.Parallel()
	lib := Open([]string{folder(t)}, nil)
	if len(lib.Problems) != 0 {
		t.Fatalf("problems %v", lib.Problems)
	}
	var titles []string
	for _, e := range lib.Entries {
		titles = append(titles, e.Meta.Title)
	}
	// Newest first, undated last in (lexical) walk order: "sub/…" before
	// "undated-a.txt"; hidden and other files skipped.
	want := []string{"New story", "Mid story", "Old story text here", "Undated story B", "Undated story A"}
	if !slices.Equal(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	for _, e := range lib.Entries {
		a, err := e.Load()
		if err != nil {
			t.Errorf("%s: %v", e.Meta.Path, err)
			continue
		}
		checkSpans(t, a)
	}
}

// A folder named through a symlink (~/news pointing elsewhere) is read as the
// folder it points to.
func TestOpenFolderThroughASymlink(t *testing.T) {
	t.Parallel()
	link := filepath.Join(t.TempDir(), "news")
	if err := os.Symlink(folder(t), link); err != nil {
		t.Skip(err)
	}
	lib := Open([]string{link}, nil)
	if len(lib.Problems) != 0 || len(lib.Entries) != 5 {
		t.Fatalf("%d entries, problems %v; want the folder's 5 stories", len(lib.Entries), lib.Problems)
	}
	if p := lib.Entries[0].Meta.Path; !strings.Contains(p, "news") {
		t.Errorf("path %q is not named through the link the user gave", p)
	}
}

func TestOpenRepeats(t *testing.T) {
	t.Parallel()
	dir := folder(t)
	old := filepath.Join(dir, "old.txt")
	// Named twice: listed twice. Inside a folder also named: not again.
	lib := Open([]string{old, old, dir}, nil)
	n := 0
	for _, e := range lib.Entries {
		if e.Meta.Path == old {
			n++
		}
	}
	if n != 2 || len(lib.Entries) != 6 {
		t.Errorf("old.txt listed %d times in %d entries, want 2 in 6", n, len(lib.Entries))
	}
}

func TestOpenEmptyFolderAndPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "empty/readme.pdf", []byte("%PDF"))
	lib := Open([]string{filepath.Join(dir, "empty")}, nil)
	if len(lib.Problems) != 1 || !strings.HasPrefix(lib.Problems[0].Reason, "no articles") {
		t.Errorf("empty folder: problems %v", lib.Problems)
	}
	// A named pipe, as bash's <(command) gives, is read like stdin.
	fifo := filepath.Join(dir, "pipe")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.WriteString("Piped Corp. agreed to buy Tube Inc.\n")
			f.Close()
		}
	}()
	lib = Open([]string{fifo}, nil)
	if len(lib.Entries) != 1 || lib.Entries[0].Meta.Title != "Piped Corp. agreed to buy Tube Inc." {
		t.Fatalf("pipe: %+v %v", lib.Entries, lib.Problems)
	}
	if a, err := lib.Entries[0].Load(); err != nil || a.Body != "Piped Corp. agreed to buy Tube Inc." {
		t.Fatalf("pipe load: %q %v", a.Body, err)
	}
}

func TestOpenFolderOfManyFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	genArticles(t, dir, 5000)
	lib := Open([]string{dir}, nil)
	if len(lib.Entries) != 5000 || len(lib.Problems) != 0 {
		t.Fatalf("%d entries, %d problems", len(lib.Entries), len(lib.Problems))
	}
	for i := 1; i < len(lib.Entries); i++ {
		if lib.Entries[i].Meta.Date.After(lib.Entries[i-1].Meta.Date) {
			t.Fatalf("entry %d is newer than entry %d", i, i-1)
		}
	}
}

// genArticles writes n small dated wire stories into dir.
func genArticles(tb testing.TB, dir string, n int) {
	tb.Helper()
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		body := fmt.Sprintf(" date %s Caption %d\n\n(Example Wire) -- Company %d Corp. and Partner %d Inc. agreed to form a joint venture worth $%d million, the companies said.\n\n“We are pleased,” said Chief Executive Ana %d.\n\n©2026 Example Wire L.P.\n",
			day.AddDate(0, 0, -(i%400)).Format("2006-01-02"), i, i, i, i+1, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%05d.txt", i)), []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestLargeFileLoadsLazily(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	dir := t.TempDir()
	para := "Acme Corp. said on Monday it would invest $3 billion in a 50-50 venture with Widget Inc., hiring 1,000 people.\n\n"
	var b strings.Builder
	b.WriteString("Title: A very long filing\n\n")
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	p := write(t, dir, "big.txt", []byte(b.String()))
	lib := Open([]string{p}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("problems %v", lib.Problems)
	}
	e := lib.Entries[0]
	if e.Meta.Title != "A very long filing" || e.Meta.Body != "" {
		t.Fatalf("meta title %q, body %d bytes", e.Meta.Title, len(e.Meta.Body))
	}
	a, err := e.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) < 49<<20 || a.ID != e.Meta.ID {
		t.Fatalf("loaded %d bytes, id %q vs meta %q", len(a.Body), a.ID, e.Meta.ID)
	}
	if !utf8.ValidString(a.Body) || len(a.Paragraphs) < 400000 {
		t.Fatalf("%d paragraphs", len(a.Paragraphs))
	}
}

// Load checks the whole file, not just the head Open read: binary bytes
// past the head refuse the article, and the same story saved as UTF-16 or
// with CRLF line ends loads to the same article as plain UTF-8.
func TestLoadDecodesWholeFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	story := "Title: Acme and Widget\n\nAcme Corp. said on Monday it would buy Widget Inc. for $3 billion.\n\n" +
		"“It is a good deal,” said Jane Roe, chief executive of Acme.\n"
	head := strings.Repeat("Acme Corp. said on Monday it would invest in a venture with Widget Inc.\n\n", headSize/60)
	binary := write(t, dir, "tail.txt", append([]byte(head), bytes.Repeat([]byte{0, 1, 2, 3}, 4096)...))
	lib := Open([]string{binary}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("the head is text, Open should list it: %v", lib.Problems)
	}
	if _, err := lib.Entries[0].Load(); err == nil || !strings.Contains(err.Error(), "binary file (NUL bytes)") {
		t.Errorf("load of a file with a binary tail: %v", err)
	}

	u16 := []byte{0xff, 0xfe}
	for _, r := range story {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	want, err := Open([]string{write(t, dir, "plain.txt", []byte(story))}, nil).Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"utf16.txt": u16, "crlf.txt": []byte(strings.ReplaceAll(story, "\n", "\r\n"))} {
		lib := Open([]string{write(t, dir, name, data)}, nil)
		if len(lib.Entries) != 1 {
			t.Fatalf("%s: %v", name, lib.Problems)
		}
		a, err := lib.Entries[0].Load()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Title != want.Title || a.Body != want.Body || !slices.Equal(a.Sentences, want.Sentences) {
			t.Errorf("%s: title %q body %q, want %q %q", name, a.Title, a.Body, want.Title, want.Body)
		}
	}
}

func TestSamples(t *testing.T) {
	t.Parallel()
	lib := Samples()
	// The demo is 4–6 stories, one of them Markdown with front matter.
	if len(lib.Problems) != 0 || len(lib.Entries) < 4 || len(lib.Entries) > 6 {
		t.Fatalf("samples: %d entries, problems %v", len(lib.Entries), lib.Problems)
	}
	md := 0
	for _, e := range lib.Entries {
		if strings.HasSuffix(e.Meta.Path, ".md") && e.Meta.URL != "" {
			md++
		}
	}
	if md == 0 {
		t.Errorf("no Markdown sample with front matter")
	}
	for _, e := range lib.Entries {
		a, err := e.Load()
		if err != nil {
			t.Fatalf("%s: %v", e.Meta.Path, err)
		}
		if a.Title == "" || a.Body == "" || a.ID != e.Meta.ID {
			t.Errorf("%s: title %q, %d body bytes, id %q/%q", a.Path, a.Title, len(a.Body), a.ID, e.Meta.ID)
		}
		checkSpans(t, a)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"wire.txt", "headers.txt", "credits.txt", "headline.txt", "article.md", "page.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fm := range []format{formatText, formatMarkdown, formatHTML} {
			a, err := article(fm, string(data), "fuzz")
			if err != nil {
				continue
			}
			if sanitize.Text(a.Body) != a.Body || sanitize.Text(a.Title) != a.Title {
				t.Fatalf("format %d: unsanitised output %q", fm, a.Body)
			}
			checkSpans(t, a)
		}
	})
}

func BenchmarkOpenFolder(b *testing.B) {
	dir := b.TempDir()
	genArticles(b, dir, 2000)
	b.ResetTimer()
	for b.Loop() {
		lib := Open([]string{dir}, nil)
		if len(lib.Entries) != 2000 {
			b.Fatalf("%d entries", len(lib.Entries))
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	lib := Open([]string{filepath.Join("testdata", "wire.txt")}, nil)
	e := lib.Entries[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad2MB loads 2 MB of the sample stories one after another, as
// `newsmark annotate` does for the whole-process figure in BENCHMARKS.md:
// their credit lines are dropped from the middle of the body, so the body
// is a new string, not a slice of the file.
func BenchmarkLoad2MB(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join("samples", "*.txt"))
	var sb strings.Builder
	for sb.Len() < 2<<20 {
		for _, n := range names {
			t, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(t)
			sb.WriteString("\n\n")
		}
	}
	p := filepath.Join(b.TempDir(), "2mb.txt")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	e := Open([]string{p}, nil).Entries[0]
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLarge loads a 50 MB plain-text file in full: read, sanitise,
// parse and segment.
func BenchmarkLoadLarge(b *testing.B) {
	para := "Acme Corp. said on Monday it would invest $3 billion in a 50-50 venture with Widget Inc., hiring 1,000 people.\n\n"
	p := filepath.Join(b.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat(para, 50<<20/len(para))), 0o644); err != nil {
		b.Fatal(err)
	}
	e := Open([]string{p}, nil).Entries[0]
	b.SetBytes(50 << 20)
	for b.Loop() {
		if _, err := e.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// A folder walk must never block on a FIFO (or anything else that is not a
// regular file): opening one for reading waits for a writer forever. It is
// skipped with a one-line reason, and the rest of the folder loads.
func TestFolderWalkSkipsFIFOs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "story.txt", []byte("Gull Corp. agreed to buy Tern Ltd. for $5 million.\n"))
	for _, name := range []string{"trap.txt", "trap.md", "sub/deep.html"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := mkfifo(p); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	done := make(chan Library, 1)
	go func() { done <- Open([]string{dir}, nil) }()
	var lib Library
	select {
	case lib = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Open blocked on a FIFO inside a folder")
	}
	if len(lib.Entries) != 1 {
		t.Errorf("entries %d, want the one story", len(lib.Entries))
	}
	if len(lib.Problems) != 3 {
		t.Fatalf("problems %v, want one per FIFO", lib.Problems)
	}
	for _, p := range lib.Problems {
		if !strings.Contains(p.Reason, "named pipe") {
			t.Errorf("reason %q does not say what it is", p)
		}
	}
}

// A file name with a newline or an escape in it is shown quoted on one
// line, so a reason never splits and no name reaches the terminal raw.
func TestProblemNamesStayOnOneLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	names := []string{"two\nlines.txt", "esc\x1b[2Jname.txt", "bidi\u202etxt.md"}
	for _, n := range names {
		write(t, dir, n, []byte("\x00\x01binary\x00"))
	}
	lib := Open([]string{dir, filepath.Join(dir, "missing\nfile.txt")}, nil)
	if len(lib.Problems) != len(names)+1 {
		t.Fatalf("problems %q", lib.Problems)
	}
	for _, p := range lib.Problems {
		s := p.String()
		if strings.ContainsAny(s, "\n\x1b\u202e") {
			t.Errorf("problem line %q is not one clean line", s)
		}
		if !strings.Contains(s, `\n`) && !strings.Contains(s, `\x1b`) && !strings.Contains(s, `\u202e`) {
			t.Errorf("problem line %q does not show the odd name escaped", s)
		}
	}
}
