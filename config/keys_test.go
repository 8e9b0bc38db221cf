package config

import (
	"reflect"
	"strings"
	"testing"
)

// TestKeys: the [keys] table rebinds actions; what cannot be bound is one
// line naming the file and line, and that action keeps its default keys
// while the others still apply.
func TestKeys(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, file string
		keys       map[string][]string // what Config.Keys holds
		problems   []string
	}{
		{"one key and a list", "[keys]\n\"reader.next\" = \"ctrl+j\"\n\"reader.search\" = [\"/\", \"ctrl+f\"]\n",
			map[string][]string{"reader.next": {"ctrl+j"}, "reader.search": {"/", "ctrl+f"}}, nil},
		{"spellings come back as bubbletea's", "[keys]\n\"reader.down\" = [\"J\", \"PgUp\", \"shift+x\", \"pageup\"]\n",
			map[string][]string{"reader.down": {"J", "pgup", "X"}}, nil},
		{"a table per pane", "[keys.reader]\nnext = \"l\"\n[keys.library]\nfilter = \"f\"\n",
			map[string][]string{"reader.next": {"l"}, "library.filter": {"f"}}, nil},
		{"dotted and inline", "[keys]\nreader.next = \"l\"\nlibrary = { filter = \"f\" }\n",
			map[string][]string{"reader.next": {"l"}, "library.filter": {"f"}}, nil},
		{"the same key in two panes", "[keys]\n\"reader.search\" = \"f\"\n\"library.filter\" = \"f\"\n",
			map[string][]string{"reader.search": {"f"}, "library.filter": {"f"}}, nil},
		{"a swap", "[keys]\n\"reader.next\" = \"N\"\n\"reader.prev\" = \"n\"\n",
			map[string][]string{"reader.next": {"N"}, "reader.prev": {"n"}}, nil},
		{"a key freed by another line", "[keys]\n\"reader.search\" = \"n\"\n\"reader.next\" = \"l\"\n",
			map[string][]string{"reader.search": {"n"}, "reader.next": {"l"}}, nil},
		{"taking another action's default", "[keys]\n\"reader.search\" = [\"ctrl+f\", \"n\"]\n\"reader.prev\" = \"p\"\n",
			map[string][]string{"reader.prev": {"p"}},
			[]string{`config.toml:2: keys.reader.search: "n" is already reader.next's key in the reader pane; kept "/"`}},
		{"a global action's key in one of its panes", "[keys]\n\"reader.search\" = \"q\"\n",
			map[string][]string{},
			[]string{`config.toml:2: keys.reader.search: "q" is already global.quit's key in the reader pane; kept "/"`}},
		{"the later of two lines loses", "[keys]\n\"reader.next\" = \"x\"\n\"reader.prev\" = \"x\"\n",
			map[string][]string{"reader.next": {"x"}},
			[]string{`config.toml:3: keys.reader.prev: "x" is already reader.next's key in the reader pane; kept "N"`}},
		{"a default given back clashes in turn", "[keys]\n\"reader.next\" = \"/\"\n\"reader.search\" = \"q\"\n",
			map[string][]string{},
			[]string{
				`config.toml:2: keys.reader.next: "/" is already reader.search's key in the reader pane; kept "n"`,
				`config.toml:3: keys.reader.search: "q" is already global.quit's key in the reader pane; kept "/"`,
			}},
		{"the defaults' own overlap is no clash", "[keys]\n\"reader.pagedown\" = [\"space\", \"pgdown\"]\n\"reader.nextunread\" = [\"space\", \"ctrl+n\"]\n",
			map[string][]string{"reader.pagedown": {"space", "pgdown"}, "reader.nextunread": {"space", "ctrl+n"}}, nil},
		{"unknown actions", "[keys]\n\"reader.serch\" = \"/\"\nzoom = \"z\"\n\"reader.next\" = \"l\"\n",
			map[string][]string{"reader.next": {"l"}},
			[]string{
				`config.toml:2: keys.reader.serch: no such action (did you mean reader.search?)`,
				`config.toml:3: keys.zoom: no such action; newsmark config --default lists them`,
			}},
		{"bad keys", "[keys]\n\"reader.search\" = \"ctrlf\"\n\"reader.next\" = \"\"\n\"reader.prev\" = []\n\"reader.down\" = [\"j\", 5]\n\"library.down\" = \"page down\"\n",
			map[string][]string{},
			[]string{
				`config.toml:2: keys.reader.search: "ctrlf" is not a key (did you mean "ctrl+f"?); kept "/"`,
				`config.toml:3: keys.reader.next: an empty key; kept "n"`,
				`config.toml:4: keys.reader.prev: want a key ("ctrl+f") or a list of keys (["/", "ctrl+f"]); kept "N"`,
				`config.toml:5: keys.reader.down: want keys as strings (got 5); kept ["j", "down"]`,
				`config.toml:6: keys.library.down: "page down" is not a key: write one character ("/"), a key name (enter, pgdown, space, f5) or modifiers joined by + ("ctrl+f", "shift+tab"); kept ["j", "down"]`,
			}},
		{"an action bound twice", "[keys]\n\"reader.next\" = \"l\"\n[keys.reader]\nnext = \"m\"\n",
			map[string][]string{"reader.next": {"l"}},
			[]string{`config.toml:4: keys.reader.next: bound twice; line 2's keys are kept`}},
		{"keys not a table", "keys = \"vim\"\nwidth = 72\n",
			map[string][]string{},
			[]string{`config.toml:1: keys: want a table: a [keys] line, then action = key lines`}},
		{"an odd action name", "[keys]\n\"reader.\\u001b[2Jx\" = \"x\"\n",
			map[string][]string{},
			[]string{`config.toml:2: "keys.reader.\x1b[2Jx": no such action`}},
	}
	for _, c := range cases {
		cfg := load(t, c.file, nil, testActions...)
		got := lines(cfg)
		if len(got) != len(c.problems) {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.problems, "\n"))
		} else {
			for i := range got {
				if !strings.HasPrefix(got[i], c.problems[i]) || strings.Contains(got[i], "\x1b") {
					t.Errorf("%s: problem %q, want %q", c.name, got[i], c.problems[i])
				}
			}
		}
		if !reflect.DeepEqual(cfg.Keys, c.keys) {
			t.Errorf("%s: keys %v, want %v", c.name, cfg.Keys, c.keys)
		}
		for name := range c.keys {
			if cfg.Source("keys."+name).Kind != FromFile {
				t.Errorf("%s: %s from %s", c.name, name, cfg.Source("keys."+name))
			}
		}
	}
}

