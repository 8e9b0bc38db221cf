package corrections

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/sanitize"
	"newsmark/store"
)

// The file format (docs/CORRECTIONS.md): one correction per line, a word
// for what it asks and the names in double quotes; "article ID" in front
// limits it to one article; # starts a comment; blank lines are skipped.
//
//	company     "Crest Nicholson"
//	not-a-name  "Statistics"
//	merge       "Al Noor" -> "Al Noor Ports Co."
//	split       "Al Noor" from "Al Noor Ports Co."
//	article 3f2a9c0d1e5b7a42  person  "Ann Cole"

// The words of the format.
const (
	wordNever   = "not-a-name"
	wordMerge   = "merge"
	wordSplit   = "split"
	wordArticle = "article"
	arrowMerge  = "->"
	wordFrom    = "from"
)

// maxName is the longest name a correction may hold: a name, not a passage.
const maxName = 200

// Check says what is wrong with e, or nil when the annotator can apply it.
func Check(e model.UserEntry) error {
	for _, n := range []string{e.Name, e.Other} {
		if len(n) > maxName {
			return fmt.Errorf("a name is at most %d bytes", maxName)
		}
		if n != strings.TrimSpace(n) || sanitize.Line(n) != n {
			return errors.New("a name has no spaces at its ends and no control characters")
		}
	}
	if strings.ContainsAny(e.ArticleID, " \t\"#") || sanitize.Line(e.ArticleID) != e.ArticleID {
		return errors.New("an article ID is one word")
	}
	if e.Name == "" {
		return errors.New("no name")
	}
	switch e.Action {
	case model.UserMark:
		switch e.Kind {
		case model.Company, model.Person, model.Place:
		default:
			return fmt.Errorf("a name is marked as a company, person or place, not %q", e.Kind)
		}
		if r, _ := utf8.DecodeRuneInString(e.Name); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return errors.New("a name to mark starts with a letter or digit")
		}
		if e.Other != "" {
			return errors.New("a mark has one name")
		}
	case model.UserNever:
		if e.Kind != "" || e.Other != "" {
			return errors.New("not-a-name has one name and no kind")
		}
	case model.UserMerge, model.UserSplit:
		if e.Other == "" {
			return fmt.Errorf("%s needs two names", e.Action)
		}
		if e.Other == e.Name {
			return fmt.Errorf("%s needs two different names", e.Action)
		}
		if e.Kind != "" {
			return fmt.Errorf("%s has no kind", e.Action)
		}
	default:
		return fmt.Errorf("unknown action %q", e.Action)
	}
	return nil
}

// Key is what e is about: a later entry with the same key replaces it, as
// the annotator reads a list (the same name for marks and not-a-name, the
// same pair of names for merges and splits, in the same scope).
func Key(e model.UserEntry) string {
	switch e.Action {
	case model.UserMerge, model.UserSplit:
		a, b := e.Name, e.Other
		if b < a {
			a, b = b, a
		}
		return e.ArticleID + "\x00pair\x00" + a + "\x00" + b
	}
	return e.ArticleID + "\x00name\x00" + e.Name
}

// Line is a correction read from a file, with its line number (from 1).
type Line struct {
	N     int
	Entry model.UserEntry
}

// Problem is a line of a file that was not taken, and why.
type Problem struct {
	N      int
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.N, p.Reason) }

// maxLine bounds a line: a longer one is reported, not read into a name.
const maxLine = 4096

// Parse reads a corrections file. Lines it cannot read are returned as
// problems, with their numbers, and the others are kept; the error is for
// a reader that fails.
func Parse(r io.Reader) ([]Line, []Problem, error) {
	br := bufio.NewReader(r)
	var lines []Line
	var probs []Problem
	for n := 1; ; n++ {
		s, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return lines, probs, err
		}
		if s == "" && err == io.EOF {
			return lines, probs, nil
		}
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		switch e, ok, why := parseLine(strings.TrimRight(s, "\r\n")); {
		case why != "":
			probs = append(probs, Problem{n, why})
		case ok:
			lines = append(lines, Line{n, e})
		}
		if err == io.EOF {
			return lines, probs, nil
		}
	}
}

// token is a word or a quoted name of a line.
type token struct {
	text   string
	quoted bool
}

