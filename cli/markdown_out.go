package cli

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"newsmark/ui"
)

// markdownWidth is the widest Markdown is drawn on a terminal: a readable
// measure, as glow does, whatever the window.
const markdownWidth = 100

// terminalOf reports whether w is a terminal, and its width. Tests replace
// it to see what a terminal would get without one.
var terminalOf = func(w io.Writer) (width int, ok bool) {
	f, isFile := w.(*os.File)
	if !isFile || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}

// writeMarkdown writes md, which newsmark generated, to the command's
// standard output: drawn as glow draws it when that is a terminal (glamour,
// in the reader's palette, the config file's theme or a guess from
// COLORFGBG; glamour's notty style under NO_COLOR or TERM=dumb), as Markdown when it is a pipe or a file.
func writeMarkdown(env Env, md string) error {
	width, ok := terminalOf(env.Stdout)
	if !ok {
		_, err := io.WriteString(env.Stdout, md)
		return err
	}
	theme := terminalTheme(os.Getenv)
	if theme != ui.Mono {
		// The config file's theme, when it names one, over the guess.
		switch settingsOf(env.Config).Theme {
		case "dark":
			theme = ui.Dark
		case "light":
			theme = ui.Light
		}
	}
	out, err := ui.RenderMarkdown(md, min(width, markdownWidth), theme)
	if err != nil {
		_, err = io.WriteString(env.Stdout, md) // Markdown is readable as it is
		return err
	}
	// Colours come out as the terminal can show them (256, 16, none).
	w := &colorprofile.Writer{Forward: env.Stdout, Profile: colorprofile.Env(os.Environ())}
	_, err = io.WriteString(w, out)
	return err
}

// terminalTheme is the palette for a command's output on a terminal: Mono
// under NO_COLOR or TERM=dumb, Light when COLORFGBG says the background is
// light, else Dark. The terminal is not asked: a command's output should
// not wait on an answer that may never come.
func terminalTheme(getenv func(string) string) ui.Theme {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return ui.Mono
	}
	// COLORFGBG is "fg;bg" (or "fg;x;bg"), ANSI colour numbers: 7 and 15
	// are white.
	if v := getenv("COLORFGBG"); v != "" {
		parts := strings.Split(v, ";")
		if bg, err := strconv.Atoi(parts[len(parts)-1]); err == nil && (bg == 7 || bg == 15) {
			return ui.Light
		}
	}
	return ui.Dark
}
