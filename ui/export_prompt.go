package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// The export prompt: x asks for a format in the status bar (m, j, c),
// then the path is typed there, filled with the export folder and a name
// made from the title; enter writes it (all or nothing), through the same
// notes.Export as `newsmark export`. When the file is there already the
// prompt asks again: y overwrites (keeping its mode), n offers a free name,
// esc leaves it.

// exportMsg asks the root to open the export prompt on an article's
// highlights (the root adds its annotations, when it has them).
type exportMsg struct {
	article    model.Article
	highlights []model.Highlight
}

// exportedMsg is the end of an export: the file written, or why not.
type exportedMsg struct {
	path string
	n    int
	err  error
	free string // when path exists: a name with nothing there, to offer
}

// askOverwriteMsg asks the root to show the prompt again: the file exists.
type askOverwriteMsg struct{}

// exportPrompt is the export question and then the path it writes to. It
// is an overlay of the status bar: while it asks it gets every key; the
// path is typed in the root's text input, addressed to it.
type exportPrompt struct {
	common
	dir      string                                // the export folder; "" means "."
	notes    *notes.Notes                          // the highlights, as stored when the export runs
	annotate func(model.Article) model.Annotations // for an article not annotated yet
	article  model.Article                         // what is exported
	ann      *model.Annotations                    // its annotations, when the root has them
	docs     []notes.Doc                           // for the file name proposed
	format   notes.Format                          // chosen with m, j or c
	exists   string                                // the path that exists: y overwrites, n asks another name
	free     string                                // a free name next to exists, offered by n
}

// ask opens the question on a (with its annotations, if known) and the
// highlights it has now.
func (x *exportPrompt) ask(a model.Article, ann *model.Annotations, hs []model.Highlight) {
	x.article, x.ann, x.exists, x.free = a, ann, "", ""
	x.docs = []notes.Doc{{Article: a, Highlights: hs}}
}

// Update: m, j or c choose the format and ask for the path; the path typed
// (an inputMsg) writes the file in a tea.Cmd; the write's end is a status,
// or the overwrite question.
func (x *exportPrompt) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if x.exists != "" {
			return x.existsKey(msg)
		}
		return nil, x.key(msg)
	case inputMsg:
		if msg.state == inputAccepted {
			return x.write(msg.value, false)
		}
	case exportedMsg:
		if errors.Is(msg.err, outfile.ErrExists) {
			x.exists, x.free = msg.path, msg.free
			return nil, askOverwriteMsg{}
		}
		if msg.err != nil {
			return nil, failure("not exported: " + sanitize.Line(msg.err.Error()))
		}
		return nil, status("exported " + plural(msg.n, "highlight", "highlights") + " to " + sanitize.Quote(tildePath(msg.path)))
	}
	return nil, nil
}

func (x *exportPrompt) key(msg tea.KeyPressMsg) request {
	k := x.keys.Export
	switch {
	case key.Matches(msg, k.Markdown):
		x.format = notes.Markdown
	case key.Matches(msg, k.JSON):
		x.format = notes.JSON
	case key.Matches(msg, k.CSV):
		x.format = notes.CSV
	case key.Matches(msg, k.Cancel):
		return requests{closeOverlayMsg{}, status("export cancelled")}
	default:
		return nil
	}
	dir := x.dir
	if dir == "" {
		dir = "."
	}
	return requests{closeOverlayMsg{}, startInputMsg{inputExportPath, tildePath(filepath.Join(dir, notes.FileName(x.docs, x.format)))}}
}

// existsKey answers the overwrite question: overwrite, type another name
// (a free one offered), or cancel; any other key leaves it open.
func (x *exportPrompt) existsKey(msg tea.KeyPressMsg) (tea.Cmd, request) {
	k, path, free := x.keys.Export, x.exists, x.free
	switch {
	case key.Matches(msg, k.Overwrite):
		x.exists, x.free = "", ""
		cmd, req := x.write(path, true)
		return cmd, requests{closeOverlayMsg{}, req}
	case key.Matches(msg, k.NewName):
		x.exists, x.free = "", ""
		return nil, requests{closeOverlayMsg{}, startInputMsg{inputExportPath, tildePath(free)}}
	case key.Matches(msg, k.Cancel):
		x.exists, x.free = "", ""
		return nil, requests{closeOverlayMsg{}, status("export cancelled: " + sanitize.Quote(path) + " left as it is")}
	}
	return nil, nil
}

// write exports the article's highlights, as stored now, to path in a
// tea.Cmd. An existing file is replaced only when overwrite says the user
// agreed; otherwise exportedMsg comes back with outfile.ErrExists.
func (x *exportPrompt) write(path string, overwrite bool) (tea.Cmd, request) {
	if path == "" {
		return nil, status("export cancelled: no path")
	}
	path = expandTilde(path)
	a, f, n, annotate := x.article, x.format, x.notes, x.annotate
	if x.ann != nil {
		ann := *x.ann
		annotate = func(model.Article) model.Annotations { return ann } // annotated already
	}
	return func() tea.Msg {
		ex := notes.NewExport(n, nil, annotate)
		err := ex.AddArticle(context.Background(), a)
		if err == nil {
			err = ex.WriteFile(path, f, outfile.Options{Overwrite: overwrite})
		}
		msg := exportedMsg{path: path, n: ex.Highlights(), err: err}
		if errors.Is(err, outfile.ErrExists) {
			msg.free = freeName(path)
		}
		return msg
	}, nil
}

// tildePath writes a path under the home folder as ~/…, as a shell
// prompt does: shorter to read and edit in the status line.
func tildePath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return p
	}
	if rel, err := filepath.Rel(home, p); err == nil && filepath.IsAbs(p) && rel != ".." && !strings.HasPrefix(rel, "../") {
		return filepath.Join("~", rel)
	}
	return p
}

// expandTilde expands a leading ~ or ~/ to the home folder, as a shell
// does (~user is left alone: there is no shell to ask).
func expandTilde(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return filepath.Join(home, p[1:])
}

// freeName is path with -2, -3… before its extension: the first such name
// with nothing there. It runs in the export's Cmd; the name is only
// offered, and the write never replaces what appears there meanwhile.
func freeName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for i := 2; i < 1000; i++ {
		p := fmt.Sprintf("%s-%d%s", stem, i, ext)
		if _, err := os.Lstat(p); err != nil {
			return p
		}
	}
	return path
}

// View is the status bar's question while the format, or whether to
// overwrite, is asked; the hint bar gives the answers' keys.
func (x *exportPrompt) View() string {
	if x.exists != "" {
		return " file exists: " + sanitize.Quote(filepath.Base(x.exists))
	}
	n := 0
	for _, d := range x.docs {
		n += len(d.Highlights)
	}
	return " export " + plural(n, "highlight", "highlights") + " as:"
}

// keySet is the help the prompt shows: the format question or the
// overwrite question.
func (x *exportPrompt) keySet() KeySet {
	if x.exists != "" {
		return InExists
	}
	return InExport
}

// SetSize does nothing: the status bar cuts the prompt to the width.
func (x *exportPrompt) SetSize(int, int) tea.Cmd { return nil }

// ShortHelp is the prompt's bindings.
func (x *exportPrompt) ShortHelp() []key.Binding { return x.FullHelp()[0] }

// FullHelp is the prompt's bindings for the help overlay.
func (x *exportPrompt) FullHelp() [][]key.Binding { return x.keys.helpGroups(x.keySet()) }
