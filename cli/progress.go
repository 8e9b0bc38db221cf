package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"newsmark/fetch"
)

// fetchWorkers is how many articles a command loads at once: a feed item's
// load may fetch its page, and a server should not see more requests than
// this from one newsmark at a time.
const fetchWorkers = 4

// progress reports on stderr how far loading has come, when inputs include
// URLs (a file loads too fast to need it): on a terminal one line redrawn in
// place (unless the output goes to the same terminal, where it would mix
// with it), elsewhere a line every 50 articles and one at the end.
type progress struct {
	w          io.Writer
	total, at  int
	on, inline bool
}

func newProgress(w, out io.Writer, total int, urls bool) *progress {
	p := &progress{w: w, total: total, on: urls && total > 1}
	p.inline = isTerminal(w) && !isTerminal(out)
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// clear takes the redrawn line away before another message is printed.
func (p *progress) clear() {
	if p.on && p.inline {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

func (p *progress) step(n int) {
	p.at = n
	switch {
	case !p.on:
	case p.inline:
		fmt.Fprintf(p.w, "\r\x1b[Knewsmark: loaded %d of %s", n, plural(p.total, "article", "articles"))
	case n%50 == 0 && n < p.total:
		fmt.Fprintf(p.w, "newsmark: loaded %d of %s\n", n, plural(p.total, "article", "articles"))
	}
}

func (p *progress) done() {
	switch {
	case !p.on:
	case p.inline:
		fmt.Fprint(p.w, "\r\x1b[K")
	default:
		fmt.Fprintf(p.w, "newsmark: loaded %d of %s\n", p.at, plural(p.total, "article", "articles"))
	}
}

// hasURL reports whether any input is an http(s) URL.
func hasURL(inputs []string) bool {
	for _, in := range inputs {
		if fetch.IsURL(in) {
			return true
		}
	}
	return false
}
