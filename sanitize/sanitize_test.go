package sanitize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func TestSanitize(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"plain", "Acme Corp. rose 5%.\n\tNext.", "Acme Corp. rose 5%.\n\tNext."},
		{"unicode kept", "“東京” — 50-50 €3 bn", "“東京” — 50-50 €3 bn"},
		{"clear screen", "a\x1b[2Jb\x1b[Hc", "abc"},
		{"colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"osc title bel", "x\x1b]0;pwned\x07y", "xy"},
		{"osc title st", "x\x1b]2;pwned\x1b\\y", "xy"},
		{"osc hyperlink", "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc and pm", "a\x1b_payload\x1b\\b\x1b^pm\x1b\\c", "abc"},
		{"charset and reset", "a\x1b(Bb\x1bcc", "abc"},
		{"osc aborted by new escape", "a\x1b]0;t\x1b[31mb", "ab"},
		{"unterminated osc swallows rest", "a\x1b]0;title", "a"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"c1 csi", "a\u009b2Jb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"c1 other", "a\u0080\u0084\u0099b", "ab"},
		{"crlf", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"bare cr", "50%\rXX", "50%XX"},
		{"backspace and bell", "ab\x08\x08cd\x07", "abcd"},
		{"nul and del", "a\x00b\x7fc", "abc"},
		{"bidi override", "file\u202egnp.exe \u2066x\u2069", "filegnp.exe x"},
		{"separators", "a\u2028b\u2029c\u0085d", "a\nb\nc\nd"},
		{"bom", "\ufeffTitle", "Title"},
		{"invalid utf8", "a\xffb\xc3", "a\ufffdb\ufffd"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := Text(c.in); got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\x1b]0;t\x07", "\x1bP\x1b\\", "\u009b1m", "\r\n\r", "\u202e", "\xff\x1b",
		"\x1b]0;\u009c", "\x1b\x1b[", "\xc2", "\x1b(\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q: %q", in, out)
		}
		for _, r := range out {
			if r == '\n' || r == '\t' {
				continue
			}
			if r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("control %U left in %q (from %q)", r, out, in)
			}
		}
		if again := Text(out); again != out {
			t.Fatalf("not idempotent: %q → %q", out, again)
		}
		if len(out) > 3*len(in) { // only U+FFFD repairs may grow it
			t.Fatalf("output grew from %d to %d bytes", len(in), len(out))
		}
	})
}

func BenchmarkSanitize(b *testing.B) {
	s := strings.Repeat("Plain news text with “quotes” and 50% figures.\n", 40000)
	d := strings.Repeat("Dirty \x1b[31mred\x1b[0m text\r\n", 40000)
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			Text(s)
		}
	})
	// The sample stories: plain ASCII runs between curly quotes and dashes.
	names, _ := filepath.Glob(filepath.Join("..", "articles", "samples", "*.txt"))
	var sb strings.Builder
	for sb.Len() < 2<<20 && len(names) > 0 {
		for _, n := range names {
			t, _ := os.ReadFile(n)
			sb.Write(t)
		}
	}
	news := sb.String()
	b.Run("samples", func(b *testing.B) {
		b.SetBytes(int64(len(news)))
		for b.Loop() {
			Text(news)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		b.SetBytes(int64(len(d)))
		for b.Loop() {
			Text(d)
		}
	})
}

func TestLine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Acme rises", "Acme rises"},
		{"  Acme\n\trises  ", "Acme rises"},
		{"Acme  rises", "Acme rises"},
		{"£10\u00a0billion", "£10 billion"},
		{"one\u2028two", "one two"},               // a separator Text turns into a line break
		{"a\x1b[2J\r\nb", "a b"},                  // controls go, the break folds
		{"\x1b]0;title\x07Headline ", "Headline"}, // an escape at the start
		{"東京 — 50-50", "東京 — 50-50"},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLineKeepsFoldedText: text already on one line comes back as it is,
// without a copy.
func TestLineKeepsFoldedText(t *testing.T) {
	t.Parallel()
	s := "Harbor Robotics and Meridian Steel — “a venture”"
	if got := Line(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Errorf("Line copied %q", s)
	}
}
