package ui

import "charm.land/bubbles/v2/key"

// CorrectKeys are the correct menu's: m opens it on the name at the
// reader's cursor, the Entities tab's entity, or a selection; a key says
// what the name is (two keys for a fix). Merge and Split open a list of
// names to pick from, filtered by what is typed.
type CorrectKeys struct {
	Open                                key.Binding
	Company, Person, Place, NotAName    key.Binding
	Merge, Split, ThisArticle, NextName key.Binding
	Cancel                              key.Binding
	Up, Down, Pick, Back                key.Binding // the merge and split lists
}

func correctKeyMap(b bindFunc) CorrectKeys {
	return CorrectKeys{
		Open:        b([]string{"m"}, "m", "correct the name at the cursor, the selected entity or the selection"),
		Company:     b([]string{"c"}, "c", "it is a company"),
		Person:      b([]string{"p"}, "p", "it is a person"),
		Place:       b([]string{"P"}, "P", "it is a place"),
		NotAName:    b([]string{"x"}, "x", "it is not a name"),
		Merge:       b([]string{"m"}, "m", "merge it into another entity of the article…"),
		Split:       b([]string{"s"}, "s", "split a name out of it (undo a merge)…"),
		ThisArticle: b([]string{"."}, ".", "for this article only (then the key)"),
		NextName:    b([]string{"tab"}, "tab", "the next name in the sentence"),
		Cancel:      b([]string{"esc"}, "esc", "close the menu"),
		Up:          b([]string{"up"}, "↑", "previous name"),
		Down:        b([]string{"down"}, "↓", "next name"),
		Pick:        b([]string{"enter"}, "enter", "merge into / split out the name chosen"),
		Back:        b([]string{"esc"}, "esc", "back to the menu (on a company page: to the page)"),
	}
}
