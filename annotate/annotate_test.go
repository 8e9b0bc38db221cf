package annotate

import (
	"strings"
	"testing"

	"newsmark/model"
)

// find returns the entity of kind whose canonical name or text is name.
func find(t *testing.T, ann model.Annotations, kind model.EntityKind, name string) model.Entity {
	t.Helper()
	for _, e := range ann.Entities {
		if e.Kind == kind && (e.Canonical == name || e.Text == name) {
			return e
		}
	}
	t.Fatalf("no %s %q in %v", kind, name, names(ann))
	return model.Entity{}
}

func names(ann model.Annotations) []string {
	var out []string
	for _, e := range ann.Entities {
		out = append(out, string(e.Kind)+":"+e.Name())
	}
	return out
}

func mentionTexts(body string, e model.Entity) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, body[m.Start:m.End])
	}
	return out
}

func TestCompaniesBySuffixAndAlias(t *testing.T) {
	t.Parallel()
	body := "Northwind Holdings Corp. agreed to buy Bluefin Ltd. on Tuesday. Northwind said the deal would close soon, " +
		"and Bluefin shareholders backed it. Northwind's telecom arm Northwind Corp. was not involved."
	ann := Article(model.Article{Body: body})
	group := find(t, ann, model.Company, "Northwind Holdings Corp.")
	if group.Cue != "suffix" {
		t.Errorf("cue = %q, want suffix", group.Cue)
	}
	got := mentionTexts(body, group)
	if len(got) != 3 || got[1] != "Northwind" || got[2] != "Northwind" {
		t.Errorf("Northwind Holdings Corp. mentions = %q, want the full name then two short ones", got)
	}
	unit := find(t, ann, model.Company, "Northwind Corp.")
	if unit.ID == group.ID {
		t.Errorf("Northwind Corp. merged into Northwind Holdings Corp.; they are different companies")
	}
	bf := find(t, ann, model.Company, "Bluefin Ltd.")
	if n := len(bf.Mentions); n != 2 {
		t.Errorf("Bluefin Ltd. has %d mentions, want 2", n)
	}
}

func TestSurnameIsNotTheWord(t *testing.T) {
	t.Parallel()
	body := "Chief executive Kenji Son spoke first. His son watched from the front row. Later Son said the plan was ready."
	ann := Article(model.Article{Body: body})
	p := find(t, ann, model.Person, "Kenji Son")
	got := mentionTexts(body, p)
	if len(got) != 2 || got[1] != "Son" {
		t.Fatalf("mentions = %q, want [Kenji Son Son]", got)
	}
	if off := strings.Index(body, "son watched"); p.Mentions[1].Start == off {
		t.Errorf("the word 'son' was taken for the surname")
	}
}

// A period after "Corp" abbreviates; after "Corporation" it ends the sentence
// and is no part of the name.
func TestPeriodAfterASuffixWrittenInFull(t *testing.T) {
	t.Parallel()
	body := "The order went to Harbour Shipping Corporation. Its rival is Keel Freight Corp. It lost."
	ann := Article(model.Article{Body: body})
	for name, text := range map[string]string{
		"Harbour Shipping Corporation": "Harbour Shipping Corporation",
		"Keel Freight Corp.":           "Keel Freight Corp.",
	} {
		if got := mentionTexts(body, find(t, ann, model.Company, name)); len(got) != 1 || got[0] != text {
			t.Errorf("%s: mentions %q, want [%q]", name, got, text)
		}
	}
}

// A family name led by a particle keeps it when the story shortens the name:
// "Al Mansouri", "van Dijk" and "Van Dijk" opening a sentence are the person
// named in full before.
func TestFamilyNameWithParticleIsOnePerson(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		body, full string
		mentions   int
	}{
		{"Its chairman, Khalid Al Mansouri, signed the deal. “We are ready,” Al Mansouri said.", "Khalid Al Mansouri", 2},
		{"Pieter van Dijk runs the port. Analysts said van Dijk had waited. Van Dijk declined to comment.", "Pieter van Dijk", 3},
	} {
		ann := Article(model.Article{Body: c.body})
		p := find(t, ann, model.Person, c.full)
		if got := mentionTexts(c.body, p); len(got) != c.mentions {
			t.Errorf("%s: mentions %q, want %d", c.full, got, c.mentions)
		}
		for _, e := range ann.Entities {
			if e.Kind == model.Person && e.Name() != c.full {
				t.Errorf("%s: a second person %q", c.full, e.Name())
			}
		}
	}
}

