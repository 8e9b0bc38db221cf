package model

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
