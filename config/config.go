package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/adrg/xdg"
	toml "github.com/pelletier/go-toml/v2"

	"newsmark/sanitize"
)

// PathEnv names the variable that points at another config file.
const PathEnv = "NEWSMARK_CONFIG"

// MaxSize is the most a config file may hold; a bigger one is not read. A
// config is a few kilobytes (the default file, every action listed, is
// about 10 KB): a big one is a mistake, /dev/zero or a log. The cap also
// bounds go-toml, whose check for repeated keys is quadratic in the keys
// of one table (a megabyte of one-line keys takes seconds).
const MaxSize = 64 << 10

// MaxProblems is how many problems Load reports; past it, the last says how
// many more there are (a file of garbage should not flood the terminal).
const MaxProblems = 20

// Config is the settings in effect and how they came to be.
type Config struct {
	// Path is the file read, or the one that would be read.
	Path string
	// Found says the file was there and read (it may still have problems).
	Found bool
	// Settings are the defaults, overridden by the file, the environment
	// and flags, in that order.
	Settings Settings
	// Keys holds the actions the file binds to other keys, each to its
	// keys in bubbletea's form (see ParseKey); the others keep their
	// defaults. Conflicting or bad bindings are not in it.
	Keys map[string][]string
	// Problems are the file's bad lines and the bad environment values, one
	// line each, in file order.
	Problems []Problem

	actions []Action
	sources map[string]Source // by setting name, or "keys."+action; absent: default
}

// SourceKind is what set a value.
type SourceKind int

// The layers, weakest first.
const (
	FromDefault SourceKind = iota
	FromFile
	FromEnv
	FromFlag
)

// Source says where a value came from: the default, a line of the file, an
// environment variable or a command-line flag.
type Source struct {
	Kind SourceKind
	Path string // FromFile: the file
	Line int    // FromFile: its line, from 1; 0 for the file as a whole
	Name string // FromEnv: the variable; FromFlag: the flag, as "--width"
}

// String is "default", "config.toml:12", "NEWSMARK_KEEP_DAYS" or "--width".
func (s Source) String() string {
	switch s.Kind {
	case FromFile:
		name := sanitize.Quote(filepath.Base(s.Path))
		if s.Line > 0 {
			return fmt.Sprintf("%s:%d", name, s.Line)
		}
		return name
	case FromEnv, FromFlag:
		return s.Name
	}
	return "default"
}

// Problem is one thing wrong with the file or the environment. Nothing in
// it stops the program: its setting keeps its earlier value.
type Problem struct {
	Source  Source
	Setting string // the setting, "keys.<action>", or "" for the whole file
	Msg     string
}

// String is the problem on one line, as "config.toml:12: width: want …;
// kept 88".
func (p Problem) String() string {
	if p.Setting == "" {
		return p.Source.String() + ": " + p.Msg
	}
	return p.Source.String() + ": " + sanitize.Quote(p.Setting) + ": " + p.Msg
}

// Path is the config file newsmark reads: $NEWSMARK_CONFIG when set, else
// newsmark/config.toml in the XDG config folder ($XDG_CONFIG_HOME, by
// default ~/.config). explicit says it was named by NEWSMARK_CONFIG, so a
// missing file is worth a problem rather than the usual case.
func Path(getenv func(string) string) (path string, explicit bool) {
	if p := getenv(PathEnv); p != "" {
		return p, true
	}
	return filepath.Join(xdg.ConfigHome, "newsmark", "config.toml"), false
}

// Defaults are the settings when nothing sets them.
func Defaults() Settings {
	var s Settings
	for _, st := range settings {
		st.set(&s, st.def)
	}
	return s
}

