package corrections

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// Preview is ann, the annotations of a, with e applied to its entities the
// way the annotator applies it, as far as that can be done without
// reading the article again: the reader shows it the moment a correction
// is made, and the annotator's own answer (quotes and ventures included)
// replaces it a moment later. It never changes ann's slices: an entity it
// changes is copied. Its cost is a search of the text for a marked name
// and a pass over the mentions.
//
//   - mark: every place the name stands as whole words is a mention of
//     the entity of that name (made, or given the kind, with the cue
//     "user"), unless a longer mention holds it; what it overlaps goes.
//   - never: the mentions whose text is the name go; longer names that
//     hold it stay.
//   - merge: the entity of Other (by name, else by a mention's text)
//     joins the entity of Name, whose cue becomes "user".
//   - split: in the entity that has both names, the mentions of the other
//     name become an entity of their own.
func Preview(a model.Article, ann model.Annotations, e model.UserEntry) model.Annotations {
	p := preview{a: a, ents: slices.Clone(ann.Entities), owned: map[int]bool{}}
	p.fields = map[string]string{model.FieldTitle: a.Title, model.FieldCaption: a.Caption,
		model.FieldContributors: strings.Join(a.Contributors, ", ")}
	changed := false
	switch e.Action {
	case model.UserNever:
		changed = p.never(e.Name)
	case model.UserMark:
		changed = p.mark(e.Name, e.Kind)
	case model.UserMerge:
		changed = p.merge(e.Name, e.Other)
	case model.UserSplit:
		changed = p.split(e.Name, e.Other)
	}
	if !changed {
		return ann
	}
	out := ann
	out.Entities = p.finish(e)
	return out
}

type preview struct {
	a      model.Article
	ents   []model.Entity
	fields map[string]string
	owned  map[int]bool // entities whose mention slices are copies
}

// text is a body mention's text ("" when it is out of range).
func (p *preview) text(m model.Span) string {
	if m.Start < 0 || m.End > len(p.a.Body) || m.Start > m.End {
		return ""
	}
	return p.a.Body[m.Start:m.End]
}

func (p *preview) metaText(m model.MetaMention) string {
	f := p.fields[m.Field]
	if m.Start < 0 || m.End > len(f) || m.Start > m.End {
		return ""
	}
	return f[m.Start:m.End]
}

// own copies entity i's mention slices before they change.
func (p *preview) own(i int) *model.Entity {
	e := &p.ents[i]
	if !p.owned[i] {
		p.owned[i] = true
		e.Mentions, e.MetaMentions = slices.Clone(e.Mentions), slices.Clone(e.MetaMentions)
	}
	return e
}

func (p *preview) never(name string) bool {
	changed := false
	for i := range p.ents {
		e := &p.ents[i]
		if e.Kind == model.Figure {
			continue
		}
		hit := slices.ContainsFunc(e.Mentions, func(m model.Span) bool { return p.text(m) == name }) ||
			slices.ContainsFunc(e.MetaMentions, func(m model.MetaMention) bool { return p.metaText(m) == name })
		if !hit {
			continue
		}
		e = p.own(i)
		e.Mentions = slices.DeleteFunc(e.Mentions, func(m model.Span) bool { return p.text(m) == name })
		e.MetaMentions = slices.DeleteFunc(e.MetaMentions, func(m model.MetaMention) bool { return p.metaText(m) == name })
		changed = true
	}
	return changed
}

// wholeWords finds name in s where it stands as whole words.
func wholeWords(s, name string) []model.Span {
	var out []model.Span
	if name == "" {
		return nil
	}
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], name)
		if j < 0 {
			break
		}
		st, en := i+j, i+j+len(name)
		r0, _ := utf8.DecodeLastRuneInString(s[:st])
		r1, _ := utf8.DecodeRuneInString(s[en:])
		if !isWord(r0) && !isWord(r1) {
			out = append(out, model.Span{Start: st, End: en})
		}
		i = st + 1
	}
	return out
}

