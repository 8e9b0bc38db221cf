package articles

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"newsmark/model"
	"newsmark/segment"
)

// parseMarkdown reads a Markdown article: YAML front matter (title, date,
// source, url, author(s), tags, caption) becomes metadata and the Markdown
// body becomes plain text with its links kept aside.
func parseMarkdown(s string) model.Article {
	var a model.Article
	fields, body := frontMatter(s)
	applyFrontMatter(&a, fields)
	plain, links, heading, markup := markdownToPlain([]byte(body))
	a.Links = links
	finishConverted(&a, plain, heading, markup)
	return a
}

// finishConverted turns plain text converted from Markdown or HTML into the
// body: the leading heading (or a headline-like first line) becomes the
// title unless one is known, a repeat of the known title is dropped, and the
// wire conventions of cleanParagraphs apply. markup (offsets into plain)
// follows its text into the body; what was dropped loses its markup.
func finishConverted(a *model.Article, plain, heading string, markup []model.Markup) {
	spans := segment.Paragraphs(plain)
	paras := make([]string, len(spans))
	// Where each paragraph ends in plain: cleanParagraphs may cut a
	// dateline off a paragraph's start, never its end.
	ends := make([]int, len(spans))
	for i, sp := range spans {
		paras[i], ends[i] = plain[sp.Start:sp.End], sp.End
	}
	if len(paras) > 0 {
		switch {
		case a.Title != "" && strings.EqualFold(paras[0], a.Title):
			paras, ends = paras[1:], ends[1:]
		case a.Title == "" && heading != "" && paras[0] == heading:
			a.Title, paras, ends = heading, paras[1:], ends[1:]
		case a.Title == "" && len(paras) > 1 && headlineLike(paras[0]):
			a.Title, paras, ends = paras[0], paras[1:], ends[1:]
		}
	}
	paras = cleanParagraphs(a, paras, ends)
	a.Body = joinParagraphs(plain, paras)
	a.Markup = placeMarkup(markup, paras, ends[:len(paras)])
	if a.Title == "" {
		a.Title = deriveTitle(a.Body)
	}
	if a.Date.IsZero() {
		a.Date = dateFromURL(a.URL)
	}
}

// placeMarkup moves markup from offsets of the converted text to offsets of
// the body joined from paras (each ending at ends[i] there), one blank line
// apart. A span is cut to the paragraphs kept (a code block with blank
// lines is several paragraphs).
func placeMarkup(markup []model.Markup, paras []string, ends []int) []model.Markup {
	if len(markup) == 0 || len(paras) == 0 {
		return nil
	}
	at := make([]int, len(paras)) // where each paragraph starts in the body
	for i := 1; i < len(paras); i++ {
		at[i] = at[i-1] + len(paras[i-1]) + 2
	}
	var out []model.Markup
	for _, m := range markup {
		i := sort.SearchInts(ends, m.Start+1) // the first paragraph ending after m.Start
		for ; i < len(paras); i++ {
			start := ends[i] - len(paras[i])
			if start >= m.End {
				break
			}
			s, e := max(m.Start, start), min(m.End, ends[i])
			if s < e {
				p := m
				p.Start, p.End = s-start+at[i], e-start+at[i]
				out = append(out, p)
			}
		}
	}
	sortMarkup(out)
	return out
}

