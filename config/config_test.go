package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/adrg/xdg"
)

// TestPath: the file is newsmark/config.toml in the XDG config folder
// ($XDG_CONFIG_HOME, else ~/.config), unless NEWSMARK_CONFIG names another;
// Load reads the one Path names.
func TestPath(t *testing.T) {
	t.Cleanup(xdg.Reload) // after the variables are put back
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	xdg.Reload()
	if p, explicit := Path(os.Getenv); p != filepath.Join(home, ".config", "newsmark", "config.toml") || explicit {
		t.Errorf("without XDG_CONFIG_HOME: %s, %v", p, explicit)
	}

	cfgHome := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	xdg.Reload()
	want := filepath.Join(cfgHome, "newsmark", "config.toml")
	if p, explicit := Path(os.Getenv); p != want || explicit {
		t.Errorf("with XDG_CONFIG_HOME: %s, %v; want %s", p, explicit, want)
	}
	if p, explicit := Path(env{PathEnv: "/etc/newsmark.toml"}.get); p != "/etc/newsmark.toml" || !explicit {
		t.Errorf("with %s: %s, %v", PathEnv, p, explicit)
	}
	if p, _ := Path(env{PathEnv: ""}.get); p != want {
		t.Errorf("an empty %s: %s, want %s", PathEnv, p, want)
	}

	// No file: the defaults, quietly, and nothing created.
	c := Load(env{}.get, nil)
	if c.Found || len(c.Problems) > 0 || !reflect.DeepEqual(c.Settings, Defaults()) || c.Path != want {
		t.Errorf("no file: found %v, problems %q, path %s", c.Found, lines(c), c.Path)
	}
	if _, err := os.Stat(filepath.Dir(want)); !os.IsNotExist(err) {
		t.Errorf("Load created %s", filepath.Dir(want))
	}

	if err := os.MkdirAll(filepath.Dir(want), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(want, []byte("width = 72\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c = Load(env{}.get, nil)
	if !c.Found || c.Settings.Width != 72 || c.Source("width").String() != "config.toml:1" {
		t.Errorf("the XDG file: found %v, width %d from %s", c.Found, c.Settings.Width, c.Source("width"))
	}
}

// TestBrokenFiles: whatever is wrong with the file, Load returns the
// defaults and one line saying what and where.
func TestBrokenFiles(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, file string
		want       string
	}{
		{"syntax", "width = 100\ntheme = dark\n",
			"config.toml:2: does not parse at column 9 (unexpected character U+0064 'd' at start of value); every setting keeps its default"},
		{"unclosed table", "width = 100\n[panel\nside = \"left\"\n",
			"config.toml:2: does not parse at column"},
		{"a key twice", "width = 100\nwidth = 90\n",
			"config.toml:2: does not parse at column 1 (key width is already defined); every setting keeps its default"},
		{"non-UTF-8 in a value", "width = 100\ntheme = \"d\xffrk\"\n",
			"config.toml:2: does not parse at column 11 (invalid UTF-8 character in basic string)"},
		{"non-UTF-8 in a comment", "width = 100\n\n# caf\xe9 (Latin-1)\n",
			"config.toml:3: does not parse at column"},
		{"a NUL byte", "width = 1\x0000\n", "config.toml:1: does not parse"},
		{"an escape sequence", "width = 100\n\x1b[2J = 1\n", "config.toml:2: does not parse"},
		{"a number too big", "width = 99999999999999999999999\n", "config.toml:1: does not parse"},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00", "config.toml:1: does not parse"},
	}
	for _, c := range cases {
		cfg := load(t, c.file, nil)
		got := lines(cfg)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%s: problems %q, want one starting %q", c.name, got, c.want)
		}
		if len(got) == 1 && (strings.ContainsAny(got[0], "\n\x1b\x00") || !strings.HasSuffix(got[0], "every setting keeps its default")) {
			t.Errorf("%s: %q is not one clean line", c.name, got[0])
		}
		if !reflect.DeepEqual(cfg.Settings, Defaults()) {
			t.Errorf("%s: settings %+v, want the defaults", c.name, cfg.Settings)
		}
	}
}

// TestFileForms: what editors write parses: a byte-order mark, CRLF line
// ends, comments; line numbers count from the file's first line.
func TestFileForms(t *testing.T) {
	t.Parallel()
	c := load(t, "\uFEFF# mine\r\nwidth = 72 # narrow\r\n\r\n[panel]\r\nside = \"up\"\r\n", nil)
	if got := lines(c); len(got) != 1 || !strings.HasPrefix(got[0], "config.toml:5: panel.side:") {
		t.Errorf("problems %q", got)
	}
	if c.Settings.Width != 72 || c.Source("width").String() != "config.toml:2" {
		t.Errorf("width %d from %s", c.Settings.Width, c.Source("width"))
	}
	if c = load(t, "", nil); len(c.Problems) > 0 || !c.Found || !reflect.DeepEqual(c.Settings, Defaults()) {
		t.Errorf("an empty file: %q", lines(c))
	}
	// The README's way to read no file.
	if c = Load(env{PathEnv: os.DevNull}.get, nil); len(c.Problems) > 0 || !reflect.DeepEqual(c.Settings, Defaults()) {
		t.Errorf("%s: %q", os.DevNull, lines(c))
	}
}

// TestUnreadableFiles: a folder, a file newsmark may not read, a symlink
// loop, a missing file NEWSMARK_CONFIG names: one line each, the defaults.
func TestUnreadableFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder", "config.toml")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop.toml")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{
		{folder, "config.toml: is a folder, not a file; every setting keeps its default"},
		{loop, "loop.toml: cannot be read: too many levels of symbolic links; every setting keeps its default"},
		{filepath.Join(file, "config.toml"), "config.toml: cannot be read: not a directory; every setting keeps its default"},
		{filepath.Join(dir, "gone.toml"), "gone.toml: no such file (NEWSMARK_CONFIG=" + filepath.Join(dir, "gone.toml") + "); every setting keeps its default"},
		{filepath.Join(dir, "odd\x1b[31m.toml"), `"odd\x1b[31m.toml": no such file`},
	}
	// A FIFO must not block Load (nothing ever writes to it).
	if fifo := filepath.Join(dir, "pipe.toml"); syscall.Mkfifo(fifo, 0o600) == nil {
		cases = append(cases, struct{ path, want string }{fifo, "pipe.toml: is a named pipe, not a file; every setting keeps its default"})
	}
	if os.Geteuid() != 0 { // root reads whatever the mode says
		locked := filepath.Join(dir, "locked.toml")
		if err := os.WriteFile(locked, []byte("width = 72\n"), 0o000); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ path, want string }{locked, "locked.toml: cannot be read: permission denied; every setting keeps its default"})
		// A folder this user may not search: named by NEWSMARK_CONFIG, it
		// is a problem; as the XDG default, no file (the faults tests run
		// newsmark as nobody with another user's HOME).
		closed := filepath.Join(dir, "closed")
		if err := os.Mkdir(closed, 0o000); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ path, want string }{filepath.Join(closed, "config.toml"),
			"config.toml: cannot be read: a folder on its path is closed to this user; every setting keeps its default"})
	}
	for _, c := range cases {
		cfg := Load(env{PathEnv: c.path}.get, nil)
		got := lines(cfg)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) || strings.Contains(got[0], "\x1b") {
			t.Errorf("%q: problems %q, want %q", c.path, got, c.want)
		}
		if cfg.Found || !reflect.DeepEqual(cfg.Settings, Defaults()) {
			t.Errorf("%q: found %v, settings %+v", c.path, cfg.Found, cfg.Settings)
		}
	}
}

