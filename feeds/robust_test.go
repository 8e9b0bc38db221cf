package feeds

import (
	"strings"
	"testing"
	"time"

	"newsmark/fetch"
)

// A JSON Feed with a wrongly typed field says which entry and what is
// wrong, in words, and the other items still load.
func TestJSONFeedTypeErrorsNameTheEntry(t *testing.T) {
	t.Parallel()
	body := `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
	 "items": [
	  {"id": "1", "url": "https://wire.example/a", "title": "First story", "content_text": "Alpha Corp. bought Beta Ltd."},
	  {"id": "2", "url": "https://wire.example/b", "title": 42, "content_text": "broken"},
	  {"id": "3", "url": "https://wire.example/c", "title": "Third story", "content_text": "Gamma Inc. sold Delta."}
	 ]}`
	f, err := parseFeed("https://wire.example/feed.json", &fetch.Response{URL: "https://wire.example/feed.json", Body: []byte(body)}, time.Now())
	if err != nil {
		t.Fatalf("whole feed refused: %v", err)
	}
	if len(f.Items) != 2 {
		t.Errorf("items %d, want the 2 good ones", len(f.Items))
	}
	if len(f.Problems) != 1 {
		t.Fatalf("problems %v, want one for item 2", f.Problems)
	}
	p := f.Problems[0].String()
	if !strings.Contains(p, "item 2") || !strings.Contains(p, "title") || strings.Contains(p, "Go struct") || strings.Contains(p, "alias") {
		t.Errorf("problem %q: want item 2's title named in words", p)
	}

	_, err = parseFeed("https://wire.example/feed.json", &fetch.Response{URL: "https://wire.example/feed.json",
		Body: []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": ["not", "text"], "items": []}`)}, time.Now())
	if err == nil || strings.Contains(err.Error(), "Go struct") || strings.Contains(err.Error(), "alias") || !strings.Contains(err.Error(), "title") {
		t.Errorf("feed-level type error: %v", err)
	}
}

// An OPML import reports every entry it skips, with its line, and one bad
// character does not throw away the whole file.
func TestOPMLImportReportsWhatItSkips(t *testing.T) {
	t.Parallel()
	doc := "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>\n" +
		"  <outline text=\"Good\" xmlUrl=\"https://good.example/rss\"/>\n" +
		"  <outline text=\"Script\" xmlUrl=\"javascript:alert(1)\"/>\n" +
		"  <outline text=\"Local\" xmlUrl=\"file:///etc/passwd\"/>\n" +
		"  <outline text=\"Bell \x07 in name\" xmlUrl=\"https://bell.example/rss\"/>\n" +
		"  <outline text=\"Also good\" xmlUrl=\"https://also.example/atom\"/>\n" +
		"</body></opml>\n"
	subs, skipped, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("whole file refused: %v", err)
	}
	var urls []string
	for _, s := range subs {
		urls = append(urls, s.URL)
	}
	if strings.Join(urls, " ") != "https://good.example/rss https://bell.example/rss https://also.example/atom" {
		t.Errorf("imported %q", urls)
	}
	if len(skipped) != 2 {
		t.Fatalf("skipped %v, want the javascript: and file: entries", skipped)
	}
	for i, want := range []string{"line 4", "line 5"} {
		if s := skipped[i].String(); !strings.Contains(s, want) || !strings.Contains(s, "http") {
			t.Errorf("skipped[%d] = %q, want %s and why", i, s, want)
		}
	}
}
