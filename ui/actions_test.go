package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/config"
	"newsmark/notes"
	"newsmark/store"
)

// loadConfig loads content as the config file, with Actions for its
// [keys] table.
func loadConfig(t *testing.T, content string) *config.Config {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.Load(func(k string) string {
		if k == config.PathEnv {
			return path
		}
		return ""
	}, Actions())
}

// TestActions: every binding of the KeyMap is an action of the config's
// [keys] table, once, with its default keys, what it does and the panes
// whose help lists it; the default config file reads back clean, and a
// key two actions of one pane would share is refused.
func TestActions(t *testing.T) {
	t.Parallel()
	actions := Actions()
	byName := map[string]config.Action{}
	for _, a := range actions {
		if _, dup := byName[a.Name]; dup {
			t.Errorf("action %s twice", a.Name)
		}
		byName[a.Name] = a
		if len(a.Default) == 0 || a.Doc == "" || len(a.Panes) == 0 {
			t.Errorf("%s: keys %v, doc %q, panes %v", a.Name, a.Default, a.Doc, a.Panes)
		}
	}
	km := DefaultKeyMap()
	for name, want := range map[string]struct {
		keys  []string
		panes []string
	}{
		"global.quit":     {km.Global.Quit.Keys(), []string{"library", "reader", "panel"}},
		"reader.search":   {[]string{"/"}, []string{"reader"}},
		"library.filter":  {[]string{"/"}, []string{"library"}},
		"global.tab2":     {[]string{"2"}, []string{"reader", "panel"}},
		"export.default":  {[]string{"enter"}, []string{"export"}},
		"reader.pagedown": {km.Reader.PageDown.Keys(), []string{"reader", "export preview"}},
	} {
		a, ok := byName[name]
		if !ok {
			t.Errorf("no action %s", name)
			continue
		}
		if !slices.Equal(a.Default, want.keys) {
			t.Errorf("%s: keys %v, want %v", name, a.Default, want.keys)
		}
		for _, p := range want.panes {
			if !slices.Contains(a.Panes, p) {
				t.Errorf("%s: panes %v lack %s", name, a.Panes, p)
			}
		}
	}
	if n := len(actions); n < 100 {
		t.Errorf("%d actions: bindings are missing", n)
	}

	if c := loadConfig(t, string(config.Default(actions))); len(c.Problems) > 0 || len(c.Keys) > 0 {
		t.Errorf("the default file: problems %v, keys %v", c.Problems, c.Keys)
	}
	c := loadConfig(t, "[keys]\n\"reader.search\" = \"ctrl+g\"\n\"library.filter\" = \"f2\"\n\"panel.filter\" = \"n\"\n")
	if !slices.Equal(c.Keys["reader.search"], []string{"ctrl+g"}) || !slices.Equal(c.Keys["library.filter"], []string{"f2"}) {
		t.Errorf("keys %v", c.Keys)
	}
	// n is reader.next's in the panel (it steps through mentions there).
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0].String(), `"n" is already reader.next's key in the panel pane`) {
		t.Errorf("problems %v", c.Problems)
	}
}

// configEnv opens the fixture story with notes on and the config file
// content loaded.
func configEnv(t *testing.T, content string) *notesEnv {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n := notes.New(db)
	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations, Theme: Dark,
		Notes: n, ExportDir: dir, Config: loadConfig(t, content)})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 160, Height: 30})
	return &notesEnv{driver: d, notes: n, dir: dir}
}

// TestConfigProblemsInTheStatusBar: the reader starts with the config
// file's first problem in the status bar, and how many more `newsmark
// config` lists; a good file says nothing.
func TestConfigProblemsInTheStatusBar(t *testing.T) {
	t.Parallel()
	e := configEnv(t, "width = 30\nwidht = 100\n[panel]\nside = \"top\"\n")
	e.mustSee("config.toml:1: width: want a number of columns", "; 2 more: newsmark config")
	e = configEnv(t, "width = 30\n")
	e.mustSee("config.toml:1: width: want a number of columns")
	e.mustNotSee("more: newsmark config")
	e = configEnv(t, "width = 100\n")
	e.mustNotSee("config.toml")
}

// TestExportOffersTheConfiguredFormat: after x, enter takes the config
// file's export.format (Markdown without one), and the prompt says which.
func TestExportOffersTheConfiguredFormat(t *testing.T) {
	t.Parallel()
	e := configEnv(t, "[export]\nformat = \"csv\"\n")
	e.keys("v", ")", "h", "x")
	e.mustSee("enter CSV")
	e.keys("enter")
	e.mustSee("preview of the CSV export", "Highlight,Title,Author,URL,Note,Location,Date")
	e.keys("enter")
	if !strings.HasSuffix(e.m.input.value(), ".csv") {
		t.Fatalf("the path offered: %q", e.m.input.value())
	}

	e = configEnv(t, "")
	e.keys("v", ")", "h", "x")
	e.mustSee("enter Markdown")
	e.keys("enter")
	e.mustSee("preview of the Markdown export")
}