func TestAcronymAliasAndTickers(t *testing.T) {
	t.Parallel()
	body := "Acme Widgets Corp., or AWC, signed a deal with Orbital Systems Inc. (ORBS.O) and Kintaro Electric Co. <6543>. " +
		"AWC will supply parts."
	ann := Article(model.Article{Body: body})
	awc := find(t, ann, model.Company, "Acme Widgets Corp.")
	if got := mentionTexts(body, awc); len(got) != 3 || got[1] != "AWC" || got[2] != "AWC" {
		t.Errorf("Acme Widgets Corp. mentions = %q, want the name and AWC twice", got)
	}
	orb := find(t, ann, model.Company, "Orbital Systems Inc.")
	if got := mentionTexts(body, orb); len(got) != 2 || got[1] != "ORBS.O" {
		t.Errorf("Orbital Systems Inc. mentions = %q, want the ticker ORBS.O", got)
	}
	kin := find(t, ann, model.Company, "Kintaro Electric Co.")
	if got := mentionTexts(body, kin); len(got) != 2 || got[1] != "6543" {
		t.Errorf("Kintaro Electric Co. mentions = %q, want the code 6543", got)
	}
}

func TestPeopleAndPlaces(t *testing.T) {
	t.Parallel()
	body := "Prime Minister Anna Lindqvist met investors in Abu Dhabi on Monday. \"We are open,\" said Lindqvist. " +
		"An Oslo-based fund joined."
	ann := Article(model.Article{Body: body})
	p := find(t, ann, model.Person, "Anna Lindqvist")
	if len(p.Mentions) != 2 {
		t.Errorf("Anna Lindqvist mentions = %d, want 2", len(p.Mentions))
	}
	find(t, ann, model.Place, "Abu Dhabi")
	find(t, ann, model.Place, "Oslo")
	for _, e := range ann.Entities {
		if e.Kind == model.Company {
			t.Errorf("no company here, got %q", e.Name())
		}
	}
}

