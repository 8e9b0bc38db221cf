package notes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"newsmark/model"
	"newsmark/sanitize"
)

// mainEntitiesPerKind bounds the entity list of a Markdown export.
const mainEntitiesPerKind = 8

// WriteMarkdown writes one Markdown note per article, for Obsidian and other
// note tools: YAML front matter (title, source, url, date, tags), each
// highlight as a block quote, one source line per quote line and never
// wrapped, followed by its note; then the article's ventures as short cards
// and its main entities. Several articles follow one another, each with its
// own front matter.
func WriteMarkdown(w io.Writer, docs []Doc) error {
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeMarkdownDoc(bw, d)
	}
	return bw.Flush()
}

func writeMarkdownDoc(w *bufio.Writer, d Doc) {
	writeFrontMatter(w, d)
	w.WriteString("\n")
	writeMarkdownBody(w, d)
}

// writeFrontMatter writes the YAML front matter of an article's note.
func writeFrontMatter(w *bufio.Writer, d Doc) {
	a := d.Article
	w.WriteString("---\n")
	fmt.Fprintf(w, "title: %s\n", yamlString(a.Title))
	if a.Source != "" {
		fmt.Fprintf(w, "source: %s\n", yamlString(a.Source))
	}
	// A file as a file:// URL: Obsidian opens it from the note.
	if l := sanitize.Line(locatorLink(a)); l != "" {
		fmt.Fprintf(w, "url: %s\n", yamlString(l))
	}
	if s := dateOnly(a.Date); s != "" {
		fmt.Fprintf(w, "date: %s\n", s)
	}
	tags := docTags(d)
	if len(tags) == 0 {
		w.WriteString("tags: []\n")
	} else {
		w.WriteString("tags:\n")
		for _, t := range tags {
			fmt.Fprintf(w, "  - %s\n", yamlString(t))
		}
	}
	w.WriteString("---\n")
}

// writeMarkdownBody writes an article's note after its front matter: the
// title, the highlights with their notes, ventures and entities.
func writeMarkdownBody(w *bufio.Writer, d Doc) {
	a := d.Article
	title := sanitize.Line(a.Title)
	if title == "" {
		title = "Untitled"
	}
	fmt.Fprintf(w, "# %s\n", title)
	if len(a.Authors) > 0 {
		fmt.Fprintf(w, "\nBy %s\n", sanitize.Line(strings.Join(a.Authors, ", ")))
	}

	for _, h := range d.Highlights {
		writeHighlight(w, h)
	}

	if len(d.Annotations.Ventures) > 0 {
		w.WriteString("\n## Ventures\n")
		for _, v := range d.Annotations.Ventures {
			writeVentureCard(w, v)
		}
	}
	if ents := mainEntities(d.Annotations, mainEntitiesPerKind); len(ents) > 0 {
		w.WriteString("\n## Entities\n\n")
		for _, k := range model.EntityKinds() {
			if es := ents[k]; len(es) > 0 {
				names := make([]string, len(es))
				for i, e := range es {
					names[i] = sanitize.Line(e.Name())
				}
				fmt.Fprintf(w, "- **%s:** %s\n", k.Plural(), strings.Join(names, ", "))
			}
		}
	}
}

// writeHighlight writes a highlight as the export and the notes list show
// it, after a blank line: the passage as a block quote, one source line per
// quote line and never wrapped; whether it is lost; its note; its tags.
func writeHighlight(w *bufio.Writer, h model.Highlight) {
	w.WriteString("\n")
	for _, line := range strings.Split(strings.TrimRight(h.Text, "\n"), "\n") {
		if line = strings.TrimRight(line, " \t"); line == "" {
			w.WriteString(">\n")
		} else {
			fmt.Fprintf(w, "> %s\n", line)
		}
	}
	if h.Orphan {
		w.WriteString("\n*No longer found in the article.*\n")
	}
	if note := strings.TrimSpace(h.Note); note != "" {
		fmt.Fprintf(w, "\n%s\n", note)
	}
	if len(h.Tags) > 0 {
		w.WriteString("\n")
		for i, t := range h.Tags {
			if i > 0 {
				w.WriteString(" ")
			}
			w.WriteString("#" + tagSlug(t))
		}
		w.WriteString("\n")
	}
}

// WriteListMarkdown writes stored highlights as `newsmark notes` lists
// them: per article (Group) a heading of its title and where it is, then
// each highlight under a line with its ID and when it was made, in the
// export's layout (writeHighlight).
func WriteListMarkdown(w io.Writer, hs []model.Highlight) error {
	bw := bufio.NewWriter(w)
	for i, d := range Group(hs) {
		if i > 0 {
			bw.WriteString("\n")
		}
		a := d.Article
		title := sanitize.Line(a.Title)
		if title == "" {
			title = "Untitled"
		}
		fmt.Fprintf(bw, "# %s\n", title)
		if l := sanitize.Line(a.Locator()); l != "" {
			fmt.Fprintf(bw, "\n%s\n", codeSpan(l))
		}
		for _, h := range d.Highlights {
			fmt.Fprintf(bw, "\n*Highlight %d, %s*\n", h.ID, h.Created.Local().Format("2006-01-02 15:04"))
			writeHighlight(bw, h)
		}
	}
	return bw.Flush()
}

// codeSpan is s as Markdown code: a path's _ and * stay as they are.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// VentureCard is the venture's card (model.Venture.Card) in Markdown, as
// exports show it: a "### Kind: Name" heading (the parties when it has no
// name), its facts and status as a list, then its summary. The UI keeps it as
// the note of a highlight over the venture's evidence.
func VentureCard(v model.Venture) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	writeVentureCard(w, v)
	w.Flush()
	return strings.TrimSpace(b.String()) + "\n"
}

func writeVentureCard(w *bufio.Writer, v model.Venture) {
	c := v.Card()
	head := c.Kind
	if c.Name != "" {
		head += ": " + sanitize.Line(c.Name)
	} else if len(v.Parties) > 0 {
		head += ": " + sanitize.Line(strings.Join(v.Parties, " + "))
	}
	fmt.Fprintf(w, "\n### %s\n\n", head)
	for _, f := range append(c.Facts, model.Fact{Label: "Status", Value: c.Status}) {
		fmt.Fprintf(w, "- **%s:** %s\n", f.Label, sanitize.Line(f.Value))
	}
	if s := sanitize.Line(c.Summary); s != "" {
		fmt.Fprintf(w, "\n%s\n", s)
	}
}

// docTags are the article's tags then its highlights' tags, each once.
func docTags(d Doc) []string {
	seen := map[string]bool{}
	var out []string
	add := func(ts []string) {
		for _, t := range ts {
			if t = tagSlug(t); t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	add(d.Article.Tags)
	for _, h := range d.Highlights {
		add(h.Tags)
	}
	return out
}

// tagSlug makes a tag Obsidian accepts: no spaces or '#'.
func tagSlug(t string) string {
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "#"))
	return strings.Join(strings.Fields(t), "-")
}

// yamlString quotes s for YAML: a JSON string is a valid YAML double-quoted
// scalar, escapes included.
func yamlString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
