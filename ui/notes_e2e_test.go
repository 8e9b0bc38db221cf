package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"newsmark/articles"
	"newsmark/notes"
	"newsmark/store"
	"newsmark/store/storetest"
)

// panePID is the newsmark process in the tmux pane: the pane runs a shell,
// whose child is newsmark (env execs it).
func (tt *tmuxTerm) newsmarkPID() int {
	tt.t.Helper()
	sh, err := strconv.Atoi(strings.TrimSpace(tt.tmux("display", "-p", "-t", tt.name, "#{pane_pid}")))
	if err != nil {
		tt.t.Fatal(err)
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(sh) + "/task/" + strconv.Itoa(sh) + "/children")
	if err != nil {
		tt.t.Skipf("cannot find the pane's child process: %v", err)
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		tt.t.Fatal("the pane's shell has no child: newsmark is not running")
	}
	pid, _ := strconv.Atoi(f[0])
	return pid
}

// firstSentences loads an article as newsmark does and returns its first
// two sentences.
func firstSentences(t *testing.T, e articles.Entry) (string, string) {
	t.Helper()
	a, err := e.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) < 2 {
		t.Fatalf("%s has %d sentences", a.Title, len(a.Sentences))
	}
	s0, s1 := a.Sentences[0], a.Sentences[1]
	return a.Body[s0.Start:s0.End], a.Body[s1.Start:s1.End]
}

// lead is the first words of a sentence, up to about 30 bytes and never
// half a character: enough to tell that its text is on screen.
func lead(s string) string {
	s = strings.TrimSpace(s)
	var out string
	for _, w := range strings.Fields(s) {
		if len(out) >= 30 {
			break
		}
		out = strings.TrimSpace(out + " " + w)
	}
	return out
}

// TestEndToEndSaveSurvivesSIGKILL: once the status bar says "saved", the
// highlight is on disk; killing newsmark with SIGKILL loses nothing, and a
// restarted newsmark shows it.
func TestEndToEndSaveSurvivesSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	lib := articles.Open([]string{"testdata/harbor.txt"}, nil)
	s0, s1 := firstSentences(t, lib.Entries[0])
	tt := startTmux(t, 120, 35, bin, "--theme", "dark", "--data-dir", dir, "testdata/harbor.txt")
	tt.waitReader(lead(s0))
	tt.send("v", ")", "h")
	tt.waitText("saved")
	storetest.KillPID(t, tt.newsmarkPID())
	tt.waitText("EXITED 137")
	for _, s := range []string{s0, s1} {
		if n := storetest.CountHighlights(t, store.DefaultPath(dir), s); n != 1 {
			t.Fatalf("after SIGKILL the database holds %d highlights with %q, want 1", n, s)
		}
	}
	// A restarted newsmark finds it: the library marks the article.
	again := startTmux(t, 120, 35, bin, "--theme", "dark", "--data-dir", dir, "testdata/harbor.txt")
	again.waitReader(lead(s0))
	again.send("Escape")
	again.waitText("✎ 1 note")
	again.send("q")
}

// TestEndToEndSaveThenExport follows issue 5: open a sample, v ) h, then
// `newsmark export --format md --all` contains the two sentences.
func TestEndToEndSaveThenExport(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	km, st := DefaultKeyMap(), NewStyles(Dark)
	first := newLibrary(common{keys: &km, styles: &st}, articles.Samples()).entries[0] // the library's order
	s0, s1 := firstSentences(t, first)
	tt := startTmux(t, 160, 45, bin, "--theme", "dark", "--data-dir", dir)
	tt.waitText("articles", "? help")
	tt.send("Enter")
	// The title (here the first sentence) is in the library too: wait for
	// the reader's text before the keys that act on it.
	tt.waitReader(lead(s0))
	tt.send("v", ")", "h")
	tt.waitText("saved")
	tt.send("q", "q") // back to the library, then quit
	tt.waitText("EXITED 0")
	export := exec.Command(bin, "export", "--format", "md", "--all", "--data-dir", dir)
	export.Env = append(os.Environ(), isolatedEnv(t)...) // later entries win
	out, err := export.CombinedOutput()
	if err != nil {
		t.Fatalf("newsmark export: %v\n%s", err, out)
	}
	for _, s := range []string{s0, s1} {
		if !strings.Contains(string(out), s) {
			t.Fatalf("the export lacks %q:\n%s", s, out)
		}
	}
}

