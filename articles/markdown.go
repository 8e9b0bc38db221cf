package articles

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"newsmark/model"
)

// parseMarkdown reads a Markdown article: YAML front matter (title, date,
// source, url, author(s), tags, caption) becomes metadata and the Markdown
// body becomes plain text with its links kept aside.
func parseMarkdown(s string) model.Article {
	var a model.Article
	fields, body := frontMatter(s)
	applyFrontMatter(&a, fields)
	plain, links, heading := markdownToPlain([]byte(body))
	a.Links = links
	finishConverted(&a, plain, heading)
	return a
}

// finishConverted turns plain text converted from Markdown or HTML into the
// body: the leading heading (or a headline-like first line) becomes the
// title unless one is known, a repeat of the known title is dropped, and the
// wire conventions of cleanParagraphs apply.
func finishConverted(a *model.Article, plain, heading string) {
	paras := splitParagraphs(plain)
	if len(paras) > 0 {
		switch {
		case a.Title != "" && strings.EqualFold(paras[0], a.Title):
			paras = paras[1:]
		case a.Title == "" && heading != "" && paras[0] == heading:
			a.Title, paras = heading, paras[1:]
		case a.Title == "" && len(paras) > 1 && headlineLike(paras[0]):
			a.Title, paras = paras[0], paras[1:]
		}
	}
	paras = cleanParagraphs(a, paras)
	a.Body = joinParagraphs(plain, paras)
	if a.Title == "" {
		a.Title = deriveTitle(a.Body)
	}
	if a.Date.IsZero() {
		a.Date = dateFromURL(a.URL)
	}
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
func markdownToPlain(src []byte) (plain string, links []model.Link, heading string) {
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	c := converter{src: src}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && n == doc.FirstChild() && h.Level <= 2 {
			heading = strings.TrimSpace(c.inline(n))
		}
		c.block(n)
	}
	return strings.Join(c.paras, "\n\n"), c.links, heading
}

type converter struct {
	src   []byte
	paras []string
	links []model.Link
}

func (c *converter) emit(s string) {
	if s = strings.TrimSpace(s); s != "" {
		c.paras = append(c.paras, s)
	}
}

func (c *converter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		c.emit(c.inline(n))
	case *ast.List:
		var b strings.Builder
		c.list(&b, n, "")
		c.emit(b.String())
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(c.src))
		}
		c.emit(b.String())
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// markup and rules carry no article text
	default:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			c.block(ch)
		}
	}
}

// list writes one line per item, nested lists indented.
func (c *converter) list(b *strings.Builder, l *ast.List, indent string) {
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
				c.list(&sb, sub, indent+"  ")
				b.WriteString(sb.String())
				continue
			}
			if !first {
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSpace(c.inline(ch)))
			first = false
		}
	}
}

// inline returns the text of n's inline children, collecting links.
func (c *converter) inline(n ast.Node) string {
	var b strings.Builder
	c.inlineTo(&b, n)
	return b.String()
}

func (c *converter) inlineTo(b *strings.Builder, n ast.Node) {
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
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(c.src))
				} else if s, ok := t.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
		case *ast.Link:
			start := b.Len()
			c.inlineTo(b, ch)
			c.addLink(b.String()[start:], string(ch.Destination))
		case *ast.AutoLink:
			label := string(ch.Label(c.src))
			b.WriteString(label)
			c.addLink(label, string(ch.URL(c.src)))
		case *ast.Image, *ast.RawHTML:
			// images have no place in a text body; raw HTML is markup
		default:
			c.inlineTo(b, ch)
		}
	}
}

func (c *converter) addLink(text, url string) {
	text = strings.TrimSpace(text)
	if url == "" || strings.HasPrefix(url, "#") {
		return
	}
	if text == "" {
		text = url
	}
	c.links = append(c.links, model.Link{Text: text, URL: url})
}
