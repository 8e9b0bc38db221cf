package config

import (
	"fmt"
	"strings"

	"newsmark/sanitize"
)

// Default is a config file that sets nothing: every setting commented out
// with what it does and its default, and every action of the [keys] table
// with its default keys. Removing a line's "# " sets that line's value.
// `newsmark config --default` prints it.
func Default(actions []Action) []byte {
	var b strings.Builder
	comment(&b, `newsmark's config file. `+PathEnv+`=FILE reads another one.`)
	comment(&b, `Every setting is shown commented out with its default: remove the "# " before one to change it. `+
		`Flags win over environment variables (`+keepDaysEnv+`), which win over this file. `+
		`A bad line is reported with its line number and keeps its default; a file that does not parse keeps every default.`)
	d := Defaults()
	eachSetting(&b, func(st setting) {
		b.WriteByte('\n')
		comment(&b, st.doc)
		fmt.Fprintf(&b, "# %s = %s\n", tomlKey(leaf(st.name)), tomlValue(st.get(&d)))
	})
	b.WriteString("\n[keys]\n")
	comment(&b, `Each action takes a key or a list of keys: "reader.search" = ["/", "ctrl+f"]. `+
		`Keys are written as newsmark's help shows them: "j", "G", "?", "ctrl+f", "alt+enter", "shift+tab", "pgdown", "space", "f5". `+
		`Two actions of one pane cannot share a key. The defaults:`)
	for _, a := range actions {
		line := fmt.Sprintf("# %s = %s", tomlKey(a.Name), tomlKeys(a.Default))
		if a.Doc != "" {
			line = pad(line) + "# " + oneLine(a.Doc)
		}
		b.WriteString(line + "\n")
	}
	return []byte(b.String())
}

// Effective is the settings in effect as a config file, each value with
// where it came from: the default, a line of the file, an environment
// variable or a flag. Every action of the [keys] table is listed with its
// keys. `newsmark config` prints it.
func (c *Config) Effective() []byte {
	var b strings.Builder
	switch {
	case c.Found:
		comment(&b, "newsmark's settings in effect, read from "+sanitize.Quote(c.Path))
	default:
		comment(&b, "newsmark's settings in effect; there is no file at "+sanitize.Quote(c.Path)+", so the defaults")
	}
	comment(&b, "Flags win over environment variables, which win over the file, which wins over the defaults.")
	for _, p := range c.Problems {
		comment(&b, "problem: "+p.String())
	}
	b.WriteByte('\n')
	eachSetting(&b, func(st setting) {
		line := fmt.Sprintf("%s = %s", tomlKey(leaf(st.name)), tomlValue(st.get(&c.Settings)))
		b.WriteString(pad(line) + "# " + c.Source(st.name).String() + "\n")
	})
	b.WriteString("\n[keys]\n")
	for _, a := range c.actions {
		keys, ok := c.Keys[a.Name]
		if !ok {
			keys = a.Default
		}
		line := fmt.Sprintf("%s = %s", tomlKey(a.Name), tomlKeys(keys))
		b.WriteString(pad(line) + "# " + c.Source("keys."+a.Name).String() + "\n")
	}
	return []byte(b.String())
}

// eachSetting calls f for each setting, in the table's order, writing the
// header of each table before its first setting. Top-level settings come
// first: TOML puts a key after a [table] header into that table.
func eachSetting(b *strings.Builder, f func(setting)) {
	for _, st := range settings {
		if !strings.Contains(st.name, ".") {
			f(st)
		}
	}
	table := ""
	for _, st := range settings {
		t, _, ok := strings.Cut(st.name, ".")
		if !ok {
			continue
		}
		if t != table {
			table = t
			fmt.Fprintf(b, "\n[%s]\n", t)
		}
		f(st)
	}
}

// leaf is a setting's key within its table: "side" of "panel.side".
func leaf(name string) string {
	return name[strings.Index(name, ".")+1:]
}

// comment writes text as comment lines of at most 100 columns.
func comment(b *strings.Builder, text string) {
	line := "#"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 100 && line != "#" {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// pad lines up the comments after values.
func pad(s string) string {
	const col = 40
	if len(s) >= col {
		return s + "  "
	}
	return s + strings.Repeat(" ", col-len(s))
}

// oneLine keeps text from the UI on one comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)), " ")
}
