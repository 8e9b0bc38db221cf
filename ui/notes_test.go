package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsmark/articles"
	"newsmark/corrections"
	"newsmark/model"
	"newsmark/notes"
	"newsmark/sanitize"
	"newsmark/store"
)

// notesEnv is a driver whose reader saves into a real notes database in a
// temporary folder (also the export folder), where its corrections go too
// (applied to the hand-made annotations by fixtureMaker).
type notesEnv struct {
	*driver
	notes *notes.Notes
	corr  *corrections.Service
	dir   string
}

func newNotesEnv(t testing.TB, lib articles.Library, w, h int) *notesEnv {
	t.Helper()
	return newNotesEnvTheme(t, lib, Dark, w, h)
}

func newNotesEnvTheme(t testing.TB, lib articles.Library, theme Theme, w, h int) *notesEnv {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n := notes.New(db)
	corr := corrections.New(db, fixtureMaker)
	d := &driver{t: t, m: New(Options{Library: lib, Annotate: fixtureAnnotations, Theme: theme, Notes: n, ExportDir: dir,
		Corrections: corr})}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return &notesEnv{driver: d, notes: n, corr: corr, dir: dir}
}

// harborNotes opens the fixture story with notes on.
func harborNotes(t *testing.T, w, h int) *notesEnv {
	return newNotesEnv(t, singleLibrary(fixtureArticle(t)), w, h)
}

// longNotes opens the long fixture (the story six times) with notes on.
func longNotes(t *testing.T, w, h int) *notesEnv {
	a := fixtureArticle(t)
	for i := 0; i < 5; i++ {
		a.Body += "\n\n" + fixtureArticle(t).Body
	}
	return newNotesEnv(t, singleLibrary(a), w, h)
}

