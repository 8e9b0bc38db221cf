package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/model"
	"newsmark/sanitize"
)

// linksPane is the overlay L opens over the reader: the article's links,
// each numbered as the reader marks it in the text ("[3]") with its text,
// then its URL; enter asks to open the selected one in the browser, as o
// does. The root opens and closes the overlay.
type linksPane struct {
	common

	links  []model.Link // text and URL sanitised when the overlay opens
	cursor int
	offset int // first visible link

	width, height int
}

// showLinksMsg asks the root to open the overlay on an article's links.
type showLinksMsg struct{ links []model.Link }

// closeOverlayMsg asks the root to close the overlay that sent it.
type closeOverlayMsg struct{}

// show lists links, sanitised, with the cursor on the first.
func (p *linksPane) show(links []model.Link) {
	p.links = p.links[:0]
	for _, l := range links {
		p.links = append(p.links, model.Link{Text: sanitize.Line(l.Text), URL: sanitize.Text(l.URL)})
	}
	p.cursor, p.offset = 0, 0
}

// SetSize gives the overlay the whole screen above the status bar.
func (p *linksPane) SetSize(w, h int) tea.Cmd { p.width, p.height = w, h; p.follow(); return nil }

// perPage is how many links fit: two lines each under a two-line title.
func (p *linksPane) perPage() int { return max((p.height-2)/2, 1) }

func (p *linksPane) follow() { p.offset = followOffset(p.cursor, p.offset, p.perPage()) }

// Update moves through the links; enter asks to open one, L or esc to
// close the overlay.
func (p *linksPane) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case showLinksMsg:
		p.show(msg.links)
	case tea.KeyPressMsg:
		return nil, p.key(msg)
	}
	return nil, nil
}

func (p *linksPane) key(msg tea.KeyPressMsg) request {
	k := p.keys.Links
	switch {
	case key.Matches(msg, k.Down):
		p.cursor++
	case key.Matches(msg, k.Up):
		p.cursor--
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = len(p.links) - 1
	case key.Matches(msg, k.Close), key.Matches(msg, p.keys.Global.Back):
		return closeOverlayMsg{}
	case key.Matches(msg, k.Open):
		if p.cursor < len(p.links) {
			return openURLMsg{p.links[p.cursor].URL}
		}
	}
	p.cursor = min(max(p.cursor, 0), max(len(p.links)-1, 0))
	p.follow()
	return nil
}

// View lists the visible links, the selected one marked.
func (p *linksPane) View() string {
	st := p.styles
	w := max(p.width-4, 1)
	lines := []string{st.Title.Render(fmt.Sprintf(" Links (%d) · enter opens in the browser · esc closes", len(p.links))), ""}
	end := min(p.offset+p.perPage(), len(p.links))
	for i := p.offset; i < end; i++ {
		l := p.links[i]
		bar, ts := "  ", st.Text
		if i == p.cursor {
			bar, ts = st.Title.Render("▌")+" ", st.Title
		}
		text := l.Text
		if text == "" {
			text = "(no text)"
		}
		// The number as the reader draws it after the link's text; the
		// URL lines up under the text.
		num := fmt.Sprintf("[%d] ", i+1)
		pad := strings.Repeat(" ", len(num))
		tw := max(w-len(num), 1)
		lines = append(lines, bar+st.LinkMark.Render(num)+ts.Render(ansi.Truncate(text, tw, "…")),
			bar+pad+st.Meta.Render(ansi.Truncate(l.URL, tw, "…")))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the overlay's most used bindings.
func (p *linksPane) ShortHelp() []key.Binding { return p.FullHelp()[0] }

// FullHelp is the overlay's bindings for the help overlay.
func (p *linksPane) FullHelp() [][]key.Binding { return p.keys.helpGroups(InLinks) }