// Load reads the config file (see Path) and the environment over the
// defaults. actions are the UI's bindable actions, for the [keys] table.
// It never fails: whatever is wrong becomes a Problem and keeps the value
// it would have had, a file that does not parse keeps every default, and a
// missing file is no problem unless NEWSMARK_CONFIG named it.
func Load(getenv func(string) string, actions []Action) *Config {
	path, explicit := Path(getenv)
	c := &Config{Path: path, Settings: Defaults(), Keys: map[string][]string{}, actions: actions, sources: map[string]Source{}}
	data, err := read(path)
	switch {
	case errors.Is(err, errHidden) && !explicit:
	case errors.Is(err, errHidden):
		c.problem(Source{Kind: FromFile, Path: path}, "", "cannot be read: a folder on its path is closed to this user; every setting keeps its default")
	case errors.Is(err, fs.ErrNotExist):
		if explicit {
			c.problem(Source{Kind: FromFile, Path: path}, "", fmt.Sprintf("no such file (%s=%s); every setting keeps its default", PathEnv, sanitize.Quote(path)))
		}
	case err != nil:
		c.problem(Source{Kind: FromFile, Path: path}, "", err.Error()+"; every setting keeps its default")
	default:
		c.Found = true
		c.applyFile(data)
	}
	c.applyEnv(getenv)
	sort.SliceStable(c.Problems, func(i, j int) bool {
		a, b := c.Problems[i].Source, c.Problems[j].Source
		return a.Kind < b.Kind || a.Kind == b.Kind && a.Line < b.Line
	})
	if n := len(c.Problems); n > MaxProblems {
		c.Problems = append(c.Problems[:MaxProblems-1], Problem{Source: Source{Kind: FromFile, Path: path},
			Msg: fmt.Sprintf("%d more problems; newsmark config lists the settings in effect", n-MaxProblems+1)})
	}
	return c
}

// errHidden is read's answer when a folder on the path may not be searched:
// whether a file is there cannot be known.
var errHidden = errors.New("a folder on its path is closed to this user")

// read reads a config file of at most MaxSize bytes. A folder, a file it
// may not read and a big file are errors in words; a missing file is
// fs.ErrNotExist.
func read(path string) ([]byte, error) {
	// A FIFO would block the open until a writer came, and newsmark with it.
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.Mode()&(fs.ModeNamedPipe|fs.ModeSocket) != 0:
		return nil, fmt.Errorf("is a %s, not a file", map[bool]string{true: "named pipe", false: "socket"}[fi.Mode()&fs.ModeNamedPipe != 0])
	case errors.Is(err, fs.ErrPermission):
		// A folder on the way this user may not search (newsmark run as
		// another user with the first one's HOME): no file can be seen.
		return nil, errHidden
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fs.ErrNotExist
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, errors.New("is a folder, not a file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("is over %d KB, too big for a config file", MaxSize>>10)
	}
	return data, nil
}

// applyFile parses data and applies each setting and binding it holds, in
// file order.
func (c *Config) applyFile(data []byte) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // an editor's byte-order mark
	file := Source{Kind: FromFile, Path: c.Path}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			file.Line = row
			c.problem(file, "", fmt.Sprintf("does not parse at column %d (%s); every setting keeps its default", col, sanitize.Line(strings.TrimPrefix(de.Error(), "toml: "))))
		} else {
			c.problem(file, "", fmt.Sprintf("does not parse (%s); every setting keeps its default", sanitize.Line(strings.TrimPrefix(err.Error(), "toml: "))))
		}
		return
	}
	lines := keyLines(data)
	at := func(parts []string) Source { s := file; s.Line = lines.of(parts); return s }
	var vals []entry
	var walk func(m map[string]any, parts []string)
	walk = func(m map[string]any, parts []string) {
		for k, v := range m {
			parts := append(parts[:len(parts):len(parts)], k)
			path := strings.Join(parts, ".")
			sub, isMap := v.(map[string]any)
			_, known := lookup(path)
			switch {
			case path == "keys" && isMap:
				c.applyKeys(sub, lines)
			case path == "keys":
				c.problem(at(parts), "keys", "want a table: a [keys] line, then action = key lines")
			case known:
				vals = append(vals, entry{path, v, at(parts)})
			case isMap && len(sub) > 0:
				walk(sub, parts)
			case isMap && isTable(path): // an empty [panel]: nothing to set
			default:
				c.unknown(at(parts), path)
			}
		}
	}
	walk(doc, nil)
	slices.SortStableFunc(vals, func(a, b entry) int { return a.src.Line - b.src.Line })
	for _, e := range vals {
		st, _ := lookup(e.path)
		c.apply(st, e.v, e.src)
	}
}

