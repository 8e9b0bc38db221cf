package corrections

import (
	"context"
	"fmt"
	"testing"

	"newsmark/internal/benchcpu"
	"newsmark/model"
	"newsmark/store"
)

// benchList is n corrections of every kind, a quarter of each, a quarter of
// the splits for one article each (the annotate package's benchmark list).
func benchList(n int) []store.Correction {
	out := make([]store.Correction, n)
	for i := range out {
		e := model.UserEntry{Name: fmt.Sprintf("Quorvex%d Holdings", i)}
		switch i % 4 {
		case 0:
			e.Action, e.Kind = model.UserMark, model.Company
		case 1:
			e.Action = model.UserNever
		case 2:
			e.Action, e.Other = model.UserMerge, fmt.Sprintf("Qv%d", i)
		default:
			e.Action, e.Other, e.ArticleID = model.UserSplit, fmt.Sprintf("Qv%d", i), fmt.Sprintf("article-%d", i)
		}
		out[i] = store.Correction{Entry: e}
	}
	return out
}

// BenchmarkLoadCorrections is what a process pays to start applying a
// list of 10,000 corrections: read them from the database and build the
// annotator that applies them (annotate.WithUserList).
func BenchmarkLoadCorrections(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(b.TempDir() + "/" + store.FileName)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ChangeCorrections(ctx, benchList(10000), nil); err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		defer benchcpu.Report(b, benchcpu.CPUTime())
		for b.Loop() {
			if list, _, err := db.Corrections(ctx); err != nil || len(list) != 10000 {
				b.Fatal(len(list), err)
			}
		}
	})
	b.Run("read+annotator", func(b *testing.B) {
		defer benchcpu.Report(b, benchcpu.CPUTime())
		for b.Loop() {
			if _, _, err := New(db, maker).Current(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
