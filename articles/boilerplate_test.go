package articles

import (
	"strings"
	"testing"
)

// TestBoilerplateKeepsLookalikes: text that only looks like furniture is
// the story's and stays: a paragraph opening with a longer word
// ("Watchdog", "Related-party"), a story about newsletters, a "Read more"
// sentence that is mostly text, a heading that is not a label, a short
// link-only paragraph that follows no sign-up.
func TestBoilerplateKeepsLookalikes(t *testing.T) {
	page := `<html><head><title>Lumen Grid buys Parcel Post's newsletter arm</title></head><body><article>
<h1>Lumen Grid buys Parcel Post's newsletter arm</h1>
<p>Lumen Grid Inc. agreed to buy the newsletter business of Parcel Post Ltd. for $75 million, the companies said on Friday, adding 2 million readers.</p>
<p>Watchdog <a href="https://reg.example/">Ofcom review</a></p>
<p>Related-party deals at Parcel Post came under scrutiny last year, when its chairman sold shares.</p>
<p>Subscribe to a newsletter? Most of Parcel Post's readers never did: it grew by giving them away, executives said in March.</p>
<h3>Related rulings</h3>
<p>Read more of the deal's terms in <a href="https://lumen.example/deal">the filing</a>, which runs to 140 pages and lists each newsletter and its readers.</p>
<p><a href="https://lumen.example/">Lumen Grid</a></p>
</article></body></html>`
	a, err := parseHTML([]byte(page), "https://news.example/lumen")
	if err != nil {
		t.Fatal(err)
	}
	for _, kept := range []string{"Watchdog Ofcom review", "Related-party deals", "Subscribe to a newsletter?",
		"Related rulings", "Read more of the deal's terms", "Lumen Grid\n"} {
		if !strings.Contains(a.Body+"\n", kept) {
			t.Errorf("lost %q:\n%s", kept, a.Body)
		}
	}
}
