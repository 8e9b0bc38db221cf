package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"newsmark/model"
)

// Schema names the format of every line Write writes; SchemaV2 that of
// WriteV2's lines, which add the roles.
const (
	Schema   = "newsmark.annotations/1"
	SchemaV2 = "newsmark.annotations/2"
)

// article is the "article" object of one line.
type article struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Caption      string   `json:"caption"`
	Source       string   `json:"source"`
	Date         string   `json:"date"`
	Authors      []string `json:"authors"`
	Contributors []string `json:"contributors"`
	URL          string   `json:"url"`
	Path         string   `json:"path"` // written by Write itself (writePath); always "" here
}

// line is one line of output, as encoding/json lays it out; Write splices
// in the body, entities, quotes and path it writes itself.
type line struct {
	Schema   string          `json:"schema"`
	Article  article         `json:"article"`
	Body     string          `json:"body"`
	Entities []model.Entity  `json:"entities"`
	Quotes   []model.Quote   `json:"quotes"`
	Ventures []model.Venture `json:"ventures"`
}

// Write writes one JSON line for article a and its annotations: every list
// non-nil (so it prints as [], not null), the date as YYYY-MM-DD or "".
//
// The body, most of the bytes, is escaped by hand (encoding/json's string
// encoder is the slow part on a 2 MB article), and so are the quotes and
// the mentions; entities are written one at a time. No buffer grows to the
// size of the line (on a 2 MB article a marshalled line is megabytes of
// fresh memory); the rest goes through encoding/json. Write sets empty
// lists in ann's entities and ventures in place of nil ones.
func Write(w *bufio.Writer, a model.Article, ann model.Annotations) error {
	return writeLine(w, a, ann, false)
}

// WriteV2 writes one line of newsmark.annotations/2: the line Write
// writes, named SchemaV2, with the annotations' roles after the ventures
// ("roles": [] when there are none).
func WriteV2(w *bufio.Writer, a model.Article, ann model.Annotations) error {
	return writeLine(w, a, ann, true)
}

// writeLine is Write, or WriteV2 with v2.
func writeLine(w *bufio.Writer, a model.Article, ann model.Annotations, v2 bool) error {
	l := newLine(a, ann)
	if v2 {
		l.Schema = SchemaV2
	}
	body, ents, qs := l.Body, l.Entities, l.Quotes
	l.Body, l.Entities, l.Quotes = "", []model.Entity{}, []model.Quote{}
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	// Marshal writes the fields in struct order: split at the empty path,
	// and at the empty body, entities and quotes.
	const pathMark = `,"path":""}`
	const mark = `,"body":"","entities":[],"quotes":[]`
	p := bytes.Index(b, []byte(pathMark))
	i := bytes.Index(b, []byte(mark))
	if p < 0 || i < p {
		return fmt.Errorf("annotation record has no path or body field")
	}
	w.Write(b[:p])
	w.WriteString(`,"path":`)
	writePath(w, a.Path)
	w.WriteByte('}')
	w.Write(b[p+len(pathMark) : i])
	w.WriteString(`,"body":`)
	writeString(w, body, false)
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
	tail := b[i+len(mark):]
	if !v2 {
		w.Write(tail)
		return w.WriteByte('\n')
	}
	// The roles go last, inside the object's closing brace.
	w.Write(tail[:len(tail)-1])
	w.WriteString(`,"roles":[`)
	for k, r := range ann.Roles {
		if k > 0 {
			w.WriteByte(',')
		}
		writeRole(w, r)
	}
	w.WriteString("]}")
	return w.WriteByte('\n')
}

// writeRole writes r as encoding/json marshals it, with the controls and
// bidi overrides escaped as in every other string of the line
// (TestRoleMatchesEncodingJSON keeps the two in step).
func writeRole(w *bufio.Writer, r model.Role) {
	w.WriteString(`{"person":`)
	writeString(w, r.Person, true)
	w.WriteString(`,"person_id":`)
	writeString(w, r.PersonID, true)
	w.WriteString(`,"company":`)
	writeString(w, r.Company, true)
	w.WriteString(`,"company_id":`)
	writeString(w, r.CompanyID, true)
	w.WriteString(`,"title":`)
	writeString(w, r.Title, true)
	w.WriteString(`,"evidence":{"start":`)
	writeInt(w, r.Evidence.Start)
	w.WriteString(`,"end":`)
	writeInt(w, r.Evidence.End)
	w.WriteString("}}")
}

