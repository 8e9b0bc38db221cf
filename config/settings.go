package config

import (
	"strings"
	"time"
)

// Settings is what the config file sets, defaults filled in. Each leaf field
// is one entry of the settings table below; the config tag is its name in
// the file (a table's name, then the key: panel.side is side under [panel]).
type Settings struct {
	Width      int        `config:"width"` // text columns; 0 = the whole window
	Theme      string     `config:"theme"` // "auto", "dark" or "light"
	Highlights Highlights `config:"highlights"`
	Samples    bool       `config:"samples"`
	Mouse      bool       `config:"mouse"`
	Panel      Panel      `config:"panel"`
	Export     Export     `config:"export"`
	Feeds      Feeds      `config:"feeds"`
}

// Highlights are the kinds of name highlighted when an article opens.
type Highlights struct {
	Companies, People, Places, Figures, Quotes bool
}

// Panel is the side panel at start.
type Panel struct {
	Show bool   `config:"show"`
	Side string `config:"side"` // "auto", "right", "left" or "below"
}

// Export is where `x` exports to, and how, unless the reader says otherwise.
type Export struct {
	Folder string `config:"folder"` // ~ expanded; "" = the folder newsmark started in
	Format string `config:"format"` // "md", "json" or "csv", as notes.Format
}

// Feeds is the background refresh and how long fetched items are kept.
type Feeds struct {
	RefreshOnStart  bool          `config:"refresh_on_start"`
	RefreshInterval time.Duration `config:"refresh_interval"` // 0 = never
	KeepDays        int           `config:"keep_days"`        // 0 = never prune
}

// keepDaysEnv is the environment variable that set the retention before the
// config file did; it still wins over the file.
const keepDaysEnv = "NEWSMARK_KEEP_DAYS"

// highlightKinds are the names of the kinds in the highlights list, each
// with its field: the one list Default, parsing and rendering read.
var highlightKinds = []struct {
	name  string
	field func(*Highlights) *bool
}{
	{"companies", func(h *Highlights) *bool { return &h.Companies }},
	{"people", func(h *Highlights) *bool { return &h.People }},
	{"places", func(h *Highlights) *bool { return &h.Places }},
	{"figures", func(h *Highlights) *bool { return &h.Figures }},
	{"quotes", func(h *Highlights) *bool { return &h.Quotes }},
}

