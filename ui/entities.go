package ui

import (
	"fmt"
	"sort"

	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"newsmark/model"
)

// entitiesPane is the Entities tab: entities grouped by kind, most mentioned
// first, with a fuzzy filter. The entity under the cursor is the selected
// one: its mentions stand out in the reader and n/N walk them.
type entitiesPane struct {
	keys     *KeyMap
	styles   *Styles
	entities []model.Entity
	order    []int // entity indices: kind groups, most mentioned first
	filter   string
	list     itemList
	width    int
	active   bool     // the tab has been shown, so its cursor selects
	lines    []string // styled row per entity; reset with data or theme
}

func (e *entitiesPane) setData(ann model.Annotations) {
	e.entities = ann.Entities
	e.lines = nil
	e.order = make([]int, len(e.entities))
	for i := range e.order {
		e.order[i] = i
	}
	rank := map[model.EntityKind]int{}
	for i, k := range model.EntityKinds() {
		rank[k] = i
	}
	sort.SliceStable(e.order, func(i, j int) bool {
		a, b := e.entities[e.order[i]], e.entities[e.order[j]]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		return len(a.Mentions) > len(b.Mentions)
	})
	e.filter, e.active = "", false
	e.render()
}

// names is the fuzzy source over the display order.
type names struct {
	e     []model.Entity
	order []int
}

func (n names) String(i int) string { return n.e[n.order[i]].Name() }
func (n names) Len() int            { return len(n.order) }

func (e *entitiesPane) setFilter(f string) tea.Cmd {
	e.filter = f
	e.render()
	return e.selectCmd(false)
}

// count is the number shown on the tab.
func (e *entitiesPane) count() int { return len(e.entities) }

func (e *entitiesPane) SetSize(w, h int) {
	e.width = w
	e.list.setHeight(h - 1) // the cue line
	e.render()
}

func (e *entitiesPane) setStyles() { e.lines = nil; e.render() }

// line is entity idx's row, styled once per data and theme: filtering a
// long list only re-picks rows.
func (e *entitiesPane) line(idx int) string {
	if e.lines == nil {
		e.lines = make([]string, len(e.entities))
	}
	if e.lines[idx] == "" {
		ent := e.entities[idx]
		e.lines[idx] = " " + kindStyle(e.styles, entityKind(ent.Kind)).Render(ent.Name()) +
			e.styles.Subtle.Render(fmt.Sprintf(" ×%d", len(ent.Mentions)))
	}
	return e.lines[idx]
}

// render lists the entities shown (all, or the filter's matches kept in
// group order) under their kind headings.
func (e *entitiesPane) render() {
	st := e.styles
	shown := e.order
	if e.filter != "" {
		shown = nil
		matches := fuzzy.FindFrom(e.filter, names{e.entities, e.order})
		sort.SliceStable(matches, func(i, j int) bool { return matches[i].Index < matches[j].Index })
		for _, m := range matches {
			shown = append(shown, e.order[m.Index])
		}
	}
	var items []item
	var lastKind model.EntityKind
	for _, idx := range shown {
		ent := e.entities[idx]
		if ent.Kind != lastKind || len(items) == 0 {
			lastKind = ent.Kind
			items = append(items, item{lines: []string{st.Group.Render(ent.Kind.Plural())}})
		}
		items = append(items, item{lines: []string{e.line(idx)}, selectable: true, ref: idx})
	}
	if len(items) == 0 {
		msg := "No entity found in this article."
		if e.filter != "" {
			msg = "No entity matches “" + e.filter + "”."
		}
		items = append(items, item{lines: []string{st.Subtle.Render(msg)}})
	}
	cur := e.list.cursor
	e.list.setItems(items)
	if e.filter == "" && cur >= 0 && cur < len(items) && items[cur].selectable {
		e.list.cursor = cur
		e.list.follow()
	}
}

// selected is the entity under the cursor, -1 for none.
func (e *entitiesPane) selected() int {
	if e.list.cursor < 0 || len(e.entities) == 0 || !e.list.items[e.list.cursor].selectable {
		return -1
	}
	return e.list.items[e.list.cursor].ref
}

// selectCmd tells the reader which entity is selected; first also jumps to
// its first mention.
func (e *entitiesPane) selectCmd(first bool) tea.Cmd {
	e.active = true
	idx := e.selected()
	msg := entitySelectedMsg{entity: idx, first: first}
	if idx >= 0 {
		msg.mentions = e.entities[idx].Mentions
	}
	return func() tea.Msg { return msg }
}

// Update moves the cursor (selecting the entity) and jumps with enter.
func (e *entitiesPane) Update(msg tea.KeyPressMsg) tea.Cmd {
	if h, moved := e.list.keys(e.keys.Panel, msg); h {
		if moved {
			return e.selectCmd(false)
		}
		return nil
	}
	if jumpKey(e.keys, msg) && e.selected() >= 0 {
		return e.selectCmd(true)
	}
	return nil
}

// View draws the list and, under it, how the selected entity was found.
func (e *entitiesPane) View(focused bool) string {
	cue := ""
	if idx := e.selected(); idx >= 0 {
		ent := e.entities[idx]
		c := ent.Cue
		if c == "" {
			c = "—"
		}
		cue = e.styles.Cue.Render(fmt.Sprintf(" %s · found by: %s", plural(len(ent.Mentions), "mention", "mentions"), c))
	}
	if e.filter != "" {
		cue += e.styles.Subtle.Render("  filter: " + e.filter)
	}
	return padLines(e.list.View(e.width, e.styles, focused), e.list.height) + "\n" + cue
}
