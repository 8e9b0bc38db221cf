package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// The Markdown newsmark writes — notes, kept cards, the export — is drawn
// with glamour, in the palette of styles.go. Article bodies never are: they
// keep their byte offsets (wrap.go).
//
// glamour runs only inside tea.Cmds, never in Update or View, and no
// renderer exists before the first Cmd that needs one: building a style
// and a renderer is work the first frame does not need.

// mdLayout is how rendered Markdown sits on the screen.
type mdLayout int

const (
	// mdCompact is for a panel: no margin and no blank line around the
	// document; headings without their # marks (colour tells them apart).
	mdCompact mdLayout = iota
	// mdDocument is for a page (the export preview, a command on a
	// terminal): glow's margin and spacing, headings with their marks.
	mdDocument
)

// rendererKey is what a renderer is built for. A glamour renderer is fixed
// to one word-wrap width and one style, so each key gets its own.
type rendererKey struct {
	width  int
	theme  Theme
	layout mdLayout
}

// markdownRenderers builds glamour renderers lazily, one per rendererKey,
// and lets Cmds on any goroutine use them. A TermRenderer keeps buffers
// between calls and is not safe for concurrent Render, so each is used
// under its own lock (after crush's internal/ui/common/markdown.go).
type markdownRenderers struct {
	mu    sync.Mutex
	byKey map[rendererKey]*mdRenderer
}

type mdRenderer struct {
	mu  sync.Mutex
	r   *glamour.TermRenderer // nil until first used
	err error
}

// maxRenderers bounds the pool: each resize to a new width adds one.
const maxRenderers = 8

func newMarkdownRenderers() *markdownRenderers {
	return &markdownRenderers{byKey: map[rendererKey]*mdRenderer{}}
}

// render renders md with the renderer for k, building it on first use.
// It runs in a Cmd.
func (p *markdownRenderers) render(md string, k rendererKey) (string, error) {
	p.mu.Lock()
	r, ok := p.byKey[k]
	if !ok {
		if len(p.byKey) >= maxRenderers {
			clear(p.byKey) // renderers in use stay alive with their Cmds
		}
		r = &mdRenderer{}
		p.byKey[k] = r
	}
	p.mu.Unlock()

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.r == nil && r.err == nil {
		r.r, r.err = glamour.NewTermRenderer(glamour.WithStyles(markdownStyle(k)), glamour.WithWordWrap(k.width))
	}
	if r.err != nil {
		return "", r.err
	}
	return r.r.Render(displayMarkdown(md))
}

// renderLines renders md into screen lines: without the blank lines
// glamour puts around a document, and without the styled spaces it pads
// every line with (the output is a tenth of glamour's, and View's width
// cuts scan less).
func (p *markdownRenderers) renderLines(md string, k rendererKey) ([]string, error) {
	out, err := p.render(md, k)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	first := 0
	for first < len(lines) && lines[first] == "" {
		first++
	}
	if k.layout == mdDocument && first > 0 {
		first-- // a page keeps glow's blank line at the top
	}
	return lines[first:], nil
}

// trimPadding drops from a line of glamour's output the styles that hold
// nothing (an SGR sequence reset at once) and the spaces at its end, styled
// or not. glamour closes every span it opens, so no style leaks.
func trimPadding(l string) string {
	if !strings.Contains(l, "\x1b[") {
		return strings.TrimRight(l, " ")
	}
	var b strings.Builder
	b.Grow(len(l))
	for i := 0; i < len(l); {
		if n := sgrLen(l[i:]); n > 0 && strings.HasPrefix(l[i+n:], "\x1b[m") {
			i += n + len("\x1b[m")
			continue
		}
		b.WriteByte(l[i])
		i++
	}
	s := b.String()
	for {
		t := strings.TrimRight(s, " ")
		if !strings.HasSuffix(t, "\x1b[m") {
			return t
		}
		// "SGR spaces reset" at the end: padding.
		u := strings.TrimRight(strings.TrimSuffix(t, "\x1b[m"), " ")
		j := strings.LastIndex(u, "\x1b[")
		if j < 0 || sgrLen(u[j:]) != len(u)-j || paintsCells(u[j+2:len(u)-1]) {
			return t
		}
		s = u[:j]
	}
}

// paintsCells reports whether SGR parameters make a space visible: a
// background colour or reverse video (a heading banner's last cell).
func paintsCells(params string) bool {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch ps[i] {
		case "7", "48":
			return true
		case "38", "58": // a colour's own parameters follow: 5;n or 2;r;g;b
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		default:
			if n, err := strconv.Atoi(ps[i]); err == nil && (n >= 40 && n <= 47 || n >= 100 && n <= 107) {
				return true
			}
		}
	}
	return false
}

// sgrLen is the length of the SGR sequence (ESC [ digits and ; m) that s
// starts with, or 0.
func sgrLen(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c != ';' && (c < '0' || c > '9'):
			return 0
		}
	}
	return 0
}

// RenderMarkdown renders md for a terminal that shows a command's output
// (`newsmark notes`, `newsmark export` on a terminal): glow's layout in
// theme t's palette, wrapped to width. Mono gives glamour's notty style.
// It builds a renderer for the one call.
func RenderMarkdown(md string, width int, t Theme) (string, error) {
	lines, err := newMarkdownRenderers().renderLines(md, rendererKey{width: width, theme: t, layout: mdDocument})
	if err != nil {
		return "", err
	}
	return strings.Join(lines, "\n") + "\n\n", nil
}