func isWord(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// ref is one mention of entity ent: k is its index in Mentions, or in
// MetaMentions for a meta mention.
type ref struct {
	s, e, ent, k int
}

func (p *preview) mark(name string, kind model.EntityKind) bool {
	target := -1
	for i := range p.ents {
		if p.ents[i].Name() == name && p.ents[i].Count() > 0 {
			target = i
			break
		}
	}
	// the body's mentions that meet a hit of the name, by start, to find
	// what each hit meets: only those are sorted (this is in the key's
	// Update, and a 2 MB article has tens of thousands of mentions)
	hits := wholeWords(p.a.Body, name)
	var all []ref
	maxLen := 0
	for i := range p.ents {
		for k, m := range p.ents[i].Mentions {
			j := sort.Search(len(hits), func(j int) bool { return hits[j].End > m.Start })
			if j < len(hits) && hits[j].Start < m.End {
				all = append(all, ref{m.Start, m.End, i, k})
				maxLen = max(maxLen, m.End-m.Start)
			}
		}
	}
	slices.SortFunc(all, func(a, b ref) int { return cmp.Compare(a.s, b.s) })
	dropBody := map[[2]int]bool{}
	dropMeta := map[[2]int]bool{}
	var addBody []model.Span
	var addMeta []model.MetaMention
	for _, h := range hits {
		var meets []ref
		inside := false
		for j := sort.Search(len(all), func(j int) bool { return all[j].s >= h.End }) - 1; j >= 0 && all[j].s > h.Start-maxLen-1; j-- {
			r := all[j]
			if r.e <= h.Start {
				continue
			}
			if r.s <= h.Start && r.e >= h.End && r.e-r.s > h.End-h.Start {
				inside = true // a longer name holds it: that name stands
				break
			}
			meets = append(meets, r)
		}
		if inside {
			continue
		}
		for _, r := range meets {
			if r.ent != target || r.s != h.Start || r.e != h.End {
				dropBody[[2]int{r.ent, r.k}] = true
			}
		}
		addBody = append(addBody, h)
	}
	for _, field := range []string{model.FieldTitle, model.FieldCaption, model.FieldContributors} {
	hits:
		for _, h := range wholeWords(p.fields[field], name) {
			var meets [][2]int
			for i := range p.ents {
				for k, m := range p.ents[i].MetaMentions {
					if m.Field != field || m.End <= h.Start || m.Start >= h.End {
						continue
					}
					if m.Start <= h.Start && m.End >= h.End && m.End-m.Start > h.End-h.Start {
						continue hits
					}
					meets = append(meets, [2]int{i, k})
				}
			}
			for _, r := range meets {
				dropMeta[r] = true
			}
			addMeta = append(addMeta, model.MetaMention{Field: field, Start: h.Start, End: h.End})
		}
	}
	if len(addBody)+len(addMeta) == 0 {
		return false
	}
	if target < 0 {
		p.ents = append(p.ents, model.Entity{Kind: kind, Text: name, Canonical: name, Cue: "user"})
		target = len(p.ents) - 1
		p.owned[target] = true
	}
	p.drop(dropBody, dropMeta)
	t := p.own(target)
	if t.Kind != kind {
		t.Kind, t.Subkind, t.Cue, t.Value, t.Unit, t.Per = kind, "", "user", 0, "", ""
	}
	for _, h := range addBody {
		if !slices.Contains(t.Mentions, h) {
			t.Mentions = append(t.Mentions, h)
		}
	}
	for _, h := range addMeta {
		if !slices.Contains(t.MetaMentions, h) {
			t.MetaMentions = append(t.MetaMentions, h)
		}
	}
	return true
}

// drop deletes the mentions named (entity, index).
func (p *preview) drop(body, meta map[[2]int]bool) {
	ents := map[int]bool{}
	for r := range body {
		ents[r[0]] = true
	}
	for r := range meta {
		ents[r[0]] = true
	}
	for i := range ents {
		e := &p.ents[i]
		ms := make([]model.Span, 0, len(e.Mentions))
		for k, m := range e.Mentions {
			if !body[[2]int{i, k}] {
				ms = append(ms, m)
			}
		}
		mm := make([]model.MetaMention, 0, len(e.MetaMentions))
		for k, m := range e.MetaMentions {
			if !meta[[2]int{i, k}] {
				mm = append(mm, m)
			}
		}
		p.owned[i] = true // fresh slices
		e.Mentions, e.MetaMentions = ms, mm
	}
}

// byName finds the entity each of names stands for: the one of that
// name, else the first with a mention of that text (-1: none).
func (p *preview) byName(names ...string) []int {
	out := make([]int, len(names))
	for n, name := range names {
		out[n] = -1
		for i := range p.ents {
			if p.ents[i].Kind != model.Figure && p.ents[i].Name() == name && p.ents[i].Count() > 0 {
				out[n] = i
				break
			}
		}
		for i := 0; out[n] < 0 && i < len(p.ents); i++ {
			e := &p.ents[i]
			if e.Kind == model.Figure {
				continue
			}
			if slices.ContainsFunc(e.Mentions, func(m model.Span) bool { return p.text(m) == name }) ||
				slices.ContainsFunc(e.MetaMentions, func(m model.MetaMention) bool { return p.metaText(m) == name }) {
				out[n] = i
			}
		}
	}
	return out
}

func (p *preview) merge(name, other string) bool {
	ab := p.byName(name, other)
	a, b := ab[0], ab[1]
	if a < 0 || b < 0 || a == b {
		return false
	}
	ea := p.own(a)
	ea.Cue = "user"
	eb := &p.ents[b]
	ea.Mentions = append(ea.Mentions, eb.Mentions...)
	ea.MetaMentions = append(ea.MetaMentions, eb.MetaMentions...)
	p.owned[b] = true
	eb.Mentions, eb.MetaMentions = nil, nil
	return true
}

func (p *preview) split(name, other string) bool {
	ab := p.byName(name, other)
	a, b := ab[0], ab[1]
	if a < 0 || a != b {
		return false
	}
	out := other
	if p.ents[a].Name() == other {
		out = name
	}
	src := p.ents[a]
	moved := model.Entity{Kind: src.Kind, Subkind: src.Subkind, Text: out, Canonical: out, Cue: "user"}
	for _, m := range src.Mentions {
		if p.text(m) == out {
			moved.Mentions = append(moved.Mentions, m)
		}
	}
	for _, m := range src.MetaMentions {
		if p.metaText(m) == out {
			moved.MetaMentions = append(moved.MetaMentions, m)
		}
	}
	if moved.Count() == 0 {
		return false
	}
	e := p.own(a)
	e.Mentions = slices.DeleteFunc(e.Mentions, func(m model.Span) bool { return p.text(m) == out })
	e.MetaMentions = slices.DeleteFunc(e.MetaMentions, func(m model.MetaMention) bool { return p.metaText(m) == out })
	p.ents = append(p.ents, moved)
	p.owned[len(p.ents)-1] = true
	return true
}

// finish drops the entities left with no mention, and gives each changed
// one its mentions in order, its first surface form and an ID (new
// entities get IDs after the others: the quotes' and ventures' IDs stay).
func (p *preview) finish(e model.UserEntry) []model.Entity {
	next := 0
	for _, ent := range p.ents {
		if n, err := strconv.Atoi(strings.TrimPrefix(ent.ID, "e")); err == nil {
			next = max(next, n)
		}
	}
	out := make([]model.Entity, 0, len(p.ents))
	for i, ent := range p.ents {
		if ent.Count() == 0 {
			continue
		}
		if p.owned[i] {
			slices.SortFunc(ent.Mentions, func(x, y model.Span) int {
				if x.Start != y.Start {
					return x.Start - y.Start
				}
				return x.End - y.End
			})
			ent.Mentions = slices.Compact(ent.Mentions)
			slices.SortStableFunc(ent.MetaMentions, func(x, y model.MetaMention) int {
				if fx, fy := fieldRank(x.Field), fieldRank(y.Field); fx != fy {
					return fx - fy
				}
				return x.Start - y.Start
			})
			if len(ent.Mentions) > 0 {
				ent.Text = p.text(ent.Mentions[0])
			} else {
				ent.Text = p.metaText(ent.MetaMentions[0])
			}
			if e.Action == model.UserNever && ent.Canonical == e.Name {
				ent.Canonical = ent.Text
			}
			if ent.Mentions == nil {
				ent.Mentions = []model.Span{}
			}
			if ent.MetaMentions == nil {
				ent.MetaMentions = []model.MetaMention{}
			}
			if ent.ID == "" {
				next++
				ent.ID = "e" + strconv.Itoa(next)
			}
		}
		out = append(out, ent)
	}
	return out
}

// fieldRank orders meta mentions as the annotator does: title, caption,
// byline.
func fieldRank(f string) int {
	switch f {
	case model.FieldTitle:
		return 0
	case model.FieldCaption:
		return 1
	}
	return 2
}
