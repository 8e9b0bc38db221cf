package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestSettings: each setting takes the values its doc promises and refuses
// the others with one line naming the file, the line, the setting, what it
// wants and what it kept; a bad line leaves that setting as it was.
func TestSettings(t *testing.T) {
	t.Parallel()
	home, err := os.UserHomeDir()
	if err != nil {
		t.Fatal(err)
	}
	d := Defaults()
	type check func(Settings) bool
	same := func(s Settings) bool { return reflect.DeepEqual(s, d) }
	cases := []struct {
		file    string
		ok      check
		problem string // "" = none
	}{
		{`width = 100`, func(s Settings) bool { return s.Width == 100 }, ""},
		{`width = 40`, func(s Settings) bool { return s.Width == 40 }, ""},
		{`width = 400`, func(s Settings) bool { return s.Width == 400 }, ""},
		{`width = 0`, func(s Settings) bool { return s.Width == 0 }, ""},
		{`width = "full"`, func(s Settings) bool { return s.Width == 0 }, ""},
		{`width = "Full"`, func(s Settings) bool { return s.Width == 0 }, ""},
		{`width = 39`, same, `config.toml:1: width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got 39); kept 88`},
		{`width = 401`, same, `(got 401); kept 88`},
		{`width = -1`, same, `(got -1); kept 88`},
		{`width = 99999999999`, same, `(got 99999999999); kept 88`},
		{`width = "wide"`, same, `(got "wide"); kept 88`},
		{`width = 88.5`, same, `width: want a number of columns`},
		{`width = true`, same, `(got true); kept 88`},
		{`theme = "light"`, func(s Settings) bool { return s.Theme == "light" }, ""},
		{`theme = "Dark"`, func(s Settings) bool { return s.Theme == "dark" }, ""},
		{`theme = "auto"`, func(s Settings) bool { return s.Theme == "auto" }, ""},
		{`theme = "solarized"`, same, `config.toml:1: theme: want "auto", "dark" or "light" (got "solarized"); kept "auto"`},
		{`theme = 1`, same, `theme: want "auto"`},
		{`highlights = ["people"]`, func(s Settings) bool { return s.Highlights == Highlights{People: true} }, ""},
		{`highlights = ["Companies", "quotes", "quotes"]`, func(s Settings) bool { return s.Highlights == Highlights{Companies: true, Quotes: true} }, ""},
		{`highlights = []`, func(s Settings) bool { return s.Highlights == Highlights{} }, ""},
		{`highlights = ["people", "firms"]`, same, `highlights: want a list of companies, people, places, figures, quotes (or [] for none) (got ["people", "firms"]); kept ["companies", "people", "places", "figures", "quotes"]`},
		{`highlights = "people"`, same, `highlights: want a list`},
		{`highlights = [1]`, same, `highlights: want a list`},
		{`samples = false`, func(s Settings) bool { return !s.Samples }, ""},
		{`samples = "no"`, same, `samples: want true or false (got "no"); kept true`},
		{`mouse = true`, func(s Settings) bool { return s.Mouse }, ""},
		{`mouse = 1`, same, `mouse: want true or false (got 1); kept false`},
		{"[panel]\nshow = false", func(s Settings) bool { return !s.Panel.Show }, ""},
		{"[panel]\nshow = \"hidden\"", same, `config.toml:2: panel.show: want true or false (got "hidden"); kept true`},
		{"[panel]\nside = \"left\"", func(s Settings) bool { return s.Panel.Side == "left" }, ""},
		{"[panel]\nside = \"RIGHT\"", func(s Settings) bool { return s.Panel.Side == "right" }, ""},
		{"[panel]\nside = \"below\"", func(s Settings) bool { return s.Panel.Side == "below" }, ""},
		{`panel.side = "left"`, func(s Settings) bool { return s.Panel.Side == "left" }, ""},
		{`panel = { side = "left", show = false }`, func(s Settings) bool { return s.Panel == Panel{Show: false, Side: "left"} }, ""},
		{"[panel]\nside = \"top\"", same, `config.toml:2: panel.side: want "auto", "right", "left" or "below" (got "top"); kept "auto"`},
		{"[export]\nfolder = \"~/notes/\"", func(s Settings) bool { return s.Export.Folder == filepath.Join(home, "notes") }, ""},
		{"[export]\nfolder = \"~\"", func(s Settings) bool { return s.Export.Folder == home }, ""},
		{"[export]\nfolder = \"/srv/notes/./x/\"", func(s Settings) bool { return s.Export.Folder == "/srv/notes/x" }, ""},
		{"[export]\nfolder = \"notes\"", func(s Settings) bool { return s.Export.Folder == "notes" }, ""},
		{"[export]\nfolder = \"\"", func(s Settings) bool { return s.Export.Folder == "" }, ""},
		{"[export]\nfolder = \"~bob/notes\"", same, `config.toml:2: export.folder: want a folder ("~/notes", "/srv/notes"), or "" for the folder newsmark was started in (got "~bob/notes"); kept ""`},
		{"[export]\nfolder = \"a\\u001b[31mb\"", same, `(got "a\u001B[31mb"); kept ""`},
		{"[export]\nfolder = 5", same, `export.folder: want a folder`},
		{"[export]\nformat = \"csv\"", func(s Settings) bool { return s.Export.Format == "csv" }, ""},
		{"[export]\nformat = \"JSON\"", func(s Settings) bool { return s.Export.Format == "json" }, ""},
		{"[export]\nformat = \"markdown\"", func(s Settings) bool { return s.Export.Format == "md" }, ""},
		{"[export]\nformat = \"pdf\"", same, `config.toml:2: export.format: want "md", "json" or "csv" (got "pdf"); kept "md"`},
		{"[feeds]\nrefresh_on_start = true", func(s Settings) bool { return s.Feeds.RefreshOnStart }, ""},
		{"[feeds]\nrefresh_on_start = \"yes\"", same, `feeds.refresh_on_start: want true or false (got "yes"); kept false`},
		{"[feeds]\nrefresh_interval = \"30m\"", func(s Settings) bool { return s.Feeds.RefreshInterval == 30*time.Minute }, ""},
		{"[feeds]\nrefresh_interval = \"1h30m\"", func(s Settings) bool { return s.Feeds.RefreshInterval == 90*time.Minute }, ""},
		{"[feeds]\nrefresh_interval = \"1m\"", func(s Settings) bool { return s.Feeds.RefreshInterval == time.Minute }, ""},
		{"[feeds]\nrefresh_interval = \"off\"", func(s Settings) bool { return s.Feeds.RefreshInterval == 0 }, ""},
		{"[feeds]\nrefresh_interval = 0", func(s Settings) bool { return s.Feeds.RefreshInterval == 0 }, ""},
		{"[feeds]\nrefresh_interval = \"30s\"", same, `config.toml:2: feeds.refresh_interval: want a duration of at least one minute such as "30m" or "2h", or "off" (got "30s"); kept "off"`},
		{"[feeds]\nrefresh_interval = \"hourly\"", same, `(got "hourly"); kept "off"`},
		{"[feeds]\nrefresh_interval = 30", same, `(got 30); kept "off"`},
		{"[feeds]\nkeep_days = 30", func(s Settings) bool { return s.Feeds.KeepDays == 30 }, ""},
		{"[feeds]\nkeep_days = 0", func(s Settings) bool { return s.Feeds.KeepDays == 0 }, ""},
		{"[feeds]\nkeep_days = 36500", func(s Settings) bool { return s.Feeds.KeepDays == 36500 }, ""},
		// A bad retention prunes nothing rather than fall back to 90 days.
		{"[feeds]\nkeep_days = -1", func(s Settings) bool { return s.Feeds.KeepDays == 0 }, `config.toml:2: feeds.keep_days: want a whole number of days from 1 to 36500, or 0 to keep every item (got -1); nothing is pruned until it is fixed`},
		{"[feeds]\nkeep_days = \"1y\"", func(s Settings) bool { return s.Feeds.KeepDays == 0 }, `(got "1y"); nothing is pruned`},
		{"[feeds]\nkeep_days = 36501", func(s Settings) bool { return s.Feeds.KeepDays == 0 }, `(got 36501); nothing is pruned`},
	}
	for _, c := range cases {
		cfg := load(t, c.file, nil)
		got := lines(cfg)
		switch {
		case c.problem == "" && len(got) > 0:
			t.Errorf("%s: unexpected problems %q", c.file, got)
		case c.problem != "" && (len(got) != 1 || !strings.Contains(got[0], c.problem)):
			t.Errorf("%s: problems %q, want one with %q", c.file, got, c.problem)
		}
		if !c.ok(cfg.Settings) {
			t.Errorf("%s: settings %+v", c.file, cfg.Settings)
		}
	}
}

