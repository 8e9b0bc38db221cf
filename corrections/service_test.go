package corrections

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/annotate"
	"newsmark/model"
	"newsmark/store"
)

func maker(ul model.UserList) Annotate { return annotate.WithUserList(ul).Article }

func openService(t *testing.T) (*Service, *store.DB) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return New(db, maker), db
}

var story = model.Article{ID: "s1", Body: "Shares of Crest Nicholson fell on Monday. Crest Nicholson said demand was weak."}

func kindOf(ann model.Annotations, name string) model.EntityKind {
	for _, e := range ann.Entities {
		if e.Name() == name {
			return e.Kind
		}
	}
	return ""
}

// A correction is applied by the annotator Current gives at once; the
// next correction about the same name replaces it; undo brings back the
// one it replaced; another process's change is seen on the next call.
func TestServiceApplyUndoAndOtherProcess(t *testing.T) {
	ctx := context.Background()
	s, db := openService(t)
	ann, rev, err := s.Current(ctx)
	if err != nil || rev != 0 {
		t.Fatal(rev, err)
	}
	before := kindOf(ann(story), "Crest Nicholson")
	if before == model.Company {
		t.Fatalf("the story is no test: the annotator already says company")
	}
	if _, err := s.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Crest Nicholson"}); err != nil {
		t.Fatal(err)
	}
	ann, rev, _ = s.Current(ctx)
	if k := kindOf(ann(story), "Crest Nicholson"); k != model.Company || rev != 1 {
		t.Fatalf("after the correction: %q at revision %d", k, rev)
	}
	ch, err := s.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: model.Person, Name: "Crest Nicholson"})
	if err != nil || len(ch.Removed) != 1 || len(ch.Added) != 1 {
		t.Fatalf("%+v %v", ch, err)
	}
	if list, _, _ := s.List(ctx); len(list) != 1 || list[0].Entry.Kind != model.Person {
		t.Fatalf("list %+v: the second correction should replace the first", list)
	}
	if _, err := s.Undo(ctx, ch); err != nil {
		t.Fatal(err)
	}
	ann, _, _ = s.Current(ctx)
	if k := kindOf(ann(story), "Crest Nicholson"); k != model.Company {
		t.Errorf("after undo: %q, want the first correction back", k)
	}
	// another process removes it
	other := New(db, maker)
	list, _, _ := other.List(ctx)
	if _, err := other.Remove(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	ann, _, _ = s.Current(ctx)
	if k := kindOf(ann(story), "Crest Nicholson"); k != before {
		t.Errorf("after another process removed it: %q, want %q", k, before)
	}
	if _, err := s.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: model.Figure, Name: "X"}); err == nil {
		t.Error("a figure mark was taken")
	}
}

// Import adds new lines, counts the ones you have, and reports line by
// line those that contradict yours or an earlier line; --replace lets the
// file win.
func TestServiceImportConflicts(t *testing.T) {
	ctx := context.Background()
	s, _ := openService(t)
	s.Apply(ctx, model.UserEntry{Action: model.UserMark, Kind: model.Person, Name: "Crest Nicholson"},
		model.UserEntry{Action: model.UserNever, Name: "Statistics"})
	file := `company "Crest Nicholson"
not-a-name "Statistics"
place "Gulf of Oman"
place "Gulf of Oman"
person "Gulf of Oman"
merge "Al Noor" -> "Al Noor Ports Co."
split "Al Noor Ports Co." from "Al Noor"
`
	lines, probs, _ := Parse(strings.NewReader(file))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	res, err := s.Import(ctx, lines, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Same != 2 || len(res.Conflicts) != 3 || len(res.Replaced) != 0 {
		t.Fatalf("%+v", res)
	}
	for i, want := range []string{"line 1: company", "line 5: person", "line 7: split"} {
		if got := res.Conflicts[i].String(); !strings.HasPrefix(got, want) {
			t.Errorf("conflict %d: %q, want %q…", i, got, want)
		}
	}
	if !strings.Contains(res.Conflicts[0].Reason, `yours, person      "Crest Nicholson"`) {
		t.Errorf("the conflict does not show yours: %s", res.Conflicts[0])
	}
	res, err = s.Import(ctx, lines, true)
	if err != nil || len(res.Replaced) != 1 || res.Replaced[0].N != 1 {
		t.Fatalf("replace: %+v %v", res, err)
	}
	list, _, _ := s.List(ctx)
	if len(list) != 4 || list[len(list)-1].Entry.Kind != model.Company {
		t.Errorf("list after replace: %+v", list)
	}
}
