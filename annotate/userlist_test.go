package annotate

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"newsmark/model"
)

// entityByName returns the entity named name, or fails.
func entityByName(t *testing.T, ann model.Annotations, name string) model.Entity {
	t.Helper()
	for _, e := range ann.Entities {
		if e.Name() == name {
			return e
		}
	}
	t.Fatalf("no entity %q in %v", name, names(ann))
	return model.Entity{}
}

func mentionsOf(body string, e model.Entity) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, body[m.Start:m.End])
	}
	return out
}

func list(es ...model.UserEntry) *Annotator { return WithUserList(model.UserList{Entries: es}) }

// With no list, or an empty one, the annotations are Article's.
func TestNoUserListChangesNothing(t *testing.T) {
	a := model.Article{ID: "a1", Title: "Orbital Devices Inc. to buy Lumenor", Body: corpus(t, 32<<10)}
	want := Article(a)
	for _, an := range []*Annotator{nil, {}, list(), list(model.UserEntry{Action: model.UserNever, Name: "Zzyzx Qqq"}),
		list(model.UserEntry{Action: model.UserMark, Name: "Lumenor", Kind: model.Company, ArticleID: "another"})} {
		if got := an.Article(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v: annotations differ from Article's", an)
		}
	}
}

// A name the reader marks is an entity wherever it stands as whole words,
// in the title too, with the cue "user"; a party of the deal it is in.
func TestUserMarkMakesAnEntity(t *testing.T) {
	a := model.Article{ID: "a1", Title: "Orbital to buy Next", Body: "Next said sales rose. Orbital Devices Inc. agreed to buy Next for $2 billion. Nextel and next year are no mentions."}
	if ann := Article(a); len(ann.Ventures) != 0 {
		t.Fatalf("without the list: %+v", ann.Ventures)
	}
	ann := list(model.UserEntry{Action: model.UserMark, Name: "Next", Kind: model.Company}).Article(a)
	e := entityByName(t, ann, "Next")
	if e.Kind != model.Company || e.Cue != "user" || strings.Join(mentionsOf(a.Body, e), "|") != "Next|Next" ||
		len(e.MetaMentions) != 1 || e.MetaMentions[0].Field != model.FieldTitle {
		t.Errorf("Next = %+v", e)
	}
	if e.ID != "e1" {
		t.Errorf("ids not in order of first mention: %v", names(ann))
	}
	if len(ann.Ventures) != 1 || strings.Join(ann.Ventures[0].Parties, "+") != "Orbital Devices Inc.+Next" {
		t.Errorf("ventures %+v, want Orbital Devices Inc. buying Next", ann.Ventures)
	}
	// a name that starts with no capital is found too
	b := model.Article{Body: "Shipping data firm tradelane9 said delays grew. Analysts trust tradelane9 figures."}
	e = entityByName(t, list(model.UserEntry{Action: model.UserMark, Name: "tradelane9", Kind: model.Company}).Article(b), "tradelane9")
	if got := mentionsOf(b.Body, e); len(got) != 2 {
		t.Errorf("tradelane9 mentions %q, want two", got)
	}
}

// "Not a name" on a word drops its mentions, and leaves the longer names
// that hold it marked.
func TestUserNeverLeavesLongerNames(t *testing.T) {
	a := model.Article{Body: "Lumenor Grid Inc. will be sold. Lumenor shares rose, and Lumenor said talks were over."}
	ann := list(model.UserEntry{Action: model.UserNever, Name: "Lumenor"}).Article(a)
	e := entityByName(t, ann, "Lumenor Grid Inc.")
	if got := mentionsOf(a.Body, e); strings.Join(got, "|") != "Lumenor Grid Inc." {
		t.Errorf("mentions %q, want the full name alone", got)
	}
	// and a name the reader calls none is no speaker either
	b := model.Article{Body: `"Nobody expected the offer to be this high," said Mirela Dobos, an analyst at a Vienna broker.`}
	for _, e := range list(model.UserEntry{Action: model.UserNever, Name: "Mirela Dobos"}).Article(b).Entities {
		if e.Name() == "Mirela Dobos" {
			t.Errorf("a speaker the list says is none: %+v", e)
		}
	}
}