// tokens cuts s into words and quoted names up to a comment.
func tokens(s string) ([]token, string) {
	var out []token
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '#':
			return out, ""
		case c == '"':
			q, err := strconv.QuotedPrefix(s[i:])
			if err != nil {
				return nil, "a name's closing double quote is missing (a \" inside a name is written \\\")"
			}
			v, _ := strconv.Unquote(q)
			out = append(out, token{v, true})
			i += len(q)
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' {
				j++
			}
			w := s[i:j]
			if strings.ContainsAny(w, "\"") {
				return nil, fmt.Sprintf("%s: names go in double quotes, with spaces around them", strconv.Quote(sanitize.Line(w)))
			}
			out = append(out, token{w, false})
			i = j
		}
	}
	return out, ""
}

// parseLine reads one line: ok is false for a blank or comment line, why
// says what is wrong with a bad one.
func parseLine(s string) (e model.UserEntry, ok bool, why string) {
	if len(s) > maxLine {
		return e, false, fmt.Sprintf("longer than %d bytes", maxLine)
	}
	if !utf8.ValidString(s) {
		return e, false, "not UTF-8 text"
	}
	toks, why := tokens(s)
	if why != "" || len(toks) == 0 {
		return e, false, why
	}
	if !toks[0].quoted && toks[0].text == wordArticle {
		if len(toks) < 2 || toks[1].quoted {
			return e, false, "article wants the article's ID next: article ID company \"Name\""
		}
		e.ArticleID = toks[1].text
		toks = toks[2:]
		if len(toks) == 0 {
			return e, false, "article ID wants a correction after it"
		}
	}
	word := toks[0]
	if word.quoted {
		return e, false, "a line starts with what it asks: company, person, place, not-a-name, merge or split"
	}
	args := toks[1:]
	name := func(t token) bool { return t.quoted }
	switch w := strings.ToLower(word.text); w {
	case string(model.Company), string(model.Person), string(model.Place), wordNever:
		if len(args) != 1 || !name(args[0]) {
			return e, false, fmt.Sprintf("%s wants one name in double quotes: %s \"Name\"", w, w)
		}
		e.Name = args[0].text
		if w == wordNever {
			e.Action = model.UserNever
		} else {
			e.Action, e.Kind = model.UserMark, model.EntityKind(w)
		}
	case wordMerge, wordSplit:
		sep := arrowMerge
		if w == wordSplit {
			sep = wordFrom
		}
		if len(args) != 3 || !name(args[0]) || args[1].quoted || strings.ToLower(args[1].text) != sep || !name(args[2]) {
			return e, false, fmt.Sprintf("%s wants two names: %s \"Name\" %s \"Other name\"", w, w, sep)
		}
		// merge "Al Noor" -> "Al Noor Ports Co.": the alias joins the
		// entity named last, whose name the pair keeps
		e.Action, e.Name, e.Other = model.UserMerge, args[2].text, args[0].text
		if w == wordSplit {
			e.Action = model.UserSplit
		}
	default:
		return e, false, fmt.Sprintf("%s is not a correction (company, person, place, not-a-name, merge, split)",
			strconv.Quote(sanitize.Line(word.text)))
	}
	if err := Check(e); err != nil {
		return e, false, err.Error()
	}
	return e, true, ""
}

// FormatEntry is e as a line of the file, without a comment.
func FormatEntry(e model.UserEntry) string {
	var b strings.Builder
	if e.ArticleID != "" {
		b.WriteString(wordArticle + " " + e.ArticleID + "  ")
	}
	q := strconv.Quote
	switch e.Action {
	case model.UserMark:
		fmt.Fprintf(&b, "%-10s  %s", e.Kind, q(e.Name))
	case model.UserNever:
		fmt.Fprintf(&b, "%-10s  %s", wordNever, q(e.Name))
	case model.UserMerge:
		fmt.Fprintf(&b, "%-10s  %s %s %s", wordMerge, q(e.Other), arrowMerge, q(e.Name))
	case model.UserSplit:
		fmt.Fprintf(&b, "%-10s  %s %s %s", wordSplit, q(e.Other), wordFrom, q(e.Name))
	default:
		fmt.Fprintf(&b, "# unknown correction %s %s", q(string(e.Action)), q(e.Name))
	}
	return b.String()
}

// Header opens a file Format writes.
const Header = "# newsmark corrections, one per line (see docs/CORRECTIONS.md in newsmark's source).\n" +
	"# newsmark corrections import FILE adds them to another reader's list.\n"

// Format writes cs as a corrections file, each line with the time the
// correction was made as a comment.
func Format(w io.Writer, cs []store.Correction) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(Header)
	for _, c := range cs {
		bw.WriteString(FormatEntry(c.Entry))
		if !c.Created.IsZero() {
			bw.WriteString("  # " + c.Created.UTC().Format("2006-01-02 15:04"))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
