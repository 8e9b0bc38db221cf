package cli

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"newsmark/ui"
)

// onTerminal makes the commands' standard output look like a terminal of
// width columns for the rest of the test.
func onTerminal(t *testing.T, width int) {
	t.Helper()
	prev := terminalOf
	terminalOf = func(io.Writer) (int, bool) { return width, true }
	t.Cleanup(func() { terminalOf = prev })
}

// colourSGR finds an SGR sequence that sets a colour (30–38, 40–48, 90–97,
// 100–107): bold or italic alone are not colour.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// Piped, `notes` and `export --format md` print Markdown: no escape at all.
func TestNotesAndExportPipedPrintMarkdown(t *testing.T) {
	dataDir, _, _ := fixture(t)
	for _, args := range [][]string{{"notes"}, {"export", "--all", "--format", "md"}} {
		code, out, errs := run(t, append(args, "--data-dir", dataDir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Errorf("%v piped carries escapes:\n%q", args, out)
		}
		if !strings.Contains(out, "\n> Kestrel Foods Ltd. will buy Alder Farms for $90 million\n") {
			t.Errorf("%v piped is not the Markdown:\n%s", args, out)
		}
	}
}

// On a terminal they are drawn: the block quote's bar, headings without
// their marks where colour sets them apart, in colour; -o - still prints
// Markdown.
func TestNotesAndExportOnATerminalAreDrawn(t *testing.T) {
	dataDir, _, _ := fixture(t)
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORFGBG", "")
	onTerminal(t, 90)
	for _, args := range [][]string{{"notes"}, {"export", "--all", "--format", "md"}} {
		code, out, errs := run(t, append(args, "--data-dir", dataDir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if !colourSGR.MatchString(out) {
			t.Errorf("%v on a terminal has no colour:\n%q", args, out)
		}
		plain := stripSGR(out)
		if !strings.Contains(plain, "│ Kestrel Foods Ltd. will buy Alder Farms for $90 million") ||
			strings.Contains(plain, "> Kestrel") {
			t.Errorf("%v on a terminal is not drawn:\n%s", args, plain)
		}
		for _, l := range strings.Split(plain, "\n") {
			if len([]rune(l)) > 90 {
				t.Errorf("%v: a line wider than the terminal: %q", args, l)
			}
		}
	}
	code, out, _ := run(t, "export", "--all", "--format", "md", "-o", "-", "--data-dir", dataDir)
	if code != 0 || strings.ContainsRune(out, 0x1b) || !strings.Contains(out, "\n> Kestrel Foods") {
		t.Errorf("export -o - on a terminal: exit %d, want the Markdown:\n%q", code, out)
	}
	// JSON stays JSON.
	code, out, _ = run(t, "export", "--all", "--format", "json", "--data-dir", dataDir)
	if code != 0 || !strings.HasPrefix(out, "{") || strings.ContainsRune(out, 0x1b) {
		t.Errorf("export --format json on a terminal: exit %d\n%q", code, out)
	}
}

// NO_COLOR gives glamour's notty style: the Markdown's own marks, no
// colour escape.
func TestNoColorOnATerminalHasNoColour(t *testing.T) {
	dataDir, _, _ := fixture(t)
	t.Setenv("NO_COLOR", "1")
	t.Setenv("TERM", "xterm-256color")
	onTerminal(t, 90)
	for _, args := range [][]string{{"notes"}, {"export", "--all", "--format", "md"}} {
		code, out, errs := run(t, append(args, "--data-dir", dataDir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if m := colourSGR.FindString(out); m != "" {
			t.Errorf("%v under NO_COLOR sets a colour (%q):\n%q", args, m, out)
		}
		if plain := stripSGR(out); !strings.Contains(plain, "| Kestrel Foods Ltd. will buy Alder Farms") {
			t.Errorf("%v under NO_COLOR is not glamour's notty style:\n%s", args, plain)
		}
	}
}

func TestTerminalTheme(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want ui.Theme
	}{
		{map[string]string{}, ui.Dark},
		{map[string]string{"NO_COLOR": "1", "COLORFGBG": "0;15"}, ui.Mono},
		{map[string]string{"TERM": "dumb"}, ui.Mono},
		{map[string]string{"COLORFGBG": "0;15"}, ui.Light},
		{map[string]string{"COLORFGBG": "0;default;7"}, ui.Light},
		{map[string]string{"COLORFGBG": "15;0"}, ui.Dark},
		{map[string]string{"COLORFGBG": "junk"}, ui.Dark},
	} {
		if got := terminalTheme(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}
}

// stripSGR drops SGR sequences and OSC 8 links, keeping the text.
func stripSGR(s string) string {
	return regexp.MustCompile(`\x1b\[[0-9;]*m|\x1b\]8;[^\x1b\a]*(\x1b\\|\a)`).ReplaceAllString(s, "")
}