// TestBadLineKeepsOnlyItsSetting: the lines around a bad one still apply.
func TestBadLineKeepsOnlyItsSetting(t *testing.T) {
	t.Parallel()
	c := load(t, "theme = \"light\"\nwidth = 12\nmouse = true\n[feeds]\nrefresh_interval = \"soon\"\nkeep_days = 7\n", nil)
	want := []string{
		`config.toml:2: width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got 12); kept 88`,
		`config.toml:5: feeds.refresh_interval: want a duration of at least one minute such as "30m" or "2h", or "off" (got "soon"); kept "off"`,
	}
	if got := lines(c); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%q\nwant\n%q", got, want)
	}
	s := c.Settings
	if s.Theme != "light" || s.Width != 88 || !s.Mouse || s.Feeds.KeepDays != 7 || s.Feeds.RefreshInterval != 0 {
		t.Errorf("settings %+v", s)
	}
	if src := c.Source("theme"); src.String() != "config.toml:1" {
		t.Errorf("theme from %s", src)
	}
	if src := c.Source("width"); src.String() != "default" {
		t.Errorf("width from %s", src)
	}
}

// TestUnknownSettings: a typo is reported with its line and the setting
// likely meant; a setting put in the wrong table is pointed to its own.
func TestUnknownSettings(t *testing.T) {
	t.Parallel()
	c := load(t, `widht = 90
side = "left"
panel = "left"
[pannel]
show = false
[export]
fromat = "csv"
[feeds]
keep_days = 5
colour = "red"
[feeds.extra]
[[export.targets]]
x = 1
`, nil)
	want := []string{
		`config.toml:1: widht: no such setting (did you mean width?)`,
		`config.toml:2: side: no such setting (did you mean panel.side?)`,
		`config.toml:3: panel: want a table of settings: a [panel] line, then show, side`,
		`config.toml:5: pannel.show: no such setting (did you mean panel.show?)`,
		`config.toml:7: export.fromat: no such setting (did you mean export.format?)`,
		`config.toml:10: feeds.colour: no such setting`,
		`config.toml:11: feeds.extra: no such setting`,
		`config.toml:12: export.targets: no such setting`,
	}
	if got := lines(c); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c.Settings.Feeds.KeepDays != 5 {
		t.Errorf("keep_days = %d, want 5: the known settings still apply", c.Settings.Feeds.KeepDays)
	}
}

