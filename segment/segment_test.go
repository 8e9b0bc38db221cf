package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"newsmark/model"
)

func texts(s string, spans []model.Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d spans, want %d:\n got %q\nwant %q", len(got), len(want), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("span %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func TestParagraphs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"only blank lines", "\n \n\t\n", nil},
		{"one", "  One line.  ", []string{"One line."}},
		{"two", "First para\nstill first.\n\nSecond.", []string{"First para\nstill first.", "Second."}},
		{"blank line with spaces", "A.\n   \t\nB.", []string{"A.", "B."}},
		{"crlf", "A.\r\n\r\nB.\r\n", []string{"A.", "B."}},
		{"many blanks and indents", "\n\n  A.\n\n\n\n    B.\n\n", []string{"A.", "B."}},
		{"nbsp-only line is blank", "A.\n\u00a0\u3000\nB.", []string{"A.", "B."}},
		{"bom trimmed", "\ufeffA.\n\nB.", []string{"A.", "B."}},
		{"multibyte", "東京で発表。\n\n“Quote.”", []string{"東京で発表。", "“Quote.”"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			equal(t, texts(c.in, Paragraphs(c.in)), c.want)
		})
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     []string
	}{
		{"simple", "One. Two? Three! Four", []string{"One.", "Two?", "Three!", "Four"}},
		{"corp before lowercase", "Acme Corp. is buying Widget Inc. for cash.", []string{"Acme Corp. is buying Widget Inc. for cash."}},
		{"corp before title", "Acme Corp. Chief Executive Jane Roe said so. Then she left.",
			[]string{"Acme Corp. Chief Executive Jane Roe said so.", "Then she left."}},
		{"corp at sentence end", "It signed with Acme Corp. The deal closes in May.",
			[]string{"It signed with Acme Corp.", "The deal closes in May."}},
		{"lone subject after suffix", "Northwind Corp. will buy Bluefin Ltd. Northwind said it would pay. Samsung Electronics Co. Ltd. said no.",
			[]string{"Northwind Corp. will buy Bluefin Ltd.", "Northwind said it would pay.", "Samsung Electronics Co. Ltd. said no."}},
		{"ticker after suffix", "Acme Inc. (ACME.O) rose. It fell.", []string{"Acme Inc. (ACME.O) rose.", "It fell."}},
		{"co and ltd", "Kobe Steel Co. Ltd. Executive Director spoke. He agreed.",
			[]string{"Kobe Steel Co. Ltd. Executive Director spoke.", "He agreed."}},
		{"honorifics", "Mr. Tanaka met Dr. Lee and Mrs. Park in St. Louis. They talked.",
			[]string{"Mr. Tanaka met Dr. Lee and Mrs. Park in St. Louis.", "They talked."}},
		{"us before noun", "U.S. President Smith spoke. U.S. officials agreed.",
			[]string{"U.S. President Smith spoke.", "U.S. officials agreed."}},
		{"us at end", "The plant is in the U.S. The company said so.",
			[]string{"The plant is in the U.S.", "The company said so."}},
		{"initials", "J. P. Morgan and J.P. Morgan Chase agreed. Others did not.",
			[]string{"J. P. Morgan and J.P. Morgan Chase agreed.", "Others did not."}},
		{"decimals", "Shares rose 0.5% to 12.75 yen. Volume was thin.",
			[]string{"Shares rose 0.5% to 12.75 yen.", "Volume was thin."}},
		{"figure before a name", "Shares rose 5.2%. Nvidia fell to $42.08. Acme held.", []string{"Shares rose 5.2%.", "Nvidia fell to $42.08.", "Acme held."}},
		{"times", "It closed at 9 a.m. local time. At 10 a.m. The Times called.", []string{"It closed at 9 a.m. local time.", "At 10 a.m.", "The Times called."}},
		{"number abbreviation", "It is the No. 1 maker. It opened on Jan. 5 in Osaka.",
			[]string{"It is the No. 1 maker.", "It opened on Jan. 5 in Osaka."}},
		{"closing quote ends", "“More is better.” Son said it twice.",
			[]string{"“More is better.”", "Son said it twice."}},
		{"closing quote then lowercase", "“Why not?” he asked. “Sure!” she said.",
			[]string{"“Why not?” he asked.", "“Sure!” she said."}},
		{"comma inside quote", "“We will do a lot. More is better,” Son said.",
			[]string{"“We will do a lot.", "More is better,” Son said."}},
		{"straight quotes", `He said "yes." Then he left.`, []string{`He said "yes."`, "Then he left."}},
		{"bracket closer", "(The deal closed.) Then shares rose.", []string{"(The deal closed.)", "Then shares rose."}},
		{"possessive after suffix", "Acme Corp.’s unit grew. It hired.", []string{"Acme Corp.’s unit grew.", "It hired."}},
		{"hyphen after initialism", "A U.S.-based fund invested. It paid.", []string{"A U.S.-based fund invested.", "It paid."}},
		{"ellipsis", "Wait... What happened? Nothing… really.", []string{"Wait...", "What happened?", "Nothing… really."}},
		{"cjk", "合弁会社を設立。出資比率は50%。", []string{"合弁会社を設立。", "出資比率は50%。"}},
		{"never crosses paragraphs", "No full stop here\n\nNext para. Two", []string{"No full stop here", "Next para.", "Two"}},
		{"multi-line paragraph", "Line one\nstill one. Two.", []string{"Line one\nstill one.", "Two."}},
		{"sentence starts with number", "Sales fell. 2025 was hard.", []string{"Sales fell.", "2025 was hard."}},
		{"trailing spaces", "  One.   Two.  ", []string{"One.", "Two."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			equal(t, texts(c.in, Sentences(c.in)), c.want)
		})
	}
}

