package ui

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"newsmark/model"
)

// entitiesTab is the Entities tab: entities grouped by kind, most mentioned
// first, with a fuzzy filter. Each is counted as `newsmark annotate` counts
// it (model.Entity.Count: the body, title, caption and byline), and one
// named only outside the body says where. The entity under the cursor is
// the selected one: its mentions stand out in the reader and n/N walk them.
// h keeps its card as a note.
type entitiesTab struct {
	common
	entities []model.Entity
	order    []int // entity indices: kind groups, most mentioned first
	query    string
	list     itemList
	width    int
	focused  bool
	lines    []string // styled row per entity; reset with data or theme
}

func (e *entitiesTab) keepsCards() {}

func (e *entitiesTab) corrects() {}

// filter is what the list is filtered by ("" none).
func (e *entitiesTab) filter() string { return e.query }

// shown tells the reader which entity is selected as the tab is shown.
func (e *entitiesTab) shown() request { return e.selection(false) }

func (e *entitiesTab) setData(ann model.Annotations) {
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
		return a.Count() > b.Count()
	})
	e.query = ""
	e.render()
}

// names is the fuzzy source over the display order.
type names struct {
	e     []model.Entity
	order []int
}

func (n names) String(i int) string { return n.e[n.order[i]].Name() }
func (n names) Len() int            { return len(n.order) }

func (e *entitiesTab) setFilter(f string) request {
	e.query = f
	e.render()
	return e.selection(false)
}

// count is the number shown on the tab.
func (e *entitiesTab) count() int { return len(e.entities) }

func (e *entitiesTab) SetSize(w, h int) tea.Cmd {
	e.width = w
	e.list.setHeight(h - 1) // the cue line
	e.render()
	return nil
}

func (e *entitiesTab) setFocused(f bool) { e.focused = f }

// line is entity idx's row, styled once per data and theme: filtering a
// long list only re-picks rows.
func (e *entitiesTab) line(idx int) string {
	if e.lines == nil {
		e.lines = make([]string, len(e.entities))
	}
	if e.lines[idx] == "" {
		ent := e.entities[idx]
		count := fmt.Sprintf(" ×%d", ent.Count())
		if len(ent.Mentions) == 0 {
			count += " " + ent.Outside() // "in byline": not in the text
		}
		if ent.Cue == userCue {
			count += " " + correctedMark // the reader's correction made or changed it
		}
		e.lines[idx] = " " + kindStyle(e.styles, entityKind(ent.Kind)).Render(ent.Name()) + e.styles.Subtle.Render(count)
	}
	return e.lines[idx]
}

// render lists the entities shown (all, or the filter's matches kept in
// group order) under their kind headings.
func (e *entitiesTab) render() {
	st := e.styles
	shown := e.order
	if e.query != "" {
		shown = nil
		matches := fuzzy.FindFrom(e.query, names{e.entities, e.order})
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
		// The row is styled (and cached) once it is on screen.
		items = append(items, item{lines: []string{""}, draw: func(string) string { return e.line(idx) },
			selectable: true, ref: idx})
	}
	if len(items) == 0 {
		msg := "No entity found in this article."
		if e.query != "" {
			msg = "No entity matches “" + e.query + "”."
		}
		items = append(items, item{lines: []string{st.Subtle.Render(msg)}})
	}
	cur := e.list.cursor
	e.list.setItems(items)
	if e.query == "" && cur >= 0 && cur < len(items) && items[cur].selectable {
		e.list.cursor = cur
		e.list.follow()
	}
}

// selected is the entity under the cursor, -1 for none.
func (e *entitiesTab) selected() int {
	if e.list.cursor < 0 || len(e.entities) == 0 || !e.list.items[e.list.cursor].selectable {
		return -1
	}
	return e.list.items[e.list.cursor].ref
}

// entitySelectedMsg tells the reader which entity's mentions stand out and
// n/N walk.
type entitySelectedMsg struct {
	entity   int // index into Annotations.Entities, -1 for none
	name     string
	mentions []model.Span
	first    bool // jump to the first mention
}

// selection tells the reader which entity is selected; first also jumps
// to its first mention.
func (e *entitiesTab) selection(first bool) request {
	idx := e.selected()
	msg := entitySelectedMsg{entity: idx, first: first}
	if idx >= 0 {
		msg.mentions, msg.name = e.entities[idx].Mentions, e.entities[idx].Name()
	}
	return msg
}

