package config

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// assignment is a commented-out line of the default file: "# key = value".
var assignment = regexp.MustCompile(`(?m)^# ((?:"[^"]*"|[A-Za-z0-9_-]+) = .*)$`)

// TestDefaultFile: the default file sets nothing as it stands; with every
// commented-out line put back it still gives the defaults, with no
// problem: what it shows is true. Every setting and action is in it.
func TestDefaultFile(t *testing.T) {
	t.Parallel()
	text := string(Default(testActions))
	c := load(t, text, nil, testActions...)
	if len(c.Problems) > 0 || !reflect.DeepEqual(c.Settings, Defaults()) || len(c.Keys) > 0 {
		t.Errorf("as it stands: problems %q, settings %+v, keys %v", lines(c), c.Settings, c.Keys)
	}

	uncommented := assignment.ReplaceAllString(text, "$1")
	c = load(t, uncommented, nil, testActions...)
	if len(c.Problems) > 0 || !reflect.DeepEqual(c.Settings, Defaults()) {
		t.Errorf("uncommented: problems %q, settings %+v\n%s", lines(c), c.Settings, uncommented)
	}
	for _, st := range settings {
		if src := c.Source(st.name); src.Kind != FromFile {
			t.Errorf("%s is not set by the uncommented default file (from %s)", st.name, src)
		}
	}
	for _, a := range testActions {
		if got := c.Keys[a.Name]; !reflect.DeepEqual(got, a.Default) {
			t.Errorf("%s: uncommented keys %v, want its defaults %v", a.Name, got, a.Default)
		}
		if !strings.Contains(text, a.Doc) {
			t.Errorf("%s: its doc is not in the default file", a.Name)
		}
	}
	for _, st := range settings {
		if !strings.Contains(text, st.doc[:40]) {
			t.Errorf("%s: its doc is not in the default file", st.name)
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if len(l) > 100 && !strings.HasPrefix(l, "# highlights") {
			t.Errorf("a line of %d columns: %s", len(l), l)
		}
	}
}

// TestEffective: the effective file says where each value came from, and
// read back it gives the same settings and keys.
func TestEffective(t *testing.T) {
	t.Parallel()
	c := load(t, "theme = \"light\"\nwidth = 3\n[feeds]\nrefresh_interval = \"1h30m\"\n[keys]\n\"reader.search\" = [\"/\", \"ctrl+f\"]\n",
		env{keepDaysEnv: "14"}, testActions...)
	if err := c.Flag("panel.side", "--panel", "left"); err != nil {
		t.Fatal(err)
	}
	text := string(c.Effective())
	flat := regexp.MustCompile(` +`).ReplaceAllString(text, " ") // the comments' column aside
	for _, want := range []string{
		"# newsmark's settings in effect, read from " + c.Path,
		`# problem: config.toml:2: width: want a number of columns`,
		"\nwidth = 88 # default\n",
		"\ntheme = \"light\" # config.toml:1\n",
		"\n[panel]\nshow = true # default\nside = \"left\" # --panel\n",
		"\nrefresh_interval = \"1h30m\" # config.toml:4\n",
		"\nkeep_days = 14 # NEWSMARK_KEEP_DAYS\n",
		"\n[keys]\n\"global.quit\" = \"q\" # default\n",
		"\n\"reader.search\" = [\"/\", \"ctrl+f\"] # config.toml:6\n",
		"\n\"reader.down\" = [\"j\", \"down\"] # default\n",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("effective file lacks %q:\n%s", want, text)
		}
	}
	back := load(t, text, nil, testActions...)
	if len(back.Problems) > 0 || !reflect.DeepEqual(back.Settings, c.Settings) || !reflect.DeepEqual(back.Keys["reader.search"], c.Keys["reader.search"]) {
		t.Errorf("read back: problems %q\nsettings %+v\nwant     %+v", lines(back), back.Settings, c.Settings)
	}

	c = Load(env{PathEnv: "/nonexistent/config.toml"}.get, nil)
	if text := string(c.Effective()); !strings.Contains(text, "# problem: config.toml: no such file") || !strings.Contains(text, "\nwidth = 88 ") {
		t.Errorf("no file:\n%s", text)
	}
}

// TestFormatInterval: intervals print as they are typed.
func TestFormatInterval(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		0: "off", time.Minute: "1m", 30 * time.Minute: "30m", 2 * time.Hour: "2h", 90 * time.Minute: "1h30m",
		90 * time.Second: "1m30s", 26 * time.Hour: "26h",
	} {
		if got := formatInterval(d); got != want {
			t.Errorf("formatInterval(%v) = %q, want %q", d, got, want)
		}
	}
}