// settings is every setting, in the order Default and Effective print them:
// the top-level ones first, then each table's. Adding a setting is one entry
// here and its field in Settings (a test checks that they match, and that
// the default parses).
var settings = []setting{
	{
		name: "width",
		doc:  `text width in columns, a readable measure with the rest as margin; 0 or "full" uses the whole window`,
		want: `a number of columns from 40 to 400, or 0 or "full" for the whole window`,
		def:  88,
		set: func(s *Settings, v any) bool {
			if str, ok := v.(string); ok && strings.EqualFold(strings.TrimSpace(str), "full") {
				s.Width = 0
				return true
			}
			n, ok := asInt(v)
			if !ok || n != 0 && (n < 40 || n > 400) {
				return false
			}
			s.Width = n
			return true
		},
		get: func(s *Settings) any {
			if s.Width == 0 {
				return "full"
			}
			return s.Width
		},
	},
	{
		name: "theme",
		doc:  `colours: "auto" asks the terminal for its background (dark until it answers), or "dark" or "light"; NO_COLOR still wins`,
		want: `"auto", "dark" or "light"`,
		def:  "auto",
		set:  func(s *Settings, v any) bool { return oneOf(v, &s.Theme, "auto", "dark", "light") },
		get:  func(s *Settings) any { return s.Theme },
	},
	{
		name: "highlights",
		doc:  `kinds of name highlighted when an article opens (the reader's keys toggle each): companies, people, places, figures, quotes`,
		want: `a list of companies, people, places, figures, quotes (or [] for none)`,
		def:  []any{"companies", "people", "places", "figures", "quotes"},
		set:  setHighlights,
		get:  getHighlights,
	},
	{
		name: "samples",
		doc:  `show the built-in sample articles when there is nothing else to read (no files given, no subscriptions)`,
		want: `true or false`,
		def:  true,
		set:  func(s *Settings, v any) bool { return setBool(v, &s.Samples) },
		get:  func(s *Settings) any { return s.Samples },
	},
	{
		name: "mouse",
		doc:  `mouse mode: the wheel scrolls, a click selects a card or a highlighted name (the terminal's own text selection then needs shift)`,
		want: `true or false`,
		def:  false,
		set:  func(s *Settings, v any) bool { return setBool(v, &s.Mouse) },
		get:  func(s *Settings) any { return s.Mouse },
	},
	{
		name: "panel.show",
		doc:  `show the side panel (ventures, entities, quotes, notes) when an article opens (a key toggles it)`,
		want: `true or false`,
		def:  true,
		set:  func(s *Settings, v any) bool { return setBool(v, &s.Panel.Show) },
		get:  func(s *Settings) any { return s.Panel.Show },
	},
	{
		name: "panel.side",
		doc:  `where the panel goes: "right" or "left" of the text (below it under 60 columns), "below" it, or "auto" (right from 100 columns, below on narrower windows)`,
		want: `"auto", "right", "left" or "below"`,
		def:  "auto",
		set:  func(s *Settings, v any) bool { return oneOf(v, &s.Panel.Side, "auto", "right", "left", "below") },
		get:  func(s *Settings) any { return s.Panel.Side },
	},
	{
		name: "export.folder",
		doc:  `folder the export dialog offers; ~ is your home folder; "" is the folder newsmark was started in`,
		want: `a folder ("~/notes", "/srv/notes"), or "" for the folder newsmark was started in`,
		def:  "",
		set:  setFolder,
		get:  func(s *Settings) any { return s.Export.Folder },
	},
	{
		name: "export.format",
		doc:  `format the export dialog offers first: "md" (Markdown), "json" or "csv" (Readwise)`,
		want: `"md", "json" or "csv"`,
		def:  "md",
		set: func(s *Settings, v any) bool {
			if str, ok := v.(string); ok && strings.EqualFold(strings.TrimSpace(str), "markdown") {
				v = "md"
			}
			return oneOf(v, &s.Export.Format, "md", "json", "csv")
		},
		get: func(s *Settings) any { return s.Export.Format },
	},
	{
		name: "feeds.refresh_on_start",
		doc:  `refresh every subscription in the background when newsmark starts (keys keep working meanwhile)`,
		want: `true or false`,
		def:  false,
		set:  func(s *Settings, v any) bool { return setBool(v, &s.Feeds.RefreshOnStart) },
		get:  func(s *Settings) any { return s.Feeds.RefreshOnStart },
	},
	{
		name: "feeds.refresh_interval",
		doc:  `refresh every subscription in the background this often while newsmark runs ("30m", "2h"); "off" never does`,
		want: `a duration of at least one minute such as "30m" or "2h", or "off"`,
		def:  "off",
		set:  setInterval,
		get:  func(s *Settings) any { return formatInterval(s.Feeds.RefreshInterval) },
	},
	{
		name: "feeds.keep_days",
		doc:  `days a fetched feed item is kept after it was first fetched; items with highlights or notes are never pruned; 0 keeps every item`,
		want: `a whole number of days from 1 to 36500, or 0 to keep every item`,
		env:  keepDaysEnv,
		def:  90,
		set: func(s *Settings, v any) bool {
			n, ok := asInt(v)
			if !ok || n < 0 || n > 36500 {
				return false
			}
			s.Feeds.KeepDays = n
			return true
		},
		get: func(s *Settings) any { return s.Feeds.KeepDays },
		// Falling back to 90 days could delete items the reader meant to
		// keep for a year: a bad value prunes nothing until it is fixed.
		bad: func(s *Settings) string {
			s.Feeds.KeepDays = 0
			return "nothing is pruned until it is fixed"
		},
	},
}

func setHighlights(s *Settings, v any) bool {
	list, ok := v.([]any)
	if !ok {
		return false
	}
	var h Highlights
	for _, item := range list {
		name, ok := item.(string)
		if !ok {
			return false
		}
		found := false
		for _, k := range highlightKinds {
			if strings.EqualFold(strings.TrimSpace(name), k.name) {
				*k.field(&h) = true
				found = true
			}
		}
		if !found {
			return false
		}
	}
	s.Highlights = h
	return true
}

func getHighlights(s *Settings) any {
	list := []any{}
	for _, k := range highlightKinds {
		if *k.field(&s.Highlights) {
			list = append(list, k.name)
		}
	}
	return list
}

func setInterval(s *Settings, v any) bool {
	if n, ok := v.(int64); ok && n == 0 {
		s.Feeds.RefreshInterval = 0
		return true
	}
	str, ok := v.(string)
	if !ok {
		return false
	}
	switch str = strings.ToLower(strings.TrimSpace(str)); str {
	case "off", "0", "":
		s.Feeds.RefreshInterval = 0
		return true
	}
	d, err := time.ParseDuration(str)
	if err != nil || d < time.Minute {
		return false
	}
	s.Feeds.RefreshInterval = d
	return true
}

// formatInterval writes a duration as it is best typed: "1h30m", not
// time.Duration's "1h30m0s".
func formatInterval(d time.Duration) string {
	if d == 0 {
		return "off"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