// Update moves the cursor (selecting the entity), jumps with enter, keeps
// the entity's card with h; the filter being typed comes as an inputMsg.
func (e *entitiesTab) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case articleOpenedMsg:
		e.setData(model.Annotations{})
	case annotatedMsg:
		e.setData(msg.ann)
	case themeMsg:
		e.lines = nil
		e.render()
	case inputMsg:
		return nil, e.setFilter(msg.value)
	case tea.KeyPressMsg:
		return nil, e.key(msg)
	}
	return nil, nil
}

func (e *entitiesTab) key(msg tea.KeyPressMsg) request {
	pk := e.keys.Panel
	if h, moved := e.list.keys(pk, msg); h {
		if moved {
			return e.selection(false)
		}
		return nil
	}
	idx := e.selected()
	switch {
	case key.Matches(msg, pk.Jump) && idx >= 0:
		if ent := e.entities[idx]; len(ent.Mentions) == 0 {
			return requests{e.selection(true), status(ent.Name() + " is named only " + ent.Outside() + ", not in the text")}
		}
		return e.selection(true)
	case key.Matches(msg, e.keys.Correct.Open):
		if idx < 0 {
			return status("no entity to correct here")
		}
		ent := e.entities[idx]
		var at model.Span
		if len(ent.Mentions) > 0 {
			at = ent.Mentions[0]
		}
		return openCorrectMsg{correctTarget{names: []correctName{{entity: idx, text: ent.Name(), span: at, whole: true}}}}
	case key.Matches(msg, pk.Keep):
		if idx < 0 {
			return status("no entity to keep here")
		}
		if ent := e.entities[idx]; len(ent.Mentions) == 0 {
			return status(ent.Name() + " is named only " + ent.Outside() + ": no passage of the text to keep")
		}
		ent := e.entities[idx]
		return keepCardMsg{ent.Mentions[0], entityCard(ent), "card kept as a note"}
	case key.Matches(msg, e.keys.Company.Open) && idx >= 0:
		return entityCompanyMsg{entity: e.entities[idx]}
	case key.Matches(msg, e.keys.Company.Follow) && idx >= 0:
		return entityCompanyMsg{entity: e.entities[idx], follow: true}
	}
	return nil
}

// entityCard is the Markdown note kept for an entity.
func entityCard(e model.Entity) string {
	s := fmt.Sprintf("**%s** (%s) — %s in the article", e.Name(), e.Kind, mentions(e))
	if e.Cue != "" {
		s += "; found by: " + cueText(e.Cue)
	}
	return s + "\n"
}

// userCue is the cue of what the reader's corrections made or changed.
const userCue = "user"

// correctedMark follows a corrected entity in the list.
const correctedMark = "✎"

// cueText is a cue as the reader reads it.
func cueText(cue string) string {
	switch cue {
	case "":
		return "—"
	case userCue:
		return "your correction"
	}
	return cue
}

// View draws the list and, under it, how the selected entity was found.
func (e *entitiesTab) View() string {
	cue := ""
	if idx := e.selected(); idx >= 0 {
		ent := e.entities[idx]
		cue = e.styles.Cue.Render(fmt.Sprintf(" %s · found by: %s", mentions(ent), cueText(ent.Cue)))
	}
	if e.query != "" {
		cue += e.styles.Subtle.Render("  filter: " + e.query)
	}
	return padLines(e.list.View(e.width, e.styles, e.focused), e.list.height) + "\n" + cue
}

// mentions is an entity's count with where it is named besides the text:
// "6 mentions (5 in the text, 1 in title)", "1 mention, in byline".
func mentions(e model.Entity) string {
	n := plural(e.Count(), "mention", "mentions")
	switch {
	case len(e.MetaMentions) == 0:
		return n
	case len(e.Mentions) == 0:
		return n + ", " + e.Outside()
	}
	return fmt.Sprintf("%s (%d in the text, %d %s)", n, len(e.Mentions), len(e.MetaMentions), e.Outside())
}

// ShortHelp is the panel's most used bindings.
func (e *entitiesTab) ShortHelp() []key.Binding { return e.FullHelp()[0] }

// FullHelp is the panel's bindings: every tab shares them.
func (e *entitiesTab) FullHelp() [][]key.Binding { return e.keys.helpGroups(InPanel) }
