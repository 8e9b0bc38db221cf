package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/fetch/fetchtest"
)

// BenchmarkExtractPage measures readability + conversion of a 3 KB article
// page and of a 150 KB one (the same paragraphs repeated).
func BenchmarkExtractPage(b *testing.B) {
	page, err := os.ReadFile(filepath.Join(fetchtest.Dir(), "pages", "kestrel.html"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(page)
	i, j := strings.Index(s, "<p>Kestrel"), strings.Index(s, "</article>")
	big := s[:i] + strings.Repeat(s[i:j], 60) + s[j:]
	for _, tc := range []struct {
		name string
		body string
	}{{"3KB", s}, {"150KB", big}} {
		b.Run(tc.name, func(b *testing.B) {
			r := &Response{URL: "http://127.0.0.1/pages/kestrel.html", ContentType: "text/html", Body: []byte(tc.body)}
			b.SetBytes(int64(len(tc.body)))
			for b.Loop() {
				if _, err := Page(r.URL, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
