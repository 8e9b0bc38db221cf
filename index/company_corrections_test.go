package index

import (
	"context"
	"testing"

	"newsmark/corrections"
	"newsmark/model"
)

// The reader's merges and splits of companies hold across stories: a
// merge joins two companies no story names together, a split keeps a
// short name from the company the evidence joined it to, and undoing
// either puts the pages back.
func TestCompanyPageTakesMergesAndSplits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := companyLibrary(t)
	svc := corrections.New(ix.db, func(model.UserList) corrections.Annotate {
		return func(model.Article) model.Annotations { return model.Annotations{} }
	})
	ix.WithCorrections(svc)
	total := func(company string) int {
		t.Helper()
		pg, ok, err := ix.CompanyPage(ctx, company, PageOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return 0
		}
		return pg.Total
	}
	if got := total("L:quill capital llc"); got != 1 {
		t.Fatalf("Quill before the merge: %d stories", got)
	}
	merge, err := svc.Apply(ctx, model.UserEntry{Action: model.UserMerge, Name: "Quill Capital LLC", Other: "Orrin Robotics Inc."})
	if err != nil {
		t.Fatal(err)
	}
	if got := total("L:quill capital llc"); got != 2 {
		t.Errorf("Quill after Orrin merged into it: %d stories, want 2", got)
	}
	if ms, _ := ix.FindCompany(ctx, "orrin"); len(ms) != 1 || ms[0].Company != "L:quill capital llc" {
		t.Errorf("orrin finds %+v after the merge", ms)
	}
	if _, err := svc.Undo(ctx, merge); err != nil {
		t.Fatal(err)
	}
	if got := total("L:quill capital llc"); got != 1 {
		t.Errorf("Quill after the merge was undone: %d stories, want 1", got)
	}

	split, err := svc.Apply(ctx, model.UserEntry{Action: model.UserSplit, Name: "SoftBank Group Corp.", Other: "SoftBank Group"})
	if err != nil {
		t.Fatal(err)
	}
	if got, alone := total("L:softbank group corp"), total("B:softbank group"); got != 2 || alone != 1 {
		t.Errorf("after the split: SoftBank Group Corp. %d stories, SoftBank Group %d; want 2 and 1", got, alone)
	}
	if _, err := svc.Undo(ctx, split); err != nil {
		t.Fatal(err)
	}
	if got := total("L:softbank group corp"); got != 3 {
		t.Errorf("after the split was undone: %d stories, want 3", got)
	}
}
