package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsmark/model"
)

func TestAnnotateJSONAndFailures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "story.txt")
	text := "Northwind Holdings Corp. will buy Bluefin Ltd. for $2 billion, chief executive Maria Okafor said.\n"
	if err := os.WriteFile(good, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "nope.txt")
	var out, errb bytes.Buffer
	code := Run([]string{"annotate", "--json", good, missing}, strings.NewReader(""), &out, &errb)
	if code != 1 {
		t.Errorf("exit code = %d, want 1 when one input fails", code)
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "newsmark: "+missing+": ") {
		t.Errorf("stderr = %q, want one line naming %s", errb.String(), missing)
	}
	var got map[string]any
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 1 {
		t.Fatalf("stdout has %d lines, want 1 JSON line", len(rows))
	}
	if err := json.Unmarshal([]byte(rows[0]), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if got["schema"] != "newsmark.annotations/1" {
		t.Errorf("schema = %v", got["schema"])
	}
	for _, k := range []string{"entities", "quotes", "ventures"} {
		if _, ok := got[k].([]any); !ok {
			t.Errorf("%s = %v, want a list (not null)", k, got[k])
		}
	}
	art := got["article"].(map[string]any)
	for _, k := range []string{"id", "title", "caption", "source", "date", "authors", "contributors", "url", "path"} {
		if _, ok := art[k]; !ok {
			t.Errorf("article has no %q", k)
		}
	}
	if _, ok := art["authors"].([]any); !ok {
		t.Errorf("authors = %v, want []", art["authors"])
	}
	body := got["body"].(string)
	var sawCompany bool
	for _, e := range got["entities"].([]any) {
		ent := e.(map[string]any)
		if _, ok := ent["meta_mentions"].([]any); !ok {
			t.Errorf("entity %v: meta_mentions not a list", ent["id"])
		}
		for _, m := range ent["mentions"].([]any) {
			sp := m.(map[string]any)
			s, e := int(sp["start"].(float64)), int(sp["end"].(float64))
			if s < 0 || e > len(body) || s >= e {
				t.Errorf("entity %v: bad span %d-%d", ent["id"], s, e)
			}
		}
		if ent["kind"] == "company" && ent["canonical"] == "Northwind Holdings Corp." {
			sawCompany = true
		}
	}
	if !sawCompany {
		t.Errorf("no company Northwind Holdings Corp. in %s", rows[0])
	}
}

func TestAnnotateSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	text := "Deal of the day\n\nNorthwind Holdings Corp. will buy Bluefin Ltd. Northwind said it would pay $2 billion.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"annotate", p}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit code = %d, stderr %q", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"== Deal of the day", "Companies (2)", "Northwind Holdings Corp. ×2", "Figures (1)",
		"$2 billion [money] ×1"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}

func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "plain", "quote \" back \\ slash", "tab\tnew\nline\rcr", "\x00\x01\x1f ctrl",
		"“curly” ’ — € ¥ 東京", "line\u2028sep\u2029para", "bad \xff\xfe utf8 \xc3", "<html> & 'x'"} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeJSONString(w, s, false)
		w.Flush()
		var back, want string
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Errorf("%q: invalid JSON %s: %v", s, buf.Bytes(), err)
			continue
		}
		std, _ := json.Marshal(s)
		if err := json.Unmarshal(std, &want); err != nil || back != want {
			t.Errorf("%q: decodes to %q, encoding/json's to %q", s, back, want)
		}
	}
}

func TestQuoteMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, q := range []model.Quote{{}, {Text: "“More is better,” he said", Speaker: "Jane Roe", SpeakerID: "person:jane-roe", Start: 12, End: 345},
		{Text: "<b>A & B</b> \"quoted\" back\\slash", Speaker: "\x00\x08\x0c\x1f\t\n\r", SpeakerID: "line\u2028sep\u2029 bad \xff\xc3", Start: -1, End: 1 << 40}} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		writeQuote(w, q)
		w.Flush()
		if want, _ := json.Marshal(q); buf.String() != string(want) {
			t.Errorf("writeQuote gives\n%s\nencoding/json gives\n%s", buf.Bytes(), want)
		}
	}
}

// writeJSONString tests 8 bytes at a time: every byte value at every place
// of a block must come out exactly as encoding/json writes it.
func TestJSONStringBytesMatchEncodingJSON(t *testing.T) {
	t.Parallel()
	var ins []string
	for c := 0; c < 256; c++ {
		for at := 0; at < 17; at++ {
			b := []byte("Plain text, 17 b.")
			b[at] = byte(c)
			ins = append(ins, string(b), string(b[:at+1]))
		}
	}
	ins = append(ins, "“curly” ’ — € ¥ 東京 and plain ASCII after it", "12345678\u2028\u20291234567", "<a href=\"x\">&amp;</a> tail text")
	for _, s := range ins {
		for _, html := range []bool{false, true} {
			var got, want bytes.Buffer
			w := bufio.NewWriter(&got)
			writeJSONString(w, s, html)
			w.Flush()
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			enc.Encode(s)
			if got.String() != strings.TrimSuffix(want.String(), "\n") {
				t.Fatalf("%q (escapeHTML %v): got %s, encoding/json %s", s, html, got.Bytes(), want.Bytes())
			}
		}
	}
}

// TestSummaryCountsAsTheJSON: the readable summary counts every mention of
// the JSON (body and meta_mentions) and says where a name appears when it
// is not in the text, as the reader's Entities tab does.
func TestSummaryCountsAsTheJSON(t *testing.T) {
	path := "../articles/samples/01-kestrel-gulf.txt"
	code, js, errs := run(t, "annotate", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var line struct {
		Entities []model.Entity `json:"entities"`
	}
	if err := json.Unmarshal([]byte(js), &line); err != nil {
		t.Fatal(err)
	}
	_, summary, _ := run(t, "annotate", path)
	outside := 0
	for _, e := range line.Entities {
		want := fmt.Sprintf("  %s ×%d", e.Name(), len(e.Mentions)+len(e.MetaMentions))
		if e.Kind == model.Figure {
			want = fmt.Sprintf("  %s [%s] ×%d", e.Name(), e.Subkind, len(e.Mentions)+len(e.MetaMentions))
		}
		if len(e.Mentions) == 0 {
			want += " (in "
			outside++
		}
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if outside == 0 || !strings.Contains(summary, "  Layla Haddad ×1 (in byline)\n") {
		t.Errorf("no name placed outside the text:\n%s", summary)
	}
}
