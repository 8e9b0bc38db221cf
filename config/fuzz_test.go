package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad: whatever the file holds, Load returns settings that pass their
// own checks, and problems of one clean line each.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(Default(testActions)))
	f.Add([]byte("width = 100\n[keys]\n\"reader.search\" = [\"n\", \"ctrl+f\"]\n[panel]\nside = 3\n"))
	f.Add([]byte("a = { b = { c = [1, [2]] } }\n[[keys]]\n"))
	f.Add([]byte("\xff\xfe\x00w\x00"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		c := Load(env{PathEnv: p}.get, testActions)
		if len(c.Problems) > MaxProblems {
			t.Errorf("%d problems", len(c.Problems))
		}
		for _, l := range lines(c) {
			if strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }) {
				t.Errorf("problem with a control character: %q", l)
			}
		}
		for _, st := range settings {
			s := c.Settings
			if !st.set(&s, st.get(&c.Settings)) {
				t.Errorf("%s: %v does not pass its own check", st.name, st.get(&c.Settings))
			}
		}
		for name, keys := range c.Keys {
			for _, k := range keys {
				if p, err := ParseKey(k); err != nil || p != k {
					t.Errorf("%s: key %q not in bubbletea's form", name, k)
				}
			}
		}
	})
}
