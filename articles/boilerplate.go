package articles

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page's furniture that readability leaves in an article: a "Read
// more: <link>" line between paragraphs, a "See also" or "Related stories"
// heading over a list of links, a newsletter sign-up box. They are the
// site's, not the story's: kept, their links became deal cards and names
// of other stories. pruneBoilerplate takes them out of the extracted
// article before it is converted, so offsets, links and structure are
// those of what is left. The rules read the shape of a block (a label,
// then mostly link text; a short call to sign up) and a few words of
// English every news site uses; never a site's own names.

// pointerLabels start a line that points at other stories: "Read more:
// <link>", "SEE ALSO - <link>".
var pointerLabels = []string{
	"read more", "also read", "read also", "see also", "related", "related stories", "related articles",
	"related coverage", "related content", "recommended", "recommended reading", "read next", "up next",
	"more on this", "more on this story", "more coverage", "further reading", "watch", "listen", "click here",
}

// listLabels head a list of links to other stories.
var listLabels = []string{
	"see also", "related", "related stories", "related articles", "related coverage", "related content",
	"read more", "more on this", "more on this story", "more stories", "more news", "recommended",
	"recommended for you", "recommended reading", "most read", "most popular", "further reading",
	"you may also like", "you might also like", "read next", "up next", "trending", "latest stories",
}

// signUpStarts open a newsletter box's call to sign up.
var signUpStarts = []string{
	"sign up", "sign-up", "signup", "subscribe", "get our", "get the latest", "join our", "join the",
	"don't miss", "don’t miss", "never miss", "want more", "enjoying this", "like this article", "receive our",
}

// pruneBoilerplate removes the furniture above from the article under root.
func pruneBoilerplate(root *html.Node) {
	for c := root.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			next = pruneNode(c)
		}
		c = next
	}
}

// pruneNode removes n when it is furniture, with the blocks that belong to
// it, or prunes inside it; it returns the sibling to look at next.
func pruneNode(n *html.Node) *html.Node {
	next := n.NextSibling
	switch {
	case isHeading(n) && isLabel(blockText(n), listLabels):
		// The heading and the lists of links under it.
		for next != nil && (next.Type != html.ElementNode || isLinkBlock(next)) {
			after := next.NextSibling
			remove(next)
			next = after
		}
		remove(n)
		return next
	case isLeafBlock(n) && isPointer(n):
		remove(n)
		return next
	case isLeafBlock(n) && isSignUp(blockText(n)):
		// The box's button or link after the call ("Subscribe now").
		for next != nil && (next.Type != html.ElementNode || isLeafBlock(next) && isShortLink(next)) {
			after := next.NextSibling
			remove(next)
			next = after
		}
		remove(n)
		return next
	}
	pruneBoilerplate(n)
	if isContainer(n) && strings.TrimSpace(textOf(n)) == "" && !hasMedia(n) {
		remove(n) // a box emptied of its furniture
	}
	return next
}

func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.P, atom.Div:
		// A paragraph that is only bold text is a heading on many sites.
		return isLeafBlock(n) && boldOnly(n)
	}
	return false
}

// boldOnly reports whether all of n's text is inside <b> or <strong>.
func boldOnly(n *html.Node) bool {
	all, bold := letters(textOf(n)), 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.B || c.DataAtom == atom.Strong) {
				bold += letters(textOf(c))
				continue
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	return all > 0 && bold == all
}

// isLeafBlock reports whether n is a block with no block inside it: a
// paragraph, a list item, a div of inline content.
func isLeafBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Li, atom.Section, atom.Aside, atom.Blockquote:
	default:
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c) {
			return false
		}
	}
	return true
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Section, atom.Aside, atom.Blockquote, atom.Table,
		atom.Figure, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Dl, atom.Header, atom.Footer:
		return true
	}
	return false
}

func isContainer(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Ul, atom.Ol:
		return true
	}
	return false
}

func hasMedia(n *html.Node) bool {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Img, atom.Picture, atom.Video, atom.Figure, atom.Table, atom.Iframe:
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasMedia(c) {
			return true
		}
	}
	return false
}

// isPointer reports whether n is "Read more: <link>": a label, a
// separator or the link itself, then mostly link text.
func isPointer(n *html.Node) bool {
	text := blockText(n)
	low := strings.ToLower(text)
	for _, l := range pointerLabels {
		rest, ok := strings.CutPrefix(low, l)
		if !ok || rest != "" && (unicode.IsLetter(rune(rest[0])) || unicode.IsDigit(rune(rest[0]))) {
			continue // "Watchdog", "Relatedly": another word
		}
		trimmed := strings.TrimLeft(rest, " \u00a0")
		sep := strings.IndexFunc(trimmed, func(r rune) bool { return strings.ContainsRune(":-–—|»>", r) }) == 0
		if !sep && !startsWithLink(n, l) {
			continue
		}
		total, linked := letters(text[len(text)-len(rest):]), linkLetters(n)
		return linked > 0 && linked*10 >= total*6
	}
	return false
}

// startsWithLink reports whether the first text after the label in n is a
// link's ("Read more <a>…</a>").
func startsWithLink(n *html.Node, label string) bool {
	seen := 0
	var found, inLink bool
	var walk func(*html.Node, bool) bool
	walk = func(c *html.Node, link bool) bool {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				l := letters(c.Data)
				if seen >= letters(label) && l > 0 {
					found, inLink = true, link
					return true
				}
				seen += l
				continue
			}
			if walk(c.FirstChild, link || c.DataAtom == atom.A) {
				return true
			}
		}
		return false
	}
	walk(n.FirstChild, false)
	return found && inLink
}

// isLinkBlock reports whether n is mostly links: a list of other stories.
func isLinkBlock(n *html.Node) bool {
	total, linked := letters(textOf(n)), linkLetters(n)
	return linked > 0 && linked*10 >= total*7
}

// isShortLink reports whether n is one short link ("Subscribe now").
func isShortLink(n *html.Node) bool {
	return len(strings.Fields(textOf(n))) <= 6 && isLinkBlock(n)
}

// isSignUp reports whether text is a short call to sign up for the site's
// newsletter.
func isSignUp(text string) bool {
	low := strings.ToLower(text)
	if len(strings.Fields(low)) > 50 || !(strings.Contains(low, "newsletter") || strings.Contains(low, "inbox")) {
		return false
	}
	// The site speaks to the reader of its own newsletter: "our", "your
	// inbox". A story about newsletters does not.
	if !strings.Contains(low, "our ") && !strings.Contains(low, "inbox") {
		return false
	}
	for _, s := range signUpStarts {
		if strings.HasPrefix(low, s) {
			return true
		}
	}
	return false
}

// isLabel reports whether text is one of labels, give or take a colon.
func isLabel(text string, labels []string) bool {
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(text), ": \u00a0»>"))
	for _, l := range labels {
		if t == l {
			return true
		}
	}
	return strings.HasPrefix(t, "more from ") && len(strings.Fields(t)) <= 5
}

// blockText is n's text on one line.
func blockText(n *html.Node) string { return strings.Join(strings.Fields(textOf(n)), " ") }

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	return b.String()
}

// linkLetters counts the letters and digits of n's text inside links.
func linkLetters(n *html.Node) int {
	count := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				count += letters(textOf(c))
				continue
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	return count
}

// letters counts the letters and digits of s: what a ratio of link text
// weighs (spaces and punctuation do not).
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
