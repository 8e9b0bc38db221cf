package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"newsmark/articles"
	"newsmark/fetch"
	"newsmark/sanitize"
)

// opml is the subset of OPML 2.0 that feed readers exchange.
type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	Children []outline `xml:"outline"`
}

// ReadOPML reads the feeds of an OPML file. Folders (outlines without
// xmlUrl) become tags of the feeds inside them, as does the category
// attribute ("/a/b,c" gives tags a/b and c). An entry that is no http(s)
// feed is skipped with its line and why; characters XML forbids are
// dropped; a file broken part-way keeps the feeds before the break (the
// break is one more skipped line). Only a file that is no OPML at all is an
// error.
func ReadOPML(r io.Reader) (subs []Subscription, skipped []articles.Problem, err error) {
	data, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, nil, err
	}
	d := xml.NewDecoder(strings.NewReader(xmlChars(string(data))))
	d.Entity = xml.HTMLEntity
	d.Strict = false
	var folders []string // the folder of each open outline ("" when it is none)
	root := false
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !root {
				return nil, nil, fmt.Errorf("not an OPML file: %s", sanitize.Line(err.Error()))
			}
			skipped = append(skipped, articles.Problem{Path: fmt.Sprintf("line %d", line),
				Reason: "the file is broken from here (" + sanitize.Line(err.Error()) + "); the feeds before it were read"})
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				if !strings.EqualFold(t.Name.Local, "opml") {
					return nil, nil, fmt.Errorf("not an OPML file: the document is <%s>", sanitize.Line(t.Name.Local))
				}
				root = true
				continue
			}
			if !strings.EqualFold(t.Name.Local, "outline") {
				continue
			}
			o := outlineAttrs(t.Attr)
			name := strings.TrimSpace(o.Title)
			if name == "" {
				name = strings.TrimSpace(o.Text)
			}
			if o.XMLURL == "" {
				folders = append(folders, sanitize.Line(name))
				continue
			}
			folders = append(folders, "")
			s := Subscription{URL: strings.TrimSpace(o.XMLURL), Name: sanitize.Line(name)}
			if s.Name == s.URL { // WriteOPML's stand-in for no name
				s.Name = ""
			}
			for _, f := range folders[:len(folders)-1] {
				if f != "" {
					s.Tags = append(s.Tags, f)
				}
			}
			for _, c := range strings.Split(o.Category, ",") {
				if c = strings.Trim(strings.TrimSpace(c), "/"); c != "" && !contains(s.Tags, c) {
					s.Tags = append(s.Tags, sanitize.Line(c))
				}
			}
			if !fetch.IsURL(s.URL) {
				what := sanitize.Quote(s.URL)
				if name != "" {
					what = sanitize.Quote(name) + " " + what
				}
				skipped = append(skipped, articles.Problem{Path: fmt.Sprintf("line %d", line),
					Reason: what + ": not an http or https feed address, skipped"})
				continue
			}
			subs = append(subs, s)
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !root {
		return nil, nil, fmt.Errorf("not an OPML file: no <opml> element")
	}
	return subs, skipped, nil
}

// outlineAttrs reads an outline's attributes (names as OPML writers
// spell them, in any case).
func outlineAttrs(attrs []xml.Attr) outline {
	var o outline
	for _, a := range attrs {
		switch strings.ToLower(a.Name.Local) {
		case "text":
			o.Text = a.Value
		case "title":
			o.Title = a.Value
		case "xmlurl":
			o.XMLURL = a.Value
		case "category":
			o.Category = a.Value
		}
	}
	return o
}

// xmlChars drops the characters XML 1.0 forbids (C0 controls but tab and
// line ends, U+FFFE, U+FFFF), which would make the decoder give up on the
// whole file for one stray byte; line ends stay, so lines keep their numbers.
func xmlChars(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s)
}

// WriteOPML writes subs as OPML 2.0, flat, tags in the category attribute.
func WriteOPML(w io.Writer, subs []Subscription) error {
	doc := opml{Version: "2.0", Title: "newsmark subscriptions"}
	for _, s := range subs {
		name := s.Name
		if name == "" {
			name = s.URL
		}
		doc.Body = append(doc.Body, outline{
			Text: name, Title: s.Name, Type: "rss", XMLURL: s.URL, Category: strings.Join(s.Tags, ","),
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	e := xml.NewEncoder(w)
	e.Indent("", "  ")
	if err := e.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
