package ui

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsmark/articles"
	"newsmark/model"
)

// driver runs a Model the way a Program would, minus the terminal: every
// Cmd is run and its message fed back, so async loads, wraps and
// annotations land before the next key.
type driver struct {
	t    testing.TB
	m    Model
	quit bool
}

func newDriver(t testing.TB, lib articles.Library, theme Theme, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(Options{Library: lib, Annotate: fixtureAnnotations, Theme: theme})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	mm, cmd := d.m.Update(msg)
	d.m = mm.(Model)
	d.run(cmd)
}

// run executes cmd and feeds back what it yields, depth first.
func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		// tea.Sequence's message is unexported: a slice of Cmds.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < v.Len(); i++ {
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if strings.HasPrefix(reflect.TypeOf(msg).PkgPath(), "charm.land/bubbletea") {
			return // terminal requests (raw, background colour): no terminal here
		}
		d.send(msg)
	}
}

// keys sends key presses named as in the KeyMap ("j", "ctrl+d", "enter").
func (d *driver) keys(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(keyPress(n))
	}
}

func keyPress(n string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"space": {Code: tea.KeySpace, Text: " "}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "delete": {Code: tea.KeyDelete},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome},
		"end": {Code: tea.KeyEnd}, "backspace": {Code: tea.KeyBackspace},
	}
	// Modifiers as bubbletea writes them: "ctrl+", "alt+", "shift+".
	var mod tea.KeyMod
	for {
		m, rest, ok := strings.Cut(n, "+")
		if !ok || rest == "" {
			break
		}
		switch m {
		case "ctrl":
			mod |= tea.ModCtrl
		case "alt":
			mod |= tea.ModAlt
		case "shift":
			mod |= tea.ModShift
		default:
			panic("keyPress: unknown modifier in " + n)
		}
		n = rest
	}
	if k, ok := special[n]; ok {
		if mod != 0 {
			k.Mod, k.Text = mod, ""
		}
		return tea.KeyPressMsg(k)
	}
	r := []rune(n)[0]
	k := tea.Key{Code: r, Mod: mod}
	if mod == 0 {
		k.Text = n
		if r >= 'A' && r <= 'Z' {
			k.Code, k.Mod = r+'a'-'A', tea.ModShift
		}
	}
	return tea.KeyPressMsg(k)
}

// screen is the view as plain text.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

func (d *driver) raw() string { return d.m.View().Content }

func (d *driver) mustSee(want ...string) {
	d.t.Helper()
	s := d.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			d.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func (d *driver) mustNotSee(want ...string) {
	d.t.Helper()
	s := d.screen()
	for _, w := range want {
		if strings.Contains(s, w) {
			d.t.Fatalf("screen shows %q:\n%s", w, s)
		}
	}
}

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func itoa(n int) string { return strconv.Itoa(n) }

// annWith annotates each name as a company wherever it occurs.
func annWith(body string, names ...string) model.Annotations {
	var ann model.Annotations
	for _, n := range names {
		ann.Entities = append(ann.Entities, model.Entity{ID: n, Kind: model.Company, Text: n, Mentions: spansOf(body, n)})
	}
	return ann
}

// tabOf is the panel's tab of type T.
func tabOf[T tabPane](m Model) T {
	for _, t := range m.panel.tabs {
		if t, ok := t.(T); ok {
			return t
		}
	}
	var zero T
	return zero
}