// TestKeysWithoutActions: a [keys] table read without the UI's actions
// (a command that shows no screen) reports every name as unknown rather
// than failing; settings still apply.
func TestKeysWithoutActions(t *testing.T) {
	t.Parallel()
	c := load(t, "width = 72\n[keys]\n\"reader.next\" = \"l\"\n", nil)
	if c.Settings.Width != 72 || len(c.Problems) != 1 || len(c.Keys) != 0 {
		t.Errorf("width %d, keys %v, problems %q", c.Settings.Width, c.Keys, lines(c))
	}
}

// TestCheckActions: what the UI's test of its own action list catches.
func TestCheckActions(t *testing.T) {
	t.Parallel()
	if err := CheckActions(testActions); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		a    Action
		says string
	}{
		{Action{Name: "Reader.Search", Panes: []string{"reader"}, Default: []string{"/"}}, "lower-case"},
		{Action{Name: "reader.search", Panes: []string{"reader"}, Default: []string{"/"}}, "listed twice"},
		{Action{Name: "reader.zoom", Default: []string{"z"}}, "no pane"},
		{Action{Name: "reader.zoom", Panes: []string{"reader"}, Default: []string{"pgdn"}}, `default key "pgdn"`},
		{Action{Name: "reader.zoom", Panes: []string{"reader"}, Default: []string{"shift+z"}}, `default key "shift+z"`},
	}
	for _, c := range bad {
		err := CheckActions(append(testActions[:len(testActions):len(testActions)], c.a))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%+v: %v, want %q", c.a, err, c.says)
		}
	}
}
