package articles

import (
	"slices"
	"strings"
	"testing"
)

// The body is the kept paragraphs one blank line apart, however the text
// spaced them, whether or not the loader could take it as a slice of the text.
func TestBodyParagraphs(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, body string }{
		{"Acme rose today.\n\nWidget fell.\n\nBoth traded.", "Acme rose today.\n\nWidget fell.\n\nBoth traded."},
		{"Acme rose today.\n\n\nWidget fell.  \n \t\nBoth traded.\n", "Acme rose today.\n\nWidget fell.\n\nBoth traded."},
		{"Acme rose today.\r\n\r\nWidget fell.", "Acme rose today.\n\nWidget fell."},
		{"By Jane Roe\n\nLISBON (Example Wire) - Acme rose today.\n\nWidget fell.\n\n(Reporting by Ann Lee; Editing by Bo Kim)",
			"Acme rose today.\n\nWidget fell."},
		{"Acme rose today.\n\n--With assistance from Ann Lee.\n\nWidget fell.", "Acme rose today.\n\nWidget fell."},
		// The first paragraph's text also opens the text earlier on.
		{"Title: Acme\n\nAcme rose.\n\nWidget fell. Acme rose.\n\nAcme rose.", "Acme rose.\n\nWidget fell. Acme rose.\n\nAcme rose."},
	}
	for _, c := range cases {
		a, err := article(formatText, c.in, "x.txt")
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if a.Body != c.body {
			t.Errorf("%q: body %q, want %q", c.in, a.Body, c.body)
		}
	}
	s := "Acme rose.\n\nWidget fell.\n\nAcme rose.\n\nBoth traded."
	for _, paras := range [][]string{{"Acme rose.", "Both traded."}, {"Widget fell.", "Acme rose."}, {"Acme rose.", "Acme rose."}, {}} {
		if got, want := joinParagraphs(s, paras), strings.Join(paras, "\n\n"); got != want {
			t.Errorf("joinParagraphs(%v) = %q, want %q", paras, got, want)
		}
	}
}

func TestDateline(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, source, rest string }{
		{"(Example Wire) -- Acme Corp. agreed to buy Widget Inc.", "Example Wire", "Acme Corp. agreed to buy Widget Inc."},
		{"LISBON (Example Wire) - Acme rose.", "Example Wire", "Acme rose."},
		{"LISBON, May 4 (Example Wire) - Acme rose.", "Example Wire", "Acme rose."},
		{"Lisbon, May. 4 (Example Press)--Acme rose.", "Example Press", "Acme rose."},
		{"(Example Wire) --\nAcme rose.", "Example Wire", "Acme rose."},
		{"LISBON — Acme rose.", "", "Acme rose."},
		{"NEW YORK, Jan. 5 -- Acme rose.", "", "Acme rose."},
		{"SAO PAULO - Acme rose.", "", "Acme rose."},
		// Not datelines: the sentence stays whole.
		{"UK-based Acme rose.", "", ""},
		{"A 50-50 venture was formed.", "", ""},
		{"Acme Inc (ACME) said it rose.", "", ""},
		{"Example Telecom Company (ETC), the operator, rose.", "", ""},
		{"Lisbon — Acme rose.", "", ""},
		{"(Updates with comment)", "", ""},
	}
	for _, c := range cases {
		src, rest, ok := splitDateline(c.in)
		if ok != (c.rest != "") || ok && (src != c.source || rest != c.rest) {
			t.Errorf("splitDateline(%q) = %q, %q, %v; want %q, %q", c.in, src, rest, ok, c.source, c.rest)
		}
	}
}

func TestHeadlineLike(t *testing.T) {
	t.Parallel()
	yes := []string{
		"Acme to buy Widget for $2 billion",
		"Acme, Widget form 50-50 venture",
		"Why Acme bought Widget?",
		"Acme agrees to buy Widget Inc.",
		"Q&A: what the Acme deal means",
	}
	no := []string{
		"Acme rose 5% on Monday after it agreed to buy Widget.",
		"(Example Wire) -- Acme rose",
		"the deal closed",
		"Acme said:",
		"Line one\nline two",
	}
	for _, s := range yes {
		if !headlineLike(s) {
			t.Errorf("headlineLike(%q) = false", s)
		}
	}
	for _, s := range no {
		if headlineLike(s) {
			t.Errorf("headlineLike(%q) = true", s)
		}
	}
}

func TestWireLines(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in, title, body string
		contributors          []string
	}{
		{"header title repeated", "Title: Acme buys Widget\n\nAcme buys Widget\n\nAcme bought Widget.\n\nIt paid cash.", "Acme buys Widget",
			"Acme bought Widget.\n\nIt paid cash.", nil},
		{"one paragraph: title from first sentence", "Acme Corp. will buy Widget Ltd. Acme said it would pay cash.",
			"Acme Corp. will buy Widget Ltd.", "Acme Corp. will buy Widget Ltd. Acme said it would pay cash.", nil},
		// Stored whole: exports and `newsmark notes` print it, views cut it.
		{"long first sentence is kept whole", "Acme Holdings and Widget Partners said on Tuesday that they had agreed to combine their freight businesses in a deal worth about $4 billion.",
			"Acme Holdings and Widget Partners said on Tuesday that they had agreed to combine their freight businesses in a deal worth about $4 billion",
			"Acme Holdings and Widget Partners said on Tuesday that they had agreed to combine their freight businesses in a deal worth about $4 billion.", nil},
		{"assistance with em dash", "Headline for the deal\n\nAcme rose.\n\n—With assistance from Ana Lee, Bo Kim and Cy Wu", "Headline for the deal",
			"Acme rose.", []string{"Ana Lee", "Bo Kim", "Cy Wu"}},
		{"trailers", "Acme rose.\n\n(Adds analyst comment)\n\nTo contact the reporter on this story: x@example.com\n\nCopyright 2026 Example Wire", "Acme rose",
			"Acme rose.", nil},
	}
	for _, c := range cases {
		a := parseText(c.in)
		if a.Title != c.title || a.Body != c.body || !slices.Equal(a.Contributors, c.contributors) {
			t.Errorf("%s:\n got title %q body %q contributors %q\nwant title %q body %q contributors %q",
				c.name, a.Title, a.Body, a.Contributors, c.title, c.body, c.contributors)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	t.Parallel()
	cases := []struct{ title, site, want string }{
		{"Vega buys Pine | Example Times", "", "Vega buys Pine"},
		{"Vega buys Pine - Example Times", "Example Times", "Vega buys Pine"},
		{"Vega buys Pine - and pays cash", "", "Vega buys Pine - and pays cash"},
		{"Vega buys Pine", "Example Times", "Vega buys Pine"},
	}
	for _, c := range cases {
		if got := stripSiteName(c.title, c.site); got != c.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", c.title, c.site, got, c.want)
		}
	}
}
