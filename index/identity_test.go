package index

import (
	"strings"
	"testing"

	"newsmark/model"
	"newsmark/store"
)

func TestNormAndSplitLegal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, base, suffix string }{
		{"SoftBank Group Corp.", "softbank group", "corp"},
		{"SoftBank Group Corporation", "softbank group", "corp"},
		{"SoftBank Group", "softbank group", ""},
		{"SoftBank's", "softbank", ""},
		{"The Walt Disney Co.", "walt disney", "co"},
		{"JPMorgan Chase & Co.", "jpmorgan chase", "co"},
		{"Samsung Electronics Co., Ltd.", "samsung electronics", "co"},
		{"A.P. Moller-Maersk A/S", "ap moller maersk", "as"},
		{"Banco Santander, S.A.", "banco santander", "sa"},
		{"Zephyr Mills Limited", "zephyr mills", "ltd"},
		{"Corp.", "corp", ""}, // nothing but a legal form: no base, so bare
		{"Kestrel  Group\u2019s", "kestrel group", ""},
	} {
		base, suffix := splitLegal(normName(c.in))
		if base != c.base || suffix != c.suffix {
			t.Errorf("%q → %q + %q, want %q + %q", c.in, base, suffix, c.base, c.suffix)
		}
	}
}

// entity makes a company entity of article body with a mention of each form.
func entity(body string, forms ...string) model.Entity {
	e := model.Entity{ID: "e1", Kind: model.Company, Text: forms[0], Canonical: forms[0]}
	for _, f := range forms {
		i := strings.Index(body, f)
		if i < 0 {
			panic("fixture: " + f + " not in body")
		}
		e.Mentions = append(e.Mentions, model.Span{Start: i, End: i + len(f)})
		if len(f) > len(e.Canonical) {
			e.Canonical = f
		}
	}
	return e
}

func TestCompanyIdentity(t *testing.T) {
	t.Parallel()
	body := "SoftBank Group Corp. (9984.T) rose. SoftBank said so."
	id := companyIdentity(body, entity(body, "SoftBank Group Corp.", "9984.T", "SoftBank"))
	if id.anchor != "L:softbank group corp" {
		t.Errorf("anchor %q", id.anchor)
	}
	got := map[string]bool{}
	for _, k := range id.keys {
		got[k] = true
	}
	if len(got) != 3 || !got["softbank group"] || !got["softbank"] || !got["t:9984.T"] {
		t.Errorf("keys %+v", id.keys)
	}
	body = "Zephyr and Zephyr Mills Ltd. and Harbor Ltd. met."
	// Two legal names in one entity vouch for nothing.
	if id := companyIdentity(body, entity(body, "Zephyr", "Zephyr Mills Ltd.", "Harbor Ltd.")); !strings.HasPrefix(id.anchor, barePrefix) || len(id.keys) != 0 {
		t.Errorf("muddled entity: %+v", id)
	}
}

// resolve indexes entities as evidence (one per article) and resolves each.
func resolve(ents ...identity) []string {
	counts := map[store.IndexKey]int{}
	for _, e := range ents {
		for _, k := range e.keys {
			counts[store.IndexKey{Key: k, Anchor: e.anchor}]++
		}
	}
	var keys []store.IndexKey
	for k, n := range counts {
		k.N = n
		keys = append(keys, k)
	}
	r := NewResolver(keys)
	out := make([]string, len(ents))
	for i, e := range ents {
		out[i] = r.Company(e.anchor)
	}
	return out
}

func TestResolverSoftBank(t *testing.T) {
	t.Parallel()
	a := "SoftBank Group Corp. agreed. SoftBank said."
	sbg := companyIdentity(a, entity(a, "SoftBank Group Corp.", "SoftBank"))
	b := "SoftBank Group shares rose."
	group := companyIdentity(b, entity(b, "SoftBank Group"))
	c := "SoftBank shares rose."
	bare := companyIdentity(c, entity(c, "SoftBank"))
	d := "SoftBank Corp. is a telecom carrier."
	telco := companyIdentity(d, entity(d, "SoftBank Corp."))

	got := resolve(sbg, group, bare)
	if got[0] != "L:softbank group corp" || got[1] != got[0] || got[2] != got[0] {
		t.Errorf("three stories of SoftBank Group: %v", got)
	}
	got = resolve(sbg, group, bare, telco)
	if got[3] != "L:softbank corp" || got[0] == got[3] || got[1] != got[0] {
		t.Errorf("with SoftBank Corp.: %v", got)
	}
	// "SoftBank" alone now points to two companies: it stays itself.
	if got[2] != "B:softbank" {
		t.Errorf("ambiguous SoftBank resolved to %q", got[2])
	}
}
