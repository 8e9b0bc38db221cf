package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/feeds"
	"newsmark/fetch"
	"newsmark/model"
	"newsmark/sanitize"
)

// annotationSchema names the JSON Lines format of `annotate --json`
// (../shared/eval/SCHEMA.md).
const annotationSchema = "newsmark.annotations/1"

// jsonArticle is the "article" object of one annotation line.
type jsonArticle struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Caption      string   `json:"caption"`
	Source       string   `json:"source"`
	Date         string   `json:"date"`
	Authors      []string `json:"authors"`
	Contributors []string `json:"contributors"`
	URL          string   `json:"url"`
	Path         string   `json:"path"`
}

// jsonLine is one line of `annotate --json`.
type jsonLine struct {
	Schema   string          `json:"schema"`
	Article  jsonArticle     `json:"article"`
	Body     string          `json:"body"`
	Entities []model.Entity  `json:"entities"`
	Quotes   []model.Quote   `json:"quotes"`
	Ventures []model.Venture `json:"ventures"`
}

// hugeInput is the file size from which annotate asks for huge pages:
// below it the heap hardly grows and the advice costs what it saves.
const hugeInput = 256 << 10

// largestFile returns the size of the largest regular file among paths
// (folders, URLs and stdin count as nothing: they are not read twice).
func largestFile(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			n = max(n, st.Size())
		}
	}
	return n
}

// runAnnotate implements `newsmark annotate [--json] PATH...`.
func runAnnotate(env Env, args []string) int {
	asJSON := false
	var paths []string
	onlyPaths := false
	maxFetch := feeds.DefaultMaxFetch
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case onlyPaths || a == "-" || !strings.HasPrefix(a, "-"):
			paths = append(paths, a)
		case a == "--":
			onlyPaths = true
		case a == "--json" || a == "-json":
			asJSON = true
		case a == "--no-fetch":
			maxFetch = 0
		case a == "--max-fetch" || strings.HasPrefix(a, "--max-fetch="):
			v, ok := strings.CutPrefix(a, "--max-fetch=")
			if !ok && i+1 < len(args) {
				i++
				v = args[i]
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				fmt.Fprintf(env.Stderr, "newsmark: annotate: --max-fetch wants a number of pages, 0 or more, not %q\n", sanitize.Line(v))
				return 2
			}
			maxFetch = n
		case a == "-h" || a == "--help":
			fmt.Fprintln(env.Stdout, "usage: newsmark annotate [--json] [--max-fetch N | --no-fetch] PATH...\n"+
				"PATH: a file, a folder, - for stdin, or an http(s) URL (a page or a feed).\n"+
				"A feed's items without full text have their pages fetched, 4 at a time and at most N per feed\n"+
				"(--max-fetch, default 50); the others, and all with --no-fetch, are annotated from the feed's own text.")
			return 0
		default:
			fmt.Fprintf(env.Stderr, "newsmark: annotate: unknown flag %s\n", sanitize.Quote(a))
			return 2
		}
	}
	if len(paths) == 0 {
		fmt.Fprintln(env.Stderr, "newsmark: annotate: give at least one PATH (or - for stdin)")
		return 2
	}
	if n := largestFile(paths); n >= hugeInput {
		// about what annotating it will put on the heap
		hugePages(int(min(16*n+16<<20, 256<<20)))
	}
	go annotate.Prepare() // the word tables get built while the inputs are read
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	defer out.Flush()
	// URLs are fetched (pages and feeds alike); paths are read from disk.
	notice := func(s string) { fmt.Fprintln(env.Stderr, "newsmark:", s) }
	lib := feeds.OpenInputsWith(context.Background(), fetch.NewClient(Version), paths, env.Stdin,
		feeds.OpenOptions{MaxFetch: maxFetch, Notice: notice})
	code := 0
	for _, p := range lib.Problems {
		fmt.Fprintf(env.Stderr, "newsmark: %s: %s\n", p.Path, p.Reason)
		code = 1
	}
	progress := newProgress(env.Stderr, env.Stdout, len(lib.Entries), hasURL(paths))
	defer progress.done()
	// Loads run 4 at a time: a feed item's load may fetch its page.
	for i, l := range articles.LoadAll(lib.Entries, fetchWorkers) {
		progress.step(i + 1)
		e, a, err := l.Entry, l.Article, l.Err
		if err != nil {
			progress.clear()
			who := e.Meta.Locator()
			if e.Name != "" {
				who = e.Name // as given
			}
			fmt.Fprintf(env.Stderr, "newsmark: %s: %v\n", sanitize.Quote(who), err)
			// the feed's summary in place of a page that could not be
			// fetched is still an article: annotate it
			if summary := (*feeds.SummaryOnly)(nil); !errors.As(err, &summary) {
				code = 1
				continue
			}
		}
		ann := annotate.Article(a)
		if e.Name != "" {
			// The JSON names a file as it was given (SCHEMA.md); a.Path,
			// its absolute form, is the notes' locator.
			a.Path = e.Name
		}
		if asJSON {
			if err := writeLine(out, annotationLine(a, ann)); err != nil {
				fmt.Fprintf(env.Stderr, "newsmark: %s: %v\n", sanitize.Quote(a.Locator()), err)
				return 1
			}
		} else {
			writeSummary(out, a, ann)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(env.Stderr, "newsmark: write: %v\n", err)
		return 1
	}
	return code
}

