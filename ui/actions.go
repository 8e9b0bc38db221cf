package ui

import (
	"reflect"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"newsmark/config"
)

// Actions is every binding of the KeyMap as the config file's [keys] table
// names it: "reader.search" is KeyMap.Reader.Search, "global.tab1" the
// first of Global.PanelTab. Each lists the panes it is live in (the key
// sets whose help shows it), its default keys and what it does, in the
// KeyMap's order.
func Actions() []config.Action {
	def := DefaultKeyMap()
	actions := make([]config.Action, 0, 128)
	marked := def
	index := make(map[string]int, 128) // action name → its place in actions
	eachBinding(&def, &marked, func(name string, b key.Binding, mark *key.Binding) {
		index[name] = len(actions)
		actions = append(actions, config.Action{Name: name, Default: b.Keys(), Doc: b.Help().Desc})
		// The marked copy binds each action to its own name, so that the
		// panes' bindings say which action each is.
		*mark = key.NewBinding(key.WithKeys(name))
	})
	// A pane's bindings are its sections' (Bindings), the sections built
	// once: every newsmark command loads the config with these actions.
	secs := marked.sections()
	for _, p := range KeySets {
		for _, sec := range paneSections[p] {
			for _, b := range secs[sec].bindings {
				i, ok := index[b.Keys()[0]]
				if !ok {
					continue
				}
				if panes := actions[i].Panes; len(panes) == 0 || panes[len(panes)-1] != p.String() {
					actions[i].Panes = append(panes, p.String())
				}
			}
		}
	}
	return actions
}

// eachBinding calls f with each binding of k, named group.field in lower
// case, and the same binding of mark, which f may replace. Slices of
// bindings are numbered from 1 with a shorter name ("global.tab1").
func eachBinding(k, mark *KeyMap, f func(name string, b key.Binding, mark *key.Binding)) {
	bindingType := reflect.TypeFor[key.Binding]()
	kv, mv := reflect.ValueOf(k).Elem(), reflect.ValueOf(mark).Elem()
	for i := range kv.NumField() {
		group := strings.ToLower(kv.Type().Field(i).Name)
		g, mg := kv.Field(i), mv.Field(i)
		for j := range g.NumField() {
			field := g.Type().Field(j)
			name := group + "." + strings.ToLower(field.Name)
			switch {
			case field.Type == bindingType:
				f(name, g.Field(j).Interface().(key.Binding), mg.Field(j).Addr().Interface().(*key.Binding))
			case field.Type == reflect.SliceOf(bindingType):
				// Global.PanelTab: a copy of the slice, so that marking it
				// leaves k's alone.
				list := g.Field(j).Interface().([]key.Binding)
				marks := append([]key.Binding(nil), list...)
				mg.Field(j).Set(reflect.ValueOf(marks))
				for n, b := range list {
					f(group+".tab"+strconv.Itoa(n+1), b, &marks[n])
				}
			}
		}
	}
}

// keyMapOf is the default KeyMap with the config file's [keys] applied:
// each action the file rebinds takes the file's keys, and its help (the ?
// overlay, the hint bar, status lines that name a key) shows them. The
// file's problems were settled by config.Load: c.Keys holds only bindings
// that clash with nothing in their panes.
func keyMapOf(c *config.Config) KeyMap {
	k := DefaultKeyMap()
	if c == nil || len(c.Keys) == 0 {
		return k
	}
	eachBinding(&k, &k, func(name string, b key.Binding, mark *key.Binding) {
		keys, ok := c.Keys[name]
		if !ok || len(keys) == 0 {
			return
		}
		*mark = key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys(keys), b.Help().Desc))
	})
	return k
}

// helpKeys writes a user's keys as the default help does: joined by "/",
// arrows as arrows.
func helpKeys(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k
		if s, ok := arrowNames[k]; ok {
			out[i] = s
		}
	}
	return strings.Join(out, "/")
}