// TestEndToEndNoteInEditor: ctrl+o in the note editor runs $EDITOR on the
// note (here a script that adds a line), hands the terminal back, and the
// note comes back into the editor; ctrl+s saves it.
func TestEndToEndNoteInEditor(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	editor := filepath.Join(dir, "editor.sh")
	script := "#!/bin/sh\nprintf ' and a line from the editor' >> \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	tt := startTmux(t, 120, 35, "env", "VISUAL=", "EDITOR="+editor, bin, "--theme", "dark", "--data-dir", dir,
		"testdata/harbor.txt")
	tt.waitReader("Kaiyo Shipping Co. said on")
	tt.send("a")
	tt.waitText("New highlight with a note")
	tt.send("mine", "C-o")
	tt.waitText("mine and a line from the editor", "ctrl+s saves it")
	tt.send("C-s")
	tt.waitText("saved")
	out, err := exec.Command(bin, "notes", "--data-dir", dir).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "mine and a line from the editor") {
		t.Fatalf("newsmark notes: %v\n%s", err, out)
	}
	tt.send("q")
	tt.waitText("EXITED 0")
}

// TestEndToEndNotesOnATerminal: `newsmark notes` on a terminal (tmux) draws
// its Markdown like glow — the passage behind a bar, the kept card's facts
// a list with no ** — in colour, and in no colour under NO_COLOR; through
// a pipe it prints the Markdown itself.
func TestEndToEndNotesOnATerminal(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	lib := articles.Open([]string{"testdata/harbor.txt"}, nil)
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(store.DefaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	s := a.Sentences[0]
	h, err := notes.NewHighlight(a, s.Start, s.End, "### Joint venture: Polar Gate\n\n- **Parties:** Northwind, Kaiyo\n- **Status:** announced\n")
	if err == nil {
		_, err = notes.New(db).Add(context.Background(), h)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	passage := lead(a.Body[s.Start:s.End])

	tt := startTmux(t, 100, 40, bin, "notes", "--data-dir", dir)
	screen := tt.waitText("EXITED 0")
	for _, want := range []string{"│ " + passage, "• Parties: Northwind, Kaiyo", "### Joint venture: Polar Gate"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the terminal lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "**") || strings.Contains(screen, "> "+passage) {
		t.Fatalf("the terminal shows the Markdown undrawn:\n%s", screen)
	}
	if !colourSGR.MatchString(tt.capture(true)) {
		t.Fatalf("no colour on a 256-colour terminal:\n%q", tt.capture(true))
	}

	mono := startTmux(t, 100, 40, "NO_COLOR=1", bin, "notes", "--data-dir", dir)
	mono.waitText("EXITED 0", "| "+passage)
	if m := colourSGR.FindString(mono.capture(true)); m != "" {
		t.Fatalf("NO_COLOR: a colour escape %q:\n%q", m, mono.capture(true))
	}

	cmd := exec.Command(bin, "notes", "--data-dir", dir)
	cmd.Env = append(os.Environ(), isolatedEnv(t)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "\n> "+passage) || !strings.Contains(string(out), "- **Parties:** Northwind, Kaiyo") ||
		strings.ContainsRune(string(out), 0x1b) {
		t.Fatalf("piped, notes is not its Markdown:\n%q", out)
	}
}

// TestEndToEndHighlightFollowsTheFile is issue 14's case with the real
// binary in a terminal: `cd dir; newsmark a.txt`, h keeps a sentence, q;
// the file is edited; `newsmark export /abs/dir/a.txt` run from another
// folder still exports it, its front matter pointing at the file with a
// file:// URL.
func TestEndToEndHighlightFollowsTheFile(t *testing.T) {
	bin := buildBinary(t)
	root := t.TempDir()
	dir, data := filepath.Join(root, "wire copy"), filepath.Join(root, "data")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/harbor.txt")
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(abs, b, 0o644); err != nil {
		t.Fatal(err)
	}
	lib := articles.Open([]string{abs}, nil)
	s0, _ := firstSentences(t, lib.Entries[0])
	tt := startTmux(t, 120, 35, "sh", "-c", "cd '"+dir+"' && exec '"+bin+"' --theme dark --data-dir '"+data+"' a.txt")
	tt.waitReader(lead(s0))
	tt.send("h")
	tt.waitText("saved")
	tt.send("q")
	tt.waitText("EXITED 0")

	edited := string(b) + "\nThe port authority welcomed the venture.\n"
	if err := os.WriteFile(abs, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	export := exec.Command(bin, "export", abs, "--data-dir", data)
	export.Dir = root
	export.Env = append(os.Environ(), isolatedEnv(t)...)
	out, err := export.CombinedOutput()
	if err != nil {
		t.Fatalf("newsmark export %s: %v\n%s", abs, err, out)
	}
	if !strings.Contains(string(out), "> "+s0) {
		t.Fatalf("the export lacks the kept sentence %q:\n%s", s0, out)
	}
	if want := `url: "file://` + filepath.ToSlash(root) + `/wire%20copy/a.txt"`; !strings.Contains(string(out), want) {
		t.Fatalf("the export's front matter lacks %s:\n%s", want, out)
	}
}
