package articles

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/segment"
)

// parseText reads plain-text wire copy: s is sanitised text. The leading
// `date YYYY-MM-DD caption` line and `Key: value` header lines become
// metadata, then the body paragraphs go through cleanParagraphs. Paragraph
// text is kept byte for byte (only trimmed), because annotation offsets
// index the body we print.
func parseText(s string) model.Article {
	var a model.Article
	rest := s
	if line, after := firstLine(rest); line != "" {
		if d, caption, ok := dateLine(line); ok {
			a.Date, a.Caption = d, caption
			rest = after
		}
	}
	for {
		line, after := firstLine(rest)
		if !applyHeader(&a, line) {
			break
		}
		rest = after
	}
	paras := splitParagraphs(rest)
	switch {
	case a.Title != "" && len(paras) > 1 && strings.EqualFold(paras[0], a.Title):
		paras = paras[1:] // the header's title repeated as the first line
	case a.Title == "" && len(paras) > 1 && headlineLike(paras[0]):
		a.Title, paras = paras[0], paras[1:]
	}
	paras = cleanParagraphs(&a, paras, nil)
	a.Body = joinParagraphs(rest, paras)
	if a.Title == "" {
		a.Title = deriveTitle(a.Body)
	}
	if a.Date.IsZero() {
		a.Date = dateFromURL(a.URL)
	}
	return a
}

// dateFromURL reads the /2025/06/11/ path date many news sites use.
func dateFromURL(u string) time.Time {
	for i := strings.IndexByte(u, '/'); i >= 0 && i+11 < len(u); {
		s := u[i+1:]
		if len(s) >= 10 && isDigits(s[:4]) && s[4] == '/' && isDigits(s[5:7]) && s[7] == '/' && isDigits(s[8:10]) {
			if t, err := time.Parse("2006/01/02", s[:10]); err == nil && t.Year() >= 1990 {
				return t
			}
		}
		j := strings.IndexByte(s, '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return time.Time{}
}

// firstLine returns the first non-blank line of s (trimmed) and the text after it.
func firstLine(s string) (line, after string) {
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			line, s = s, ""
		} else {
			line, s = s[:i], s[i+1:]
		}
		if line = strings.TrimSpace(line); line != "" {
			return line, s
		}
	}
	return "", ""
}