// TestHugeFiles: a file over MaxSize is not read; one just under it is, and
// its line numbers stay right; a file of a thousand typos gives
// MaxProblems lines, not a thousand.
func TestHugeFiles(t *testing.T) {
	t.Parallel()
	c := load(t, strings.Repeat("# x\n", MaxSize/4)+"width = 72\n", nil)
	if got := lines(c); len(got) != 1 || got[0] != "config.toml: is over 64 KB, too big for a config file; every setting keeps its default" {
		t.Errorf("over the cap: %q", got)
	}
	if c.Settings.Width != 88 {
		t.Errorf("over the cap: width %d", c.Settings.Width)
	}

	var b strings.Builder
	n := 0
	for b.Len() < MaxSize-200 {
		fmt.Fprintf(&b, "k%d = %d\n", n, n)
		n++
	}
	b.WriteString("width = 72\n")
	c = load(t, b.String(), nil)
	got := lines(c)
	if len(got) != MaxProblems || got[0] != "config.toml:1: k0: no such setting" ||
		got[MaxProblems-1] != fmt.Sprintf("config.toml: %d more problems; newsmark config lists the settings in effect", n-MaxProblems+1) {
		t.Errorf("%d keys: %d problems, first %q, last %q", n, len(got), got[0], got[len(got)-1])
	}
	if c.Settings.Width != 72 || c.Source("width").String() != fmt.Sprintf("config.toml:%d", n+1) {
		t.Errorf("width %d from %s, want 72 from line %d", c.Settings.Width, c.Source("width"), n+1)
	}
}
