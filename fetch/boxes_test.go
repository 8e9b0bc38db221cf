package fetch

import (
	"context"
	"strings"
	"testing"

	"newsmark/fetch/fetchtest"
)

// TestPageKeepsToTheArticle: a page's "Read more: <link>" lines, its "See
// also" list, its related-stories box and its newsletter sign-up are not
// the story: the text and the links are the article's alone, and a
// sentence of the story that says "read more" stays.
func TestPageKeepsToTheArticle(t *testing.T) {
	t.Parallel()
	site := fetchtest.NewSite(t)
	a, err := Article(context.Background(), testClient(), site.URL+"/pages/boxes.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Read more:", "READ MORE", "Kestrel", "Bellhaven", "See also", "Related stories",
		"newsletter", "Subscribe now", "Humber estuary traffic"} {
		if strings.Contains(a.Body, gone) {
			t.Errorf("the body keeps %q:\n%s", gone, a.Body)
		}
	}
	for _, kept := range []string{"container terminal on the Humber", "£410 million", "competition regulator",
		"Read more about the regulator's review on its site."} {
		if !strings.Contains(a.Body, kept) {
			t.Errorf("the body lost %q:\n%s", kept, a.Body)
		}
	}
	if len(a.Links) != 1 || a.Links[0].URL != "https://regulator.example/humber" {
		t.Errorf("links: %+v, want the regulator's only", a.Links)
	}
	if paras := strings.Count(a.Body, "\n\n") + 1; paras != 4 {
		t.Errorf("%d paragraphs, want the story's 4:\n%s", paras, a.Body)
	}
}