// splitParagraphs returns the blank-line separated paragraphs of s, trimmed.
func splitParagraphs(s string) []string {
	spans := segment.Paragraphs(s)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

// joinParagraphs returns paras joined by blank lines ("\n\n"). When s
// already holds exactly that text (the paragraphs in order, one blank line
// apart, as most files are laid out) it returns that slice of s: no copy of
// a long body. The check compares the text, so the result is the join
// either way.
func joinParagraphs(s string, paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	start := strings.Index(s, paras[0])
	if start < 0 {
		return strings.Join(paras, "\n\n")
	}
	end := start + len(paras[0])
	for _, p := range paras[1:] {
		if !strings.HasPrefix(s[end:], "\n\n") || !strings.HasPrefix(s[end+2:], p) {
			return strings.Join(paras, "\n\n")
		}
		end += 2 + len(p)
	}
	return s[start:end]
}

// dateLine matches the wire header ` date 2025-02-03 caption…` and returns
// the date and the caption that follows it.
func dateLine(line string) (time.Time, string, bool) {
	if len(line) < 15 || !strings.EqualFold(line[:4], "date") || line[4] != ' ' && line[4] != '\t' {
		return time.Time{}, "", false
	}
	rest := strings.TrimLeft(line[5:], " \t")
	if len(rest) < 10 || len(rest) > 10 && rest[10] != ' ' && rest[10] != '\t' {
		return time.Time{}, "", false
	}
	d, err := time.Parse("2006-01-02", rest[:10])
	if err != nil {
		return time.Time{}, "", false
	}
	return d, strings.TrimSpace(rest[10:]), true
}

// applyHeader takes a `Title:`/`Source:`/`URL:`/`Author:`… line into a and
// reports whether line was one.
func applyHeader(a *model.Article, line string) bool {
	key, val, ok := strings.Cut(line, ":")
	if !ok || len(key) > 12 || strings.ContainsAny(key, " \t") {
		return false
	}
	val = strings.TrimSpace(val)
	switch strings.ToLower(key) {
	case "title", "headline":
		a.Title = val
	case "source", "publisher":
		a.Source = val
	case "url", "link":
		a.URL = val
	case "author", "authors", "by", "byline":
		a.Authors = append(a.Authors, splitNames(strings.TrimPrefix(val, "By "))...)
	case "date", "published":
		if d, ok := parseDate(val); ok {
			a.Date = d
		}
	case "tags", "keywords":
		a.Tags = append(a.Tags, splitList(val)...)
	case "caption":
		a.Caption = val
	default:
		return false
	}
	return true
}

var dateLayouts = []string{
	"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04",
	"2006/01/02", "January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "02 Jan 2006",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
}

// parseDate accepts the date forms front matter and headers use.
func parseDate(s string) (time.Time, bool) {
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// splitNames splits "A, B and C" into names.
func splitNames(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		for _, n := range strings.Split(part, " and ") {
			n = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(n), "and "))
			if n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// splitList splits "a, b; c" into items.
func splitList(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if t = strings.Trim(strings.TrimSpace(t), `"'`); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// headlineLike reports whether a first paragraph reads like a headline: one
// short line that does not end as a sentence does and is no dateline.
func headlineLike(p string) bool {
	if len(p) > 200 || strings.IndexByte(p, '\n') >= 0 || len(strings.Fields(p)) > 30 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(p); unicode.IsLower(r) {
		return false
	}
	if _, _, ok := splitDateline(p); ok {
		return false
	}
	switch p[len(p)-1] {
	case ',', ';', ':':
		return false
	case '.':
		// "…to buy Acme Inc." is still a headline; "It rose." is not.
		f := strings.Fields(p)
		last := f[len(f)-1]
		if !strings.Contains(last[:len(last)-1], ".") && !isSuffix(last[:len(last)-1]) {
			return false
		}
	}
	return true
}

func isSuffix(w string) bool {
	switch w {
	case "Inc", "Corp", "Co", "Ltd", "Cos", "Plc", "Bros", "Jr", "Sr":
		return true
	}
	return false
}

// deriveTitle makes a title of the first sentence of body (its first line,
// without the closing full stop). It is stored whole: the exports and
// `newsmark notes` print it as it is, and each view cuts it to its width.
func deriveTitle(body string) string {
	first, ok := segment.FirstSentence(body) // not Sentences: the body may be megabytes
	if !ok {
		return ""
	}
	s := body[first.Start:first.End]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	// Drop the full stop, but not an abbreviation's: "…buy Bluefin Ltd."
	if f := strings.Fields(s); strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") && len(f) > 0 {
		last := strings.TrimSuffix(f[len(f)-1], ".")
		if !isSuffix(last) && !strings.Contains(last, ".") {
			s = s[:len(s)-1]
		}
	}
	return s
}

// cleanParagraphs turns wire conventions found in the body paragraphs into
// metadata and returns the paragraphs that remain: a leading byline
// ("By A and B"), the dateline ("TOKYO (Reuters) -", "(Bloomberg) --",
// whose marker is removed but whose sentence stays), "--With assistance
// from A and B." (contributors), "(Updates with …)" notes, "©2025 Bloomberg
// L.P." and "To contact the reporter…" lines. It filters paras in place
// (no second list on a long text): the caller gives paras up. ends, when
// not nil, holds a number per paragraph (where it ends in the converted
// text) and is filtered in step: ends[i] belongs to the i-th paragraph
// returned.
func cleanParagraphs(a *model.Article, paras []string, ends []int) []string {
	out := paras[:0]
	for i, p := range paras {
		if i < 3 && len(out) == 0 {
			if names, ok := byline(p); ok {
				if len(a.Authors) == 0 {
					a.Authors = names
				}
				continue
			}
		}
		// The dateline opens the first paragraph, or the second after a
		// one-line standfirst.
		if len(out) == 0 || len(out) == 1 && a.Source == "" && headlineLike(out[0]) {
			if src, rest, ok := splitDateline(p); ok {
				if a.Source == "" {
					a.Source = src
				}
				p = rest
			}
		}
		if names, ok := assistance(p); ok {
			a.Contributors = append(a.Contributors, names...)
			continue
		}
		if names, ok := reutersCredits(p); ok {
			a.Contributors = append(a.Contributors, names...)
			continue
		}
		if updateNote(p) || copyrightLine(p) || hasPrefixFold(p, "To contact the ") {
			continue
		}
		if ends != nil {
			ends[len(out)] = ends[i]
		}
		out = append(out, p)
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// byline matches a short "By Jane Roe and John Doe" paragraph.
func byline(p string) ([]string, bool) {
	if len(p) > 100 || strings.IndexByte(p, '\n') >= 0 || !hasPrefixFold(p, "By ") {
		return nil, false
	}
	rest := strings.TrimSpace(p[3:])
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) || strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "Jr.") {
		return nil, false
	}
	// "By A, Reuters" or "By A | Bloomberg": the names come first.
	if i := strings.IndexAny(rest, "|"); i >= 0 {
		rest = rest[:i]
	}
	names := splitNames(rest)
	return names, len(names) > 0
}

// assistance matches "--With assistance from A and B." and returns the names.
func assistance(p string) ([]string, bool) {
	if len(p) > 300 || strings.IndexByte(p, '\n') >= 0 {
		return nil, false
	}
	s := strings.TrimLeft(p, "-—– ")
	for _, prefix := range []string{"With assistance from ", "With assistance by "} {
		if hasPrefixFold(s, prefix) {
			names := splitNames(strings.TrimRight(s[len(prefix):], ". "))
			return names, len(names) > 0
		}
	}
	return nil, false
}

// reutersCredits matches a closing "(Reporting by A; Additional reporting
// by B; Editing by C and D)" line and returns every name in it.
func reutersCredits(p string) ([]string, bool) {
	if len(p) < 4 || p[0] != '(' || p[len(p)-1] != ')' || strings.IndexByte(p, '\n') >= 0 || len(p) > 400 {
		return nil, false
	}
	inner := p[1 : len(p)-1]
	if !hasPrefixFold(inner, "Reporting by ") && !hasPrefixFold(inner, "Reporting and writing by ") &&
		!hasPrefixFold(inner, "Writing by ") && !hasPrefixFold(inner, "Editing by ") {
		return nil, false
	}
	var names []string
	for _, part := range strings.Split(inner, ";") {
		_, who, ok := strings.Cut(part, " by ")
		if !ok {
			return nil, false
		}
		names = append(names, splitNames(who)...)
	}
	return names, len(names) > 0
}

var updateVerbs = []string{"Updates", "Adds", "Corrects", "Recasts", "Rewrites", "Refiles", "Removes", "Changes", "Clarifies", "Fixes", "Replaces", "Moves"}

// updateNote matches an editor's "(Updates with … )" line.
func updateNote(p string) bool {
	if len(p) < 4 || p[0] != '(' || p[len(p)-1] != ')' || strings.IndexByte(p, '\n') >= 0 || len(p) > 300 {
		return false
	}
	for _, v := range updateVerbs {
		if strings.HasPrefix(p[1:], v) {
			return true
		}
	}
	return false
}

// copyrightLine matches a closing "©2025 Bloomberg L.P." or "Copyright 2025 Reuters".
func copyrightLine(p string) bool {
	if len(p) > 160 || strings.IndexByte(p, '\n') >= 0 {
		return false
	}
	s := p
	switch {
	case strings.HasPrefix(s, "©"):
		s = s[len("©"):]
	case hasPrefixFold(s, "(c)"):
		s = s[3:]
	case hasPrefixFold(s, "Copyright"):
		s = strings.TrimPrefix(strings.TrimSpace(s[9:]), "©")
	default:
		return false
	}
	s = strings.TrimSpace(s)
	return len(s) >= 4 && isDigits(s[:4])
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// splitDateline recognises a dateline at the start of the first paragraph:
// "(Bloomberg) -- ", "TOKYO, April 2 (Reuters) - ", "Tokyo, Dec. 13 (Jiji
// Press)--", "DETROIT — ". It returns the source in parentheses (may be
// empty) and the paragraph without the marker.
func splitDateline(p string) (source, rest string, ok bool) {
	head := p
	if i := strings.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if open := strings.IndexByte(head, '('); open >= 0 && open <= 60 {
		closing := strings.IndexByte(head[open:], ')')
		if closing > 1 && closing <= 40 {
			src := strings.TrimSpace(head[open+1 : open+closing])
			place := strings.TrimSpace(head[:open])
			after := open + closing + 1
			if n, ok := separator(p[after:]); ok && (place == "" || placeLike(place, false)) && sourceLike(src) {
				if rest = strings.TrimSpace(p[after+n:]); rest != "" {
					return src, rest, true
				}
			}
		}
	}
	// No source: an all-caps place, optionally with a date: "DETROIT — ".
	for i := 0; i < len(head) && i <= 60; i++ {
		c := head[i]
		if c != '-' && c != 0xe2 { // '-' or the first byte of — and –
			continue
		}
		place := strings.TrimSpace(head[:i])
		if n, ok := separator(p[i:]); ok && place != "" && (c != '-' || n > 1 || i > 0 && head[i-1] == ' ') && placeLike(place, true) {
			if rest = strings.TrimSpace(p[i+n:]); rest != "" {
				return "", rest, true
			}
		}
		break
	}
	return "", p, false
}

// separator matches the dash after a dateline: "--", "-", "—", "–" with
// optional spaces around, and returns its length.
func separator(s string) (int, bool) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	switch {
	case strings.HasPrefix(s[i:], "--"):
		i += 2
		for i < len(s) && s[i] == '-' {
			i++
		}
	case strings.HasPrefix(s[i:], "—"), strings.HasPrefix(s[i:], "–"):
		i += len("—")
	case strings.HasPrefix(s[i:], "-"):
		i++
	default:
		return 0, false
	}
	if i < len(s) && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && !isLetterStart(s[i:]) {
		return 0, false
	}
	return i, true
}

func isLetterStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || r == '“' || r == '"'
}

// placeLike checks the place (and date) part of a dateline: a few words
// starting with a capital; with allCaps, the place before any comma must be
// upper case ("NEW YORK, Jan. 5").
func placeLike(s string, allCaps bool) bool {
	if len(s) > 60 || len(strings.Fields(s)) > 8 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		return false
	}
	place, date, hasDate := strings.Cut(s, ",")
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" ,.'’-/", r)) {
			return false
		}
	}
	if hasDate && !strings.ContainsAny(date, "0123456789") && len(strings.Fields(date)) > 2 {
		return false
	}
	if !allCaps {
		return true
	}
	letters := 0
	for _, r := range place {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// sourceLike checks the part in parentheses: "Reuters", "Jiji Press".
func sourceLike(s string) bool {
	if s == "" || len(s) > 40 || len(strings.Fields(s)) > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