// annotationLine builds the JSON object for one article; every list is
// non-nil so it prints as [] rather than null.
func annotationLine(a model.Article, ann model.Annotations) jsonLine {
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
	}
	ents := ann.Entities
	for i := range ents {
		if ents[i].Mentions == nil {
			ents[i].Mentions = []model.Span{}
		}
		if ents[i].MetaMentions == nil {
			ents[i].MetaMentions = []model.MetaMention{}
		}
	}
	vs := ann.Ventures
	for i := range vs {
		vs[i].Parties = nonNil(vs[i].Parties)
		vs[i].PartyIDs = nonNil(vs[i].PartyIDs)
		vs[i].Amounts = nonNil(vs[i].Amounts)
		if vs[i].Evidence == nil {
			vs[i].Evidence = []model.Span{}
		}
	}
	if ents == nil {
		ents = []model.Entity{}
	}
	qs := ann.Quotes
	if qs == nil {
		qs = []model.Quote{}
	}
	if vs == nil {
		vs = []model.Venture{}
	}
	return jsonLine{
		Schema: annotationSchema,
		Article: jsonArticle{
			ID: a.ID, Title: a.Title, Caption: a.Caption, Source: a.Source, Date: date,
			Authors: nonNil(a.Authors), Contributors: nonNil(a.Contributors), URL: a.URL, Path: a.Path,
		},
		Body: a.Body, Entities: ents, Quotes: qs, Ventures: vs,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeSummary prints the readable form: entities by kind with counts,
// quotes grouped by speaker, ventures as short cards.
func writeSummary(w io.Writer, a model.Article, ann model.Annotations) {
	title := a.Title
	if title == "" {
		title = sanitize.Quote(a.Locator())
	}
	fmt.Fprintf(w, "== %s\n", title)
	if l := sanitize.Quote(a.Locator()); l != "" && l != title {
		fmt.Fprintf(w, "   %s\n", l)
	}
	for _, kind := range model.EntityKinds() {
		var items []string
		for _, e := range ann.Entities {
			if e.Kind != kind {
				continue
			}
			label := e.Name()
			if kind == model.Figure && e.Subkind != "" {
				label += " [" + string(e.Subkind) + "]"
			}
			item := fmt.Sprintf("%s ×%d", label, e.Count())
			if len(e.Mentions) == 0 {
				item += " (" + e.Outside() + ")" // not in the text
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", kind.Plural(), len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  %s\n", it)
		}
	}
	if len(ann.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes (%d)\n", len(ann.Quotes))
		for _, g := range model.QuotesBySpeaker(ann.Quotes) {
			s := g.Speaker
			if s == "" {
				s = "(unattributed)"
			}
			fmt.Fprintf(w, "  %s (%d)\n", s, len(g.Quotes))
			for _, i := range g.Quotes {
				fmt.Fprintf(w, "    “%s”\n", shorten(ann.Quotes[i].Text, 100))
			}
		}
	}
	if len(ann.Ventures) > 0 {
		fmt.Fprintf(w, "\nVentures (%d)\n", len(ann.Ventures))
		for _, v := range ann.Ventures {
			fmt.Fprintf(w, "  ┌ %s (%s): %s\n", strings.ToLower(v.Kind.Title()), v.Status, strings.Join(v.Parties, " + "))
			if v.Summary != "" {
				fmt.Fprintf(w, "  │ %s\n", shorten(v.Summary, 100))
			}
			for _, f := range [][2]string{{"name", v.Name}, {"amount", strings.Join(v.Amounts, ", ")}, {"stake", v.Stake},
				{"location", v.Location}, {"headcount", v.Headcount}, {"timeframe", v.Timeframe}} {
				if f[1] != "" {
					fmt.Fprintf(w, "  │ %s: %s\n", f[0], f[1])
				}
			}
			fmt.Fprintln(w, "  └")
		}
	}
	fmt.Fprintln(w)
}

// shorten cuts s to at most n runes, on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// writeLine writes one JSON Lines record. The body, most of the bytes, is
// escaped by hand (encoding/json's string encoder is the slow part on a
// 2 MB article), and so are the quotes; entities are written one at a
// time. No buffer grows to the size of the record (on a 2 MB article a
// marshalled record is megabytes of fresh memory); the rest goes through
// encoding/json.
func writeLine(w *bufio.Writer, l jsonLine) error {
	body, ents, qs := l.Body, l.Entities, l.Quotes
	l.Body, l.Entities, l.Quotes = "", []model.Entity{}, []model.Quote{}
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	// The article's path is kept exact, so it may hold what the body
	// cannot (it is sanitized): escape those characters.
	b = escapeControls(b)
	// Marshal writes the fields in struct order: split at the empty body,
	// entities and quotes.
	const mark = `,"body":"","entities":[],"quotes":[]`
	i := bytes.Index(b, []byte(mark))
	if i < 0 {
		return fmt.Errorf("annotation record has no body field")
	}
	w.Write(b[:i])
	w.WriteString(`,"body":`)
	writeJSONString(w, body, false)
	w.WriteString(`,"entities":[`)
	for k, e := range ents {
		if k > 0 {
			w.WriteByte(',')
		}
		if err := writeEntity(w, e); err != nil {
			return err
		}
	}
	w.WriteString(`],"quotes":[`)
	for k, q := range qs {
		if k > 0 {
			w.WriteByte(',')
		}
		writeQuote(w, q)
	}
	w.WriteByte(']')
	w.Write(b[i+len(mark):])
	return w.WriteByte('\n')
}

// writeEntity writes one entity; its mentions, thousands for a company
// named all through a long article, are written by hand.
func writeEntity(w *bufio.Writer, e model.Entity) error {
	ms := e.Mentions
	e.Mentions = []model.Span{}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	const mark = `"mentions":[]`
	i := bytes.Index(b, []byte(mark))
	if i < 0 {
		return fmt.Errorf("entity record has no mentions field")
	}
	w.Write(b[:i])
	w.WriteString(`"mentions":[`)
	for k, m := range ms {
		if k > 0 {
			w.WriteByte(',')
		}
		w.WriteString(`{"start":`)
		writeInt(w, m.Start)
		w.WriteString(`,"end":`)
		writeInt(w, m.End)
		w.WriteByte('}')
	}
	w.WriteByte(']')
	w.Write(b[i+len(mark):])
	return nil
}

// writeQuote writes q exactly as encoding/json marshals it
// (TestQuoteMatchesEncodingJSON keeps the two in step).
func writeQuote(w *bufio.Writer, q model.Quote) {
	w.WriteString(`{"text":`)
	writeJSONString(w, q.Text, true)
	w.WriteString(`,"speaker":`)
	writeJSONString(w, q.Speaker, true)
	w.WriteString(`,"speaker_id":`)
	writeJSONString(w, q.SpeakerID, true)
	w.WriteString(`,"start":`)
	writeInt(w, q.Start)
	w.WriteString(`,"end":`)
	writeInt(w, q.End)
	w.WriteByte('}')
}

// writeInt writes v in decimal straight into w's buffer (a local digit
// array would escape and cost an allocation per number).
func writeInt(w *bufio.Writer, v int) {
	w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(v), 10))
}

