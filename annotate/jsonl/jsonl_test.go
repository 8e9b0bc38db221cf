package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsmark/model"
)

// write runs Write into a buffer.
func write(t *testing.T, a model.Article, ann model.Annotations) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := Write(w, a, ann); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	return buf.Bytes()
}

// A line is what encoding/json makes of the whole record, byte for byte,
// with the path written beside the other article fields. (The body alone is
// written without encoding/json's escaping of <, > and &:
// TestStringBytesMatchEncodingJSON holds it to that.)
func TestWriteIsEncodingJSONOfTheRecord(t *testing.T) {
	t.Parallel()
	a := model.Article{ID: "3f2a", Title: "Acme <to> buy “Bolt” & more", Source: "Wire", URL: "https://example.com/a?b=1&c=2",
		Path: "stories/acme & bolt <1>.txt", Date: time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC), Authors: []string{"Ann Lee"},
		Body: "Acme Corp. will buy Bolt Ltd. for $3 billion, \"chief\" Ann Lee said.\n\nLine\u2028two\tend \\ done"}
	ann := model.Annotations{
		Entities: []model.Entity{
			{ID: "e1", Kind: model.Company, Text: "Acme Corp.", Canonical: "Acme Corp.", Cue: "suffix",
				Mentions: []model.Span{{Start: 0, End: 10}}},
			{ID: "e2", Kind: model.Figure, Subkind: model.Money, Text: "$3 billion", Cue: "number", Value: 3e9, Unit: "USD",
				Mentions: []model.Span{{Start: 35, End: 45}}, MetaMentions: []model.MetaMention{{Field: "title", Start: 0, End: 4}}},
		},
		Quotes:   []model.Quote{{Text: "chief", Speaker: "Ann Lee", SpeakerID: "e3", Start: 48, End: 53}},
		Ventures: []model.Venture{{Kind: model.Acquisition, Parties: []string{"Acme Corp.", "Bolt Ltd."}, Status: model.Announced}},
	}
	got := write(t, a, ann)
	l := newLine(a, ann)
	l.Article.Path = a.Path
	want, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want)+"\n" {
		t.Errorf("Write gives\n%s\nencoding/json gives\n%s", got, want)
	}
	// nothing at all still gives lists, never null
	empty := write(t, model.Article{}, model.Annotations{})
	for _, k := range []string{`"authors":[]`, `"contributors":[]`, `"entities":[]`, `"quotes":[]`, `"ventures":[]`, `"date":""`, `"path":""`} {
		if !bytes.Contains(empty, []byte(k)) {
			t.Errorf("empty record lacks %s: %s", k, empty)
		}
	}
}

// Paths are escaped, not cleaned: file names that differ only in control
// characters or in bytes that are no UTF-8 come out different, and a reader
// that decodes surrogate escapes (Python's json with surrogateescape file
// names) gets every byte back.
func TestPathsAreEscapedNotCleaned(t *testing.T) {
	t.Parallel()
	paths := []string{"f-.txt", "f\x1b[2J-.txt", "f\x07-.txt", "f\x1b]0;pwned\x07-.txt", "f\r-.txt", "f\xff-.txt",
		"f\xfe-.txt", "f\u2028-.txt", "f\x7f-.txt", "f\"-.txt", "f\\-.txt"}
	seen := map[string]string{}
	for _, p := range paths {
		line := write(t, model.Article{Path: p}, model.Annotations{})
		var rec struct {
			Article struct {
				Path json.RawMessage `json:"path"`
			} `json:"article"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("%q: not JSON: %v\n%s", p, err, line)
		}
		raw := string(rec.Article.Path)
		if q, dup := seen[raw]; dup {
			t.Errorf("%q and %q both come out as %s", q, p, raw)
		}
		seen[raw] = p
		if back := decodeSurrogateEscaped(t, raw); back != p {
			t.Errorf("%q comes out as %s, which reads back as %q", p, raw, back)
		}
		if strings.ContainsAny(raw, "\x1b\x07\r") {
			t.Errorf("%q: a control character is written raw: %s", p, raw)
		}
	}
}

// decodeSurrogateEscaped decodes a JSON string as Python does for file
// names: \udcXX (a lone low surrogate) is the byte XX.
func decodeSurrogateEscaped(t *testing.T, js string) string {
	t.Helper()
	var out strings.Builder
	for {
		i := strings.Index(js, `\udc`)
		if i < 0 {
			break
		}
		var part string
		if err := json.Unmarshal([]byte(js[:i]+`"`), &part); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		out.WriteString(part)
		var b byte
		for _, c := range js[i+4 : i+6] {
			b = b<<4 | byte(strings.IndexRune(hexDigits, c))
		}
		out.WriteByte(b)
		js = `"` + js[i+6:]
	}
	var part string
	if err := json.Unmarshal([]byte(js), &part); err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	out.WriteString(part)
	return out.String()
}

func TestStringMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "quote \" back \\ slash", "tab\tnew\nline\rcr", "\x00\x01\x1f ctrl",
		"“curly” ’ — € ¥ 東京", "line\u2028sep\u2029para", "bad \xff\xfe utf8 \xc3", "<html> & 'x'"} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeString(w, s, false)
		w.Flush()
		var back, want string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Errorf("%q: invalid JSON %s: %v", s, buf.Bytes(), err)
			continue
		}
		std, _ := json.Marshal(s)
		if err := json.Unmarshal(std, &want); err != nil || back != want {
			t.Errorf("%q: decodes to %q, encoding/json's to %q", s, back, want)
		}
	}
}

func TestQuoteMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, q := range []model.Quote{{}, {Text: "“More is better,” he said", Speaker: "Jane Roe", SpeakerID: "person:jane-roe", Start: 12, End: 345},
		{Text: "<b>A & B</b> \"quoted\" back\\slash", Speaker: "\x00\x08\x0c\x1f\t\n\r", SpeakerID: "line\u2028sep\u2029 bad \xff\xc3", Start: -1, End: 1 << 40}} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeQuote(w, q)
		w.Flush()
		if want, _ := json.Marshal(q); buf.String() != string(want) {
			t.Errorf("writeQuote gives\n%s\nencoding/json gives\n%s", buf.Bytes(), want)
		}
	}
}

// writeString tests 8 bytes at a time: every byte value at every place of
// a block must come out exactly as encoding/json writes it; and so must a
// path, but for the bytes that are no UTF-8.
func TestStringBytesMatchEncodingJSON(t *testing.T) {
	t.Parallel()
	var ins []string
	for c := 0; c < 256; c++ {
		for at := 0; at < 17; at++ {
			b := []byte("Plain text, 17 b.")
			b[at] = byte(c)
			ins = append(ins, string(b), string(b[:at+1]))
		}
	}
	ins = append(ins, "“curly” ’ — € ¥ 東京 and plain ASCII after it", "12345678\u2028\u20291234567", "<a href=\"x\">&amp;</a> tail text")
	for _, s := range ins {
		for _, html := range []bool{false, true} {
			var got, want bytes.Buffer
			w := bufio.NewWriter(&got)
			writeString(w, s, html)
			w.Flush()
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			enc.Encode(s)
			if got.String() != strings.TrimSuffix(want.String(), "\n") {
				t.Fatalf("%q (escapeHTML %v): got %s, encoding/json %s", s, html, got.Bytes(), want.Bytes())
			}
			if !html || !strings.Contains(got.String(), `\ufffd`) || strings.Contains(s, "\ufffd") {
				var path bytes.Buffer
				w := bufio.NewWriter(&path)
				writePath(w, s)
				w.Flush()
				if html && path.String() != got.String() {
					t.Fatalf("%q: path %s, encoding/json %s", s, path.Bytes(), got.Bytes())
				}
			}
		}
	}
}

// writeString passes the usual characters beyond ASCII without decoding
// them: each one from U+0080 to U+07FF and U+2000 to U+206F, at every place
// of a block of 8, cut short or followed by a byte that cannot continue it,
// comes out as a rune-by-rune escaper writes it.
func TestStringRunesMatchARuneByRuneEscaper(t *testing.T) {
	t.Parallel()
	var runes []string
	for r := rune(0x80); r < 0x800; r++ {
		runes = append(runes, string(r))
	}
	for r := rune(0x2000); r < 0x2070; r++ {
		runes = append(runes, string(r))
	}
	for _, r := range runes {
		b := []byte(r)
		runes = append(runes, string(b[:len(b)-1]), string(b[:len(b)-1])+"A")
	}
	for _, r := range runes {
		for at := 0; at < 10; at++ {
			s := "Plain text, 17 b."[:at] + r + "Plain text, 17 b."[at:]
			for _, html := range []bool{false, true} {
				var got bytes.Buffer
				w := bufio.NewWriter(&got)
				writeString(w, s, html)
				w.Flush()
				if want := escapeRunes(s, html); got.String() != want {
					t.Fatalf("%q (escapeHTML %v): got %s, want %s", s, html, got.Bytes(), want)
				}
			}
		}
	}
}

