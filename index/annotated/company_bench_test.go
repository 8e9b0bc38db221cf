package annotated

import (
	"context"
	"testing"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/index/indextest"
)

// benchCompanies are two companies of the corpus: the one the most
// stories name (a bank of the generator's filler sentences, in about
// four stories of five), and a typical one (the median, by stories, of
// the companies named in 20 stories or more: the generator's 400 make
// most of those).
func benchCompanies(b *testing.B, ix *index.Index) map[string]index.NamedCompany {
	b.Helper()
	sum, err := ix.Period(context.Background(), index.Period{})
	if err != nil || len(sum.Companies) == 0 {
		b.Fatal("no companies", err)
	}
	n := 0
	for n < len(sum.Companies) && sum.Companies[n].Stories >= 20 {
		n++
	}
	return map[string]index.NamedCompany{"most-named": sum.Companies[0], "typical": sum.Companies[n/2]}
}

// BenchmarkCompanyPage is a company page on a cold index (the resolver
// and its inverse built, as after start or a write, then the page read):
// "first" is the first frame's read (the newest 60 stories), "full" the
// page the program reads next (the newest 1,000), for the most named
// company and a typical one.
func BenchmarkCompanyPage(b *testing.B) {
	ix, db := openBenchIndex(b)
	ctx := context.Background()
	for name, c := range benchCompanies(b, ix) {
		for _, read := range []struct {
			name  string
			limit int
		}{{"first", 60}, {"full", 1000}} {
			b.Run(name+"/"+read.name, func(b *testing.B) {
				var page *index.CompanyPage
				for b.Loop() {
					var err error
					cold := index.New(db, indextest.BenchVersion, annotate.Article)
					if page, _, err = cold.CompanyPage(ctx, c.Company, index.PageOptions{Limit: read.limit}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(page.Total), "stories")
				b.ReportMetric(float64(len(page.Stories)), "read")
				b.ReportMetric(float64(len(page.People)), "people")
				b.ReportMetric(float64(len(page.Quotes)), "quotes")
				b.ReportMetric(float64(len(page.Deals)), "deals")
			})
		}
	}
}
