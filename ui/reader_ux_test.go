package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"newsmark/articles"
	"newsmark/model"
)

// Tests of issue 14's reader fixes, each driving the program by keys and
// reading the screen.

// TestQGoesBackOneLevel: q closes the help, then the links, then the
// article, and quits in the library; ctrl+c quits from a text input; the
// help says Q is the quotes toggle and q goes back.
func TestQGoesBackOneLevel(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 100, 60)
	d.keys("j", "enter")
	d.mustSee("Kaiyo Shipping Co. said on")
	d.keys("?")
	d.mustSee("Keys: reader", "quotes on/off (capital Q; q goes back)", "back one level")
	d.keys("q")
	d.mustNotSee("Keys: reader")
	d.mustSee("Kaiyo Shipping Co. said on", "q back")
	d.keys("q")
	if d.quit || d.m.screen != screenLibrary {
		t.Fatalf("q in the reader: quit %v, screen %s; want the library", d.quit, d.m.screen)
	}
	d.mustSee("3 articles", "q quit")
	d.keys("q")
	if !d.quit {
		t.Fatal("q in the library did not quit")
	}

	// The links list is a level of its own.
	d = linksFixture(t)
	d.keys("L")
	d.mustSee("Links (3)")
	d.keys("q")
	d.mustNotSee("Links (3)")
	if d.quit {
		t.Fatal("q in the links list quit")
	}
	d.keys("q") // started on this one article: q quits, as in less
	if !d.quit {
		t.Fatal("q on the one article the program started on did not quit")
	}

	// ctrl+c quits even while a filter is typed; q there is text.
	d = newDriver(t, fixtureLibrary(t), Dark, 100, 30)
	d.keys("/", "q")
	if d.quit || d.m.input.value() != "q" {
		t.Fatalf("q in the filter: quit %v, text %q", d.quit, d.m.input.value())
	}
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c in the filter did not quit")
	}
}

// TestNextAndPreviousArticle: J and K open the library's next and previous
// article in the order shown (a filter's too), and say so at the ends.
func TestNextAndPreviousArticle(t *testing.T) {
	d := newDriver(t, fixtureLibrary(t), Dark, 100, 30)
	d.keys("enter")
	d.mustSee("Sunline Solar Corp. and Delta Grid Ltd")
	d.keys("J")
	d.mustSee("Kaiyo Shipping Co. said on")
	d.keys("tab", "J") // from the panel too
	d.mustSee("Orbit Foods Inc. agreed to buy")
	d.keys("J")
	d.mustSee("this is the last article in the library", "Orbit Foods Inc. agreed to buy")
	d.keys("K", "K")
	d.mustSee("Sunline Solar Corp. and Delta Grid Ltd")
	d.keys("K")
	d.mustSee("this is the first article in the library")
	d.keys("q")
	if d.m.library.cursor != 0 {
		t.Fatalf("the library's cursor is on %d, want the article left (0)", d.m.library.cursor)
	}
	// Within a filter: the next match, not the next article.
	d.keys("/", "s", "o", "l", "enter", "enter") // Sunline Solar: the newest
	d.mustSee("Sunline Solar Corp. and Delta Grid Ltd")
	d.keys("J")
	d.mustSee("this is the last article in the library")
}

// TestPagingKeysOfLessAndVim: ctrl+f/ctrl+b page, ctrl+e/ctrl+y scroll a
// line, ctrl+d/ctrl+u half a page, in the reader and (paging) the library.
func TestPagingKeysOfLessAndVim(t *testing.T) {
	d := longFixture(t, 100, 30)
	d.keys("s")
	page := d.m.reader.bodyHeight()
	for _, s := range []struct {
		key  string
		want int
	}{
		{"ctrl+f", page}, {"ctrl+e", page + 1}, {"ctrl+y", page}, {"ctrl+b", 0},
		{"ctrl+d", page / 2}, {"ctrl+u", 0}, {"space", page}, {"b", 0},
	} {
		d.keys(s.key)
		if got := d.m.reader.offset; got != s.want {
			t.Fatalf("after %s the top line is %d, want %d", s.key, got, s.want)
		}
	}
	var es []articles.Entry
	for i := 0; i < 30; i++ {
		es = append(es, articles.Entry{Meta: model.Article{ID: fmt.Sprint(i), Title: fmt.Sprintf("Story %02d", i)}})
	}
	d = newDriver(t, articles.Library{Entries: es}, Dark, 80, 24)
	per := d.m.library.perPage()
	d.keys("ctrl+f")
	if d.m.library.cursor != per {
		t.Fatalf("ctrl+f in the library: cursor %d, want %d", d.m.library.cursor, per)
	}
	d.keys("ctrl+u")
	if d.m.library.cursor != per-per/2 {
		t.Fatalf("ctrl+u in the library: cursor %d, want %d", d.m.library.cursor, per-per/2)
	}
}

