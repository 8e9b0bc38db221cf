package ui

import (
	"bytes"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/notes"
	"newsmark/sanitize"
)

// previewWidth is the widest a Markdown preview is drawn: a readable
// measure, as glow does, whatever the window.
const previewWidth = 100

// exportPreview is the export as it will be written, shown over the screen
// between the format question and the path: Markdown drawn by glamour,
// JSON and CSV as they are. It is made by the same notes.Export as the
// write (exportPrompt.gather), in a Cmd, and drawn in a Cmd; it scrolls
// with the reader's scroll keys. The export prompt owns it and its keys.
type exportPreview struct {
	common
	// version is bumped each time a preview opens: the content part of
	// the cache key, and how results of an older preview are dropped.
	version int
	format  notes.Format
	source  string // the export's text; "" until it is made
	n       int    // highlights in it
	err     error
	// docView's lines are source drawn for key; cache keeps every drawing
	// of this version by (version, width, theme), so a resize back costs
	// nothing.
	docView
	key   previewKey
	cache map[previewKey][]string
	width int
}

// previewKey is what a drawing of the preview depends on.
type previewKey struct {
	version, width int
	theme          Theme
}

// previewMsg is a preview made (source set) or drawn again for a new width
// or theme (source empty: the preview already has it).
type previewMsg struct {
	key    previewKey
	source string
	n      int
	lines  []string
	err    error
}

// open starts a new preview of the export gather makes, in format f.
func (p *exportPreview) open(f notes.Format, gather func() (*notes.Export, error)) tea.Cmd {
	p.version++
	p.format, p.source, p.n, p.err, p.lines, p.offset = f, "", 0, nil, nil, 0
	p.cache = map[previewKey][]string{}
	k, md := p.currentKey(), p.md
	st := *p.styles
	return func() tea.Msg {
		ex, err := gather()
		if err != nil {
			return previewMsg{key: k, err: err}
		}
		var b bytes.Buffer
		if err := ex.Write(&b, f); err != nil {
			return previewMsg{key: k, err: err}
		}
		src := sanitize.Text(b.String())
		lines, err := drawPreview(md, &st, src, f, k)
		return previewMsg{key: k, source: src, n: ex.Highlights(), lines: lines, err: err}
	}
}

func (p *exportPreview) currentKey() previewKey {
	return previewKey{version: p.version, width: p.width, theme: p.styles.Theme}
}

// drawPreview draws an export for k: Markdown through glamour at a
// readable width, JSON and CSV as written, wrapped to the window.
func drawPreview(md *markdownRenderers, st *Styles, src string, f notes.Format, k previewKey) ([]string, error) {
	if f == notes.Markdown {
		return md.renderLines(src, rendererKey{width: min(max(k.width, 20), previewWidth), theme: k.theme, layout: mdDocument})
	}
	var out []string
	for _, l := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		for _, w := range wrapText(l, max(k.width-2, 8)) {
			out = append(out, " "+st.Text.Render(w))
		}
	}
	return out, nil
}

// redraw draws the preview again for the current width and theme, from
// the cache or in a Cmd; nil when nothing is to be done.
func (p *exportPreview) redraw() tea.Cmd {
	if p.source == "" {
		return nil // still being made: the result is drawn for the key it was asked with
	}
	k := p.currentKey()
	if lines, ok := p.cache[k]; ok {
		p.lines, p.key = lines, k
		p.clamp()
		return nil
	}
	md, src, f, st := p.md, p.source, p.format, *p.styles
	return func() tea.Msg {
		lines, err := drawPreview(md, &st, src, f, k)
		return previewMsg{key: k, lines: lines, err: err}
	}
}

// SetSize gives the preview the screen above the status bar.
func (p *exportPreview) SetSize(w, h int) tea.Cmd {
	p.width, p.height = w, max(h, 1)
	p.clamp()
	return p.redraw()
}

// Update keeps a drawing of this preview, redraws for a new theme and
// scrolls by the reader's scroll keys.
func (p *exportPreview) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case previewMsg:
		if msg.key.version != p.version {
			return nil, nil // an older preview's
		}
		if msg.source != "" {
			p.source, p.n = msg.source, msg.n
		}
		if msg.err != nil {
			p.err = msg.err
			return nil, nil
		}
		p.cache[msg.key] = msg.lines
		if msg.key == p.currentKey() {
			p.lines, p.key = msg.lines, msg.key
			p.clamp()
			return nil, nil
		}
		return p.redraw(), nil // the window or theme changed meanwhile
	case themeMsg:
		return p.redraw(), nil
	case tea.KeyPressMsg:
		p.scroll(msg, p.keys.Reader)
	}
	return nil, nil
}

// View draws the visible lines; View does no rendering.
func (p *exportPreview) View() string {
	switch {
	case p.err != nil:
		return p.styles.Error.Render(" no preview: " + sanitize.Line(p.err.Error()))
	case p.lines == nil:
		return p.styles.Subtle.Render(" making the preview…")
	}
	return p.view()
}

// formatName is the format as the status bar names it.
func formatName(f notes.Format) string {
	switch f {
	case notes.Markdown:
		return "Markdown"
	case notes.JSON:
		return "JSON"
	case notes.CSV:
		return "CSV"
	}
	return string(f)
}