// frontMatter splits a leading "---" YAML block off s. It understands the
// flat subset articles use: `key: value`, quoted values, `[a, b]` lists and
// block lists of `- item` lines; nested maps are ignored.
func frontMatter(s string) (map[string][]string, string) {
	t := strings.TrimPrefix(s, "\ufeff")
	if !strings.HasPrefix(t, "---\n") && !strings.HasPrefix(t, "---\r\n") {
		return nil, s
	}
	t = t[strings.IndexByte(t, '\n')+1:]
	fields := map[string][]string{}
	last := ""
	for t != "" {
		line := t
		if i := strings.IndexByte(t, '\n'); i >= 0 {
			line, t = t[:i], t[i+1:]
		} else {
			t = ""
		}
		line = strings.TrimRight(line, " \t\r")
		if line == "---" || line == "..." {
			return fields, t
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if strings.HasPrefix(trimmed, "- ") && last != "" {
			fields[last] = append(fields[last], unquote(strings.TrimSpace(trimmed[2:])))
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // nested map
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		last = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch {
		case val == "":
			fields[last] = nil
		case strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]"):
			for _, item := range strings.Split(val[1:len(val)-1], ",") {
				if item = unquote(strings.TrimSpace(item)); item != "" {
					fields[last] = append(fields[last], item)
				}
			}
		default:
			fields[last] = []string{unquote(val)}
		}
	}
	// No closing line: it was not front matter after all.
	return nil, s
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"') {
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v[1 : len(v)-1]
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

func applyFrontMatter(a *model.Article, f map[string][]string) {
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := f[k]; len(v) > 0 && v[0] != "" {
				return v[0]
			}
		}
		return ""
	}
	a.Title = first("title", "headline")
	a.Caption = first("caption", "subtitle")
	a.Source = first("source", "publisher", "site")
	a.URL = first("url", "link", "canonical")
	if d, ok := parseDate(first("date", "published")); ok {
		a.Date = d
	}
	for _, k := range []string{"author", "authors"} {
		for _, v := range f[k] {
			a.Authors = append(a.Authors, splitNames(v)...)
		}
	}
	for _, v := range f["contributors"] {
		a.Contributors = append(a.Contributors, splitNames(v)...)
	}
	for _, v := range f["tags"] {
		a.Tags = append(a.Tags, splitList(v)...)
	}
}

// markdownToPlain converts Markdown to plain text with one paragraph per
// block (blank-line separated), list items as "- item" lines, and links kept
// aside. heading is the text of a first-block heading of level 1 or 2.
// markup is the structure the text had (headings, emphasis, code, link
// texts numbered as in links), in byte offsets of plain, sorted by Start.
func markdownToPlain(src []byte) (plain string, links []model.Link, heading string, markup []model.Markup) {
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	c := converter{src: src}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		before := len(c.paras)
		c.block(n)
		if h, ok := n.(*ast.Heading); ok && n == doc.FirstChild() && h.Level <= 2 && len(c.paras) > before {
			heading = c.paras[before]
		}
	}
	plain = strings.Join(c.paras, "\n\n")
	return plain, c.links, heading, tidyMarkup(plain, c.markup)
}

// tidyMarkup trims each span of the white space at its edges (a link's
// number is drawn right after its last letter), drops empty ones and sorts
// them by Start, outer spans first.
func tidyMarkup(plain string, ms []model.Markup) []model.Markup {
	out := ms[:0]
	for _, m := range ms {
		for m.Start < m.End && isSpaceByte(plain[m.Start]) {
			m.Start++
		}
		for m.End > m.Start && isSpaceByte(plain[m.End-1]) {
			m.End--
		}
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	sortMarkup(out)
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// sortMarkup orders spans by Start, the longer (outer) one first.
func sortMarkup(ms []model.Markup) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
}

// converter walks a Markdown tree and writes its text. Each block's text is
// built with its markup in offsets of that text; emit places both in the
// plain text.
type converter struct {
	src    []byte
	paras  []string
	links  []model.Link
	markup []model.Markup // offsets into the paragraphs joined by blank lines
	size   int            // bytes of that join so far
}

// emit adds s, trimmed, as a paragraph, with its markup m (offsets into s).
func (c *converter) emit(s string, m []model.Markup) {
	t := strings.TrimSpace(s)
	if t == "" {
		return
	}
	if len(c.paras) > 0 {
		c.size += 2
	}
	c.markup = appendShifted(c.markup, m, leadingSpace(s), len(t), c.size)
	c.paras = append(c.paras, t)
	c.size += len(t)
}

// leadingSpace is how many bytes strings.TrimSpace cuts from the start of s.
func leadingSpace(s string) int { return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace)) }