// TestConfigKeysRebind: actions the config file's [keys] rebinds answer to
// the file's keys and no longer to their defaults, and the hint bar, the
// status bar and the help overlay name the user's keys. A line that gives
// an action a key another action of its pane holds is one status line
// naming the line, and that action keeps its default keys.
func TestConfigKeysRebind(t *testing.T) {
	t.Parallel()
	e := configEnv(t, "[keys]\n\"reader.search\" = \"ctrl+g\"\n\"global.help\" = \"H\"\n\"reader.top\" = \"G\"\n")
	e.mustSee(`config.toml:4: keys.reader.top: "G" is already reader.bottom's key in the reader pane; kept ["g", "home"]`)
	e.mustSee("ctrl+g search", "H help")
	e.mustNotSee("/ search", "? help")

	// The default keys are gone: / and ? do nothing; the new ones work.
	e.keys("/", "z")
	if e.m.input.active() {
		t.Fatal("/ still opens the search")
	}
	e.keys("?")
	if e.m.showHelp {
		t.Fatal("? still opens the help")
	}
	e.keys("ctrl+g", "z", "q", "x", "enter")
	e.mustSee("“zqx” 0/0")
	e.keys("esc", "H")
	if !e.m.showHelp {
		t.Fatal("H does not open the help")
	}
	e.mustSee("ctrl+g", "search the article")
	e.keys("H")
	if e.m.showHelp {
		t.Fatal("H does not close the help")
	}

	// The refused line left reader.top at g; G is still the bottom.
	e.keys("G")
	e.mustSee("Bot")
	e.keys("g")
	e.mustSee("Top")
}

// TestConfigHighlightsAtStart: the kinds the config's highlights lists are
// highlighted when an article opens, the others not, and the reader's
// toggle keys still switch each.
func TestConfigHighlightsAtStart(t *testing.T) {
	t.Parallel()
	e := configEnv(t, "highlights = [\"people\", \"figures\"]\n[panel]\nshow = false\n")
	for text, on := range map[string]bool{"Kenji Arakawa": true, "€210 million": true, "Harbour Lane Capital": false, "Japan": false} {
		if styledAround(e.raw(), text) != on {
			t.Errorf("%q highlighted: %v, want %v", text, !on, on)
		}
	}
	e.keys("c")
	if !styledAround(e.raw(), "Harbour Lane Capital") {
		t.Error("c does not turn companies on")
	}

	e = configEnv(t, "highlights = []\n[panel]\nshow = false\n")
	if styledAround(e.raw(), "Kenji Arakawa") || styledAround(e.raw(), "€210 million") {
		t.Error("highlights = [] still highlights")
	}
	e.keys("t")
	if !styledAround(e.raw(), "Kenji Arakawa") {
		t.Error("t does not turn every kind on")
	}
}

// TestConfigPanel: panel.show = false opens the article without the panel
// (s shows it); panel.side puts it left of the text, right, or below it
// whatever the width, and auto goes below under 100 columns.
func TestConfigPanel(t *testing.T) {
	t.Parallel()
	// Where the panel's edge and the text's first line are, on the line
	// that holds both.
	tabsAt := func(e *notesEnv) (edge, text int, ok bool) {
		for _, l := range strings.Split(e.screen(), "\n") {
			if i, j := strings.Index(l, "│"), strings.Index(l, "Northwind Freight Holdings and Kaiyo"); i >= 0 && j >= 0 {
				return i, j, true
			}
		}
		return 0, 0, false
	}
	e := configEnv(t, "[panel]\nshow = false\n")
	e.mustNotSee("1 Ventures")
	e.keys("s")
	e.mustSee("1 Ventures")

	e = configEnv(t, "[panel]\nside = \"left\"\n")
	if tabs, text, ok := tabsAt(e); !ok || tabs > text {
		t.Errorf("side = left: tabs at %d, text at %d (one line: %v)\n%s", tabs, text, ok, e.screen())
	}
	e = configEnv(t, "")
	if tabs, text, ok := tabsAt(e); !ok || tabs < text {
		t.Errorf("side = auto at 160 columns: tabs at %d, text at %d (one line: %v)", tabs, text, ok)
	}
	e = configEnv(t, "[panel]\nside = \"below\"\n")
	if _, _, ok := tabsAt(e); ok || !e.m.panel.below {
		t.Errorf("side = below: the panel is beside the text\n%s", e.screen())
	}
	e.mustSee("1 Ventures")

	e = configEnv(t, "[panel]\nside = \"right\"\n")
	e.send(resize(80, 30))
	if e.m.panel.below {
		t.Error("side = right at 80 columns: the panel went below")
	}
	e = configEnv(t, "")
	e.send(resize(80, 30))
	if !e.m.panel.below {
		t.Error("side = auto at 80 columns: the panel stayed beside")
	}
}

// TestKeyMapOfTabsAndHelp: a panel tab's key (a slice of the KeyMap) is
// rebound like any other, its help shows the new keys, arrows as arrows,
// and the defaults are left alone.
func TestKeyMapOfTabsAndHelp(t *testing.T) {
	t.Parallel()
	km := keyMapOf(loadConfig(t, "[keys]\n\"global.tab2\" = \"f2\"\n\"library.down\" = [\"down\", \"ctrl+n\"]\n"))
	if b := km.Global.PanelTab[1]; !slices.Equal(b.Keys(), []string{"f2"}) || b.Help().Key != "f2" || b.Help().Desc != "entities tab" {
		t.Errorf("tab2: keys %v help %q %q", b.Keys(), b.Help().Key, b.Help().Desc)
	}
	if b := km.Library.Down; b.Help().Key != "↓/ctrl+n" {
		t.Errorf("library.down help %q", b.Help().Key)
	}
	if def := DefaultKeyMap(); !slices.Equal(def.Global.PanelTab[1].Keys(), []string{"2"}) || km.Global.PanelTab[0].Keys()[0] != "1" {
		t.Error("rebinding changed the other tabs or the defaults")
	}
}