// readerRows is how many of the screen's rows show the header and how
// many the article's text.
func readerRows(d *driver) (header, text int) {
	return len(d.m.reader.header), d.m.reader.bodyHeight()
}

// TestHeaderGivesWayOnSmallTerminals: on short screens the text has most
// of the reader's rows: the caption and legend go first, the title keeps
// one line; tall screens keep the whole header.
func TestHeaderGivesWayOnSmallTerminals(t *testing.T) {
	a := fixtureArticle(t)
	a.Title = "Northwind Freight Holdings and Kaiyo Shipping Co. Agree to Build a $1.2 Billion Cold-Storage Venture in Rotterdam"
	for _, sz := range [][2]int{{60, 18}, {40, 12}, {24, 8}, {80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			d := newDriver(t, singleLibrary(a), Dark, sz[0], sz[1])
			header, text := readerRows(d)
			if text <= header || text < 3 {
				t.Fatalf("%d header rows for %d rows of text:\n%s", header, text, d.screen())
			}
			s := d.screen()
			if n := strings.Count(s, "\n") + 1; n != sz[1] {
				t.Fatalf("the screen is %d rows, want %d", n, sz[1])
			}
			d.mustSee("Northwind")                               // the title's first line, at any size
			d.mustSee(firstWords(d.m.reader.wrapped.Text(0), 2)) // and the text under it
			if sz[1] >= 45 {
				d.mustSee("Video: refrigerated containers", "c company", "Newsmark Wire · 4 Mar 2025")
			}
			if sz[1] <= 18 {
				d.mustNotSee("Video: refrigerated containers") // the caption gave way
			}
		})
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// TestTextHeldToMeasure: with a measure (--width) the text's lines are at
// most that wide and the rest of a wide window is margin each side; width
// 0 uses the whole reader.
func TestTextHeldToMeasure(t *testing.T) {
	a := fixtureArticle(t)
	for _, c := range []struct{ measure, w, want int }{{88, 220, 88}, {88, 60, 58}, {0, 220, 218}} {
		d := &driver{t: t, m: New(Options{Library: singleLibrary(a), Annotate: fixtureAnnotations, Theme: Dark, Width: c.measure})}
		d.run(d.m.Init())
		d.send(resize(c.w, 60))
		d.keys("s") // the whole window for the reader
		widest, left := 0, c.w
		for _, line := range strings.Split(d.screen(), "\n")[len(d.m.reader.header):d.m.reader.height] {
			if t := strings.TrimSpace(line); t != "" {
				widest = max(widest, ansi.StringWidth(t))
				left = min(left, len(line)-len(strings.TrimLeft(line, " ")))
			}
		}
		if widest > c.want || widest < c.want-20 {
			t.Errorf("measure %d at %d columns: the widest line is %d, want at most %d", c.measure, c.w, widest, c.want)
		}
		if c.measure > 0 && c.w > c.measure+10 && left < (c.w-c.measure)/2-2 {
			t.Errorf("measure %d at %d columns: the text starts at column %d, not in the middle", c.measure, c.w, left)
		}
	}
}

// TestEntityMarksBelongToEntitiesTab: an entity's marks and the mention
// counter show while the Entities tab is shown; another tab, or leaving
// the panel, clears them; coming back brings them back.
func TestEntityMarksBelongToEntitiesTab(t *testing.T) {
	d := openFixture(t, 160, 45)
	marked := func() bool { return d.m.reader.decor.selected >= 0 }
	d.keys("2", "n")
	if !marked() {
		t.Fatal("2 did not mark the selected entity")
	}
	d.mustSee("mention 1/")
	d.keys("3")
	if marked() || len(d.m.reader.mentions) != 0 {
		t.Fatal("marks outlived the Entities tab")
	}
	d.mustNotSee("mention 1/")
	d.keys("n")
	d.mustSee("select an entity in the Entities tab")
	d.keys("2", "tab", "j", "enter")
	d.mustSee("mention 1/")
	d.keys("tab") // back to the reader
	if marked() {
		t.Fatal("marks outlived the panel's focus")
	}
	d.mustNotSee("mention 1/")
	d.keys("tab")
	if !marked() {
		t.Fatal("focus back on the Entities tab did not mark its entity again")
	}
	d.keys("s") // the panel hidden: nothing of it stays in the text
	if marked() {
		t.Fatal("marks outlived the hidden panel")
	}
}

// TestExportPathIsALineEditor: the path is shown with its end (the file
// name) in view, not cut; the shell's keys edit it; ~ is the home folder.
func TestExportPathIsALineEditor(t *testing.T) {
	e := harborNotes(t, 80, 24)
	e.keys("v", ")", "h", "x", "m", "enter") // the format, then past the preview
	name := notes_FileName(e)
	bar := lastLine(e.screen())
	if !strings.Contains(bar, name[len(name)-20:]) || !strings.HasPrefix(strings.TrimSpace(bar), "export to:") {
		t.Fatalf("the path's end is not in view:\n%q", bar)
	}
	e.keys("ctrl+a", "x", "ctrl+e", "y", "ctrl+a", "ctrl+k")
	if v := e.m.input.value(); v != "" {
		t.Fatalf("ctrl+a then ctrl+k left %q", v)
	}
	e.keys("a", "b", "space", "c", "d", "ctrl+w") // the word before the cursor, as bash's
	if v := e.m.input.value(); v != "ab " {
		t.Fatalf("ctrl+w left %q", v)
	}
	e.keys("ctrl+u")
	if v := e.m.input.value(); v != "" {
		t.Fatalf("ctrl+u left %q", v)
	}
	home, _ := os.UserHomeDir() // the test's own (testhome)
	name = fmt.Sprintf("harbor-notes-%d.md", time.Now().UnixNano())
	for _, r := range "~/" + name {
		e.keys(string(r))
	}
	e.keys("enter")
	if _, err := os.Stat(filepath.Join(home, name)); err != nil {
		t.Fatalf("~ was not the home folder: %v (status %q)", err, e.status())
	}
	t.Cleanup(func() { os.Remove(filepath.Join(home, name)) })
	e.mustSee("exported 1 highlight to ~/" + name)
}

func notes_FileName(e *notesEnv) string {
	v := e.m.input.value()
	return v[strings.LastIndex(v, "/")+1:]
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// TestTabLabelsKeepCounts: at every width each tab shows its key and its
// count, shortening its name first.
func TestTabLabelsKeepCounts(t *testing.T) {
	for _, w := range []int{24, 40, 60, 80, 100, 120, 160, 220} {
		d := openFixture(t, w, 40)
		head := strings.Split(d.screen(), "\n")
		bar := ""
		for _, l := range head {
			if strings.Contains(l, "1 V") {
				bar = l
			}
		}
		for _, want := range []string{"1 V", "2 E", "3 Q", "4 N", "2", "13", "5", "0"} {
			if !strings.Contains(bar, want) {
				t.Errorf("at %d columns the tab bar %q lacks %q", w, bar, want)
			}
		}
		if strings.Contains(bar, "…") {
			t.Errorf("at %d columns the tab bar is cut: %q", w, bar)
		}
	}
}

// TestLongMessagesAreWholeAndOnce: a message longer than the status line
// is shown whole on rows of its own until the next key; a feed failure the
// library's footer lists is not said again in the status bar.
func TestLongMessagesAreWholeAndOnce(t *testing.T) {
	d := openFixture(t, 60, 20)
	long := "not exported: open /home/someone/a/rather/long/folder/name/that/goes/on/notes.md: no such file or directory"
	d.send(statusMsg{text: long, isErr: true})
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(squeeze(d.screen()), squeeze(long)) {
		t.Fatalf("the message is not whole on screen:\n%s", d.screen())
	}
	if n := strings.Count(d.screen(), "\n") + 1; n != 20 {
		t.Fatalf("the screen is %d rows with a long message, want 20", n)
	}
	d.keys("j")
	d.mustNotSee("no such file")

	d = newDriver(t, fixtureLibrary(t), Dark, 100, 30)
	d.send(footnoteMsg(failure("Broken Wire: HTTP 404 Not Found")))
	d.send(problemMsg{"https://broken.example/feed.xml", "HTTP 404 Not Found"})
	if c := strings.Count(d.screen(), "404 Not Found"); c != 1 {
		t.Fatalf("the failure is on screen %d times in the library:\n%s", c, d.screen())
	}
}

// TestHelpWrapsAtNarrowWidths: at 40 columns no line of the help is cut:
// every description is there whole, wrapped; the reader's position reads
// Top, Bot, All or N% as vim and less do.
func TestHelpWrapsAtNarrowWidths(t *testing.T) {
	d := openFixture(t, 40, 200)
	d.keys("?")
	s := d.screen()
	flat := strings.Join(strings.Fields(s), " ")
	for _, b := range d.m.keys.Bindings(InReader) {
		if !strings.Contains(flat, strings.Join(strings.Fields(b.Help().Desc), " ")) {
			t.Errorf("the help lacks %q whole:\n%s", b.Help().Desc, s)
		}
	}
	if strings.Contains(s, "…") {
		t.Errorf("the help cuts a line:\n%s", s)
	}
	d.keys("esc")
	d.mustSee("All") // the short story fits 200 rows

	d = longFixture(t, 100, 30)
	d.mustSee("Top")
	d.keys("ctrl+d")
	if p := d.m.reader.percent(); !strings.HasSuffix(p, "%") {
		t.Fatalf("half way down the position reads %q", p)
	}
	d.keys("G")
	d.mustSee("Bot")
}

// TestHintBarFollowsKeyMap: the hint bar names the keys where the user is,
// from the KeyMap (a rebound key shows as bound); from 12 rows it has its
// own line, below it shares the status line.
func TestHintBarFollowsKeyMap(t *testing.T) {
	km := DefaultKeyMap()
	km.Notes.Save = key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "highlight the sentence at the cursor"))
	km.Select.Save = key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "save the selection as a highlight"))
	d := &driver{t: t, m: New(Options{Library: fixtureLibrary(t), Annotate: fixtureAnnotations, Theme: Dark, Keys: &km})}
	d.run(d.m.Init())
	d.send(resize(100, 30))
	d.mustSee("enter open · j/k move · / filter · q quit")
	d.keys("enter")
	d.mustSee("space/b page · / search · H highlight · tab panel · J/K article · q back")
	d.keys("v")
	d.mustSee(")/( extend · H save")
	d.keys("esc", "/")
	d.mustSee("enter apply · esc cancel · ctrl+u clear")
	d.keys("esc")

	d.send(resize(100, 10)) // short: the hints share the status line
	bar := lastLine(d.screen())
	if !strings.Contains(bar, "space/b page") || !strings.Contains(bar, "? help") {
		t.Fatalf("the status line at 10 rows: %q", bar)
	}
	if n := strings.Count(d.screen(), "\n") + 1; n != 10 {
		t.Fatalf("%d rows at 100x10", n)
	}
}