// stored is every live highlight in the database.
func (e *notesEnv) stored() []model.Highlight {
	e.t.Helper()
	hs, err := e.notes.All(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return hs
}

func (e *notesEnv) sentence(i int) string {
	s := e.m.reader.article.Sentences[i]
	return e.m.reader.article.Body[s.Start:s.End]
}

func (e *notesEnv) status() string { return e.m.status }

func TestSelectTwoSentencesAndSave(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("v", ")")
	if !e.m.reader.cur.selecting {
		t.Fatal("v did not start a selection")
	}
	e.mustSee("selecting", "h save")
	e.keys("h")
	if !strings.HasPrefix(e.status(), "saved") {
		t.Fatalf("status after h = %q, want saved", e.status())
	}
	hs := e.stored()
	if len(hs) != 1 {
		t.Fatalf("%d highlights stored, want 1", len(hs))
	}
	s0, s1 := e.sentence(0), e.sentence(1)
	if !strings.HasPrefix(hs[0].Text, s0) || !strings.HasSuffix(hs[0].Text, s1) {
		t.Fatalf("stored %q, want the first two sentences", hs[0].Text)
	}
	if e.m.reader.cur.selecting {
		t.Fatal("the selection stays after saving")
	}
	// Drawn inline, listed in the Notes tab.
	if len(e.m.reader.decor.highlights) != 1 {
		t.Fatalf("reader draws %d highlights, want 1", len(e.m.reader.decor.highlights))
	}
	if !strings.Contains(e.raw(), e.m.styles.spanHighlight.open) {
		t.Fatal("the highlight style is not on screen")
	}
	e.keys("4")
	if tabOf[*notesTab](e.m).count() != 1 {
		t.Fatalf("the Notes tab lists %d highlights, want 1", tabOf[*notesTab](e.m).count())
	}
	e.mustNotSee("No highlights yet")
}

func TestSelectionExtendsByWordAndSentence(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("v")
	s0 := e.m.reader.article.Sentences[0]
	if got := e.m.reader.selection(); got != s0 {
		t.Fatalf("selection starts as %v, want the first sentence %v", got, s0)
	}
	e.keys("w", "w")
	body := e.m.reader.article.Body
	if got := strings.TrimSpace(body[s0.End:e.m.reader.selection().End]); got != "The venture," {
		t.Fatalf("w w added %q, want %q", got, "The venture,")
	}
	e.keys("b")
	if got := strings.TrimSpace(body[s0.End:e.m.reader.selection().End]); got != "The" {
		t.Fatalf("b left %q", got)
	}
	e.keys("b", "b") // back inside the first sentence: it shrinks by words
	if got := e.m.reader.selection(); got.End >= s0.End || got.Start != s0.Start {
		t.Fatalf("b b gave %v, want a part of %v", got, s0)
	}
	e.keys("j", "k", "k") // a sentence on, then back past the anchor
	if got := e.m.reader.selection(); got.Start != s0.Start {
		t.Fatalf("j k k moved the start: %v", got)
	}
	e.keys("esc")
	if e.m.reader.cur.selecting || e.m.screen != screenReader {
		t.Fatalf("esc: selecting=%v screen=%v, want the selection gone and the reader kept", e.m.reader.cur.selecting, e.m.screen)
	}
	e.keys("esc")
	if e.m.screen != screenLibrary {
		t.Fatal("second esc did not go back to the library")
	}
}

// In a selection j extends it and the view follows; space still scrolls.
func TestSelectionViewFollows(t *testing.T) {
	e := longNotes(t, 100, 20)
	e.keys("v")
	for i := 0; i < 12; i++ {
		e.keys("j")
	}
	sel := e.m.reader.selection()
	line := e.m.reader.wrapped.LineOf(sel.End - 1)
	if line < e.m.reader.offset || line >= e.m.reader.offset+e.m.reader.bodyHeight() {
		t.Fatalf("the selection's end (line %d) is off screen (offset %d)", line, e.m.reader.offset)
	}
	before := e.m.reader.offset
	e.keys("space")
	if e.m.reader.offset <= before || !e.m.reader.cur.selecting {
		t.Fatal("space did not scroll in a selection")
	}
}

func TestCursorFollowsScrolling(t *testing.T) {
	e := longNotes(t, 100, 20)
	if c := e.m.reader.cursorIndex(); c != 0 {
		t.Fatalf("cursor starts on sentence %d, want 0", c)
	}
	e.keys(")")
	if c := e.m.reader.cursorIndex(); c != 1 {
		t.Fatalf(") moved the cursor to %d, want 1", c)
	}
	e.keys("space", "space")
	vs, ve := e.m.reader.visibleBytes()
	s := e.m.reader.article.Sentences[e.m.reader.cursorIndex()]
	if s.Start >= ve || s.End <= vs {
		t.Fatalf("after scrolling the cursor %v is off screen [%d,%d)", s, vs, ve)
	}
	// h saves the cursor's sentence when there is no selection.
	e.keys("h")
	if hs := e.stored(); len(hs) != 1 || hs[0].Text != e.m.reader.article.Body[s.Start:s.End] {
		t.Fatalf("h stored %v, want the sentence at the cursor", hs)
	}
}

func TestNoteEditorSaveEditAndCancel(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys(")", "a")
	if e.m.overlay != overlayEditor {
		t.Fatal("a did not open the editor")
	}
	e.mustSee("New highlight with a note", "ctrl+s save the note")
	e.send(tea.PasteMsg{Content: "A bet on "})
	e.keys("c", "o", "l", "d")
	e.keys("ctrl+s")
	if e.m.overlay == overlayEditor {
		t.Fatal("ctrl+s left the editor open")
	}
	hs := e.stored()
	if len(hs) != 1 || hs[0].Note != "A bet on cold" || hs[0].Text != e.sentence(1) {
		t.Fatalf("stored %+v, want the second sentence with the note", hs)
	}
	// e edits the note of the highlight at the cursor.
	e.keys("e")
	e.mustSee("Note on the highlight", "A bet on cold")
	e.send(tea.PasteMsg{Content: " #logistics #Rotterdam."})
	e.keys("ctrl+s")
	if hs := e.stored(); hs[0].Note != "A bet on cold #logistics #Rotterdam." ||
		strings.Join(hs[0].Tags, ",") != "logistics,Rotterdam" {
		t.Fatalf("edited note = %q, tags %v", hs[0].Note, hs[0].Tags)
	}
	if !strings.HasPrefix(e.status(), "note saved") {
		t.Fatalf("status %q", e.status())
	}
	e.keys("4")
	e.mustSee("#logistics #Rotterdam")
	// esc closes the editor only; the selection under it stays.
	e.keys("v", "a", "x", "esc")
	if e.m.overlay == overlayEditor || !e.m.reader.cur.selecting {
		t.Fatalf("esc in the editor: editor=%v selecting=%v", e.m.overlay == overlayEditor, e.m.reader.cur.selecting)
	}
	if len(e.stored()) != 1 {
		t.Fatal("a cancelled note was saved")
	}
}

func TestDeleteAndUndo(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("d")
	if !strings.Contains(e.status(), "no highlight at the cursor") {
		t.Fatalf("d on no highlight: %q", e.status())
	}
	e.keys("h", "h")
	e.mustSee("already highlighted")
	if n := len(e.stored()); n != 1 {
		t.Fatalf("h twice stored %d highlights, want 1", n)
	}
	e.keys("d")
	if n := len(e.stored()); n != 0 {
		t.Fatalf("%d highlights after d", n)
	}
	e.mustSee("u undoes")
	if len(e.m.reader.decor.highlights) != 0 {
		t.Fatal("a deleted highlight is still drawn")
	}
	e.keys("u")
	if hs := e.stored(); len(hs) != 1 || hs[0].Text != e.sentence(0) {
		t.Fatalf("u restored %v", hs)
	}
	e.mustSee("restored")
	e.keys("u")
	e.mustSee("nothing to undo")
}

func TestCopyHighlightWithNote(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("a", "m", "i", "n", "e", "ctrl+s")
	mm, cmd := e.m.Update(keyPress("y"))
	e.m = mm.(Model)
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	got := fmt.Sprint(cmd())
	if !strings.Contains(got, e.sentence(0)) || !strings.Contains(got, "mine") {
		t.Fatalf("clipboard gets %q, want the highlight and its note", got)
	}
	e.mustSee("copied")
}

func TestExportFromReader(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("x")
	e.mustSee("no highlights in this article")
	e.keys("v", ")", "h", "x")
	e.mustSee("export 1 highlight as:", "m Markdown · j JSON · c CSV")
	e.keys("m", "enter")
	want := filepath.Join(e.dir, notes.FileName([]notes.Doc{{Article: e.m.reader.article}}, notes.Markdown))
	if e.m.input.value() != want {
		t.Fatalf("path proposed %q, want %q", e.m.input.value(), want)
	}
	e.keys("enter")
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), e.sentence(0)) || !strings.Contains(string(b), e.sentence(1)) {
		t.Fatalf("export lacks the two sentences:\n%s", b)
	}
	if st := e.status(); st != "exported 1 highlight to "+sanitize.Quote(want) {
		t.Fatalf("status %q", st)
	}
	e.mustSee("exported 1 highlight to", filepath.Base(want)) // whole: a long message wraps, never cut
	// A path that cannot be written says why and leaves nothing behind.
	e.keys("x", "c", "enter")
	for range e.m.input.value() {
		e.keys("backspace")
	}
	bad := filepath.Join(e.dir, "missing", "notes.csv")
	for _, r := range bad {
		e.keys(string(r))
	}
	e.keys("enter")
	if !strings.HasPrefix(e.status(), "not exported") || !e.m.statusErr {
		t.Fatalf("status %q, want the reason the export failed", e.status())
	}
	if _, err := os.Stat(filepath.Dir(bad)); !os.IsNotExist(err) {
		t.Fatal("a failed export created something")
	}
	// esc cancels at the format question.
	e.keys("x", "esc")
	if e.m.overlay == overlayExport || e.m.input.active() {
		t.Fatal("esc did not cancel the export")
	}
}