// newLine builds the object for one article; every list is non-nil.
func newLine(a model.Article, ann model.Annotations) line {
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
	return line{
		Schema: Schema,
		Article: article{
			ID: a.ID, Title: a.Title, Caption: a.Caption, Source: a.Source, Date: date,
			Authors: nonNil(a.Authors), Contributors: nonNil(a.Contributors), URL: a.URL,
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
	writeString(w, q.Text, true)
	w.WriteString(`,"speaker":`)
	writeString(w, q.Speaker, true)
	w.WriteString(`,"speaker_id":`)
	writeString(w, q.SpeakerID, true)
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

// plain and plainHTML mark the ASCII bytes a JSON string holds as they are,
// without and with encoding/json's escaping of <, > and &.
var plain, plainHTML = func() (plain, html [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, html
}()

// notPlain8 returns a mask whose lowest set bit is the high bit of the
// first of the 8 bytes of s that is not printable ASCII other than '"' and
// '\\' (and, with escapeHTML, '<', '>' and '&'), which a JSON string holds
// as they are; 0 when all 8 are. It tests them at once: a byte of 0x80 or
// more, 0x7F (+1 makes 0x80) or one below 0x20 (-0x20 wraps) sets a high
// bit, and so does a byte equal to c in x^c-ones&^(x^c). A carry or borrow
// can set the bits of later bytes too, never of an earlier one.
func notPlain8(s string, escapeHTML bool) uint64 {
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	has := func(c uint64) uint64 { y := x ^ c*ones; return (y - ones) &^ y }
	bad := x | (x + ones) | (x-0x20*ones)&^x | has('"') | has('\\')
	if escapeHTML {
		bad |= has('<') | has('>') | has('&')
	}
	return bad & highs
}

// writeString writes s as a JSON string: runs of plain bytes are copied at
// once; controls (C1 and bidi overrides too), quotes, backslashes,
// U+2028/U+2029 (and with escapeHTML
// <, > and &) are escaped and invalid UTF-8 becomes U+FFFD, byte for byte
// as encoding/json does.
func writeString(w *bufio.Writer, s string, escapeHTML bool) {
	writeEscaped(w, s, escapeHTML, false)
}

// writePath writes a file path as a JSON string. A path is escaped, never
// cleaned, so that a script can open the file it names and two paths never
// come out alike: control characters are escaped as encoding/json escapes
// them, and each byte of invalid UTF-8 (a file name need not be text)
// becomes the lone surrogate \udcXX of its value XX, as Python's
// surrogateescape reads and writes file names (json.loads then open()
// reopens the file). For a path that is valid UTF-8 the output is
// encoding/json's.
func writePath(w *bufio.Writer, p string) { writeEscaped(w, p, true, true) }

// writeEscaped is writeString; with bytesAsSurrogates an invalid byte XX
// becomes \udcXX instead of U+FFFD.
func writeEscaped(w *bufio.Writer, s string, escapeHTML, bytesAsSurrogates bool) {
	pl := &plain
	if escapeHTML {
		pl = &plainHTML
	}
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// most of an article is runs of plain ASCII: 8 bytes at a
			// time, and from a block that is not all plain straight to
			// its first byte that is not
			bad := notPlain8(s[i:i+8], escapeHTML)
			if bad == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(bad) >> 3
		}
		c := s[i]
		if c < utf8.RuneSelf && pl[c] {
			i++
			continue
		}
		// the usual characters beyond ASCII, which are never escaped and
		// need no decoding: a 2-byte one from U+00A0 (none of the C1
		// controls), and U+2000–U+2027 (spaces, dashes, curly quotes)
		if i+1 < len(s) && (c == 0xC2 && s[i+1] >= 0xA0 || c > 0xC2 && c < 0xE0) && s[i+1] >= 0x80 && s[i+1] < 0xC0 {
			i += 2
			continue
		}
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x80 && s[i+2] <= 0xA7 {
			i += 3
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
			if bytesAsSurrogates {
				w.WriteString(`\udc`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xF])
			} else {
				w.WriteString(`\ufffd`)
			}
			i++
			start = i
			continue
		}
		// U+2028/U+2029 as encoding/json escapes them; C1 controls and bidi
		// overrides too, which encoding/json lets through: a path keeps
		// them (it is exact), and the terminal that shows the JSON must
		// not act on them.
		if r == '\u2028' || r == '\u2029' || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			w.WriteString(s[start:i])
			w.WriteString(`\u`)
			w.WriteByte(hexDigits[r>>12&0xF])
			w.WriteByte(hexDigits[r>>8&0xF])
			w.WriteByte(hexDigits[r>>4&0xF])
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
