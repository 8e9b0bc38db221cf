package annotate

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// Every list in lexicon/ says what it means: each file opens with comment
// lines, and every tag its entries carry is explained there (so a word is
// added in one place, knowing which rules will read it).
func TestLexiconFilesExplainTheirTags(t *testing.T) {
	names := map[string]bool{"places.txt": true, "known_companies.txt": true, "wires.txt": true,
		"non_companies.txt": true, "first_names.txt": true}
	files, _ := fs.Glob(lexiconFiles, "lexicon/*.txt")
	if len(files) < 15 {
		t.Fatalf("only %d lexicon files", len(files))
	}
	word := regexp.MustCompile(`[A-Za-z]+`)
	for _, p := range files {
		name := strings.TrimPrefix(p, "lexicon/")
		raw, _ := lexiconFiles.ReadFile(p)
		lines := strings.Split(string(raw), "\n")
		if !strings.HasPrefix(lines[0], "# ") {
			t.Errorf("%s: no header line saying what the list means", name)
		}
		explained := map[string]bool{}
		for _, l := range lines {
			if strings.HasPrefix(l, "#") {
				for _, w := range word.FindAllString(l, -1) {
					explained[w] = true
				}
			}
		}
		if names[name] {
			if len(readLexFile(name, true).names()) == 0 {
				t.Errorf("%s: no names", name)
			}
			continue
		}
		seen := map[string]bool{}
		for _, e := range readLexFile(name, false).entries {
			for _, tag := range e.tags {
				tag, _, _ = strings.Cut(tag, "=")
				if !explained[tag] && !seen[tag] {
					t.Errorf("%s: tag %q (on %q) is not explained in the header", name, tag, e.word)
				}
				seen[tag] = true
			}
		}
	}
}

// A line's entry and tags read back as written: quoted entries keep their
// spaces, values follow "=".
func TestLexFileParsesQuotedEntriesAndValues(t *testing.T) {
	f := readLexFile("deal_phrases.txt", false)
	if !f.set("nameCue", lowerCase)[" called "] || !f.set("notDealMoney", lowerCase)["already "] || !f.set("past", lowerCase)["already"] {
		t.Errorf("quoted phrases lost their spaces: %v", f.set("nameCue", lowerCase))
	}
	if v := readLexFile("figure_words.txt", false).numbers("scale")["billion"]; v != 1e9 {
		t.Errorf("scale of billion = %v", v)
	}
	if s := readLexFile("known_companies.txt", true).names(); !contains(s, "General Motors = GM") {
		t.Errorf("known companies lack the short form of General Motors")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
