package config

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's settings table")

// settingsTable is the README's table of settings, from the settings table.
func settingsTable() string {
	d := Defaults()
	var b strings.Builder
	b.WriteString("| Setting | Default | What it does |\n|---|---|---|\n")
	for _, st := range settings {
		def := "`" + tomlValue(st.get(&d)) + "`"
		if st.env != "" {
			def += " (`" + st.env + "` wins)"
		}
		b.WriteString("| `" + st.name + "` | " + def + " | " + st.doc + " |\n")
	}
	return b.String()
}

// readmeSection is the text of a README section and where it starts and
// ends.
func readmeSection(t *testing.T, name string) (readme string, i, j int) {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme = string(b)
	open, end := "<!-- section: "+name+" (config) -->\n", "<!-- end: "+name+" -->"
	i, j = strings.Index(readme, open), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %s section", name)
	}
	return readme, i + len(open), j
}

// TestReadmeSettingsTable: the README's settings table is the settings
// table; `go test ./config -run TestReadmeSettingsTable -update` rewrites it.
func TestReadmeSettingsTable(t *testing.T) {
	readme, i, j := readmeSection(t, "config-settings")
	want := settingsTable()
	if readme[i:j] == want {
		return
	}
	if *update {
		if err := os.WriteFile("../README.md", []byte(readme[:i]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("README's settings table is out of date; run go test ./config -run TestReadmeSettingsTable -update\ngot:\n%s\nwant:\n%s", readme[i:j], want)
}

// TestReadmeConfigSection: the prose says where the file is, what wins,
// and how keys are written; every setting is in the table.
func TestReadmeConfigSection(t *testing.T) {
	t.Parallel()
	readme, i, j := readmeSection(t, "config")
	prose := readme[i:j]
	for _, want := range []string{"$XDG_CONFIG_HOME/newsmark/config.toml", PathEnv, "newsmark config --default",
		"flag wins over an environment variable, which wins over the file", keepDaysEnv, "[keys]", "ctrl+f", "64 KB",
		"does not parse"} {
		if !strings.Contains(prose, want) {
			t.Errorf("the README's config section does not say %q", want)
		}
	}
	readme, i, j = readmeSection(t, "config-settings")
	for n := range settingFields(t) {
		if !strings.Contains(readme[i:j], "| `"+n+"` |") {
			t.Errorf("setting %s is not in the README", n)
		}
	}
}

// TestReadmeExample: the README's example file is read without a problem.
func TestReadmeExample(t *testing.T) {
	t.Parallel()
	readme, i, j := readmeSection(t, "config")
	_, example, ok := strings.Cut(readme[i:j], "```toml\n")
	example, _, ok2 := strings.Cut(example, "```")
	if !ok || !ok2 {
		t.Fatal("the README's config section has no ```toml example")
	}
	c := load(t, example, nil, testActions...)
	if len(c.Problems) > 0 || c.Settings.Width != 100 || len(c.Keys) != 2 {
		t.Errorf("problems %q, settings %+v, keys %v", lines(c), c.Settings, c.Keys)
	}
}