// TestExportFromReaderIsTheCLIExport: x exports what `newsmark export`
// would: the highlights as stored now (a note another newsmark changed
// meanwhile included), with the article's ventures.
func TestExportFromReaderIsTheCLIExport(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("h")
	hs := e.stored()
	if len(hs) != 1 {
		t.Fatalf("%d highlights stored, want 1", len(hs))
	}
	if _, err := e.notes.UpdateNote(context.Background(), hs[0].ID, "Changed in another window."); err != nil {
		t.Fatal(err)
	}
	e.keys("x", "m", "enter", "enter")
	b, err := os.ReadFile(filepath.Join(e.dir, notes.FileName([]notes.Doc{{Article: e.m.reader.article}}, notes.Markdown)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{e.sentence(0), "Changed in another window.", "## Ventures", "### Joint venture"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the export lacks %q:\n%s", want, b)
		}
	}
}

func TestPanelKeepsCardsAsNotes(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("1", "tab", "h")
	hs := e.stored()
	if len(hs) != 1 || !strings.Contains(hs[0].Note, "Joint venture: Polar Gate") {
		t.Fatalf("h on the Ventures tab stored %+v", hs)
	}
	e.keys("2", "h")
	hs = e.stored()
	if len(hs) != 2 || !strings.Contains(hs[1].Note, "(company)") || hs[1].Text == "" {
		t.Fatalf("h on the Entities tab stored %+v", hs)
	}
	e.keys("3", "h")
	e.mustSee("h keeps a card of the Ventures (1) or Entities (2) tab")
}

func TestNotesTabEditDeleteJump(t *testing.T) {
	e := longNotes(t, 120, 30)
	e.keys("G", "h", "g")
	top := e.m.reader.offset
	e.keys("4", "tab")
	e.keys("enter")
	if e.m.reader.offset == top {
		t.Fatal("enter in the Notes tab did not jump to the highlight")
	}
	e.keys("e")
	if e.m.overlay != overlayEditor {
		t.Fatal("e in the Notes tab did not open the editor")
	}
	e.keys("o", "k", "ctrl+s")
	if hs := e.stored(); hs[0].Note != "ok" {
		t.Fatalf("note %q", hs[0].Note)
	}
	e.keys("d")
	if len(e.stored()) != 0 {
		t.Fatal("d in the Notes tab did not delete")
	}
	e.keys("u")
	if len(e.stored()) != 1 {
		t.Fatal("u did not restore")
	}
}

func TestOrphansListedAndMarked(t *testing.T) {
	e := harborNotes(t, 120, 40)
	a := e.m.reader.article
	h, err := notes.NewHighlight(a, 0, 20, "")
	if err != nil {
		t.Fatal(err)
	}
	h.Text, h.Prefix, h.Suffix = "A passage this article never had in it at all.", "", ""
	if _, err := e.notes.Add(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	e.keys("esc", "enter", "4")
	e.mustSee("A passage this article never had", "not found in the current text")
	e.keys("tab", "enter")
	e.mustSee("nothing to jump to")
	if len(e.m.reader.decor.highlights) != 0 {
		t.Fatal("an orphan is drawn in the text")
	}
}

func TestLibraryMarksArticlesWithNotes(t *testing.T) {
	e := newNotesEnv(t, fixtureLibrary(t), 100, 30)
	e.mustNotSee("✎")
	e.keys("j", "enter", "h", ")", "h", "esc")
	e.mustSee("✎ 2 notes")
}

// Without a database the reader still works and says why nothing is saved.
func TestReaderWithoutDatabase(t *testing.T) {
	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
		Theme: Dark, NotesStatus: "notes are not saved: database is locked"})}
	d.run(d.m.Init())
	d.send(resize(120, 40))
	d.mustSee("notes are not saved: database is locked")
	d.keys("v", ")", "h")
	d.mustSee("notes are not saved: database is locked")
	d.mustNotSee("not saved: notes are not saved") // one line, not the reason wrapped twice
	d.keys("j", "esc")
	if d.m.reader.cur.selecting {
		t.Fatal("esc did not cancel the selection")
	}
	d.keys("G")
	d.mustSee("Bot")
}