func TestFigures(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body      string
		text      string
		sub       model.FigureKind
		value     float64
		unit, per string
	}{
		{"They will spend $3 billion a year on chips.", "$3 billion a year", model.Money, 3e9, "USD", "year"},
		{"The bank lent ¥1.5 trillion last year.", "¥1.5 trillion", model.Money, 1.5e12, "JPY", ""},
		{"It paid €500m for the plant.", "€500m", model.Money, 5e8, "EUR", ""},
		{"A US$2bn bond was sold.", "US$2bn", model.Money, 2e9, "USD", ""},
		{"The deal is worth Rs 1.2 lakh crore in total.", "Rs 1.2 lakh crore", model.Money, 1.2e12, "INR", ""},
		{"Shares rose 0.5% at the open.", "0.5%", model.Percent, 0.5, "%", ""},
		{"Rates were cut by 25 basis points.", "25 basis points", model.Percent, 25, "bp", ""},
		{"It owns 12 per cent of the group.", "12 per cent", model.Percent, 12, "%", ""},
		{"They formed a 50-50 venture.", "50-50", model.Ratio, 50, "ratio", ""},
		{"The stakes are split 51:49 between them.", "51:49", model.Ratio, 51, "ratio", ""},
		{"The plant will hire 1,000 people next year.", "1,000 people", model.Count, 1000, "people", ""},
		{"The mill will make 3 million tonnes a year.", "3 million tonnes a year", model.Count, 3e6, "tonnes", "year"},
		{"It added 2.5 million users last quarter.", "2.5 million users", model.Count, 2.5e6, "users", ""},
		{"The airline ordered 10 737-800 planes.", "10 737-800 planes", model.Count, 10, "planes", ""},
		{"Almost one in four cars sold was electric.", "one in four", model.Ratio, 0.25, "ratio", ""},
		{"It sold 2.8 million electric cars.", "2.8 million electric cars", model.Count, 2.8e6, "cars", ""},
		{"The contract runs four years.", "four years", model.Duration, 4, "year", ""},
		{"The family built it over three decades.", "three decades", model.Duration, 3, "decade", ""},
		{"The firm was founded in 2016 in Oslo.", "2016", model.Date, 2016, "year", ""},
	}
	for _, c := range cases {
		ann := Article(model.Article{Body: c.body})
		var got *model.Entity
		for i, e := range ann.Entities {
			if e.Kind == model.Figure && e.Text == c.text {
				got = &ann.Entities[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no figure %q in %v", c.body, c.text, names(ann))
			continue
		}
		if got.Subkind != c.sub || got.Value != c.value || got.Unit != c.unit || got.Per != c.per {
			t.Errorf("%q: got %s %v %s per %q, want %s %v %s per %q", c.text, got.Subkind, got.Value, got.Unit, got.Per,
				c.sub, c.value, c.unit, c.per)
		}
	}
}

func TestMetaMentions(t *testing.T) {
	t.Parallel()
	a := model.Article{
		Title:        "Northwind Holdings Corp. to buy Bluefin",
		Caption:      "Northwind chief Maria Okafor explains the deal.",
		Contributors: []string{"Tomas Reyes", "Ines Vale"},
		Body:         "Northwind Holdings Corp. will buy Bluefin Ltd., chief executive Maria Okafor said.",
	}
	ann := Article(a)
	nw := find(t, ann, model.Company, "Northwind Holdings Corp.")
	fields := map[string]bool{}
	for _, m := range nw.MetaMentions {
		fields[m.Field] = true
		src := map[string]string{model.FieldTitle: a.Title, model.FieldCaption: a.Caption}[m.Field]
		if txt := src[m.Start:m.End]; !strings.HasPrefix(txt, "Northwind") {
			t.Errorf("meta mention in %s is %q", m.Field, txt)
		}
	}
	if !fields[model.FieldTitle] || !fields[model.FieldCaption] {
		t.Errorf("Northwind meta mentions = %+v, want title and caption", nw.MetaMentions)
	}
	p := find(t, ann, model.Person, "Maria Okafor")
	if len(p.Mentions) != 1 || len(p.MetaMentions) != 1 {
		t.Errorf("Maria Okafor: %d body and %d meta mentions, want 1 and 1", len(p.Mentions), len(p.MetaMentions))
	}
	credit := find(t, ann, model.Person, "Ines Vale")
	if len(credit.Mentions) != 0 || len(credit.MetaMentions) != 1 || credit.MetaMentions[0].Field != model.FieldContributors {
		t.Errorf("Ines Vale = %+v, want one contributors meta mention and no body mention", credit)
	}
}

func TestIDsInOrder(t *testing.T) {
	t.Parallel()
	ann := Article(model.Article{Body: "Bluefin Ltd. paid $5 million to Northwind Holdings Corp. in Oslo."})
	for i, e := range ann.Entities {
		if want := "e" + string(rune('1'+i)); e.ID != want {
			t.Errorf("entity %d id = %q, want %q", i, e.ID, want)
		}
	}
	if len(ann.Entities) < 4 {
		t.Errorf("entities = %v, want two companies, a figure and a place", names(ann))
	}
}

func TestPlacePrepositionIsNoPerson(t *testing.T) {
	t.Parallel()
	body := "The resort will be built in Grace Bay next year. Investor Grace Okoro backed it."
	ann := Article(model.Article{Body: body})
	for _, e := range ann.Entities {
		if e.Kind == model.Person && strings.HasPrefix(e.Name(), "Grace Bay") {
			t.Errorf("%q after 'in' taken for a person", e.Name())
		}
	}
	find(t, ann, model.Person, "Grace Okoro")
}

func TestFirstWordAlias(t *testing.T) {
	t.Parallel()
	body := "Lumenor Grid Inc. will be sold. Lumenor shares rose, and Lumenor said talks were over."
	ann := Article(model.Article{Body: body})
	c := find(t, ann, model.Company, "Lumenor Grid Inc.")
	if got := mentionTexts(body, c); len(got) != 3 {
		t.Errorf("Lumenor Grid Inc. mentions = %q, want the name and two short ones", got)
	}
}

func TestCueNounBeforeNameAndOfNames(t *testing.T) {
	t.Parallel()
	body := "Talks ended. Bank of America Corp. analyst Ann Lee said so. Chipmaker Orbital Devices Inc. agreed."
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Company, "Bank of America Corp.")
	find(t, ann, model.Company, "Orbital Devices Inc.")
	find(t, ann, model.Person, "Ann Lee")
}

