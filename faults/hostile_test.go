//go:build linux

package faults

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/articles"
	"newsmark/notes"
	"newsmark/store"
)

// story is a short clean article text, so that the annotator has names,
// figures and a quote to find around the payloads.
const story = "Orchard Corp. agreed to buy a 20% stake in Pine Ltd. for $5 million, the companies said on Monday.\n\n" +
	"\"We are glad to join forces,\" chief executive Maria Okafor said in a statement.\n"

// nameCase is a file name carrying one hostile sequence.
type nameCase struct {
	payload string
	name    string
}

// hostileNames are the file names of the suite: each payload, a newline
// and a carriage return, in a name with a known extension.
func hostileNames() []nameCase {
	var out []nameCase
	for i, p := range payloads {
		// (a slash cannot be in a name)
		out = append(out, nameCase{p.name, fmt.Sprintf("n%02d-%s-x.txt", i, strings.ReplaceAll(p.s, "/", "_"))})
	}
	out = append(out, nameCase{"newline", "n90-line\nbreak.txt"}, nameCase{"carriage return", "n91-back\rspace.txt"})
	return out
}

// hostileArticles writes the article folder: Markdown whose front matter
// (Go-quoted and raw) and body carry every payload, an HTML page with raw
// escapes and character references, a wire text, one file per hostile
// name, an empty file with a hostile name (a problem the library lists),
// and a folder with a hostile name.
func hostileArticles(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "articles")
	os.Mkdir(dir, 0o755)
	h := hostile("w")
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lead.md", "---\ntitle: "+fmt.Sprintf("%+q", "Lead "+h)+"\nauthor: Ann "+h+"\nsource: Wire "+h+
		"\ndate: 2031-01-02\ntags: [deals, "+fmt.Sprintf("%+q", "t"+h)+"]\n---\n\n"+
		"Orchard Corp. agreed to buy a 20% stake in Pine Ltd. for $5 million, the companies said on Monday.\n\n"+
		"Body "+h+" carries every payload, and [a link "+h+"](https://example.com/"+h+") too.\n\n\"We are glad "+h+" to join forces,\" chief executive Maria Okafor said.\n")
	write("page.html", "<html><head><title>Page &#x1b;]0;PWNED&#x7; "+h+"</title><meta name=\"author\" content=\"Bo "+h+
		"\"></head><body><article><h1>Page "+h+"</h1><p>"+strings.ReplaceAll(story, "\n\n", "</p><p>")+
		"</p><p>Raw "+h+" and references &#x1b;]52;c;SGFja2Vk&#x7; &#x9b;2J &#x202e; in the text of the page, "+
		"which is long enough to be read as an article by the extractor.</p></article></body></html>")
	write("wire.txt", "Title: Wire "+h+"\nAuthor: Cy "+h+"\n\n"+story+"\nWire body "+h+"\n")
	for _, n := range hostileNames() {
		write(n.name, "Title: Named "+n.payload+"\n\n"+story)
		// No title in the page: the file name is the title.
		write(strings.TrimSuffix(n.name, ".txt")+".html", "<html><body><article><p>"+
			strings.ReplaceAll(story, "\n\n", "</p><p>")+"</p></article></body></html>")
	}
	write("empty-\x1b]0;PWNED\x07\u202e\n.txt", "")
	sub := filepath.Join(dir, "sub\x1b]52;c;SGFja2Vk\x07\u202e")
	os.Mkdir(sub, 0o755)
	if err := os.WriteFile(filepath.Join(sub, "inner.txt"), []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// htmlRefs writes s as HTML text with its controls as numeric character
// references (which an HTML parser turns back into the controls), so it
// can travel inside XML, where raw controls are not allowed.
func htmlRefs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && sz == 1:
			fmt.Fprintf(&b, "&#x%x;", s[i])
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x2000 && r <= 0x206f:
			fmt.Fprintf(&b, "&#x%x;", r)
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
		i += sz
	}
	return b.String()
}

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hostileSite serves feeds and pages whose every text carries the
// payloads: /rss.xml (HTML character references in titles, summaries and
// content, XML character references for C1 and bidi controls), /feed.json
// (JSON escapes), /raw.xml (a raw ESC, which XML forbids: the feed is
// refused, and the reason quotes it) and /page/N (raw escapes in HTML).
func hostileSite(t *testing.T) *httptest.Server {
	t.Helper()
	h := hostile("w")
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire &#x202e;&#x9b;2J %[2]s</title><link>%[1]s/</link><description>d</description>
<item><title>Full &#x9d;0;PWNED&#x9c; %[2]s</title><link>%[1]s/page/full</link><guid>full-1</guid>
<dc:creator>Reporter %[2]s</dc:creator><pubDate>Wed, 02 Jan 2030 10:00:00 GMT</pubDate>
<description>%[2]s</description>
<content:encoded><![CDATA[<p>%[3]s</p><p>Second %[4]s paragraph.</p>]]></content:encoded></item>
<item><title>Summary only %[2]s</title><link>%[1]s/page/1</link><guid>sum-1</guid>
<pubDate>Tue, 01 Jan 2030 10:00:00 GMT</pubDate><description>%[2]s</description></item>
</channel></rss>`, srv.URL, xmlText(htmlRefs(h)), strings.ReplaceAll(story, "\n\n", "</p><p>"), htmlRefs(h))
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		feed := map[string]any{
			"version": "https://jsonfeed.org/version/1.1", "title": "JSON " + h,
			"items": []map[string]any{
				{"id": "j1", "url": srv.URL + "/page/2", "title": "Item " + h, "content_text": story + "\n\n" + h,
					"authors": []map[string]string{{"name": "Ann " + h}}, "date_published": "2030-01-03T10:00:00Z",
					"tags": []string{"t" + h}},
				{"id": "j2", "url": srv.URL + "/page/3", "title": "Summary " + h, "summary": "Sum " + h},
			},
		}
		b, _ := json.Marshal(feed)
		// encoding/json turns invalid UTF-8 into U+FFFD; keep the raw
		// 0x9b byte a hand-written feed could carry.
		b = bytes.ReplaceAll(b, []byte(`\ufffd`), []byte("\x9b"))
		w.Write(b)
	})
	mux.HandleFunc("/raw.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Raw %s</title><item><title>x</title><link>%s/page/1</link></item></channel></rss>", h, srv.URL)
	})
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Page %[1]s</title><meta name=\"author\" content=\"Bo %[1]s\"></head><body><article>"+
			"<h1>Head %[1]s</h1><p>%[2]s</p><p>Raw %[1]s and references &#x1b;]52;c;SGFja2Vk&#x7; &#x9b;2J &#x202e; in the "+
			"text of a page long enough to be read as an article by the extractor.</p></article></body></html>",
			h, strings.ReplaceAll(story, "\n\n", "</p><p>"))
	})
	return srv
}

// tamper writes hostile text into the database straight through SQL, as
// another program (or a colleague's copy) would: every text column of
// every highlight, one new row that is hostile throughout, and the feed
// cache's titles, summaries, bodies and errors.
func tamper(t *testing.T, dbPath string) {
	t.Helper()
	h := hostile("w")
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tags, _ := json.Marshal([]string{"tag" + h, "ok"})
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE highlights SET title = title || ?, source = ?, author = ?, note = ?, tags = ?, prefix = prefix || ?, suffix = ? || suffix`,
			[]any{" " + h, "Src " + h, "Auth " + h, "Note " + h + "\nsecond line " + h, string(tags), h, h}},
		{`INSERT INTO highlights (article_id, locator, title, source, author, article_date, text, prefix, suffix,
			start_byte, end_byte, note, tags, created, updated, orphan)
			VALUES (?, ?, ?, ?, ?, '2030-01-01T00:00:00Z', ?, ?, ?, 0, 10, ?, ?, '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 0)`,
			[]any{"id" + h, "/tmp/loc" + h + "\n.md", "Title " + h, "Src " + h, "Auth " + h, "Text " + h, h, h, "Note " + h, string(tags)}},
		{`UPDATE feed_state SET title = ?, last_error = ?`, []any{"Feed " + h, "error " + h}},
		{`UPDATE feed_items SET title = ?, source = ?, authors = ?, summary = ?`,
			[]any{"Cached " + h, "Src " + h, string(tags), "Summary " + h}},
		{`UPDATE feed_articles SET body = body || ?`, []any{"\n\nCached body " + h}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("tamper: %v\n%s", err, q.sql)
		}
	}
}