// TestExternalEditorNotSet: ctrl+o in the note editor without $VISUAL or
// $EDITOR says so and keeps the note.
func TestExternalEditorNotSet(t *testing.T) {
	e := harborNotes(t, 100, 30)
	e.keys("a", "m", "i", "n", "e", "ctrl+o")
	if e.m.overlay != overlayEditor || e.m.editor.ta.Value() != "mine" {
		t.Fatalf("ctrl+o closed the editor or lost the note (%q)", e.m.editor.ta.Value())
	}
	e.mustSee("no external editor: set $VISUAL or $EDITOR")
}

// TestExternalEditorRoundTrip: the note goes to a file, the editor's
// changes come back sanitized (an escape sequence typed in the editor
// does not reach the screen), the file is removed, and ctrl+s saves.
func TestExternalEditorRoundTrip(t *testing.T) {
	e := harborNotes(t, 100, 30)
	e.m.opts.Editor = "true" // the exec itself needs a terminal: the end-to-end test runs it
	e.keys("a", "m", "i", "n", "e", "ctrl+o")
	msg := e.m.editor
	cmd, _ := msg.external()
	file := cmd().(noteFileMsg)
	if b, err := os.ReadFile(file.path); err != nil || string(b) != "mine" {
		t.Fatalf("the note file holds %q (%v)", b, err)
	}
	if fi, err := os.Stat(filepath.Dir(file.path)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("the note's folder is open to others: %v %v", fi.Mode(), err) // a note is private
	}
	os.WriteFile(file.path, []byte("mine, and more\x1b[31m from the editor\n"), 0o600)
	e.send(editorExitedMsg{path: file.path})
	if _, err := os.Stat(file.path); !os.IsNotExist(err) {
		t.Fatalf("the note file is left behind: %v", err)
	}
	if v := e.m.editor.ta.Value(); v != "mine, and more from the editor" {
		t.Fatalf("the note came back as %q", v)
	}
	e.keys("ctrl+s")
	if hs := e.stored(); len(hs) != 1 || hs[0].Note != "mine, and more from the editor" {
		t.Fatalf("stored %+v", hs)
	}
}

// TestQAndJKFromSearch: a story opened from the search screen goes back
// there on q (then the library, then out); J and K, which step through the
// library, say where the story came from instead.
func TestQAndJKFromSearch(t *testing.T) {
	e := newIndexEnv(t, 120, 30)
	e.keys("S")
	e.typeText("budapest")
	e.keys("enter", "enter")
	if e.m.screen != screenReader {
		t.Fatalf("enter on a result: screen %v", e.m.screen)
	}
	e.keys("J")
	e.mustSee("J and K step through the library; this story was opened from search")
	e.keys("q")
	if e.m.screen != screenSearch {
		t.Fatalf("q from a story opened from search went to %v", e.m.screen)
	}
	e.mustSee("q back")
	e.keys("q")
	if e.m.screen != screenLibrary || e.quit {
		t.Fatalf("q on the search screen: screen %v, quit %v", e.m.screen, e.quit)
	}
	e.keys("q")
	if !e.quit {
		t.Fatal("q in the library did not quit")
	}
}