// TestPrecedence: flags win over the environment, which wins over the
// file, which wins over the defaults; each value says where it came from.
func TestPrecedence(t *testing.T) {
	t.Parallel()
	file := "width = 100\ntheme = \"light\"\n[feeds]\nkeep_days = 30\n"

	c := load(t, file, env{keepDaysEnv: "10"})
	if c.Settings.Feeds.KeepDays != 10 || c.Source("feeds.keep_days").String() != keepDaysEnv {
		t.Errorf("env: keep_days %d from %s, want 10 from %s", c.Settings.Feeds.KeepDays, c.Source("feeds.keep_days"), keepDaysEnv)
	}
	if c.Settings.Width != 100 || c.Source("width").String() != "config.toml:1" {
		t.Errorf("file: width %d from %s", c.Settings.Width, c.Source("width"))
	}
	if c.Source("mouse").String() != "default" {
		t.Errorf("mouse from %s", c.Source("mouse"))
	}

	if err := c.Flag("width", "--width", 120); err != nil {
		t.Fatal(err)
	}
	if err := c.Flag("theme", "--theme", "dark"); err != nil {
		t.Fatal(err)
	}
	if err := c.Flag("feeds.keep_days", "--keep-days", "3"); err != nil {
		t.Fatal(err)
	}
	if c.Settings.Width != 120 || c.Settings.Theme != "dark" || c.Settings.Feeds.KeepDays != 3 || c.Source("width").String() != "--width" {
		t.Errorf("flags: %+v, width from %s", c.Settings, c.Source("width"))
	}
	if err := c.Flag("width", "--width", "full"); err != nil || c.Settings.Width != 0 {
		t.Errorf("--width full: %v, width %d", err, c.Settings.Width)
	}
	err := c.Flag("width", "--width", 10)
	if err == nil || err.Error() != `--width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got 10)` {
		t.Errorf("--width 10: %v", err)
	}
	if c.Settings.Width != 0 {
		t.Errorf("a bad flag changed width to %d", c.Settings.Width)
	}
	if err := c.Flag("colour", "--colour", "red"); err == nil {
		t.Error("a flag for no setting was accepted")
	}

	// A bad variable is a problem, not a stop, and prunes nothing.
	c = load(t, file, env{keepDaysEnv: "a month"})
	if got := lines(c); len(got) != 1 || got[0] != `NEWSMARK_KEEP_DAYS: feeds.keep_days: want a whole number of days from 1 to 36500, or 0 to keep every item (got "a month"); nothing is pruned until it is fixed` {
		t.Errorf("problems %q", got)
	}
	if c.Settings.Feeds.KeepDays != 0 {
		t.Errorf("keep_days %d after a bad variable, want 0 (prune nothing)", c.Settings.Feeds.KeepDays)
	}
	// Empty is unset.
	if c = load(t, file, env{keepDaysEnv: ""}); c.Settings.Feeds.KeepDays != 30 {
		t.Errorf("keep_days %d with an empty variable, want the file's 30", c.Settings.Feeds.KeepDays)
	}
}