// markdownStyle is glamour's style for k, from the palette of k.theme: the
// same tokens styles.go builds Styles from. Mono is glamour's notty style,
// which shows the Markdown's own marks and no colour.
func markdownStyle(k rendererKey) gansi.StyleConfig {
	var p Palette
	switch k.theme {
	case Mono:
		s := styles.NoTTYStyleConfig
		if k.layout == mdCompact {
			s.Document = gansi.StyleBlock{Margin: uintp(0)}
		}
		return s
	case Light:
		p = LightPalette()
	default:
		p = DarkPalette()
	}
	c := hexp
	t := boolp(true)
	s := gansi.StyleConfig{
		// Body text is left in the terminal's own colour: a colour on the
		// document, a paragraph or a list styles every space glamour pads a
		// line with (5 times the work and 10 times the output: 90 against
		// 475 ms for a 55 KB export), and on the text runs it overrides the
		// headings'. Everything else takes the palette's colour.
		Document:   gansi.StyleBlock{},
		BlockQuote: gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: c(p.Quote)}, Indent: uintp(1), IndentToken: strp("│ ")},
		Paragraph:  gansi.StyleBlock{},
		List:       gansi.StyleList{LevelIndent: 2},
		Heading: gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{
			BlockSuffix: "\n", Color: c(p.Accent), Bold: t}},
		// The title: the selection's colours, as a banner.
		H1: gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{
			Prefix: " ", Suffix: " ", Color: c(p.SelectedFg), BackgroundColor: c(p.Selected), Bold: t}},
		H6:             gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: c(p.Subtle), Bold: boolp(false)}},
		Strikethrough:  gansi.StylePrimitive{CrossedOut: t},
		Emph:           gansi.StylePrimitive{Italic: t},
		Strong:         gansi.StylePrimitive{Bold: t},
		HorizontalRule: gansi.StylePrimitive{Color: c(p.Border), Format: "\n--------\n"},
		Item:           gansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration:    gansi.StylePrimitive{BlockPrefix: ". "},
		Task:           gansi.StyleTask{Ticked: "[✓] ", Unticked: "[ ] "},
		Link:           gansi.StylePrimitive{Color: c(p.Accent), Underline: t},
		LinkText:       gansi.StylePrimitive{Color: c(p.Person), Bold: t},
		Image:          gansi.StylePrimitive{Color: c(p.Accent), Underline: t},
		ImageText:      gansi.StylePrimitive{Color: c(p.Subtle), Format: "Image: {{.text}} →"},
		Code:           gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: c(p.Figure)}},
		// No Chroma and no theme: code blocks (the front matter) are drawn
		// plain, and chroma's lexers are never compiled.
		CodeBlock: gansi.StyleCodeBlock{StyleBlock: gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: c(p.Subtle)}}},
		Table: gansi.StyleTable{StyleBlock: gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: c(p.Border)}},
			CenterSeparator: strp("┼"), ColumnSeparator: strp("│"), RowSeparator: strp("─")},
	}
	if k.layout == mdCompact {
		s.Heading.BlockSuffix = "" // a card's heading sits on its facts
	}
	if k.layout == mdDocument {
		s.Document.BlockPrefix, s.Document.BlockSuffix, s.Document.Margin = "\n", "\n", uintp(2)
		s.CodeBlock.Margin = uintp(2)
		for i, h := range []*gansi.StyleBlock{&s.H2, &s.H3, &s.H4, &s.H5, &s.H6} {
			h.Prefix = strings.Repeat("#", i+2) + " "
		}
	}
	return s
}

// displayMarkdown is md as glamour should see it: each YAML front matter
// block (an export's title, source, date and tags, one per article) becomes
// a fenced block, drawn as written, where glamour would read its closing
// --- as a heading rule.
func displayMarkdown(md string) string {
	if !strings.Contains(md, "---\n") {
		return md
	}
	lines := strings.SplitAfter(md, "\n")
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		if lines[i] == "---\n" && (i == 0 || strings.TrimSpace(lines[i-1]) == "") {
			if end := frontMatterEnd(lines, i+1); end > 0 {
				b.WriteString("```\n")
				for _, l := range lines[i : end+1] {
					b.WriteString(l)
				}
				b.WriteString("```\n")
				i = end
				continue
			}
		}
		b.WriteString(lines[i])
	}
	return b.String()
}

// frontMatterEnd is the index of the --- closing a front matter that
// starts at lines[from], or -1 when these lines are not one (a rule in a
// note): every line between is a YAML key or a list entry.
func frontMatterEnd(lines []string, from int) int {
	for j := from; j < len(lines); j++ {
		l := lines[j]
		switch {
		case l == "---\n" || l == "---":
			if j == from {
				return -1
			}
			return j
		case strings.HasPrefix(l, "  - "):
		default:
			key, _, ok := strings.Cut(l, ":")
			if !ok || key == "" || strings.Trim(key, "abcdefghijklmnopqrstuvwxyz_") != "" {
				return -1
			}
		}
	}
	return -1
}

// hexp is c as glamour's colour string, nil for the terminal's default.
func hexp(c color.Color) *string {
	if c == nil {
		return nil
	}
	r, g, b, _ := c.RGBA()
	return strp(fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8))
}

func strp(s string) *string { return &s }
func boolp(b bool) *bool    { return &b }
func uintp(u uint) *uint    { return &u }
