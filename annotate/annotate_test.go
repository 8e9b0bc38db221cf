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