// TestDefaultsAreValid: each default passes its own check, so Defaults
// is what the doc says.
func TestDefaultsAreValid(t *testing.T) {
	t.Parallel()
	for _, st := range settings {
		var s Settings
		if !st.set(&s, st.def) {
			t.Errorf("%s: the default %v is refused", st.name, st.def)
		}
		if st.doc == "" || st.want == "" || strings.Contains(st.doc, "\n") {
			t.Errorf("%s: wants a one-line doc and a want", st.name)
		}
	}
	d := Defaults()
	if d.Width != 88 || d.Theme != "auto" || !d.Panel.Show || d.Panel.Side != "auto" || d.Export.Format != "md" ||
		!d.Samples || d.Mouse || d.Feeds.RefreshOnStart || d.Feeds.RefreshInterval != 0 || d.Feeds.KeepDays != 90 ||
		d.Highlights != (Highlights{true, true, true, true, true}) {
		t.Errorf("Defaults() = %+v", d)
	}
}

// TestEveryFieldIsASetting: each leaf field of Settings is one entry of the
// settings table, by its config tag, and each entry is a field: a field
// added without its entry (or the other way round) fails here.
func TestEveryFieldIsASetting(t *testing.T) {
	t.Parallel()
	names := settingFields(t)
	seen := map[string]bool{}
	for _, st := range settings {
		if seen[st.name] {
			t.Errorf("%s is in the table twice", st.name)
		}
		seen[st.name] = true
		if !names[st.name] {
			t.Errorf("setting %s has no field in Settings", st.name)
		}
	}
	for n := range names {
		if !seen[n] {
			t.Errorf("Settings field %s has no entry in the settings table", n)
		}
	}
	// Changing a field changes what its entry renders: get reads its own
	// field (a copy-paste slip would read another's).
	d := Defaults()
	for _, st := range settings {
		s := d
		reflectSet(t, &s, st.name)
		if reflect.DeepEqual(st.get(&s), st.get(&d)) {
			t.Errorf("%s: get does not read its field", st.name)
		}
	}
}

// settingFields are the dotted config tags of Settings' leaf fields; a
// struct whose tag is a setting (highlights) is a leaf.
func settingFields(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	var walk func(rt reflect.Type, prefix string)
	walk = func(rt reflect.Type, prefix string) {
		for i := range rt.NumField() {
			f := rt.Field(i)
			tag := f.Tag.Get("config")
			if tag == "" {
				t.Errorf("Settings%s.%s has no config tag", prefix, f.Name)
				continue
			}
			name := strings.TrimPrefix(prefix+"."+tag, ".")
			if _, ok := lookup(name); ok || f.Type.Kind() != reflect.Struct {
				out[name] = true
				continue
			}
			walk(f.Type, name)
		}
	}
	walk(reflect.TypeOf(Settings{}), "")
	return out
}

// reflectSet changes the field of a setting to a value no default has.
func reflectSet(t *testing.T, s *Settings, name string) {
	t.Helper()
	v := reflect.ValueOf(s).Elem()
	for _, part := range strings.Split(name, ".") {
		found := false
		for i := range v.NumField() {
			if v.Type().Field(i).Tag.Get("config") == part {
				v, found = v.Field(i), true
				break
			}
		}
		if !found {
			t.Fatalf("no field for %s", name)
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 7)
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Struct:
		v.Field(0).SetBool(!v.Field(0).Bool())
	}
}
