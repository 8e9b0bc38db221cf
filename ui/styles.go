package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Theme picks a palette.
type Theme string

// Themes. Mono uses attributes only (NO_COLOR, TERM=dumb).
const (
	Dark  Theme = "dark"
	Light Theme = "light"
	Mono  Theme = "mono"
)

// Palette is the semantic colour set a theme is built from. A nil colour
// means "the terminal's default".
type Palette struct {
	Text, Subtle, Accent                   color.Color
	Company, Person, Place, Figure, Quote  color.Color
	Match, MatchFg, Selected, SelectedFg   color.Color
	Highlight, Selection                   color.Color
	Error, Border, StatusBg, StatusFg, Tab color.Color
	Code                                   color.Color // `code` in a Markdown article
}

// DarkPalette is for dark terminal backgrounds.
func DarkPalette() Palette {
	c := lipgloss.Color
	return Palette{
		Text: c("#d0d0d0"), Subtle: c("#8a8a8a"), Accent: c("#5fafff"),
		Company: c("#ffaf00"), Person: c("#87d7ff"), Place: c("#87d787"), Figure: c("#ff87af"), Quote: c("#d7af87"),
		Match: c("#ffff5f"), MatchFg: c("#000000"), Selected: c("#5f87ff"), SelectedFg: c("#ffffff"),
		Highlight: c("#3a3a1c"), Selection: c("#4e4e4e"),
		Error: c("#ff5f5f"), Border: c("#585858"), StatusBg: c("#303030"), StatusFg: c("#d0d0d0"), Tab: c("#5fafff"),
		Code: c("#afafd7"),
	}
}

// LightPalette is for light terminal backgrounds.
func LightPalette() Palette {
	c := lipgloss.Color
	return Palette{
		Text: c("#262626"), Subtle: c("#6c6c6c"), Accent: c("#005f87"),
		Company: c("#af5f00"), Person: c("#005faf"), Place: c("#00875f"), Figure: c("#af005f"), Quote: c("#5f5f00"),
		Match: c("#ffd700"), MatchFg: c("#000000"), Selected: c("#005fd7"), SelectedFg: c("#ffffff"),
		Highlight: c("#fff5c2"), Selection: c("#d0d0d0"),
		Error: c("#d70000"), Border: c("#bcbcbc"), StatusBg: c("#e4e4e4"), StatusFg: c("#262626"), Tab: c("#005f87"),
		Code: c("#5f5f87"),
	}
}

// Styles are the built lipgloss styles every pane draws with; panes never
// hold colours of their own. Highlight styles differ by attribute as well as
// colour, so they stay apart in monochrome.
type Styles struct {
	Theme                                     Theme
	Text, Title, Caption, Meta, Subtle, Error lipgloss.Style
	Company, Person, Place, Figure, Quote     lipgloss.Style
	Match, Current, Selected, Mark            lipgloss.Style
	// Highlight is a kept passage (notes); Selection the one being chosen.
	Highlight, Selection                       lipgloss.Style
	StatusBar, StatusKey, Border               lipgloss.Style
	TabActive, TabInactive, Cursor, Group, Cue lipgloss.Style
	Help                                       help.Styles
	// The structure of a Markdown or HTML article, drawn under the
	// highlights: headings (levels 1–2, then 3–6), bold, italic, code, a
	// link's text and its number.
	Heading, Subheading, Strong, Emphasis, Code, Link, LinkMark lipgloss.Style

	// The inline highlight styles as escape sequences, for the reader's
	// per-line drawing (see sgr).
	spans                                          [numKinds]sgr
	spanSelected, spanMark, spanMatch, spanCurrent sgr
	spanHighlight, spanSelection                   sgr
	spanMarkup                                     [numMarkupStyles]sgr // by bit (markup.go)
	spanLinkMark                                   sgr
	// Text styles as escape pairs, for panel lists of thousands of lines
	// (a 2 MB article's venture cards), where Render per line is most of
	// the cost of laying the list out.
	runText, runTitle, runCaption, runSubtle, runGroup sgr
}

