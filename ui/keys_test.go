package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"newsmark/model"
)

// TestNoKeyDoesTwoThings: within each pane every key belongs to one binding,
// every binding has help text and is listed in that pane's help.
func TestNoKeyDoesTwoThings(t *testing.T) {
	t.Parallel()
	km := DefaultKeyMap()
	for _, p := range KeySets {
		owner := map[string]string{}
		inHelp := map[string]bool{}
		for _, g := range km.helpGroups(p) {
			for _, b := range g {
				inHelp[b.Help().Key+b.Help().Desc] = true
			}
		}
		for _, b := range km.Bindings(p) {
			h := b.Help()
			if h.Key == "" || h.Desc == "" {
				t.Errorf("%s: binding %v has no help", p, b.Keys())
			}
			if !inHelp[h.Key+h.Desc] {
				t.Errorf("%s: %q (%s) missing from the help", p, h.Key, h.Desc)
			}
			for _, k := range b.Keys() {
				if prev, ok := owner[k]; ok {
					t.Errorf("%s: key %q does two things: %q and %q", p, k, prev, h.Desc)
				}
				owner[k] = h.Desc
			}
		}
	}
}

// fingerprint is everything a key press can visibly change.
func fingerprint(d *driver) string {
	m := d.m
	return fmt.Sprintf("%v|%v|%v|%v|%v|%q|%s", d.quit, m.screen, m.focus, m.showHelp, m.input.kind, m.input.value(), d.raw())
}

// TestWalkEveryBinding presses every key of every binding of each pane, from
// a state where that binding has something to do, and checks that the
// screen or state changes: no binding is dead.
func TestWalkEveryBinding(t *testing.T) {
	km := DefaultKeyMap()
	setups := map[KeySet]func(t *testing.T) *driver{
		InLibrary: func(t *testing.T) *driver {
			d := newDriver(t, fixtureLibrary(t), Dark, 80, 12)
			d.keys("/", "a", "enter", "j") // a filter for esc to clear, cursor mid-list
			return d
		},
		InReader: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("/", "k", "a", "i", "y", "o", "enter", "ctrl+d", "ctrl+d")
			// A highlight at the cursor (for e, d, y) and a delete to undo.
			d.keys("h", ")", "h", "d", "(")
			return d
		},
		InPanel: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("2", "tab", "j", "j")
			return d
		},
		InSelection: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("ctrl+d", "v", ")", "w")
			return d
		},
		InEditor: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			// A note with the cursor inside it, for the editing keys.
			d.keys("a", "n", "o", "t", "e", "space", "x", "left", "left", "left")
			return d
		},
		InExport: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("h", "x")
			return d
		},
		InPreview: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("h", "x", "m", "j", "j") // scrolled a little: up, top and page up have room
			return d
		},
		InExists: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("h", "x", "m", "enter", "enter", "x", "m", "enter", "enter") // the second export finds the first
			return d
		},
		InCorrect: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("m") // on the first sentence's three names
			return d
		},
		InCorrectPick: func(t *testing.T) *driver {
			d := longNotes(t, 160, 30).driver
			d.keys("m", "m", "a", "down") // the names with an a, the cursor on the second
			return d
		},
		InInput: func(t *testing.T) *driver {
			d := openFixture(t, 160, 30)
			// "xy zw" with the cursor after "xy", for the editing keys.
			d.keys("/", "x", "y", "space", "z", "w", "left", "left", "left")
			return d
		},
		InLinks: func(t *testing.T) *driver {
			d := linksFixture(t)
			d.keys("L", "j") // cursor mid-list
			return d
		},
		InSearch: func(t *testing.T) *driver {
			e := newIndexEnv(t, 120, 40)
			e.keys("S")
			e.typeText("brightwater")
			e.keys("enter", "j") // four results, the cursor on the second
			return e.driver
		},
		InDeals: func(t *testing.T) *driver {
			e := newIndexEnv(t, 120, 30)
			e.keys("D", "j") // four deals, the cursor on the second
			return e.driver
		},
		InFeeds: func(t *testing.T) *driver {
			d := feedsDriver(t, 120, 30)
			d.keys("F", "j", "j") // Tidewater selected; something unread to mark, an undo to take back
			d.keys("A", "j")
			return d
		},
		InDealSources: func(t *testing.T) *driver {
			e := newIndexEnv(t, 120, 30)
			e.keys("D", "j", "enter", "j") // the deal's three sources, the cursor on the second
			return e.driver
		},
		// The company work's.
		InCompany: func(t *testing.T) *driver {
			e := companyEnv(t, 120, 30)
			e.keys("D", "j", "i", "1", "j", "j") // Brightwater's page, the cursor on its third item
			return e.driver
		},
		InDealParty: func(t *testing.T) *driver {
			e := companyEnv(t, 120, 30)
			e.keys("D", "j", "i") // which of the deal's two companies
			return e.driver
		},
		InBrief: func(t *testing.T) *driver {
			e := companyEnv(t, 120, 20)
			e.keys("B", "p", "j", "j") // the week's brief, scrolled a little
			return e.driver
		},
	}
	for _, p := range KeySets {
		for _, b := range km.Bindings(p) {
			for _, k := range b.Keys() {
				t.Run(fmt.Sprintf("%s/%s", p, k), func(t *testing.T) {
					d := setups[p](t)
					for i, tb := range km.Global.PanelTab {
						if key.Matches(keyPress(k), tb) && matches(keyPress(k), km.panelWide()) && hasBinding(km.Bindings(p), tb) {
							d.keys(fmt.Sprint((i+1)%4 + 1)) // start from another tab
						}
					}
					before := fingerprint(d)
					d.keys(k)
					if fingerprint(d) == before {
						t.Fatalf("%s: %q (%s) changed nothing", p, k, b.Help().Desc)
					}
				})
			}
		}
	}
}

