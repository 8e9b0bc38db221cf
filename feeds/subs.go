package feeds

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"

	"newsmark/articles"
	"newsmark/fetch"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// Subscription is one line of the feeds file, in the convention of
// newsboat's urls file:
//
//	https://example.com/feed.xml "~Display Name" tag1 "tag two"
//
// A token starting with "~" names the feed; the other tokens are tags;
// lines starting with "#" are comments.
type Subscription struct {
	URL  string
	Name string
	Tags []string
}

// SubscriptionsPath is the feeds file: $XDG_CONFIG_HOME/newsmark/feeds. Its
// directory is created if missing.
func SubscriptionsPath() (string, error) {
	return xdg.ConfigFile(filepath.Join("newsmark", "feeds"))
}

// Line is s as a line of the feeds file.
func (s Subscription) Line() string {
	parts := []string{quoteToken(s.URL)}
	if s.Name != "" {
		parts = append(parts, quoteToken("~"+s.Name))
	}
	for _, t := range s.Tags {
		parts = append(parts, quoteToken(t))
	}
	return strings.Join(parts, " ")
}

// quoteToken quotes a token when it needs it: spaces, quotes, a leading
// "#" or "~" meant literally, or empty.
func quoteToken(t string) string {
	if t != "" && !strings.ContainsAny(t, " \t\"\\#") && !strings.HasPrefix(t, "~") {
		return t
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(t) + `"`
}

// ParseSubscriptions reads a feeds file. A line that is not a subscription
// (no http/https URL first, an unclosed quote) is a Problem named "feeds:N";
// the other lines still count.
func ParseSubscriptions(r io.Reader) ([]Subscription, []articles.Problem) {
	var subs []Subscription
	var probs []articles.Problem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		s, ok, err := parseSubLine(sc.Text())
		if err != nil {
			probs = append(probs, articles.Problem{Path: fmt.Sprintf("feeds:%d", n), Reason: err.Error()})
		} else if ok {
			subs = append(subs, s)
		}
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, articles.Problem{Path: "feeds", Reason: err.Error()})
	}
	return subs, probs
}

// parseSubLine parses one line; ok is false for blank lines and comments.
func parseSubLine(line string) (s Subscription, ok bool, err error) {
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") {
		return s, false, nil
	}
	toks, err := splitTokens(t)
	if err != nil {
		return s, false, err
	}
	if !fetch.IsURL(toks[0]) {
		return s, false, fmt.Errorf("not an http or https URL: %.60s", sanitize.Text(toks[0]))
	}
	s.URL = toks[0]
	for _, tok := range toks[1:] {
		t := strings.TrimSpace(sanitize.Text(tok))
		switch {
		case strings.HasPrefix(t, "~"):
			s.Name = strings.TrimSpace(t[1:])
		case t != "":
			s.Tags = append(s.Tags, t)
		}
	}
	return s, true, nil
}

// splitTokens splits at blanks, keeping "quoted tokens" whole; inside
// quotes, \" and \\ are a quote and a backslash.
func splitTokens(s string) ([]string, error) {
	var toks []string
	var cur strings.Builder
	inTok, inQuote := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuote && c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case c == '"':
			inQuote = !inQuote
			inTok = true
		case !inQuote && (c == ' ' || c == '\t'):
			if inTok {
				toks = append(toks, cur.String())
				cur.Reset()
				inTok = false
			}
		default:
			cur.WriteByte(c)
			inTok = true
		}
	}
	if inQuote {
		return nil, errors.New("unclosed quote")
	}
	if inTok {
		toks = append(toks, cur.String())
	}
	return toks, nil
}

// LoadSubscriptions reads the feeds file at path; a missing file is no
// subscriptions.
func LoadSubscriptions(path string) ([]Subscription, []articles.Problem, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	subs, probs := ParseSubscriptions(bytes.NewReader(b))
	return subs, probs, nil
}

// AddSubscriptions appends the subscriptions whose URL is not in the
// feeds file yet, leaving its other lines (comments included) as they are.
// It returns those it added.
func AddSubscriptions(path string, subs ...Subscription) ([]Subscription, error) {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	have, _ := ParseSubscriptions(bytes.NewReader(old))
	seen := map[string]bool{}
	for _, s := range have {
		seen[s.URL] = true
	}
	var added []Subscription
	var b bytes.Buffer
	b.Write(old)
	if len(old) > 0 && old[len(old)-1] != '\n' {
		b.WriteByte('\n')
	}
	for _, s := range subs {
		if !fetch.IsURL(s.URL) {
			return nil, fmt.Errorf("%s: not an http or https URL", s.URL)
		}
		if seen[s.URL] {
			continue
		}
		seen[s.URL] = true
		added = append(added, s)
		b.WriteString(s.Line() + "\n")
	}
	if len(added) == 0 {
		return nil, nil
	}
	return added, writeFileAtomic(path, b.Bytes())
}

// RemoveSubscription deletes the lines of url from the feeds file, keeping
// the others verbatim. It reports whether there was one.
func RemoveSubscription(path, url string) (bool, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var b bytes.Buffer
	found := false
	for _, line := range strings.SplitAfter(string(old), "\n") {
		if s, ok, err := parseSubLine(line); err == nil && ok && s.URL == url {
			found = true
			continue
		}
		b.WriteString(line)
	}
	if !found {
		return false, nil
	}
	return true, writeFileAtomic(path, b.Bytes())
}

// writeFileAtomic replaces the subscriptions file whole, so that a crash
// never leaves half a file. It goes through outfile: a feeds file that is a
// symlink into a dotfiles repository stays a symlink, its target is
// replaced in place with its mode kept.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// Overwrite: the file is newsmark's own, changed at the user's command.
	return outfile.WriteBytes(path, outfile.Options{Overwrite: true}, data)
}