// NewStyles builds the styles of theme t.
func NewStyles(t Theme) Styles {
	var p Palette
	switch t {
	case Light:
		p = LightPalette()
	case Mono:
	default:
		t = Dark
		p = DarkPalette()
	}
	fg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Foreground(c)
	}
	bg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Background(c)
	}
	n := lipgloss.NewStyle
	s := Styles{Theme: t}
	s.Text = fg(n(), p.Text)
	s.Title = fg(n().Bold(true), p.Accent)
	s.Caption = fg(n().Italic(true), p.Subtle)
	s.Meta = fg(n(), p.Subtle)
	s.Subtle = fg(n().Faint(t == Mono), p.Subtle)
	s.Error = fg(n().Bold(true), p.Error)
	s.Company = fg(n().Bold(true), p.Company)
	s.Person = fg(n().Underline(true), p.Person)
	s.Place = fg(n().Bold(true).Underline(true), p.Place)
	s.Figure = fg(n().Bold(true).Italic(true), p.Figure)
	s.Quote = fg(n().Italic(true), p.Quote)
	s.Match = bg(fg(n().Reverse(t == Mono), p.MatchFg), p.Match)
	s.Current = s.Match.Bold(true).Underline(true)
	s.Selected = bg(fg(n().Reverse(t == Mono).Bold(true), p.SelectedFg), p.Selected)
	s.Mark = bg(fg(n().Reverse(t == Mono), p.SelectedFg), p.Selected)
	s.Highlight = bg(n().Underline(t == Mono), p.Highlight)
	s.Selection = bg(n().Reverse(t == Mono), p.Selection)
	s.StatusBar = bg(fg(n().Reverse(t == Mono), p.StatusFg), p.StatusBg)
	s.StatusKey = s.StatusBar.Bold(true)
	s.Border = fg(n(), p.Border)
	s.TabActive = fg(n().Bold(true).Underline(true), p.Tab)
	s.TabInactive = fg(n(), p.Subtle)
	s.Cursor = fg(n().Bold(true).Reverse(true), nil)
	s.Group = fg(n().Bold(true), p.Accent)
	s.Cue = fg(n().Italic(true), p.Subtle)
	s.Heading = fg(n().Bold(true).Underline(true), p.Accent)
	s.Subheading = fg(n().Bold(true), p.Accent)
	s.Strong = n().Bold(true)
	s.Emphasis = n().Italic(true)
	s.Code = fg(n(), p.Code)
	s.Link = fg(n(), p.Accent)
	s.LinkMark = s.Subtle
	s.Help = help.Styles{
		ShortKey: fg(n().Bold(true), p.Accent), ShortDesc: fg(n(), p.Subtle), ShortSeparator: fg(n(), p.Border),
		FullKey: fg(n().Bold(true), p.Accent), FullDesc: fg(n(), p.Text), FullSeparator: fg(n(), p.Border),
		Ellipsis: fg(n(), p.Border),
	}
	for k := markKind(0); k < numKinds; k++ {
		s.spans[k] = sgrOf(kindStyle(&s, k))
	}
	s.spanSelected, s.spanMark = sgrOf(s.Selected), sgrOf(s.Mark)
	s.spanMatch, s.spanCurrent = sgrOf(s.Match), sgrOf(s.Current)
	s.spanHighlight, s.spanSelection = sgrOf(s.Highlight), sgrOf(s.Selection)
	for k, st := range []lipgloss.Style{s.Heading, s.Subheading, s.Strong, s.Emphasis, s.Code, s.Link} {
		s.spanMarkup[k] = sgrOf(st)
	}
	s.spanLinkMark = sgrOf(s.LinkMark)
	s.runText, s.runTitle, s.runCaption = sgrOf(s.Text), sgrOf(s.Title), sgrOf(s.Caption)
	s.runSubtle, s.runGroup = sgrOf(s.Subtle), sgrOf(s.Group)
	return s
}