// A merge makes two entities one; the split of the same pair, later in
// the list, takes it back: the annotations are the ones without either.
// And the reverse: a split of what the annotator made one, then a merge.
func TestUserMergeAndSplitRoundTrip(t *testing.T) {
	a := model.Article{ID: "a7", Body: "Brightwick Holdings Ltd. sold its port to Harbour Bank Ltd. Brightco Ltd., as traders call the group, will keep the ships. Brightco Ltd. said so."}
	plain := Article(a)
	merge := model.UserEntry{Action: model.UserMerge, Name: "Brightwick Holdings Ltd.", Other: "Brightco Ltd."}
	merged := list(merge).Article(a)
	e := entityByName(t, merged, "Brightwick Holdings Ltd.")
	if got := strings.Join(mentionsOf(a.Body, e), "|"); got != "Brightwick Holdings Ltd.|Brightco Ltd.|Brightco Ltd." {
		t.Errorf("merged mentions %q", got)
	}
	if len(merged.Entities) != len(plain.Entities)-1 {
		t.Errorf("merged: %v, plain: %v", names(merged), names(plain))
	}
	split := merge
	split.Action = model.UserSplit
	if back := list(merge, split).Article(a); !reflect.DeepEqual(back, plain) {
		t.Errorf("merge then split:\n%v\nwant\n%v", names(back), names(plain))
	}

	b := model.Article{ID: "b1", Body: "Pieter van Dijk runs the port. Analysts said van Dijk had waited. Van Dijk declined to comment."}
	plainB := Article(b)
	sp := model.UserEntry{Action: model.UserSplit, Name: "Pieter van Dijk", Other: "Van Dijk", ArticleID: "b1"}
	apart := list(sp).Article(b)
	if p, v := entityByName(t, apart, "Pieter van Dijk"), entityByName(t, apart, "Van Dijk"); p.ID == v.ID || v.Cue != "user" ||
		strings.Join(mentionsOf(b.Body, p), "|") != "Pieter van Dijk|Dijk" {
		t.Errorf("split: %+v and %+v", p, v)
	}
	mg := sp
	mg.Action = model.UserMerge
	if back := list(sp, mg).Article(b); !reflect.DeepEqual(back, plainB) {
		t.Errorf("split then merge:\n%v\nwant\n%v", names(back), names(plainB))
	}
}

// An entry for one article applies to that article only, and a later
// entry about a name replaces an earlier one.
func TestUserEntriesPerArticleAndInOrder(t *testing.T) {
	a := model.Article{ID: "a1", Body: "Next said sales rose, and Orbital Devices Inc. agreed."}
	mark := model.UserEntry{Action: model.UserMark, Name: "Next", Kind: model.Company, ArticleID: "a1"}
	has := func(ann model.Annotations) bool {
		return strings.Contains(strings.Join(names(ann), "|"), "company:Next")
	}
	if !has(list(mark).Article(a)) {
		t.Error("an entry for the article does not apply")
	}
	other := a
	other.ID = "a2"
	if has(list(mark).Article(other)) {
		t.Error("an entry for another article applies")
	}
	never := model.UserEntry{Action: model.UserNever, Name: "Next"}
	if has(list(mark, never).Article(a)) {
		t.Error("a later never does not replace the mark")
	}
	if !has(list(never, mark).Article(a)) {
		t.Error("a later mark does not replace the never")
	}
	person := model.UserEntry{Action: model.UserMark, Name: "Orbital Devices Inc.", Kind: model.Person}
	if e := entityByName(t, list(person).Article(a), "Orbital Devices Inc."); e.Kind != model.Person || e.Cue != "user" {
		t.Errorf("a mark of another kind: %+v", e)
	}
}

// userBenchList is a list of n entries, most of them names no text has,
// for BenchmarkAnnotateUserList.
func userBenchList(n int) model.UserList {
	var ul model.UserList
	for i := 0; i < n; i++ {
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
		ul.Entries = append(ul.Entries, e)
	}
	// and a few that the corpus has
	ul.Entries = append(ul.Entries, model.UserEntry{Action: model.UserMark, Name: "Kestrel", Kind: model.Company},
		model.UserEntry{Action: model.UserNever, Name: "Gulf"})
	return ul
}

// A name that ends in a dotted abbreviation is marked where the text goes
// on after it: its last dot is part of the word there, not a period.
func TestUserMarkDottedName(t *testing.T) {
	a := model.Article{Body: "The U.S. drugmaker said so. Sales rose in the U.S. and Europe."}
	ann := list(model.UserEntry{Action: model.UserMark, Name: "U.S.", Kind: model.Company}).Article(a)
	e := entityByName(t, ann, "U.S.")
	if e.Kind != model.Company || len(e.Mentions) != 2 {
		t.Errorf("U.S. = %+v, want a company with two mentions", e)
	}
}
