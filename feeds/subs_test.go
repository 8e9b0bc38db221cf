package feeds

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const feedsFile = `# my feeds
https://wire.example/rss.xml "~Harbour Wire" deals energy
http://ledger.example/atom.xml

  https://tide.example/feed.json "tag with space" "~Tide \"Markets\"" "quote\\back"
"query:Unread:unread = \"yes\""
ftp://old.example/feed
https://broken.example/x "unclosed
`

func TestParseSubscriptions(t *testing.T) {
	t.Parallel()
	subs, probs := ParseSubscriptions(strings.NewReader(feedsFile))
	want := []Subscription{
		{URL: "https://wire.example/rss.xml", Name: "Harbour Wire", Tags: []string{"deals", "energy"}},
		{URL: "http://ledger.example/atom.xml"},
		{URL: "https://tide.example/feed.json", Name: `Tide "Markets"`, Tags: []string{"tag with space", `quote\back`}},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("subs =\n%#v\nwant\n%#v", subs, want)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	wantProbs := []string{
		`feeds:6: not an http or https URL: query:Unread:unread = "yes"`,
		"feeds:7: not an http or https URL: ftp://old.example/feed",
		"feeds:8: unclosed quote",
	}
	if !reflect.DeepEqual(got, wantProbs) {
		t.Errorf("problems = %q, want %q", got, wantProbs)
	}
	// Each subscription written as a line reads back the same.
	for _, s := range want {
		back, _ := ParseSubscriptions(strings.NewReader(s.Line()))
		if len(back) != 1 || !reflect.DeepEqual(back[0], s) {
			t.Errorf("line %q reads back as %#v", s.Line(), back)
		}
	}
}

func TestAddRemoveSubscriptionKeepsOtherLines(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "newsmark", "feeds")
	added, err := AddSubscriptions(path, Subscription{URL: "https://a.example/feed", Tags: []string{"x"}})
	if err != nil || len(added) != 1 {
		t.Fatalf("add to a missing file: %v %v", added, err)
	}
	if err := os.WriteFile(path, []byte("# keep me\n"+strings.TrimSuffix(added[0].Line(), "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	added, err = AddSubscriptions(path,
		Subscription{URL: "https://a.example/feed"}, // already there
		Subscription{URL: "https://b.example/feed", Name: "B news"})
	if err != nil || len(added) != 1 || added[0].URL != "https://b.example/feed" {
		t.Fatalf("second add: %v %v", added, err)
	}
	if _, err := AddSubscriptions(path, Subscription{URL: "file:///etc/passwd"}); err == nil {
		t.Error("a file: URL was accepted")
	}
	ok, err := RemoveSubscription(path, "https://a.example/feed")
	if err != nil || !ok {
		t.Fatalf("remove: %v %v", ok, err)
	}
	if ok, _ := RemoveSubscription(path, "https://nope.example/"); ok {
		t.Error("removing an unknown URL reported success")
	}
	b, _ := os.ReadFile(path)
	if want := "# keep me\nhttps://b.example/feed \"~B news\"\n"; string(b) != want {
		t.Errorf("file = %q, want %q", b, want)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	t.Parallel()
	subs := []Subscription{
		{URL: "https://wire.example/rss.xml", Name: "Harbour & Wire", Tags: []string{"deals", "energy"}},
		{URL: "http://ledger.example/atom.xml"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, subs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `xmlUrl="https://wire.example/rss.xml"`) || !strings.HasPrefix(buf.String(), "<?xml") {
		t.Errorf("OPML:\n%s", buf.String())
	}
	back, _, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, subs) {
		t.Errorf("round trip:\n%#v\nwant\n%#v", back, subs)
	}
}

func TestReadOPMLFoldersBecomeTags(t *testing.T) {
	t.Parallel()
	const doc = `<?xml version="1.0"?>
<opml version="1.0"><head><title>export</title></head><body>
  <outline text="Business">
    <outline text="Markets">
      <outline text="Tide" type="rss" xmlUrl="https://tide.example/feed.json" category="/wires"/>
    </outline>
    <outline title="Ledger" text="ignored" type="rss" xmlUrl="http://ledger.example/atom.xml"/>
  </outline>
  <outline text="Loose" type="rss" xmlUrl="https://loose.example/rss"/>
  <outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
</body></opml>`
	subs, _, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://tide.example/feed.json", Name: "Tide", Tags: []string{"Business", "Markets", "wires"}},
		{URL: "http://ledger.example/atom.xml", Name: "Ledger", Tags: []string{"Business"}},
		{URL: "https://loose.example/rss", Name: "Loose"},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("subs =\n%#v\nwant\n%#v", subs, want)
	}
	if _, _, err := ReadOPML(strings.NewReader("<html><body>nope")); err == nil {
		t.Error("HTML read as OPML")
	}
}
