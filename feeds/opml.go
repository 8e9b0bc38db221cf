package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

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
// attribute ("/a/b,c" gives tags a/b and c).
func ReadOPML(r io.Reader) ([]Subscription, error) {
	var doc opml
	d := xml.NewDecoder(r)
	d.Entity = xml.HTMLEntity
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %s", sanitize.Line(err.Error()))
	}
	var subs []Subscription
	var walk func(os []outline, folders []string)
	walk = func(os []outline, folders []string) {
		for _, o := range os {
			name := strings.TrimSpace(o.Title)
			if name == "" {
				name = strings.TrimSpace(o.Text)
			}
			if o.XMLURL == "" {
				if name != "" {
					walk(o.Children, append(folders[:len(folders):len(folders)], sanitize.Text(name)))
				} else {
					walk(o.Children, folders)
				}
				continue
			}
			s := Subscription{URL: strings.TrimSpace(o.XMLURL), Name: sanitize.Text(name)}
			if s.Name == s.URL { // WriteOPML's stand-in for no name
				s.Name = ""
			}
			s.Tags = append(s.Tags, folders...)
			for _, c := range strings.Split(o.Category, ",") {
				if c = strings.Trim(strings.TrimSpace(c), "/"); c != "" && !contains(s.Tags, c) {
					s.Tags = append(s.Tags, sanitize.Text(c))
				}
			}
			if fetch.IsURL(s.URL) {
				subs = append(subs, s)
			}
		}
	}
	walk(doc.Body, nil)
	return subs, nil
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