// esc closes the innermost thing: editor, selection, search, then the article.
func TestEscClosesInnermostFirst(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("/", "k", "a", "i", "enter", "v", "a")
	steps := []func() bool{
		func() bool { return e.m.overlay != overlayEditor && e.m.reader.cur.selecting },
		func() bool { return !e.m.reader.cur.selecting && e.m.reader.search != "" },
		func() bool { return e.m.reader.search == "" && e.m.screen == screenReader },
		func() bool { return e.m.screen == screenLibrary },
	}
	for i, ok := range steps {
		e.keys("esc")
		if !ok() {
			t.Fatalf("esc #%d closed the wrong thing", i+1)
		}
	}
	if e.quit {
		t.Fatal("esc quit")
	}
}

func TestNoteTags(t *testing.T) {
	t.Parallel()
	for note, want := range map[string]string{
		"# Heading\nplain text":            "",
		"#energy and #q3-results, #energy": "energy,q3-results",
		"C# and F# are languages; # alone": "",
		"(see #deal).":                     "deal",
	} {
		if got := strings.Join(noteTags(note), ","); got != want {
			t.Errorf("noteTags(%q) = %q, want %q", note, got, want)
		}
	}
}

// A second x onto the same file asks before replacing it: esc leaves the
// file, n offers a free name, y overwrites keeping the file's mode.
func TestExportAsksBeforeReplacing(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys("v", ")", "h", "x", "m", "enter", "enter")
	path := filepath.Join(e.dir, notes.FileName([]notes.Doc{{Article: e.m.reader.article}}, notes.Markdown))
	os.WriteFile(path, []byte("my edits\n"), 0o600)
	os.Chmod(path, 0o600)

	e.keys("x", "m", "enter", "enter")
	e.mustSee("file exists: ", "y overwrite · n new name · esc cancel")
	e.keys("esc")
	e.mustSee("export cancelled")
	if b, _ := os.ReadFile(path); string(b) != "my edits\n" {
		t.Fatalf("esc: the file became %q", b)
	}

	e.keys("x", "m", "enter", "enter", "n")
	if want := strings.TrimSuffix(path, ".md") + "-2.md"; e.m.input.kind != inputExportPath || e.m.input.value() != want {
		t.Fatalf("n offers %q (input %v), want %q", e.m.input.value(), e.m.input.kind, want)
	}
	e.keys("enter")
	if _, err := os.Stat(strings.TrimSuffix(path, ".md") + "-2.md"); err != nil {
		t.Fatalf("new name not written: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "my edits\n" {
		t.Fatalf("n: the first file became %q", b)
	}

	e.keys("x", "m", "enter", "enter", "y")
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), e.sentence(0)) {
		t.Fatalf("y did not overwrite:\n%s", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after overwrite, want 0600", fi.Mode().Perm())
	}
	e.mustSee("exported 1 highlight")
}

