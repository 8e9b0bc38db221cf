package corrections

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/store"
)

// A file as a team would write it: every kind of line, comments, blank
// lines, a byte-order mark and CRLF; bad lines are reported by number and
// the others kept.
func TestParseReportsBadLinesByNumber(t *testing.T) {
	file := "\ufeff# shared by the desk\r\n" +
		"company     \"Crest Nicholson\"\r\n" + // 2
		"\n" +
		"not-a-name  \"Statistics\"   # a heading, not a name\n" + // 4
		"merge       \"Al Noor\" -> \"Al Noor Ports Co.\"\n" + // 5
		"split       \"Al Noor\" from \"Al Noor Ports Co.\"\n" + // 6
		"article 3f2a9c0d1e5b7a42  person  \"Ann Cole\"\n" + // 7
		"compny \"Typo Ltd\"\n" + // 8
		"company Crest Nicholson\n" + // 9
		"company \"Unclosed\n" + // 10
		"merge \"A\" \"B\"\n" + // 11
		"person \"Say \\\"Hi\\\" Ltd\"\n" + // 12
		"place \"-Nowhere\"\n" + // 13
		"merge \"Same\" -> \"Same\"\n" + // 14
		"article\n" + // 15
		"PERSON \"Upper Case Kind\"" // 16, no newline at the end
	lines, probs, err := Parse(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{2, model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Crest Nicholson"}},
		{4, model.UserEntry{Action: model.UserNever, Name: "Statistics"}},
		{5, model.UserEntry{Action: model.UserMerge, Name: "Al Noor Ports Co.", Other: "Al Noor"}},
		{6, model.UserEntry{Action: model.UserSplit, Name: "Al Noor Ports Co.", Other: "Al Noor"}},
		{7, model.UserEntry{Action: model.UserMark, Kind: model.Person, Name: "Ann Cole", ArticleID: "3f2a9c0d1e5b7a42"}},
		{12, model.UserEntry{Action: model.UserMark, Kind: model.Person, Name: `Say "Hi" Ltd`}},
		{16, model.UserEntry{Action: model.UserMark, Kind: model.Person, Name: "Upper Case Kind"}},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("lines:\n got %+v\nwant %+v", lines, want)
	}
	var nums []int
	for _, p := range probs {
		nums = append(nums, p.N)
		if strings.Contains(p.String(), "\n") || !strings.HasPrefix(p.String(), "line ") {
			t.Errorf("problem not one line: %q", p)
		}
	}
	if !reflect.DeepEqual(nums, []int{8, 9, 10, 11, 13, 14, 15}) {
		t.Errorf("bad lines %v, want 8 9 10 11 13 14 15: %v", nums, probs)
	}
	if !strings.Contains(probs[0].Reason, `"compny" is not a correction`) {
		t.Errorf("line 8: %s", probs[0].Reason)
	}
}

// What Format writes, Parse reads back the same.
func TestFormatRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 1, 10, 15, 0, 0, time.UTC)
	cs := []store.Correction{
		{Entry: model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Crest Nicholson"}, Created: at},
		{Entry: model.UserEntry{Action: model.UserNever, Name: "Statistics"}, Created: at},
		{Entry: model.UserEntry{Action: model.UserMerge, Name: "Al Noor Ports Co.", Other: "Al Noor"}},
		{Entry: model.UserEntry{Action: model.UserSplit, Name: "Al Noor Ports Co.", Other: "Al Noor", ArticleID: "3f2a"}},
		{Entry: model.UserEntry{Action: model.UserMark, Kind: model.Place, Name: `Back\slash "Quoted" Bay`}},
	}
	var b bytes.Buffer
	if err := Format(&b, cs); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{`company     "Crest Nicholson"  # 2026-03-01 10:15`, `not-a-name  "Statistics"`,
		`merge       "Al Noor" -> "Al Noor Ports Co."`, `article 3f2a  split       "Al Noor" from "Al Noor Ports Co."`} {
		if !strings.Contains(b.String(), l+"\n") && !strings.Contains(b.String(), l+"  #") {
			t.Errorf("no line %q in\n%s", l, b.String())
		}
	}
	lines, probs, err := Parse(&b)
	if err != nil || len(probs) != 0 || len(lines) != len(cs) {
		t.Fatalf("%v %v %v", lines, probs, err)
	}
	for i, l := range lines {
		if l.Entry != cs[i].Entry {
			t.Errorf("line %d: %+v, want %+v", l.N, l.Entry, cs[i].Entry)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		e  model.UserEntry
		ok bool
	}{
		{model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Acme"}, true},
		{model.UserEntry{Action: model.UserMark, Kind: model.Figure, Name: "Acme"}, false},
		{model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: " Acme"}, false},
		{model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: "Ac\x1bme"}, false},
		{model.UserEntry{Action: model.UserMark, Kind: model.Company, Name: strings.Repeat("A", 201)}, false},
		{model.UserEntry{Action: model.UserNever, Name: "(c)"}, true},
		{model.UserEntry{Action: model.UserNever, Name: ""}, false},
		{model.UserEntry{Action: model.UserMerge, Name: "A", Other: "B"}, true},
		{model.UserEntry{Action: model.UserSplit, Name: "A"}, false},
		{model.UserEntry{Action: "rename", Name: "A"}, false},
		{model.UserEntry{Action: model.UserNever, Name: "A", ArticleID: "two words"}, false},
	} {
		if err := Check(c.e); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c.e, err)
		}
	}
}