func TestFirstSentence(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "\n \n", "One. Two.", "  \n\nNo stop here\n\nNext. Para.", "Acme Corp. The end.\n\nMore.",
		"\ufeff\n\n“Quote.” He said.", "\u00a0\n\u00a0A line\nstill one. Two.\n\nB.", benchText()} {
		got, ok := FirstSentence(in)
		all := Sentences(in)
		if ok != (len(all) > 0) || ok && got != all[0] {
			t.Errorf("FirstSentence(%.40q) = %v, %v; Sentences gives %v first", in, got, ok, all[:min(len(all), 1)])
		}
	}
}

// checkSpans asserts the invariants every consumer of spans relies on.
func checkSpans(t *testing.T, s string, spans []model.Span, kind string) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.Start >= sp.End || sp.End > len(s) {
			t.Fatalf("%s %d %v out of order/bounds (prev end %d, len %d)", kind, i, sp, prev, len(s))
		}
		if !utf8.RuneStart(s[sp.Start]) || (sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
			t.Fatalf("%s %d %v not on rune boundaries", kind, i, sp)
		}
		txt := s[sp.Start:sp.End]
		if a, b := trim(s, sp.Start, sp.End); a != sp.Start || b != sp.End {
			t.Fatalf("%s %d %q not trimmed", kind, i, txt)
		}
		prev = sp.End
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "A. B.", "Acme Corp. The end.\n\nU.S. Mr. J. P. 0.5 No. 1", "“x.” y", "合弁。\n \n…a… B",
		"\xff\xfe. \x00!", "a\r\n\r\nb", ". . .", "\u00a0.\u00a0X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Sentences(s) // raw bytes must not panic either
		// Loaded bodies are valid UTF-8 (the loader repairs them).
		s = strings.ToValidUTF8(s, "\uFFFD")
		paras := Paragraphs(s)
		checkSpans(t, s, paras, "paragraph")
		sents := Sentences(s)
		checkSpans(t, s, sents, "sentence")
		if first, ok := FirstSentence(s); ok != (len(sents) > 0) || ok && first != sents[0] {
			t.Fatalf("FirstSentence = %v, %v; Sentences starts %v", first, ok, sents[:min(len(sents), 1)])
		}
		// Every sentence lies inside one paragraph and paragraphs are fully covered.
		p := 0
		for _, sp := range sents {
			for p < len(paras) && paras[p].End < sp.End {
				p++
			}
			if p == len(paras) || sp.Start < paras[p].Start {
				t.Fatalf("sentence %v crosses a paragraph break (%v)", sp, paras)
			}
		}
		for _, pp := range paras {
			if strings.Contains(s[pp.Start:pp.End], "\n\n") {
				t.Fatalf("paragraph %q holds a blank line", s[pp.Start:pp.End])
			}
		}
	})
}

func benchText() string {
	para := "(Bloomberg) -- OpenAI-style startup Acme Corp. and Widget Holdings Inc. agreed on Monday to form a 50-50 venture " +
		"in the U.S. worth $3.5 billion, Mr. Tanaka said. “More is better.” The unit, No. 2 in its market, will hire 1,000 people " +
		"by Jan. 2027. J. P. Smith, an analyst at Example Co., said shares rose 0.5%. Will it work? Nobody knows!\n\n" +
		"東京で合弁会社を設立。出資比率は51%。\n\n"
	return strings.Repeat(para, 2<<20/len(para)+1)
}

func BenchmarkSentences(b *testing.B) {
	s := benchText()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(s)
	}
}

func BenchmarkParagraphs(b *testing.B) {
	s := benchText()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(s)
	}
}