// A note pasted with a bidi override or an escape sequence shows and is
// saved without it: the Notes tab and every export get plain text.
func TestPastedNoteIsSanitized(t *testing.T) {
	e := harborNotes(t, 120, 40)
	e.keys(")", "a")
	e.send(tea.PasteMsg{Content: "evil\u202e note\x1b]52;c;SGFja2Vk\x07 here"})
	if v := e.m.editor.ta.Value(); v != "evil note here" {
		t.Errorf("editor holds %q", v)
	}
	e.keys("ctrl+s")
	if hs := e.stored(); len(hs) != 1 || hs[0].Note != "evil note here" {
		t.Fatalf("stored %+v", hs)
	}
	e.keys("4")
	if v := e.raw(); strings.ContainsRune(v, '\u202e') || strings.Contains(v, "]52;") {
		t.Errorf("Notes tab shows the hostile text:\n%s", v)
	}
	e.mustSee("evil note here")
}

// TestKeysBeforeTheText: keys typed as newsmark starts, before the
// article's text is laid out (no window size yet, the wrap not back), act
// on the text once it shows: h saves the first sentence and j then moves
// on, as if they had been pressed after the first frame.
func TestKeysBeforeTheText(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := notes.New(db)
	d := &driver{t: t, m: New(Options{Library: singleLibrary(fixtureArticle(t)), Annotate: fixtureAnnotations,
		Theme: Dark, Notes: n})}
	d.run(d.m.Init())
	d.keys("h", ")", "h")
	e := &notesEnv{driver: d, notes: n, dir: dir}
	if got := e.stored(); len(got) != 0 {
		t.Fatalf("%d highlights saved before the text was there", len(got))
	}
	d.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	got := e.stored()
	if len(got) != 2 || got[0].Text != e.sentence(0) || got[1].Text != e.sentence(1) {
		t.Fatalf("stored %d highlights, want the first two sentences: %+v", len(got), got)
	}
	d.mustSee("saved")
}
