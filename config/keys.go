package config

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Action is one thing a key does, as the UI describes it: this package
// knows no actions of its own (it must not import ui), so the UI passes the
// whole list to Load, Default and Effective.
type Action struct {
	// Name is the action's name in the [keys] table: "reader.search".
	Name string
	// Panes are where the action is live, by any names the UI chooses. Two
	// actions that share a pane cannot share a key; a global action lists
	// every pane it works in.
	Panes []string
	// Default is its keys when the file does not rebind it, in bubbletea's
	// form (see ParseKey).
	Default []string
	// Doc says what it does in a few words, for the default file.
	Doc string
}

// binding is one action the file rebinds, while conflicts are settled.
type binding struct {
	action Action
	keys   []string
	src    Source
}

// applyKeys reads the [keys] table: each action = a key or a list of keys.
// An unknown action, a bad key or a key that another action of the same
// pane has is a problem, and that action keeps its default keys.
func (c *Config) applyKeys(table map[string]any, lines lineMap) {
	byName := map[string]Action{}
	for _, a := range c.actions {
		byName[a.Name] = a
	}
	var bound []*binding
	var walk func(m map[string]any, parts []string)
	walk = func(m map[string]any, parts []string) {
		for k, v := range m {
			parts := append(parts[:len(parts):len(parts)], k)
			name := strings.Join(parts[1:], ".")
			src := Source{Kind: FromFile, Path: c.Path, Line: lines.of(parts)}
			a, ok := byName[name]
			if sub, isMap := v.(map[string]any); isMap && !ok {
				// [keys.reader] then search = "/" is reader.search.
				walk(sub, parts)
				continue
			}
			if !ok {
				c.unknownAction(src, name)
				continue
			}
			keys, err := keyList(v)
			if err != nil {
				c.problem(src, "keys."+name, fmt.Sprintf("%v; kept %s", err, tomlKeys(a.Default)))
				continue
			}
			bound = append(bound, &binding{action: a, keys: keys, src: src})
		}
	}
	walk(table, []string{"keys"})
	slices.SortStableFunc(bound, func(a, b *binding) int { return a.src.Line - b.src.Line })
	// "reader.search" and [keys.reader] search are one action: the first
	// line binds it.
	first := map[string]*binding{}
	bound = slices.DeleteFunc(bound, func(b *binding) bool {
		if f, ok := first[b.action.Name]; ok {
			c.problem(b.src, "keys."+b.action.Name, fmt.Sprintf("bound twice; line %d's keys are kept", f.src.Line))
			return true
		}
		first[b.action.Name] = b
		return false
	})
	c.settle(bound)
	for _, b := range bound {
		if b.keys != nil {
			c.Keys[b.action.Name] = b.keys
			c.sources["keys."+b.action.Name] = b.src
		}
	}
}

// settle takes back each binding that gives its action a key another
// action of one of its panes holds once the file is applied: of two lines
// that clash, the later loses; a line that takes an unbound action's
// default key loses. The loser's action keeps its defaults, which can
// clash with a line already accepted, so it goes round until nothing
// changes (each round takes one binding back for good). A clash the
// defaults already had is the UI's business, not the file's.
func (c *Config) settle(bound []*binding) {
	byName := map[string]*binding{}
	for _, b := range bound {
		byName[b.action.Name] = b
	}
	for changed := true; changed; {
		changed = false
		for _, b := range bound {
			if b.keys == nil {
				continue
			}
			other, key, pane := c.clash(b, byName)
			if other == "" {
				continue
			}
			c.problem(b.src, "keys."+b.action.Name, fmt.Sprintf("%s is already %s's key in the %s pane; kept %s",
				strconv.Quote(key), other, pane, tomlKeys(b.action.Default)))
			b.keys = nil
			changed = true
		}
	}
}

// clash finds an action sharing a pane with b's action that has one of b's
// keys, unless both had that key by default, or the other's line comes
// after b's (then the other loses, when its turn comes).
func (c *Config) clash(b *binding, byName map[string]*binding) (other, key, pane string) {
	for _, a := range c.actions {
		if a.Name == b.action.Name {
			continue
		}
		keys := a.Default
		if ab, ok := byName[a.Name]; ok && ab.keys != nil {
			if ab.src.Line > b.src.Line {
				continue
			}
			keys = ab.keys
		}
		for _, k := range b.keys {
			if !slices.Contains(keys, k) || slices.Contains(a.Default, k) && slices.Contains(b.action.Default, k) {
				continue
			}
			for _, p := range b.action.Panes {
				if slices.Contains(a.Panes, p) {
					return a.Name, k, p
				}
			}
		}
	}
	return "", "", ""
}

// keyList reads one key or a list of keys, each checked by ParseKey;
// repeats are dropped.
func keyList(v any) ([]string, error) {
	var raw []any
	switch x := v.(type) {
	case string:
		raw = []any{x}
	case []any:
		raw = x
	}
	if len(raw) == 0 {
		return nil, errors.New("want a key (\"ctrl+f\") or a list of keys ([\"/\", \"ctrl+f\"])")
	}
	var keys []string
	for _, r := range raw {
		s, ok := r.(string)
		if !ok {
			return nil, fmt.Errorf("want keys as strings (got %s)", shown(r))
		}
		k, err := ParseKey(s)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// unknownAction reports a name in [keys] that is no action.
func (c *Config) unknownAction(src Source, name string) {
	names := make([]string, len(c.actions))
	for i, a := range c.actions {
		names[i] = a.Name
	}
	msg := "no such action; newsmark config --default lists them"
	if s := suggest(name, names); s != "" {
		msg = "no such action (did you mean " + s + "?)"
	}
	c.problem(src, "keys."+name, msg)
}

// tomlKeys writes keys as the file would: one key as a string, more as a
// list.
func tomlKeys(keys []string) string {
	if len(keys) == 1 {
		return tomlString(keys[0])
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = tomlString(k)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// CheckActions is for the UI's tests: each action has a name of its own
// that the [keys] table can hold, at least one pane, and default keys in
// the form ParseKey gives (else a file restating a default would not
// match it).
func CheckActions(actions []Action) error {
	seen := map[string]bool{}
	for _, a := range actions {
		switch {
		case a.Name == "" || strings.ContainsFunc(a.Name, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
		}):
			return fmt.Errorf("action %q: want a name of lower-case letters, digits, dots, _ and -", a.Name)
		case seen[a.Name]:
			return fmt.Errorf("action %s: listed twice", a.Name)
		case len(a.Panes) == 0:
			return fmt.Errorf("action %s: no pane", a.Name)
		}
		seen[a.Name] = true
		for _, k := range a.Default {
			if p, err := ParseKey(k); err != nil || p != k {
				return fmt.Errorf("action %s: default key %q is not as bubbletea writes it (%q, %v)", a.Name, k, p, err)
			}
		}
	}
	return nil
}
