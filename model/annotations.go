package model

import "sort"

// EntityKind is what an entity is.
type EntityKind string

// Entity kinds, as in the annotation schema (newsmark.annotations/1).
const (
	Company EntityKind = "company"
	Person  EntityKind = "person"
	Place   EntityKind = "place"
	Figure  EntityKind = "figure"
)

// FigureKind is the subkind of a figure entity.
type FigureKind string

// Figure subkinds.
const (
	Money    FigureKind = "money"
	Percent  FigureKind = "percent"
	Ratio    FigureKind = "ratio"
	Count    FigureKind = "count"
	Duration FigureKind = "duration"
	Date     FigureKind = "date"
)

// Meta fields that are annotated besides the body.
const (
	FieldTitle        = "title"
	FieldCaption      = "caption"
	FieldContributors = "contributors"
)

// MetaMention is a mention in a metadata field rather than the body; offsets
// are bytes into that field's text.
type MetaMention struct {
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is one thing an article names: all its mentions are one entity.
type Entity struct {
	ID   string     `json:"id"`
	Kind EntityKind `json:"kind"`
	// Subkind is set for figures only.
	Subkind FigureKind `json:"subkind,omitempty"`
	// Text is the first surface form; Canonical the fullest name the article uses.
	Text      string `json:"text"`
	Canonical string `json:"canonical,omitempty"`
	// Cue says why the entity was found: "suffix", "known-name", "context", "alias"…
	Cue          string        `json:"cue,omitempty"`
	Mentions     []Span        `json:"mentions"`
	MetaMentions []MetaMention `json:"meta_mentions"`
	// Value, Unit and Per are the parsed figure: 3e9, "USD", "year".
	Value float64 `json:"value,omitempty"`
	Unit  string  `json:"unit,omitempty"`
	Per   string  `json:"per,omitempty"`
}

// Name is the entity's display name: canonical if known, else its text.
func (e Entity) Name() string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return e.Text
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	SpeakerID string `json:"speaker_id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	// Cue names the rule that found the speaker ("after": "…," X said;
	// "before": X said: "…"; "paragraph", "neighbour", …), so a wrong
	// speaker leads to its rule. The annotations/1 JSON leaves it out.
	Cue string `json:"-"`
}

// VentureKind is the kind of deal.
type VentureKind string

// Venture kinds.
const (
	JointVenture VentureKind = "joint_venture"
	Partnership  VentureKind = "partnership"
	Investment   VentureKind = "investment"
	Acquisition  VentureKind = "acquisition"
	Merger       VentureKind = "merger"
	Project      VentureKind = "project"
)

// Venture statuses.
const (
	Announced  = "announced"
	Background = "background"
)

// Venture is one deal the article reports. Amounts, Stake, Location,
// Headcount and Timeframe are the article's own words.
type Venture struct {
	Kind      VentureKind `json:"kind"`
	Name      string      `json:"name"`
	Parties   []string    `json:"parties"`
	PartyIDs  []string    `json:"party_ids"`
	Status    string      `json:"status"`
	Amounts   []string    `json:"amounts"`
	Stake     string      `json:"stake"`
	Location  string      `json:"location"`
	Headcount string      `json:"headcount"`
	Timeframe string      `json:"timeframe"`
	Summary   string      `json:"summary"`
	Evidence  []Span      `json:"evidence"`
	// Cue names the venture cue that set its kind ("joint venture",
	// "buy", "take over"), so a wrong card leads to its rule. The
	// annotations/1 JSON leaves it out.
	Cue string `json:"-"`
}

// Role ties a person to a company with a title, as the text says it:
// "Kestrel's chief executive Fiona Marr", "Ada Vane, who heads Alder".
// Person and Company are the entities' canonical names, PersonID and
// CompanyID their entity IDs; Title is the text's own words ("chief
// executive"), "" when it ties them without one; Evidence is the span of
// the body that says it. Roles are newsmark.annotations/2 (docs/SCHEMA.md).
type Role struct {
	Person    string `json:"person"`
	PersonID  string `json:"person_id"`
	Company   string `json:"company"`
	CompanyID string `json:"company_id"`
	Title     string `json:"title"`
	Evidence  Span   `json:"evidence"`
}

// Annotations is everything extracted from one article.
type Annotations struct {
	Entities []Entity  `json:"entities"`
	Quotes   []Quote   `json:"quotes"`
	Ventures []Venture `json:"ventures"`
	// Roles is nil when the annotator does not look for roles (schema 1
	// annotators), and non-nil, even empty, when it does: the index then
	// keeps them as the text's own and stops guessing ties from nearness.
	// The annotations/1 JSON leaves them out.
	Roles []Role `json:"roles,omitempty"`
}

// QuoteGroup is one speaker's quotes, as indexes into the quote list.
type QuoteGroup struct {
	Speaker string // "" for unattributed quotes
	Quotes  []int
}

// QuotesBySpeaker groups quotes by speaker, most quoted first; speakers with
// as many quotes keep the order of their first quote. The summary and the
// Quotes tab both list quotes this way.
func QuotesBySpeaker(qs []Quote) []QuoteGroup {
	var groups []QuoteGroup
	at := map[string]int{}
	for i, q := range qs {
		g, ok := at[q.Speaker]
		if !ok {
			g = len(groups)
			at[q.Speaker] = g
			groups = append(groups, QuoteGroup{Speaker: q.Speaker})
		}
		groups[g].Quotes = append(groups[g].Quotes, i)
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].Quotes) > len(groups[j].Quotes) })
	return groups
}