// appendShifted appends the spans of m (offsets into a text s) as they
// fall in s[lead:lead+n] written at offset at of another text.
func appendShifted(dst, m []model.Markup, lead, n, at int) []model.Markup {
	for _, mk := range m {
		start, end := max(mk.Start, lead), min(mk.End, lead+n)
		if start < end {
			mk.Start, mk.End = start-lead+at, end-lead+at
			dst = append(dst, mk)
		}
	}
	return dst
}

func (c *converter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		s, m := c.inline(n)
		c.emit(s, append(m, model.Markup{Span: model.Span{Start: 0, End: len(s)}, Kind: model.MarkupHeading, N: n.Level}))
	case *ast.Paragraph, *ast.TextBlock:
		c.emit(c.inline(n))
	case *ast.List:
		var b strings.Builder
		var m []model.Markup
		c.list(&b, &m, n, "")
		c.emit(b.String(), m)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(c.src))
		}
		c.emit(b.String(), []model.Markup{{Span: model.Span{Start: 0, End: b.Len()}, Kind: model.MarkupCode}})
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// markup and rules carry no article text
	default:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			c.block(ch)
		}
	}
}

// list writes one line per item, nested lists indented, and their markup
// into m (offsets into b).
func (c *converter) list(b *strings.Builder, m *[]model.Markup, l *ast.List, indent string) {
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(indent + marker)
		first := true
		for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if sub, ok := ch.(*ast.List); ok {
				b.WriteByte('\n')
				var sb strings.Builder
				var sm []model.Markup
				c.list(&sb, &sm, sub, indent+"  ")
				*m = appendShifted(*m, sm, 0, sb.Len(), b.Len())
				b.WriteString(sb.String())
				continue
			}
			if !first {
				b.WriteByte(' ')
			}
			s, im := c.inline(ch)
			t := strings.TrimSpace(s)
			*m = appendShifted(*m, im, leadingSpace(s), len(t), b.Len())
			b.WriteString(t)
			first = false
		}
	}
}

// inline returns the text of n's inline children, collecting links, and
// its markup in offsets of that text.
func (c *converter) inline(n ast.Node) (string, []model.Markup) {
	var b strings.Builder
	var m []model.Markup
	c.inlineTo(&b, &m, n)
	return b.String(), m
}

func (c *converter) inlineTo(b *strings.Builder, m *[]model.Markup, n ast.Node) {
	mark := func(start int, kind model.MarkupKind, num int) {
		if b.Len() > start {
			*m = append(*m, model.Markup{Span: model.Span{Start: start, End: b.Len()}, Kind: kind, N: num})
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if !ch.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			switch {
			case ch.HardLineBreak():
				b.WriteByte('\n')
			case ch.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(ch.Value)
		case *ast.CodeSpan:
			start := b.Len()
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(c.src))
				} else if s, ok := t.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
			mark(start, model.MarkupCode, 0)
		case *ast.Emphasis:
			start := b.Len()
			c.inlineTo(b, m, ch)
			kind := model.MarkupEmphasis
			if ch.Level >= 2 {
				kind = model.MarkupStrong
			}
			mark(start, kind, 0)
		case *ast.Link:
			start := b.Len()
			c.inlineTo(b, m, ch)
			if num := c.addLink(b.String()[start:], string(ch.Destination)); num > 0 {
				mark(start, model.MarkupLink, num)
			}
		case *ast.AutoLink:
			start := b.Len()
			label := string(ch.Label(c.src))
			b.WriteString(label)
			if num := c.addLink(label, string(ch.URL(c.src))); num > 0 {
				mark(start, model.MarkupLink, num)
			}
		case *ast.Image, *ast.RawHTML:
			// images have no place in a text body; raw HTML is markup
		default:
			c.inlineTo(b, m, ch)
		}
	}
}

// addLink keeps a link aside and returns its number (its index in links
// plus one), or 0 for a link that is not kept (no URL, or an anchor in the
// page).
func (c *converter) addLink(text, url string) int {
	text = strings.TrimSpace(text)
	if url == "" || strings.HasPrefix(url, "#") {
		return 0
	}
	if text == "" {
		text = url
	}
	c.links = append(c.links, model.Link{Text: text, URL: url})
	return len(c.links)
}