// escapeRunes is writeString written rune by rune.
func escapeRunes(s string, html bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd"):
			b.WriteString(`\ufffd`)
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20, html && (r == '<' || r == '>' || r == '&'), r >= 0x80 && r <= 0x9f,
			r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestRoleMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, r := range []model.Role{{}, {Person: "Ada Vane", PersonID: "e4", Company: "Alder Mills Ltd.", CompanyID: "e2",
		Title: "chief executive", Evidence: model.Span{Start: 10, End: 52}},
		{Person: "<b>A & B</b>", Title: "\x00\x1f\t\n", Company: "line\u2028sep \xff", Evidence: model.Span{Start: -1, End: 1 << 40}}} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeRole(w, r)
		w.Flush()
		if want, _ := json.Marshal(r); buf.String() != string(want) {
			t.Errorf("writeRole gives\n%s\nencoding/json gives\n%s", buf.Bytes(), want)
		}
	}
}

// Schema 2 is schema 1's line, named /2, with the roles last: a reader of
// /1 finds every field it knows where it was, and Write never writes roles.
func TestWriteV2AddsRoles(t *testing.T) {
	t.Parallel()
	a := model.Article{ID: "x", Title: "Alder names a chief", Body: "Alder Mills Ltd. chief executive Ada Vane said the plan would work."}
	ann := model.Annotations{
		Entities: []model.Entity{{ID: "e1", Kind: model.Company, Text: "Alder Mills Ltd.", Mentions: []model.Span{{Start: 0, End: 16}}},
			{ID: "e2", Kind: model.Person, Text: "Ada Vane", Mentions: []model.Span{{Start: 33, End: 41}}}},
		Roles: []model.Role{{Person: "Ada Vane", PersonID: "e2", Company: "Alder Mills Ltd.", CompanyID: "e1",
			Title: "chief executive", Evidence: model.Span{Start: 0, End: 41}}},
	}
	var v1, v2 bytes.Buffer
	for _, c := range []struct {
		buf   *bytes.Buffer
		write func(*bufio.Writer, model.Article, model.Annotations) error
	}{{&v1, Write}, {&v2, WriteV2}} {
		w := bufio.NewWriter(c.buf)
		if err := c.write(w, a, ann); err != nil {
			t.Fatal(err)
		}
		w.Flush()
	}
	if bytes.Contains(v1.Bytes(), []byte(`"roles"`)) || !bytes.Contains(v1.Bytes(), []byte(`"schema":"newsmark.annotations/1"`)) {
		t.Errorf("schema 1 line: %s", v1.Bytes())
	}
	want := strings.Replace(strings.TrimSuffix(v1.String(), "}\n"), Schema, SchemaV2, 1) +
		`,"roles":[{"person":"Ada Vane","person_id":"e2","company":"Alder Mills Ltd.","company_id":"e1","title":"chief executive","evidence":{"start":0,"end":41}}]}` + "\n"
	if v2.String() != want {
		t.Errorf("schema 2 line\n%s\nwant\n%s", v2.String(), want)
	}
	var rec struct {
		Schema string       `json:"schema"`
		Roles  []model.Role `json:"roles"`
	}
	if err := json.Unmarshal(v2.Bytes(), &rec); err != nil || rec.Schema != SchemaV2 || len(rec.Roles) != 1 ||
		a.Body[rec.Roles[0].Evidence.Start:rec.Roles[0].Evidence.End] != "Alder Mills Ltd. chief executive Ada Vane" {
		t.Errorf("schema 2 decodes to %+v, %v", rec, err)
	}
	// no roles: an empty list, never null
	var empty bytes.Buffer
	w := bufio.NewWriter(&empty)
	WriteV2(w, model.Article{}, model.Annotations{})
	w.Flush()
	if !bytes.HasSuffix(empty.Bytes(), []byte(`,"roles":[]}`+"\n")) {
		t.Errorf("schema 2 without roles: %s", empty.Bytes())
	}
}