func TestFamilyNameFirst(t *testing.T) {
	t.Parallel()
	body := "Chairman Baek Ji-hoon met investors. Baek said 5G phones would sell well."
	ann := Article(model.Article{Body: body})
	p := find(t, ann, model.Person, "Baek Ji-hoon")
	if got := mentionTexts(body, p); len(got) != 2 || got[1] != "Baek" {
		t.Errorf("mentions = %q, want the full name then the family name", got)
	}
	for _, e := range ann.Entities {
		if e.Kind == model.Company || e.Kind == model.Figure && e.Subkind == model.Count {
			t.Errorf("unexpected %s %q", e.Kind, e.Text)
		}
	}
}

func TestOwnerBeforeHyphen(t *testing.T) {
	t.Parallel()
	body := "The Quillon-backed startup raised money. An Oslo-based rival did too."
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Company, "Quillon")
	find(t, ann, model.Place, "Oslo")
}

func TestAppositiveTitleAndFamilyNameFirst(t *testing.T) {
	t.Parallel()
	body := "Its chief investment officer, Ong Mei Xin, said the fund was patient. \"We wait,\" Ong said. " +
		"Its managing partner, Paul Ferrand, agreed."
	ann := Article(model.Article{Body: body})
	p := find(t, ann, model.Person, "Ong Mei Xin")
	if got := mentionTexts(body, p); len(got) != 2 || got[1] != "Ong" {
		t.Errorf("mentions = %q, want the full name then the family name", got)
	}
	find(t, ann, model.Person, "Paul Ferrand")
	for _, e := range ann.Entities {
		if e.Kind == model.Company {
			t.Errorf("no company here, got %q", e.Name())
		}
	}
}

func TestModelNumberIsNoCount(t *testing.T) {
	t.Parallel()
	ann := Article(model.Article{Body: "Cells went into its Vireo 6 EVs and 40 older trucks."})
	for _, e := range ann.Entities {
		if e.Kind == model.Figure && strings.HasPrefix(e.Text, "6") {
			t.Errorf("model number taken for a count: %q", e.Text)
		}
	}
	if !strings.Contains(strings.Join(names(ann), "|"), "figure:40 older trucks") {
		t.Errorf("no count '40 older trucks' in %v", names(ann))
	}
}

func TestTitlesSuffixPairsAndCredits(t *testing.T) {
	t.Parallel()
	body := "Brisk Chief Financial Officer Ola Brandt spoke. Hanul On Co Ltd agreed.\n\n" +
		"(Reporting by Tom Reed; Editing by Jan Okoye)"
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Person, "Ola Brandt")
	find(t, ann, model.Company, "Hanul On Co Ltd")
	find(t, ann, model.Person, "Tom Reed")
	find(t, ann, model.Person, "Jan Okoye")
}

func TestAccentsAndLeadingDesignators(t *testing.T) {
	t.Parallel()
	body := "Société Valmont SA and Banco de Arrecife agreed a deal; Compagnie de Brévent said it would bid."
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Company, "Société Valmont SA")
	find(t, ann, model.Company, "Banco de Arrecife")
	find(t, ann, model.Company, "Compagnie de Brévent")
}

func TestFirmNounBeforeAPersonalName(t *testing.T) {
	t.Parallel()
	body := "A report from advisory firm Martin Hale values the miner at $2 billion. " +
		"Orbital Devices Inc., the company Maria Okafor founded, declined to comment."
	ann := Article(model.Article{Body: body})
	if c := find(t, ann, model.Company, "Martin Hale"); c.Cue != "context" {
		t.Errorf("Martin Hale cue = %q, want context (the firm noun before it)", c.Cue)
	}
	// after a determiner the name may start a clause: still a person
	find(t, ann, model.Person, "Maria Okafor")
}

func TestParentCompanyOf(t *testing.T) {
	t.Parallel()
	body := "Halvard Foods is the parent company of Brightwick, and it owns a stake in Corvel too."
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Company, "Brightwick")
	find(t, ann, model.Company, "Corvel")
}

func TestKnownNameLeadsACompanyTheAppositiveNames(t *testing.T) {
	t.Parallel()
	// Toyota is a known name; "Toyota Prius" alone would be the carmaker and
	// its car, but the appositive says the whole run is a company.
	body := "Losses hit Toyota Leasing, the country's largest car lender, last year. The Toyota Prius sold well."
	ann := Article(model.Article{Body: body})
	find(t, ann, model.Company, "Toyota Leasing")
	find(t, ann, model.Company, "Toyota")
}
