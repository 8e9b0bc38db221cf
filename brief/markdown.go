package brief

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"newsmark/index"
	"newsmark/sanitize"
)

// The Markdown of the brief and of a company page. Article text is
// untrusted: every piece of it passes sanitize.Line (no control sequence
// reaches a terminal through glamour) and md (no Markdown of its own).

// Markdown is the brief as Markdown.
func (b *Brief) Markdown() string {
	var w strings.Builder
	fmt.Fprintf(&w, "# Brief: %s\n\n", periodText(b.Period))
	fmt.Fprintf(&w, "%s in the period.\n", capital(plural(b.Stories, "story", "stories")))

	fmt.Fprintf(&w, "\n## Deals (%d)\n\n", len(b.Deals))
	if len(b.Deals) == 0 {
		w.WriteString("No deal was reported in the period.\n")
	}
	for _, d := range b.Deals {
		w.WriteString("- " + dealLine(d) + "\n")
	}

	w.WriteString("\n## Most-named companies\n\n")
	if len(b.Companies) == 0 {
		w.WriteString("No story of the period names a company.\n")
	}
	for i, c := range b.Companies {
		fmt.Fprintf(&w, "%d. **%s** · %s · newest: %s\n", i+1, md(c.Name), plural(c.Stories, "story", "stories"),
			link(c.Latest.Title, c.Latest.URL, c.Latest.Path))
	}

	w.WriteString("\n## Your watchlist\n")
	if len(b.Watch) == 0 {
		w.WriteString("\nYou follow no company yet: `w` on a company in the program follows it.\n")
	}
	for _, f := range b.Watch {
		fmt.Fprintf(&w, "\n### %s\n\n", md(f.Name))
		if f.Stories == 0 {
			w.WriteString("No story of the period names it.\n")
			continue
		}
		fmt.Fprintf(&w, "Named in %s.", plural(f.Stories, "story", "stories"))
		switch {
		case len(f.Said)+len(f.About) == 0:
			w.WriteString(" Nothing said by it or about it was quoted.")
		case f.Stories > WatchStories:
			fmt.Fprintf(&w, " The quotes of its %d newest:", WatchStories)
		}
		w.WriteString("\n\n")
		for _, q := range f.Said {
			w.WriteString("- said: " + quoteLine(q) + "\n")
		}
		for _, q := range f.About {
			w.WriteString("- about it: " + quoteLine(q) + "\n")
		}
	}

	fmt.Fprintf(&w, "\n## Your highlights and notes (%d)\n\n", len(b.Highlights))
	if len(b.Highlights) == 0 {
		w.WriteString("No highlight or note in the period.\n")
	}
	for _, h := range b.Highlights {
		fmt.Fprintf(&w, "- “%s” · %s\n", md(h.Text), link(h.Title, urlOf(h.Locator), pathOf(h.Locator)))
		if note := strings.TrimSpace(h.Note); note != "" {
			fmt.Fprintf(&w, "  - note: %s\n", md(note))
		}
	}
	return w.String()
}

// dealLine is a deal on one line, linked to its newest source.
func dealLine(d index.DealRow) string {
	parts := []string{"**" + md(d.Kind.Title()) + "**", md(strings.Join(d.PartyNames(), ", "))}
	if d.Amount != "" {
		parts = append(parts, md(d.Amount))
	}
	parts = append(parts, plural(len(d.Sources), "source", "sources"))
	s := d.Sources[len(d.Sources)-1]
	return strings.Join(parts, " · ") + " · " + link(s.Title, s.URL, s.Path) + sourceMeta(s.Outlet, s.Date)
}

// quoteLine is a quote, who said it, and its story.
func quoteLine(q index.CompanyQuote) string {
	who := q.Speaker
	if q.Title != "" && who != "" {
		who = q.Title + " " + who
	}
	s := "“" + md(strings.TrimRight(strings.TrimSpace(q.Text), ",")) + "”"
	if who != "" {
		s += " — " + md(who)
	}
	return s + " · " + link(q.Story, q.URL, q.Path)
}

