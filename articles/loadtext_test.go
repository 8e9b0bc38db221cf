package articles

import (
	"strings"
	"testing"
	"unsafe"

	"newsmark/sanitize"
)

// A long file whose credit lines sit mid-body has a body joined from its
// paragraphs; its title, source and credits must not be slices of the file
// as read, which they would keep alive: a second copy of the text.
func TestLongArticleKeepsNoCopyOfTheFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title: Kestrel Gulf agrees to buy a stake\nSource: Wire\nAuthor: Jane Doe\n\n")
	for b.Len() < 128<<10 {
		b.WriteString("Kestrel Gulf said on Monday it would buy a 20% stake in Harbour Lines for $3 billion.\n\n")
		b.WriteString("(Reporting by Ann Lee; Editing by Tom Fay)\n\n")
	}
	raw := b.String()
	a, err := article(formatText, raw, "long.txt")
	if err != nil {
		t.Fatal(err)
	}
	if within(a.Body, raw) {
		t.Fatal("the body is a slice of the file: its credit lines were not dropped, the test reads nothing")
	}
	fields := map[string]string{"title": a.Title, "source": a.Source}
	for i, s := range a.Authors {
		fields["author "+s] = a.Authors[i]
	}
	for _, s := range a.Contributors {
		fields["contributor "+s] = s
	}
	if len(a.Contributors) == 0 || a.Title == "" || a.Source == "" || len(a.Authors) == 0 {
		t.Fatalf("the article lost its metadata: %+v", a)
	}
	for name, s := range fields {
		if within(s, raw) {
			t.Errorf("the %s (%q) is a slice of the file as read", name, s)
		}
	}
}

// within reports whether s lies in t's memory.
func within(s, t string) bool {
	if s == "" {
		return false
	}
	p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(t)))
	return p >= q && p < q+uintptr(len(t))
}

// A plain-text body is not sanitised a second time (it is paragraphs of the
// sanitised text): whatever the input, it comes out as sanitize.Text leaves
// it.
func TestTextBodyIsSanitised(t *testing.T) {
	for _, in := range []string{
		"Plain story.\n\nSecond paragraph.",
		"\ufeffA story with a mark.\n\n\ufeff\ufeffA paragraph opening with two.",
		"\ufeff\ufeffTwo marks first.\n\nThen text.",
		"Title: T\n\n\ufeffBody opens with a mark after the header.",
		"Escapes \x1b[31mred\x1b[0m and\r\nCRLF \u0085 C1 \u009b1m CSI \u202eRTL\u202c and\u2028separators.\n\nNext.",
		"(Reuters) - DETROIT — Dateline \x07bell.\n\n(Reporting by A; Editing by B)\n\nLast \xff byte.",
	} {
		a, err := article(formatText, in, "x.txt")
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := sanitize.Text(a.Body); got != a.Body {
			t.Errorf("%q: body %q is not as sanitize.Text leaves it (%q)", in, a.Body, got)
		}
	}
}