// hasBinding reports whether b is one of bindings.
func hasBinding(bindings []key.Binding, b key.Binding) bool {
	for _, x := range bindings {
		if x.Help() == b.Help() {
			return true
		}
	}
	return false
}

// linksFixture is an article with three links open in the reader; the
// browser helper only counts, so walking enter opens nothing real.
func linksFixture(t *testing.T) *driver {
	a := model.Article{ID: "links", Title: "Story with links", Body: "See the filing, the statement and the chart.",
		Links: []model.Link{{Text: "the filing", URL: "https://example.com/filing"},
			{Text: "the statement", URL: "https://example.com/statement"}, {Text: "the chart", URL: "https://example.com/chart"}}}
	rec := &browserRecorder{}
	d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Theme: Dark, Web: &Web{OpenBrowser: rec.open}})}
	d.run(d.m.Init())
	d.send(resize(100, 24))
	return d
}

// TestBindingAddedInKeyMapIsEverywhere: a key added to a binding in the
// KeyMap, and nowhere else, is in the README key table, in the help
// overlay, and does what the binding does in its pane.
func TestBindingAddedInKeyMapIsEverywhere(t *testing.T) {
	km := DefaultKeyMap()
	km.Reader.Down = key.NewBinding(key.WithKeys("j", "down", "ctrl+e"), key.WithHelp("j/↓/ctrl+e", "scroll down a line"))

	if row := "| reader | `j` `down` `ctrl+e` | scroll down a line |"; !strings.Contains(km.Table(), row) {
		t.Fatalf("the key table lacks %q:\n%s", row, km.Table())
	}

	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
		Theme: Dark, Keys: &km})}
	d.run(d.m.Init())
	d.send(resize(100, 14))
	top := d.m.reader.offset
	d.keys("ctrl+e")
	if d.m.reader.offset != top+1 {
		t.Fatalf("ctrl+e scrolled from line %d to %d, want %d", top, d.m.reader.offset, top+1)
	}

	d.send(resize(160, 45)) // room for the whole help
	d.keys("?")
	d.mustSee("Keys: reader", "j/↓/ctrl+e", "scroll down a line")
}

// TestDriverPressesTheKeysNamed: the key the tests press for a name is the
// key bubbletea reports by that name, so the key walk presses real keys.
func TestDriverPressesTheKeysNamed(t *testing.T) {
	t.Parallel()
	km := DefaultKeyMap()
	for _, p := range KeySets {
		for _, b := range km.Bindings(p) {
			for _, k := range b.Keys() {
				if got := keyPress(k).String(); got != k {
					t.Errorf("keyPress(%q) is the key %q", k, got)
				}
			}
		}
	}
}