const hexDigits = "0123456789abcdef"

// jsonPlain and jsonPlainHTML mark the ASCII bytes a JSON string holds as
// they are, without and with encoding/json's escaping of <, > and &.
var jsonPlain, jsonPlainHTML = func() (plain, html [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, html
}()

// plain8 reports whether the 8 bytes of s are all printable ASCII other
// than '"' and '\\' (and, with escapeHTML, '<', '>' and '&'), which a JSON
// string holds as they are. It tests them at once: a byte of 0x80 or more,
// 0x7F (+1 makes 0x80) or one below 0x20 (-0x20 wraps) sets a high bit, and
// so does a byte equal to c in x^c-ones&^(x^c).
func plain8(s string, escapeHTML bool) bool {
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	has := func(c uint64) uint64 { y := x ^ c*ones; return (y - ones) &^ y }
	bad := x | (x + ones) | (x-0x20*ones)&^x | has('"') | has('\\')
	if escapeHTML {
		bad |= has('<') | has('>') | has('&')
	}
	return bad&highs == 0
}

// writeJSONString writes s as a JSON string: runs of plain bytes are copied
// at once; controls, quotes, backslashes, U+2028/U+2029 (and with
// escapeHTML <, > and &) are escaped and invalid UTF-8 becomes U+FFFD, byte
// for byte as encoding/json does.
func writeJSONString(w *bufio.Writer, s string, escapeHTML bool) {
	plain := &jsonPlain
	if escapeHTML {
		plain = &jsonPlainHTML
	}
	w.WriteByte('"')
	start := 0
	blockFrom := 0 // blocks of 8 are tested from here on, not again inside one that failed
	for i := 0; i < len(s); {
		if i >= blockFrom && i+8 <= len(s) {
			if plain8(s[i:i+8], escapeHTML) {
				i += 8 // most of an article is runs of plain ASCII
				continue
			}
			blockFrom = i + 8
		}
		c := s[i]
		if c < utf8.RuneSelf && plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\b':
				w.WriteString(`\b`)
			case '\f':
				w.WriteString(`\f`)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.WriteString(s[start:i])
			w.WriteString(`\ufffd`)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			w.WriteString(s[start:i])
			w.WriteString(`\u202`)
			w.WriteByte(hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// escapeControls rewrites the C1 controls (U+0080–U+009F) and the bidi
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) of
// marshalled JSON as \u escapes, which encoding/json leaves raw: a JSON
// decoder reads the same string, and a terminal showing the JSON sees no
// 8-bit CSI and no reordering. They are not ASCII, so they can only be
// inside strings.
func escapeControls(b []byte) []byte {
	if bytes.IndexByte(b, 0xc2) < 0 && bytes.IndexByte(b, 0xe2) < 0 {
		return b // every one of them starts with one of these two bytes
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			out = append(out, `\u`...)
			out = append(out, hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
