package config

import (
	"strings"
	"testing"
)

// TestParseKey: a key is written as bubbletea's KeyPressMsg.String() gives
// it, and the spellings people type come back in that form, so that a
// remapped binding matches the key pressed.
func TestParseKey(t *testing.T) {
	t.Parallel()
	good := []struct{ in, want string }{
		{"j", "j"},
		{"G", "G"},
		{"?", "?"},
		{"/", "/"},
		{"+", "+"},
		{"é", "é"},
		{" ", "space"},
		{"space", "space"},
		{"ctrl+f", "ctrl+f"},
		{"Ctrl+F5", "ctrl+f5"},
		{"alt+ctrl+x", "ctrl+alt+x"}, // bubbletea's order
		{"shift+tab", "shift+tab"},
		{"shift+g", "G"}, // bubbletea reports the character shift types
		{"ctrl+shift+a", "ctrl+shift+a"},
		{"ctrl++", "ctrl++"},
		{"ctrl+space", "ctrl+space"},
		{"pgdown", "pgdown"},
		{"PgDn", "pgdown"},
		{"pagedown", "pgdown"},
		{"escape", "esc"},
		{"return", "enter"},
		{"alt+enter", "alt+enter"},
		{"f5", "f5"},
		{"F12", "f12"},
		{"f63", "f63"},
		{"super+hyper+meta+shift+alt+ctrl+up", "ctrl+alt+shift+meta+hyper+super+up"},
	}
	for _, c := range good {
		got, err := ParseKey(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseKey(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, says string }{
		{"", "empty"},
		{"   ", `write "space"`},
		{"ctrlf", `did you mean "ctrl+f"`},
		{"altenter", `did you mean "alt+enter"`},
		{"ctrl+", "write one character"},
		{"+f", "write one character"},
		{"ctrl+ctrl+f", "ctrl twice"},
		{"cmd+f", `"cmd" is not a modifier`},
		{"ctrl+shift", "shift needs a key after it"},
		{"ctrl", "ctrl needs a key after it"},
		{"ctrl+F", `lower case after a modifier ("ctrl+f")`},
		{"shift+/", "the character shift types"},
		{"f0", "write one character"},
		{"f64", "write one character"},
		{"f05", "write one character"},
		{"ab", "write one character"},
		{"page down", "write one character"},
		{"ctrl+\x1b", "not printable"},
		{"\x1b[A", "not printable"},
		{"\xff", "not printable"},
		{"\t", "not printable"},
	}
	for _, c := range bad {
		got, err := ParseKey(c.in)
		if err == nil {
			t.Errorf("ParseKey(%q) = %q, want an error", c.in, got)
			continue
		}
		if !strings.Contains(err.Error(), c.says) || strings.ContainsAny(err.Error(), "\n\x1b") {
			t.Errorf("ParseKey(%q): %q, want one line saying %q", c.in, err, c.says)
		}
	}
}

// FuzzParseKey: a key ParseKey accepts comes back unchanged when parsed
// again, and its errors are one line.
func FuzzParseKey(f *testing.F) {
	for _, s := range []string{"ctrl+f", "shift+G", "alt+ctrl++", "PgDn", "f12", "ctrlf", " ", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKey(s)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r\x1b") {
				t.Errorf("ParseKey(%q): %q is not one clean line", s, err)
			}
			return
		}
		if again, err := ParseKey(k); err != nil || again != k {
			t.Errorf("ParseKey(%q) = %q, then %q, %v", s, k, again, err)
		}
	})
}
