package config

import (
	"os"
	"path/filepath"
	"testing"
)

// env is a process environment for Load, so that tests never set the real
// one (and may run in parallel).
type env map[string]string

func (e env) get(k string) string { return e[k] }

// load writes content as config.toml in a folder of the test's own and
// loads it, NEWSMARK_CONFIG pointing at it, with e's other variables.
func load(t *testing.T, content string, e env, actions ...Action) *Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	all := env{PathEnv: p}
	for k, v := range e {
		all[k] = v
	}
	return Load(all.get, actions)
}

// lines are c's problems as the user reads them.
func lines(c *Config) []string {
	out := make([]string, len(c.Problems))
	for i, p := range c.Problems {
		out[i] = p.String()
	}
	return out
}

// testActions stand in for the UI's: a global quit, the reader's search
// and its next match, the library's filter (also /), and a panel action
// live in two panes.
var testActions = []Action{
	{Name: "global.quit", Panes: []string{"library", "reader", "panel"}, Default: []string{"q"}, Doc: "quit"},
	{Name: "global.help", Panes: []string{"library", "reader", "panel"}, Default: []string{"?"}, Doc: "toggle help"},
	{Name: "library.filter", Panes: []string{"library"}, Default: []string{"/"}, Doc: "filter the list"},
	{Name: "library.down", Panes: []string{"library"}, Default: []string{"j", "down"}, Doc: "next article"},
	{Name: "reader.search", Panes: []string{"reader"}, Default: []string{"/"}, Doc: "search the article"},
	{Name: "reader.next", Panes: []string{"reader"}, Default: []string{"n"}, Doc: "next match"},
	{Name: "reader.prev", Panes: []string{"reader"}, Default: []string{"N"}, Doc: "previous match"},
	{Name: "reader.down", Panes: []string{"reader"}, Default: []string{"j", "down"}, Doc: "scroll down"},
	// Two defaults on one key in one pane: the UI's choice (context tells
	// them apart), never the file's fault.
	{Name: "reader.pagedown", Panes: []string{"reader"}, Default: []string{"space", "pgdown"}, Doc: "page down"},
	{Name: "reader.nextunread", Panes: []string{"reader"}, Default: []string{"space", "ctrl+n"}, Doc: "next unread on the last page"},
}
