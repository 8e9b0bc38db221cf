package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/index"
	"newsmark/index/indextest"
	"newsmark/store"
)

// The deals view and the search screen on the generated corpus of 20,000
// stories (indextest: the database the index's own benchmarks use, built
// once per run, about a minute on two cores), at 160×45:
//
//	go test ./ui -run XXX -bench 'DealsView|SearchScreen' -benchtime 2s
//
// NEWSMARK_BENCH_DB=FILE keeps the database between runs (and shares it
// with ./index/annotated); NEWSMARK_BENCH_STORIES=2000 is a quick look.

// benchIndexDB opens the corpus database.
func benchIndexDB(b *testing.B) *store.DB {
	b.Helper()
	path, err := indextest.BenchDB(annotate.Article)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// benchModel is the program on an empty library with the index, sized.
func benchModel(ix *index.Index) Model {
	m := New(Options{Theme: Dark, Index: ix})
	m.idx.armed = true // no background indexing: the corpus is indexed
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	return mm.(Model)
}

// pressView is one key through Update and the frame after it.
func pressView(m Model, k string) (Model, tea.Cmd) {
	mm, cmd := m.Update(keyPress(k))
	mm.(Model).View()
	return mm.(Model), cmd
}

// deliverFirst runs the first Cmd of D's batch (RecentDeals) and draws.
func deliverFirst(b *testing.B, m Model, cmd tea.Cmd) Model {
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		b.Fatalf("D gave %T, want the batch of the first page and the whole list", cmd())
	}
	mm, _ := m.Update(batch[0]())
	mm.(Model).View()
	return mm.(Model)
}

// BenchmarkDealsViewFirstFrame is D on a cold index (nothing kept, as
// after start or a write): the key, RecentDeals, its rows and the frame.
func BenchmarkDealsViewFirstFrame(b *testing.B) {
	db := benchIndexDB(b)
	var m Model
	for b.Loop() {
		m = benchModel(index.New(db, indextest.BenchVersion, annotate.Article))
		var cmd tea.Cmd
		m, cmd = pressView(m, "D")
		m = deliverFirst(b, m, cmd)
	}
	if len(m.deals.shown) == 0 {
		b.Fatal("no deals on the first frame")
	}
	b.ReportMetric(float64(len(m.deals.rows)), "rows")
}

// BenchmarkDealsViewKey is a key on the whole list (Update and the frame):
// a sort (every row re-ordered), a move, a filter character typed (every
// row matched against it).
func BenchmarkDealsViewKey(b *testing.B) {
	db := benchIndexDB(b)
	m := benchModel(index.New(db, indextest.BenchVersion, annotate.Article))
	m, cmd := pressView(m, "D")
	for _, c := range cmd().(tea.BatchMsg) {
		mm, _ := m.Update(c())
		m = mm.(Model)
	}
	deals := float64(len(m.deals.rows))
	b.Run("sort", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			m, _ = pressView(m, []string{"a", "d", "n", "t"}[i%4])
		}
		b.ReportMetric(deals, "deals")
	})
	b.Run("move", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			m, _ = pressView(m, []string{"j", "j", "k", "G", "g"}[i%5])
		}
	})
	b.Run("filter", func(b *testing.B) {
		m, _ = pressView(m, "/")
		for i := 0; b.Loop(); i++ {
			// "zephyr", then backspace six times: each key refilters
			if i%12 < 6 {
				m, _ = pressView(m, string("zephyr"[i%12]))
			} else {
				m, _ = pressView(m, "backspace")
			}
		}
	})
}

// BenchmarkSearchScreen is a query typed on the search screen: the search
// the change asks for (index.Search, 20 results), its results and the
// frame; "results" is the screen's own share: the results taken and drawn.
func BenchmarkSearchScreen(b *testing.B) {
	db := benchIndexDB(b)
	m := benchModel(index.New(db, indextest.BenchVersion, annotate.Article))
	m, _ = pressView(m, "S")
	for _, q := range []struct{ name, q string }{
		{"common-word", "company"},
		{"two-words", "shares rose"},
		{"name", "Zephyr"},
		{"phrase", `"joint venture"`},
		{"prefix", "acqui*"},
		{"rare", "lithium"},
	} {
		b.Run(q.name, func(b *testing.B) {
			last := q.q[len(q.q)-1:]
			for b.Loop() {
				m.input.setValue(q.q[:len(q.q)-1]) // typed so far: the last key searches
				mm, cmd := m.Update(keyPress(last))
				mm, _ = mm.(Model).Update(cmd())
				m = mm.(Model)
				m.View()
			}
			if len(m.search.hits) == 0 {
				b.Fatalf("%q: no hits", q.q)
			}
		})
	}
	hits, err := m.search.ix.Search(context.Background(), "Zephyr", searchLimit)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("results", func(b *testing.B) {
		for b.Loop() {
			mm, _ := m.Update(searchedIndexMsg{seq: m.search.seq, query: "Zephyr", hits: hits})
			m = mm.(Model)
			m.View()
		}
	})
}
