package sanitize

import "testing"

func TestQuoteKeepsNamesOnOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain/name.txt":    "plain/name.txt",
		"Zürich.txt":        "Zürich.txt",
		"two\nlines.txt":    `"two\nlines.txt"`,
		"esc\x1b[2J.txt":    `"esc\x1b[2J.txt"`,
		"rtl\u202etxt.exe":  `"rtl\u202etxt.exe"`,
		`back\slash"q".txt`: `"back\\slash\"q\".txt"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
