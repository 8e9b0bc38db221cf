package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func lines(w Wrapped) []string {
	out := make([]string, len(w.Lines))
	for i := range w.Lines {
		out[i] = w.Text(i)
	}
	return out
}

func TestWrap(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		body  string
		width int
		want  []string
	}{
		{"fits", "Acme buys Widget", 20, []string{"Acme buys Widget"}},
		{"word wrap", "Acme Corp. buys Widget Ltd for $3 billion", 16,
			[]string{"Acme Corp. buys", "Widget Ltd for", "$3 billion"}},
		{"exact width", "abcd efgh", 4, []string{"abcd", "efgh"}},
		{"hard break long word", "see https://example.com/very/long/path ok", 10,
			[]string{"see", "https://ex", "ample.com/", "very/long/", "path ok"}},
		{"paragraphs keep blank line", "One two.\n\nThree four.", 20, []string{"One two.", "", "Three four."}},
		{"cjk is two cells", "ソフトバンク と トヨタ", 8, []string{"ソフトバ", "ンク と", "トヨタ"}},
		{"emoji kept whole", "go 🚀🚀🚀 up", 5, []string{"go", "🚀🚀", "🚀 up"}},
		{"indent kept", "  Indented line here", 12, []string{"  Indented", "line here"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := lines(Wrap(c.body, c.width))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("Wrap(%q, %d)\n got %q\nwant %q", c.body, c.width, got, c.want)
			}
		})
	}
}

// TestWrapInvariants checks, over varied text and widths, that no line is
// wider than the width, lines are in order, and every non-space byte of the
// body is on exactly one line.
func TestWrapInvariants(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("SoftBank Group Corp. and トヨタ自動車 agreed a 50-50 venture 🚀 worth ¥300 billion, "+
		"said Masayoshi Son.\n\nsupercalifragilisticexpialidocious-and-then-some words\n", 20)
	for width := 1; width <= 90; width += 7 {
		w := Wrap(body, width)
		covered := make([]bool, len(body))
		prev := 0
		for i, l := range w.Lines {
			if l.Start < prev || l.End < l.Start {
				t.Fatalf("width %d line %d out of order: %+v", width, i, l)
			}
			prev = l.End
			if !utf8.RuneStart(body[min(l.Start, len(body)-1)]) {
				t.Fatalf("width %d line %d starts inside a rune", width, i)
			}
			if lw := ansi.StringWidth(w.Text(i)); lw > width && utf8.RuneCountInString(w.Text(i)) > 1 {
				t.Fatalf("width %d line %d is %d wide: %q", width, i, lw, w.Text(i))
			}
			for j := l.Start; j < l.End; j++ {
				covered[j] = true
			}
		}
		for j, c := range []byte(body) {
			if c != ' ' && c != '\n' && !covered[j] {
				t.Fatalf("width %d: byte %d (%q) on no line", width, j, body[j:j+1])
			}
		}
	}
}

func TestWrapPos(t *testing.T) {
	t.Parallel()
	body := "Toyota and ソフトバンク formed Acme"
	w := Wrap(body, 12)
	off := strings.Index(body, "ソフトバンク")
	line, col := w.Pos(off)
	if line != 1 || col != 0 {
		t.Fatalf("Pos(ソフトバンク) = %d,%d, want 1,0 (lines %q)", line, col, lines(w))
	}
	w = Wrap(body, 30)
	off = strings.Index(body, "formed")
	line, col = w.Pos(off)
	if line != 0 || col != 24 {
		t.Fatalf("Pos(formed) = %d,%d, want 0,24 (lines %q)", line, col, lines(w))
	}
}

// FuzzWrap: any text at any width wraps without panicking, lines stay in
// order on rune boundaries, no line is wider than the width unless it is a
// single grapheme, and every byte but spaces and newlines is shown.
func FuzzWrap(f *testing.F) {
	f.Add("SoftBank Group Corp. 🚀 ソフトバンク\n\n  indented  words", 7)
	f.Add("a\tb\t\tc", 1)
	f.Add("x", 0)
	f.Fuzz(func(t *testing.T, body string, width int) {
		width = width%200 + 1
		if width < 1 {
			width = -width + 1
		}
		body = strings.ToValidUTF8(body, "?")
		w := Wrap(body, width)
		prev := 0
		covered := make([]bool, len(body))
		for i, l := range w.Lines {
			if l.Start < prev || l.End < l.Start || l.End > len(body) {
				t.Fatalf("line %d %+v out of order (prev end %d)", i, l, prev)
			}
			if l.Start < len(body) && !utf8.RuneStart(body[l.Start]) {
				t.Fatalf("line %d starts inside a rune", i)
			}
			if tw := textWidth(w.Text(i)); tw > width {
				if g, _, n := grapheme(body[l.Start:l.End]); n != l.End-l.Start {
					t.Fatalf("line %d is %d wide at width %d: %q (first grapheme %q)", i, tw, width, w.Text(i), g)
				}
			}
			for j := l.Start; j < l.End; j++ {
				covered[j] = true
			}
			prev = l.End
		}
		for j := range body {
			if c := body[j]; c != ' ' && c != '\t' && c != '\n' && !covered[j] {
				t.Fatalf("byte %d (%q) on no line", j, body[j])
			}
		}
	})
}

// styledMask strips SGR sequences from s and reports, per byte of what is
// left, whether a style was on.
func styledMask(s string) (string, []bool) {
	var plain strings.Builder
	var mask []bool
	on := false
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			params := s[i+2 : i+j]
			on = params != "" && params != "0"
			i += j + 1
			continue
		}
		plain.WriteByte(s[i])
		mask = append(mask, on)
		i++
	}
	return plain.String(), mask
}

// TestHighlightsSitOnOffsets: at many widths, every drawn line keeps its
// text, and exactly the bytes inside a mention or quote are styled, CJK
// and emoji lines included.
func TestHighlightsSitOnOffsets(t *testing.T) {
	a := fixtureArticle(t)
	ann := fixtureAnnotations(a)
	d := lineDecor{ix: buildIndex(ann, len(a.Body)), selected: -1, current: -1}
	for i := range d.show {
		d.show[i] = true
	}
	inMark := make([]bool, len(a.Body))
	for _, m := range append(append([]mark(nil), d.ix.entities...), d.ix.quotes...) {
		for j := m.Start; j < m.End; j++ {
			inMark[j] = true
		}
	}
	st := NewStyles(Dark)
	for _, width := range []int{9, 23, 40, 57, 78, 120, 199} {
		w := Wrap(a.Body, width)
		for i, l := range w.Lines {
			out, _ := decorate(&w, i, &d, &st, nil)
			plain, mask := styledMask(out)
			if plain != w.Text(i) {
				t.Fatalf("width %d line %d: text changed by decoration:\n%q\n%q", width, i, plain, w.Text(i))
			}
			for j := range plain {
				if mask[j] != inMark[l.Start+j] {
					t.Fatalf("width %d line %d byte %d (%q in %q): styled=%v, in a mark=%v",
						width, i, j, plain[j:j+1], plain, mask[j], inMark[l.Start+j])
				}
			}
		}
	}
}