// sourceMeta is " (Outlet, 2026-05-07)", or less when either is unknown.
func sourceMeta(outlet string, date time.Time) string {
	var parts []string
	if o := md(outlet); o != "" {
		parts = append(parts, o)
	}
	if !date.IsZero() {
		parts = append(parts, date.Format("2006-01-02"))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// CompanyMarkdown is a company page as Markdown: who it is, the people
// the stories tie to it, its deals, its quotes and its stories.
func CompanyMarkdown(p *index.CompanyPage) string {
	var w strings.Builder
	fmt.Fprintf(&w, "# %s\n\n", md(p.Name))
	fmt.Fprintf(&w, "Named in %s, first seen %s, last seen %s.", plural(p.Total, "story", "stories"),
		p.First.Format("2006-01-02"), p.Last.Format("2006-01-02"))
	if len(p.Names) > 1 {
		var others []string
		for _, n := range p.Names {
			if n != p.Name {
				others = append(others, md(n))
			}
		}
		fmt.Fprintf(&w, " Also named: %s.", strings.Join(others, ", "))
	}
	if p.Partial() {
		fmt.Fprintf(&w, " Below: the newest %d.", len(p.Stories))
	}
	w.WriteString("\n")

	fmt.Fprintf(&w, "\n## People (%d)\n\n", len(p.People))
	switch {
	case len(p.People) == 0:
		w.WriteString("No story ties a person to it.\n")
	case p.RolesFromText:
		w.WriteString("Roles: from the text.\n\n")
	default:
		w.WriteString("Tied by a title beside the name in the same sentence.\n\n")
	}
	for _, pp := range p.People {
		fmt.Fprintf(&w, "- **%s** · %s · %s\n", md(pp.Role()), plural(pp.Stories, "story", "stories"), storyLink(p, pp.ArticleID))
	}

	fmt.Fprintf(&w, "\n## Deals (%d)\n\n", len(p.Deals))
	if len(p.Deals) == 0 {
		w.WriteString("No deal of its was reported.\n")
	}
	for _, d := range p.Deals {
		w.WriteString("- " + d.Date.Format("2006-01-02") + " · " + dealLine(d) + "\n")
	}

	var said, about []index.CompanyQuote
	for _, q := range p.Quotes {
		if q.By {
			said = append(said, q)
		} else {
			about = append(about, q)
		}
	}
	fmt.Fprintf(&w, "\n## Quotes by it and its people (%d)\n\n", len(said))
	if len(said) == 0 {
		w.WriteString("None.\n")
	}
	for _, q := range said {
		w.WriteString("- " + quoteLine(q) + "\n")
	}
	fmt.Fprintf(&w, "\n## Quotes about it (%d)\n\n", len(about))
	if len(about) == 0 {
		w.WriteString("None.\n")
	}
	for _, q := range about {
		w.WriteString("- " + quoteLine(q) + "\n")
	}

	fmt.Fprintf(&w, "\n## Stories (%d)\n\n", p.Total)
	for _, s := range p.Stories {
		line := "- " + s.Date.Format("2006-01-02") + " · " + link(s.Title, s.URL, s.Path) + sourceMeta(s.Source, time.Time{})
		if s.Sentence != "" {
			line += ": " + md(s.Sentence)
		}
		w.WriteString(line + "\n")
	}
	if p.Partial() {
		fmt.Fprintf(&w, "- … and %d older\n", p.Total-len(p.Stories))
	}
	return w.String()
}

// storyLink links the page's story id.
func storyLink(p *index.CompanyPage, id string) string {
	for _, s := range p.Stories {
		if s.ArticleID == id {
			return link(s.Title, s.URL, s.Path)
		}
	}
	return ""
}

// link is a Markdown link to a story: its URL, else its file as a
// file:// URL; the title alone when it has neither.
func link(title, u, path string) string {
	t := md(title)
	if t == "" {
		t = "untitled"
	}
	target := Target(u, path)
	if target == "" {
		return t
	}
	return "[" + t + "](<" + target + ">)"
}

// Target is where a story's link points: its URL, else the file:// URL of
// its absolute path (percent-encoded, as browsers and Obsidian open it);
// "" for neither.
func Target(u, path string) string {
	if u = sanitize.Line(u); u != "" {
		return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u)
	}
	if path == "" || !filepath.IsAbs(path) {
		return ""
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// urlOf and pathOf split a highlight's locator: a URL, else a path.
func urlOf(loc string) string {
	if strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://") {
		return loc
	}
	return ""
}

func pathOf(loc string) string {
	if urlOf(loc) != "" {
		return ""
	}
	return loc
}

// mdSpecial are the characters Markdown could read as its own in a line.
var mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`,
	">", `\>`)

// md is untrusted text as a Markdown line: controls stripped, folded onto
// one line, and Markdown's own characters escaped.
func md(s string) string { return mdSpecial.Replace(sanitize.Line(s)) }

// periodText says the period in words: "since Tue 12 May 2026 09:00", or
// "from … to …".
func periodText(p index.Period) string {
	const layout = "Mon 2 Jan 2006 15:04"
	switch {
	case p.Since.IsZero() && p.Until.IsZero():
		return "everything"
	case p.Until.IsZero():
		return "since " + p.Since.Format(layout)
	case p.Since.IsZero():
		return "until " + p.Until.Format(layout)
	}
	return "from " + p.Since.Format(layout) + " to " + p.Until.Format(layout)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
