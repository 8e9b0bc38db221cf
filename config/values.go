package config

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// setting is one entry of the settings table. Values come as the TOML
// decoder gives them (int64, string, bool, []any), or as a string from an
// environment variable or a flag: set accepts the forms its setting allows
// and leaves s untouched when it returns false.
type setting struct {
	name string // in the file; "panel.side" is side under [panel]
	doc  string // one line: Default, the README
	want string // what a good value looks like, for a problem line
	env  string // an environment variable that wins over the file, if any
	def  any    // the default, as a TOML value; set must accept it
	set  func(s *Settings, v any) bool
	get  func(s *Settings) any // the value as TOML, for Default and Effective
	// bad, when set, decides what a bad value leaves in place and says so;
	// otherwise the value before the bad one is kept.
	bad func(s *Settings) string
}

// lookup finds the setting of a name.
func lookup(name string) (setting, bool) {
	for _, st := range settings {
		if st.name == name {
			return st, true
		}
	}
	return setting{}, false
}

// asInt reads a whole number from the file (int64) or from a flag or
// environment variable (int or a string of digits).
func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int64:
		if n < math.MinInt32 || n > math.MaxInt32 {
			return 0, false
		}
		return int(n), true
	case int:
		return n, true
	case string:
		i, err := strconv.Atoi(strings.TrimSpace(n))
		return i, err == nil
	}
	return 0, false
}

func setBool(v any, dst *bool) bool {
	b, ok := v.(bool)
	if ok {
		*dst = b
	}
	return ok
}

// oneOf sets dst to v, in lower case, when it is one of the choices.
func oneOf(v any, dst *string, choices ...string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, c := range choices {
		if s == c {
			*dst = c
			return true
		}
	}
	return false
}

// setFolder expands a leading ~ to the home folder; ~user is not
// supported, and a name with control characters is refused (it would be
// shown in the status bar).
func setFolder(s *Settings, v any) bool {
	p, ok := v.(string)
	if !ok || strings.ContainsFunc(p, unicode.IsControl) || !utf8.ValidString(p) {
		return false
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return false
		}
		p = filepath.Join(home, p[1:])
	} else if strings.HasPrefix(p, "~") {
		return false
	}
	if filepath.IsAbs(p) {
		p = filepath.Clean(p) // a relative one stays as typed: "./~x" is not "~x"
	}
	s.Export.Folder = p
	return true
}

// tomlValue writes v (an int, bool, string or []any of them) as TOML.
func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		return fmt.Sprint(x)
	}
}

// tomlString is a TOML basic string: quotes, backslashes, control
// characters and bidi overrides escaped, the rest as is.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.Is(unicode.Cc, r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			// Controls and bidi overrides, so a value shown on a terminal
			// cannot move the cursor or reorder the line.
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlKey is a key as TOML wants it: bare when it can be, else quoted (an
// action name with a dot must be quoted to stay one key).
func tomlKey(k string) string {
	if k != "" && !strings.ContainsFunc(k, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) {
		return k
	}
	return tomlString(k)
}
