package ui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/brief"
	"newsmark/index"
	"newsmark/index/indextest"
	"newsmark/internal/benchcpu"
)

// A company's page and the daily brief on the generated corpus of 20,000
// stories (see index_bench_test.go), at 160×45:
//
//	go test ./ui -run XXX -bench 'CompanyPage|BriefScreen' -benchtime 2s
//
// Each reports cpu-ms/op beside the wall time: the process's CPU time per
// op (both cores: the garbage collector's share counts too).

// benchPageCompanies are the company the most stories name (a bank of the
// generator's filler sentences, in about four stories of five) and a
// typical one (the median, by stories, of those named in 20 stories or
// more), as index/annotated's BenchmarkCompanyPage picks them.
func benchPageCompanies(b *testing.B, ix *index.Index) []index.NamedCompany {
	b.Helper()
	sum, err := ix.Period(context.Background(), index.Period{})
	if err != nil || len(sum.Companies) == 0 {
		b.Fatal("no companies", err)
	}
	n := 0
	for n < len(sum.Companies) && sum.Companies[n].Stories >= 20 {
		n++
	}
	return []index.NamedCompany{sum.Companies[0], sum.Companies[n/2]}
}

// openPage is the page of c asked for (as i on a deal's party asks: the
// identity known), its first frame's read (the newest 60 stories) and the
// frame; the Cmd returned reads the rest.
func openPage(b *testing.B, m Model, c index.NamedCompany) (Model, tea.Cmd) {
	cmd := m.apply(openCompanyMsg{company: c.Company, name: c.Name})
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		b.Fatalf("the page gave %T, want the first frame's read and the page's", cmd())
	}
	mm, _ := m.Update(batch[0]())
	mm.(Model).View()
	return mm.(Model), batch[1]
}

// BenchmarkCompanyPageFirstFrame is a company's page on a cold index (the
// resolver built again, as after start or a write): the request, the read
// of its newest 60 stories, the rows and the frame.
func BenchmarkCompanyPageFirstFrame(b *testing.B) {
	db := benchIndexDB(b)
	for i, c := range benchPageCompanies(b, index.New(db, indextest.BenchVersion, annotate.Article)) {
		b.Run([]string{"most-named", "typical"}[i], func(b *testing.B) {
			var m Model
			cpu := benchcpu.CPUTime()
			for b.Loop() {
				m = benchModel(index.New(db, indextest.BenchVersion, annotate.Article))
				m, _ = openPage(b, m, c)
			}
			benchcpu.Report(b, cpu)
			if m.screen != screenCompany || m.company.page == nil || len(m.company.rows) == 0 {
				b.Fatal("no page on the first frame")
			}
			b.ReportMetric(float64(m.company.page.Total), "stories")
		})
	}
}

// BenchmarkCompanyPageKey is a key on the whole page (the newest 1,000
// stories read) of the most named company: a move, a page, the ends.
func BenchmarkCompanyPageKey(b *testing.B) {
	db := benchIndexDB(b)
	ix := index.New(db, indextest.BenchVersion, annotate.Article)
	m := benchModel(ix)
	m, rest := openPage(b, m, benchPageCompanies(b, ix)[0])
	mm, _ := m.Update(rest())
	m = mm.(Model)
	rows := float64(len(m.company.rows))
	cpu := benchcpu.CPUTime()
	for i := 0; b.Loop(); i++ {
		m, _ = pressView(m, []string{"j", "j", "k", "space", "b", "G", "g"}[i%7])
	}
	benchcpu.Report(b, cpu)
	b.ReportMetric(rows, "rows")
}

// BenchmarkBriefScreen is B on the corpus: the brief gathered (the
// period's deals, most-named companies, three followed companies' quotes,
// the notes), written as Markdown, drawn by glamour and the frame shown.
// The corpus has a story every 40 minutes: a day holds 36, a week 252, a
// month 1,080. "markdown" is what `newsmark brief` piped does: gathered
// and written, not drawn.
func BenchmarkBriefScreen(b *testing.B) {
	db := benchIndexDB(b)
	ctx := context.Background()
	ix := index.New(db, indextest.BenchVersion, annotate.Article)
	// An hour after the newest story: Corpus dates them 40 minutes apart
	// from 1 January 2025 (not generated here: 20,000 stories held in
	// memory would slow every collection the brief's own garbage needs).
	now := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(indextest.BenchStories()-1) * 40 * time.Minute)
	if day, err := ix.Period(ctx, index.Period{Since: now.Add(-24 * time.Hour)}); err != nil || day.Stories < 30 {
		b.Fatalf("%d stories in the corpus's last day (%v)", day.Stories, err)
	}
	sum, err := ix.Period(ctx, index.Period{Since: now.Add(-30 * 24 * time.Hour)})
	if err != nil || len(sum.Companies) < 3 {
		b.Fatal("too few companies in the month", err)
	}
	for _, c := range sum.Companies[:3] {
		added, err := ix.Follow(ctx, c.Company, c.Name)
		if err != nil {
			b.Fatal(err)
		}
		if added { // the kept database (NEWSMARK_BENCH_DB) is left as it was
			b.Cleanup(func() { ix.Unfollow(context.Background(), c.Company) })
		}
	}
	for p, name := range []string{"day", "week", "month"} {
		b.Run(name, func(b *testing.B) {
			var m Model
			cpu := benchcpu.CPUTime()
			for b.Loop() {
				m = benchModel(index.New(db, indextest.BenchVersion, annotate.Article))
				m.brief.now = func() time.Time { return now }
				m.brief.period = p
				m.screen = screenBrief
				mm, _ := m.Update(m.brief.open()())
				m = mm.(Model)
				m.View()
			}
			benchcpu.Report(b, cpu)
			if len(m.brief.lines) == 0 || m.brief.err != "" {
				b.Fatalf("no brief: %s", m.brief.err)
			}
			b.ReportMetric(float64(len(m.brief.lines)), "lines")
		})
		b.Run(name+"/markdown", func(b *testing.B) {
			var src string
			period := index.Period{Since: now.Add(-briefPeriods[p].back)}
			cpu := benchcpu.CPUTime()
			for b.Loop() {
				br, err := brief.Gather(ctx, index.New(db, indextest.BenchVersion, annotate.Article), nil, period)
				if err != nil {
					b.Fatal(err)
				}
				src = br.Markdown()
			}
			benchcpu.Report(b, cpu)
			b.ReportMetric(float64(len(src)), "bytes")
		})
	}
}
