package articles

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsmark/model"
)

// TEMPORARY: a minimal Markdown → plain text for web pages and feed items,
// until the loader's goldmark-based conversion lands on main; then webText
// calls it and this file shrinks to htmlText.

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`)
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	mdQuote    = regexp.MustCompile(`^(>\s?)+`)
	mdRule     = regexp.MustCompile(`^\s*([-*_]\s*){3,}$`)
	mdEmphasis = regexp.MustCompile(`\*\*|__|(^|[^\\\w])[*_]|[*_]($|[^\w])`)
	mdEscape   = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>~])`)
)

// webText turns Markdown (as html-to-markdown writes it) into a sanitised
// plain-text body: one paragraph per block, separated by a blank line, with
// the paragraph spans and the links kept aside.
func webText(md string) (body string, paras []model.Span, links []model.Link) {
	var b strings.Builder
	for _, block := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, line := range strings.Split(block, "\n") {
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "```") || mdRule.MatchString(t) {
				continue
			}
			t = mdQuote.ReplaceAllString(t, "")
			t = mdHeading.ReplaceAllString(t, "")
			t = mdImage.ReplaceAllString(t, "")
			t = mdLink.ReplaceAllStringFunc(t, func(m string) string {
				sub := mdLink.FindStringSubmatch(m)
				text := strings.TrimSpace(mdEscape.ReplaceAllString(sub[1], "$1"))
				if sub[2] != "" && text != "" {
					links = append(links, model.Link{Text: Sanitize(text), URL: Sanitize(sub[2])})
				}
				return sub[1]
			})
			t = mdEmphasis.ReplaceAllStringFunc(t, func(m string) string {
				return strings.Trim(m, "*_")
			})
			t = strings.ReplaceAll(t, "`", "")
			t = strings.TrimSpace(Sanitize(mdEscape.ReplaceAllString(t, "$1")))
			if t != "" {
				lines = append(lines, t)
			}
		}
		if len(lines) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(strings.Join(lines, "\n"))
		paras = append(paras, model.Span{Start: start, End: b.Len()})
	}
	return b.String(), paras, links
}

// htmlText is the text of an HTML fragment (a feed title or summary) on
// one line, tags dropped and entities decoded, sanitised.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(Sanitize(s)), " ")
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.Join(strings.Fields(Sanitize(s)), " ")
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "br" || n.Data == "div" || n.Data == "li") {
			b.WriteByte(' ')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(Sanitize(b.String())), " ")
}

// paragraphSpans splits a plain-text body at blank lines, for bodies read
// back from the feed cache.
func paragraphSpans(body string) []model.Span {
	var spans []model.Span
	off := 0
	for _, p := range strings.Split(body, "\n\n") {
		if t := strings.TrimSpace(p); t != "" {
			lead := strings.Index(p, t)
			spans = append(spans, model.Span{Start: off + lead, End: off + lead + len(t)})
		}
		off += len(p) + 2
	}
	return spans
}