// keepHighlights stores a highlight on each of the given articles through
// the real notes API, as the reader's h does.
func keepHighlights(t *testing.T, dbPath string, paths ...string) {
	t.Helper()
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := notes.New(db)
	lib := articles.Open(paths, nil)
	if len(lib.Entries) != len(paths) {
		t.Fatalf("loaded %d of %d articles: %v", len(lib.Entries), len(paths), lib.Problems)
	}
	for _, e := range lib.Entries {
		a, err := e.Load()
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(a.Body, "Orchard")
		if i < 0 {
			t.Fatalf("%q: no story in %q", a.Path, a.Body)
		}
		h, err := notes.NewHighlight(a, i, i+len("Orchard Corp. agreed"), "a note")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Add(context.Background(), h); err != nil {
			t.Fatal(err)
		}
	}
}

// jsonLines checks that every line of out is a JSON value.
func jsonLines(t *testing.T, what string, out []byte) []map[string]any {
	t.Helper()
	var vals []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var v map[string]any
		if err := json.Unmarshal(line, &v); err != nil {
			t.Errorf("%s: not JSON: %v: %.200s", what, err, line)
			continue
		}
		vals = append(vals, v)
	}
	return vals
}

// TestHostileText sends every payload through every output newsmark has:
// annotate (readable and JSON), notes, export in each format to standard
// output and to files, feeds list, and the reader (its raw terminal
// stream).
func TestHostileText(t *testing.T) {
	t.Parallel()
	a := newArea(t, "hostile text")
	arts := hostileArticles(t)
	srv := hostileSite(t)
	dataDir := t.TempDir()
	dbPath := filepath.Join(dataDir, store.FileName)
	config := t.TempDir()
	os.MkdirAll(filepath.Join(config, "newsmark"), 0o755)
	os.WriteFile(filepath.Join(config, "newsmark", "feeds"), []byte(srv.URL+"/rss.xml \"~Hostile Wire\" deals\n"+
		srv.URL+"/feed.json \"~JSON Wire\"\n"), 0o644)
	env := []string{"XDG_CONFIG_HOME=" + config}
	named := filepath.Join(arts, hostileNames()[2].name) // the OSC 52 name
	keepHighlights(t, dbPath, filepath.Join(arts, "lead.md"), filepath.Join(arts, "wire.txt"), named)
	if r := nm(t, runOpts{env: env}, "feeds", "refresh", "--data-dir", dataDir); r.code != 0 {
		t.Fatalf("feeds refresh: exit %d: %s", r.code, r.stderr)
	}
	tamper(t, dbPath)

	// Each output is one case: stdout and stderr must be clean bytes, and
	// JSON must be JSON.
	type output struct {
		name string
		args []string
		json string // "lines", "doc" or ""
	}
	outputs := []output{
		{"annotate folder", []string{"annotate", arts}, ""},
		{"annotate --json folder", []string{"annotate", "--json", arts}, "lines"},
		{"annotate RSS feed", []string{"annotate", srv.URL + "/rss.xml"}, ""},
		{"annotate --json RSS feed", []string{"annotate", "--json", srv.URL + "/rss.xml"}, "lines"},
		{"annotate JSON Feed", []string{"annotate", srv.URL + "/feed.json"}, ""},
		{"annotate --json JSON Feed", []string{"annotate", "--json", srv.URL + "/feed.json"}, "lines"},
		{"refused: annotate --json a feed with a raw ESC (XML forbids it)", []string{"annotate", "--json", srv.URL + "/raw.xml"}, ""},
		{"annotate --json web page", []string{"annotate", "--json", srv.URL + "/page/9"}, "lines"},
		{"annotate - (stdin)", []string{"annotate", "-"}, ""},
		{"notes", []string{"notes", "--data-dir", dataDir}, ""},
		{"notes --json", []string{"notes", "--json", "--data-dir", dataDir}, "doc"},
		{"export md", []string{"export", "--all", "--data-dir", dataDir}, ""},
		{"export json", []string{"export", "--all", "--format", "json", "--data-dir", dataDir}, "doc"},
		{"export csv", []string{"export", "--all", "--format", "csv", "--data-dir", dataDir}, ""},
		{"export md of a loaded article", []string{"export", filepath.Join(arts, "lead.md"), "--data-dir", dataDir}, ""},
		{"export json of a hostile-named file", []string{"export", named, "--format", "json", "--data-dir", dataDir}, "doc"},
		{"feeds list", []string{"feeds", "list", "--data-dir", dataDir}, ""},
		// A glob can hand newsmark a file name that starts with "-".
		{"refused: annotate given a hostile name as a flag", []string{"annotate", "-" + named}, ""},
		{"refused: export given a hostile name as a flag", []string{"export", "-" + named}, ""},
		{"refused: export of a hostile name that is no file", []string{"export", named + ".gone", "--data-dir", dataDir}, ""},
		{"refused: notes given a hostile name as a flag", []string{"notes", "-" + named}, ""},
		{"refused: feeds given a hostile name as a flag", []string{"feeds", "-" + named}, ""},
		{"refused: the reader given a hostile name as a flag", []string{"-" + named}, ""},
		{"notes in a data folder with a hostile name", []string{"notes", "--data-dir", filepath.Join(t.TempDir(), "data"+hostile("d"))}, ""},
	}
	for _, o := range outputs {
		a.run(t, o.name, func(t *testing.T) {
			ro := runOpts{env: env}
			if o.args[len(o.args)-1] == "-" {
				ro.stdin = strings.NewReader("Title: Stdin " + hostile("w") + "\n\n" + story + hostile("s"))
			}
			r := nm(t, ro, o.args...)
			checkClean(t, "stdout", r.stdout)
			checkClean(t, "stderr", r.stderr)
			if len(r.stdout) == 0 && !strings.HasPrefix(o.name, "refused") && !strings.Contains(o.name, "data folder") {
				t.Errorf("nothing on stdout (exit %d): %s", r.code, r.stderr)
			}
			switch o.json {
			case "lines":
				jsonLines(t, o.name, r.stdout)
			case "doc":
				if !json.Valid(r.stdout) {
					t.Errorf("not JSON: %.300s", r.stdout)
				}
			}
			if strings.HasPrefix(o.name, "refused") && len(r.stderr) == 0 {
				t.Errorf("exit %d and nothing on stderr", r.code)
			}
		})
	}

	// Files written with -o keep the text minus control sequences.
	for _, f := range []string{"md", "json", "csv"} {
		a.run(t, "export "+f+" to a file", func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "notes."+f)
			r := nm(t, runOpts{}, "export", "--all", "--format", f, "-o", out, "--data-dir", dataDir)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			checkClean(t, "stderr", r.stderr)
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, out, b)
			if !bytes.Contains(b, []byte("Note w0")) {
				t.Errorf("the note's own text is gone: %.300s", b)
			}
			if f == "csv" {
				if _, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
					t.Errorf("not CSV: %v", err)
				}
			}
		})
	}

	// A script reading annotate --json gets each file's real name back.
	a.run(t, "annotate --json paths reopen the files", func(t *testing.T) {
		r := nm(t, runOpts{}, "annotate", "--json", arts)
		paths := map[string]bool{}
		for _, v := range jsonLines(t, "annotate --json", r.stdout) {
			if art, ok := v["article"].(map[string]any); ok {
				paths[fmt.Sprint(art["path"])] = true
			}
		}
		for _, n := range hostileNames() {
			p := filepath.Join(arts, n.name)
			if !utf8.ValidString(p) {
				continue // JSON strings are Unicode: a byte that is no UTF-8 cannot travel
			}
			if !paths[p] {
				t.Errorf("%s: the file's path is not in the JSON as it is: %q", n.payload, p)
			}
		}
	})

	// The reader: the library (hostile titles, a hostile problem line, feed
	// items), the article with the tampered notes, its tabs and the help.
	a.run(t, "reader: folder, feeds and tampered notes", func(t *testing.T) {
		tm := startTerm(t, env, "--data-dir", dataDir, arts, srv.URL+"/rss.xml", srv.URL+"/feed.json")
		tm.wait("Summary only w0", "Item w0", "Lead w0")
		tm.send("Enter")
		tm.wait("Body w0", "? help")
		tm.send("Tab")
		tm.send("2")
		tm.wait("Entities")
		tm.send("4")
		tm.wait("Note w0")
		tm.send("?")
		tm.wait("Keys")
		tm.send("?")
		tm.send("L")
		tm.wait("a link w0")
		tm.send("L")
		checkRaw(t, tm.quit(), "Lead", "Note", "Keys")
	})
	a.run(t, "reader: tampered feed cache", func(t *testing.T) {
		tm := startTerm(t, env, "--data-dir", dataDir)
		tm.wait("Cached w0")
		tm.send("Enter")
		tm.wait("? help")
		tm.send("Tab")
		tm.send("2")
		tm.send("4")
		tm.send("?")
		tm.wait("Keys")
		checkRaw(t, tm.quit(), "Cached", "Keys")
	})
	// Search and deals: the folder, indexed in the background, in the deal
	// tracker's rows and a deal's sources, and in the search results.
	a.run(t, "reader: search and deals", func(t *testing.T) {
		tm := startTerm(t, env, "--data-dir", dataDir, arts)
		tm.wait("Lead w0")
		tm.send("D")
		tm.wait("Deals ·", "Orchard Corp.")
		tm.send("Enter")
		tm.wait("Orchard Corp., Pine Ltd.", "enter opens one at the deal")
		tm.send("Escape")
		tm.wait("Src")
		tm.send("Escape")
		tm.wait("newsmark · ")
		tm.send("S")
		tm.send("-l", "carries every payload")
		tm.wait("Search ·", "Lead w0")
		tm.send("Enter")
		tm.wait("search: ")
		checkRaw(t, tm.quit(), "Deals", "Search", "Lead")
	})
}
