package articles

import (
	"strings"
	"testing"
	"unsafe"
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
