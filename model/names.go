package model

import "strings"

// The reader's Entities tab, the Markdown export and `newsmark annotate`
// name kinds the same way: these are those names, written once.

// EntityKinds are the entity kinds in the order lists group them:
// companies, people, places, figures.
func EntityKinds() []EntityKind { return []EntityKind{Company, Person, Place, Figure} }

// Plural is the heading of a list of entities of kind k ("Companies");
// an unknown kind is its schema name.
func (k EntityKind) Plural() string {
	switch k {
	case Company:
		return "Companies"
	case Person:
		return "People"
	case Place:
		return "Places"
	case Figure:
		return "Figures"
	}
	return string(k)
}

// Title is the display name of venture kind k ("Joint venture"); an unknown
// kind is its schema name.
func (k VentureKind) Title() string {
	switch k {
	case JointVenture:
		return "Joint venture"
	case Partnership:
		return "Partnership"
	case Investment:
		return "Investment"
	case Acquisition:
		return "Acquisition"
	case Merger:
		return "Merger"
	case Project:
		return "Project"
	}
	return string(k)
}

// VentureCard is a venture laid out as a card, the one layout the reader's
// Ventures tab, the Markdown export and a kept card all draw: a heading of
// its kind and status, its name, its facts, then its summary. Values are the
// article's words, not yet folded onto one line or sanitised.
type VentureCard struct {
	Kind    string // Title of the venture's kind
	Status  string // Announced when the article does not say
	Name    string // "" when the venture has none
	Facts   []Fact // in card order; facts the article does not give are left out
	Summary string
}

// Fact is one labelled line of a card.
type Fact struct {
	Label, Value string
}

// Card lays v out as a card.
func (v Venture) Card() VentureCard {
	c := VentureCard{Kind: v.Kind.Title(), Status: v.Status, Name: v.Name, Summary: v.Summary}
	if c.Status == "" {
		c.Status = Announced
	}
	for _, f := range []Fact{
		{"Parties", strings.Join(v.Parties, ", ")},
		{"Stake", v.Stake},
		{"Amounts", strings.Join(v.Amounts, ", ")},
		{"Location", v.Location},
		{"Head count", v.Headcount},
		{"Timeframe", v.Timeframe},
	} {
		if strings.TrimSpace(f.Value) != "" {
			c.Facts = append(c.Facts, f)
		}
	}
	return c
}

// Count is how many times the article names e: in the body and in its
// title, caption or credits. `newsmark annotate`, the Entities tab and the
// Markdown export all count this way.
func (e Entity) Count() int { return len(e.Mentions) + len(e.MetaMentions) }

// Outside names where e is named besides the body, each place once in the
// order title, caption, byline ("in title, byline"), or "" when nowhere
// else.
func (e Entity) Outside() string {
	var places []string
	for _, f := range []string{FieldTitle, FieldCaption, FieldContributors} {
		for _, m := range e.MetaMentions {
			if m.Field == f {
				places = append(places, FieldName(f))
				break
			}
		}
	}
	if len(places) == 0 {
		return ""
	}
	return "in " + strings.Join(places, ", ")
}

// FieldName is what a reader calls a field outside the body: the
// contributors' credits are the byline.
func FieldName(field string) string {
	if field == FieldContributors {
		return "byline"
	}
	return field
}
