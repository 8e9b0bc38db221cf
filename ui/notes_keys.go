package ui

import "charm.land/bubbles/v2/key"

// NotesKeys keep passages from the reader: a sentence cursor, highlights
// and notes on the sentence (or highlight) under it. Undo and Export work
// whichever pane has focus.
type NotesKeys struct {
	CursorNext, CursorPrev, Select key.Binding
	Save, Note, Edit, Delete, Copy key.Binding
	Undo, Export                   key.Binding
}

// SelectKeys are live while a selection is being made (after v). j/k and
// w/b extend it there instead of scrolling, so the selection has its own
// page-up key (b is the reader's page up outside a selection).
type SelectKeys struct {
	Next, Prev, WordNext, WordPrev key.Binding
	Save, Note, Copy, PageUp       key.Binding
	// LineUp and LineDown scroll: the wheel sends arrow keys (alternate
	// scroll mode), and it should move the view, not the selection.
	LineUp, LineDown key.Binding
}

// EditorKeys close the note editor, or hand the note to $VISUAL/$EDITOR
// (External); every other key is text, or one of the InputKeys' shell
// editing keys.
type EditorKeys struct {
	Save, Cancel, External key.Binding
}

// ExportKeys pick the export format after x (Default: the config file's
// export.format, Markdown unless it says otherwise); the preview of the export
// follows (Continue goes on, Cancel leaves it; the reader's scroll keys
// scroll it), then the path is typed. When the file exists, Overwrite and
// NewName answer whether to replace it.
type ExportKeys struct {
	Markdown, JSON, CSV, Cancel key.Binding
	Default                     key.Binding // the config's export.format
	Continue                    key.Binding // the preview: on to the path
	Overwrite, NewName          key.Binding
}

type bindFunc func(keys []string, help, desc string) key.Binding

func notesKeyMap(b bindFunc) NotesKeys {
	return NotesKeys{
		CursorNext: b([]string{")"}, ")", "sentence cursor to the next sentence"),
		CursorPrev: b([]string{"("}, "(", "sentence cursor to the previous sentence"),
		Select:     b([]string{"v"}, "v", "start a selection at the cursor"),
		Save:       b([]string{"h"}, "h", "highlight the sentence at the cursor"),
		Note:       b([]string{"a"}, "a", "highlight the sentence with a note"),
		Edit:       b([]string{"e"}, "e", "edit the note of the highlight at the cursor"),
		Delete:     b([]string{"d"}, "d", "delete the highlight at the cursor"),
		Copy:       b([]string{"y"}, "y", "copy the highlight and its note"),
		Undo:       b([]string{"u"}, "u", "undo the last change (a delete, a correction, A, C)"),
		Export:     b([]string{"x"}, "x", "export this article's notes"),
	}
}

func selectKeyMap(b bindFunc) SelectKeys {
	return SelectKeys{
		Next:     b([]string{")", "j"}, ")/j", "extend by a sentence"),
		Prev:     b([]string{"(", "k"}, "(/k", "back by a sentence"),
		WordNext: b([]string{"w"}, "w", "extend by a word"),
		WordPrev: b([]string{"b"}, "b", "back by a word"),
		Save:     b([]string{"h"}, "h", "save the selection as a highlight"),
		Note:     b([]string{"a"}, "a", "save the selection with a note"),
		Copy:     b([]string{"y"}, "y", "copy the selected text"),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", "page up (selection kept; ctrl+b too)"),
		LineUp:   b([]string{"up", "ctrl+y"}, "↑/ctrl+y", "scroll up (selection kept)"),
		LineDown: b([]string{"down", "ctrl+e"}, "↓/ctrl+e", "scroll down (selection kept)"),
	}
}

// readerBindings are the notes keys of the reader outside a selection.
func (n NotesKeys) readerBindings() []key.Binding {
	return []key.Binding{n.CursorNext, n.CursorPrev, n.Select, n.Save, n.Note, n.Edit, n.Delete, n.Copy}
}

// selectOwn are the selection's own bindings.
func (k KeyMap) selectOwn() []key.Binding {
	s := k.Select
	return []key.Binding{s.Next, s.Prev, s.WordNext, s.WordPrev, s.Save, s.Note, s.Copy}
}
