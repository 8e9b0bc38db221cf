package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsmark/outfile"
	"newsmark/sanitize"
)

// The note editor's ctrl+o: the note goes to $VISUAL or $EDITOR, as git's
// commit message and bash's ctrl+x ctrl+e do. Each step is a tea.Cmd: the
// note is written to a file in a temporary folder of its own, the editor
// runs on it with the terminal handed over (tea.ExecProcess), the file is
// read back, sanitized, and the folder removed. The note comes back into the editor box, not saved: ctrl+s
// still saves, esc still discards.

// Messages of the external editor, in the order they come.
type (
	// noteFileMsg: the note is in a temporary file for the editor.
	noteFileMsg struct {
		path string
		err  error
	}
	// editorExitedMsg: the editor has exited (err: it failed to run, or
	// exited non-zero).
	editorExitedMsg struct {
		path string
		err  error
	}
	// noteFileReadMsg: what the editor left in the file.
	noteFileReadMsg struct {
		text string
		err  error
	}
)

// external starts the round trip, or says no editor is set.
func (e *editorPane) external() (tea.Cmd, request) {
	if len(strings.Fields(e.command)) == 0 {
		return nil, failure("no external editor: set $VISUAL or $EDITOR (the note stays here)")
	}
	note := e.ta.Value()
	return func() tea.Msg {
		// A folder of its own (mode 0700): a note is nobody else's to
		// read, and the editor may write its swap and backup files beside
		// it. The file goes through outfile, as every file newsmark writes
		// outside its data folder does.
		dir, err := os.MkdirTemp("", "newsmark-note-")
		if err != nil {
			return noteFileMsg{err: err}
		}
		path := filepath.Join(dir, "note.md")
		if err := outfile.WriteBytes(path, outfile.Options{FilesOnly: true}, []byte(note)); err != nil {
			os.RemoveAll(dir)
			return noteFileMsg{err: err}
		}
		return noteFileMsg{path: path}
	}, nil
}

// externalStep takes the round trip one step on.
func (e *editorPane) externalStep(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case noteFileMsg:
		if msg.err != nil {
			return nil, failure("could not hand the note to the editor: " + sanitize.Line(msg.err.Error()))
		}
		// "code --wait" and "emacsclient -t" are editors too: the command
		// is split on spaces, as git splits core.editor without a shell.
		args := strings.Fields(e.command)
		c := exec.Command(args[0], append(args[1:], msg.path)...)
		path := msg.path
		return tea.ExecProcess(c, func(err error) tea.Msg { return editorExitedMsg{path, err} }), nil
	case editorExitedMsg:
		path, runErr := msg.path, msg.err
		return func() tea.Msg {
			defer os.RemoveAll(filepath.Dir(path))
			if runErr != nil {
				return noteFileReadMsg{err: runErr}
			}
			b, err := os.ReadFile(path)
			return noteFileReadMsg{text: string(b), err: err}
		}, nil
	case noteFileReadMsg:
		if msg.err != nil {
			return nil, failure(sanitize.Line(e.command+": "+msg.err.Error()) + " (the note is as it was)")
		}
		// Editors end a file with a newline; the note does not need it.
		e.ta.SetValue(strings.TrimRight(sanitize.Text(msg.text), "\n"))
		return nil, status("the note from " + sanitize.Line(e.command) + ": " + e.keys.Editor.Save.Help().Key + " saves it")
	}
	return nil, nil
}

// removeFile removes a note's temporary file, and its folder, that nobody
// will read.
func removeFile(path string) tea.Cmd {
	return func() tea.Msg { os.RemoveAll(filepath.Dir(path)); return nil }
}