// entry is one value of the file, by its dotted path.
type entry struct {
	path string
	v    any
	src  Source
}

// isTable reports whether path is a table of settings ("panel").
func isTable(path string) bool {
	for _, st := range settings {
		if strings.HasPrefix(st.name, path+".") {
			return true
		}
	}
	return false
}

// unknown reports a name that is no setting, with the likeliest one meant.
func (c *Config) unknown(src Source, path string) {
	if isTable(path) {
		var names []string
		for _, st := range settings {
			if rest, ok := strings.CutPrefix(st.name, path+"."); ok {
				names = append(names, rest)
			}
		}
		c.problem(src, path, fmt.Sprintf("want a table of settings: a [%s] line, then %s", path, strings.Join(names, ", ")))
		return
	}
	names := make([]string, len(settings))
	for i, st := range settings {
		names[i] = st.name
	}
	msg := "no such setting"
	if s := suggest(path, names); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	c.problem(src, path, msg)
}

// apply sets one setting from one source, or reports why not.
func (c *Config) apply(st setting, v any, src Source) {
	if st.set(&c.Settings, v) {
		c.sources[st.name] = src
		return
	}
	kept := "kept " + tomlValue(st.get(&c.Settings))
	if st.bad != nil {
		kept = st.bad(&c.Settings)
		c.sources[st.name] = src
	}
	c.problem(src, st.name, fmt.Sprintf("want %s (got %s); %s", st.want, shown(v), kept))
}

// applyEnv applies the settings that an environment variable sets; they win
// over the file.
func (c *Config) applyEnv(getenv func(string) string) {
	for _, st := range settings {
		if st.env == "" {
			continue
		}
		if v := getenv(st.env); v != "" {
			c.apply(st, v, Source{Kind: FromEnv, Name: st.env})
		}
	}
}

// Flag sets a setting from a command-line flag (named as typed, "--width"),
// which wins over everything else. The value is what the flag holds: a
// string, an int or a bool. A bad value is an error naming the flag, for
// the command to refuse as it refuses any bad flag.
func (c *Config) Flag(name, flag string, v any) error {
	st, ok := lookup(name)
	if !ok {
		return fmt.Errorf("%s: no setting %s", flag, name)
	}
	if !st.set(&c.Settings, v) {
		return fmt.Errorf("%s: want %s (got %s)", flag, st.want, shown(v))
	}
	c.sources[name] = Source{Kind: FromFlag, Name: flag}
	return nil
}

// Source says where a setting's value (or "keys.<action>"'s keys) came
// from.
func (c *Config) Source(name string) Source {
	return c.sources[name]
}

func (c *Config) problem(src Source, setting, msg string) {
	c.Problems = append(c.Problems, Problem{Source: src, Setting: setting, Msg: msg})
}

// shown is a value as the file would write it, cut short: for a problem
// line.
func shown(v any) string {
	var s string
	switch v.(type) {
	case map[string]any:
		return "a table"
	case string, []any, bool, int, int64:
		s = tomlValue(v)
	default:
		s = sanitize.Line(fmt.Sprint(v))
	}
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return s
}

// suggest is the name among names the mistyped one most likely meant: the
// one with the same last part (put in the wrong table), else the nearest
// within a few edits; "" when none is near.
func suggest(name string, names []string) string {
	last := name[strings.LastIndex(name, ".")+1:]
	for _, n := range names {
		if n[strings.LastIndex(n, ".")+1:] == last {
			return n
		}
	}
	best, bestD := "", 3
	for _, n := range names {
		if len(name) > len(n)+2 || len(n) > len(name)+2 {
			continue // more than two edits apart
		}
		if d := distance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes (names
// are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
