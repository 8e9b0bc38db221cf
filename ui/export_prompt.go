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
// then shows the export as it will be written over the screen (the
// preview, export_preview.go); enter there asks for the path, typed in the
// status bar, filled with the export folder and a name made from the
// title; enter writes it (all or nothing). The preview and the write both
// go through the same notes.Export as `newsmark export` (gather). When the
// file is there already the prompt asks again: y overwrites (keeping its
// mode), n offers a free name, esc leaves it.

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
	def      notes.Format                          // chosen with enter: the config's export.format
	exists   string                                // the path that exists: y overwrites, n asks another name
	free     string                                // a free name next to exists, offered by n
	// previewing is true from the format to enter or esc: the preview
	// gets the keys and covers the screen.
	previewing bool
	preview    exportPreview
}

// ask opens the question on a (with its annotations, if known) and the
// highlights it has now.
func (x *exportPrompt) ask(a model.Article, ann *model.Annotations, hs []model.Highlight) {
	x.article, x.ann, x.exists, x.free, x.previewing = a, ann, "", "", false
	x.docs = []notes.Doc{{Article: a, Highlights: hs}}
}

// Update: m, j or c choose the format and open the preview; enter there
// asks for the path; the path typed (an inputMsg) writes the file in a
// tea.Cmd; the write's end is a status, or the overwrite question.
func (x *exportPrompt) Update(msg tea.Msg) (tea.Cmd, request) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case x.exists != "":
			return x.existsKey(msg)
		case x.previewing:
			return x.previewKey(msg)
		}
		return x.key(msg)
	case previewMsg, themeMsg:
		return x.preview.Update(msg)
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

// key answers the format question: a format opens the preview of the
// export in it.
func (x *exportPrompt) key(msg tea.KeyPressMsg) (tea.Cmd, request) {
	k := x.keys.Export
	switch {
	case key.Matches(msg, k.Markdown):
		x.format = notes.Markdown
	case key.Matches(msg, k.JSON):
		x.format = notes.JSON
	case key.Matches(msg, k.CSV):
		x.format = notes.CSV
	case key.Matches(msg, k.Default):
		x.format = x.def
	case key.Matches(msg, k.Cancel):
		return nil, requests{closeOverlayMsg{}, status("export cancelled")}
	default:
		return nil, nil
	}
	x.previewing = true
	return x.preview.open(x.format, x.gather()), nil
}

// previewKey: enter goes on to the path, esc cancels (nothing written),
// the scroll keys scroll.
func (x *exportPrompt) previewKey(msg tea.KeyPressMsg) (tea.Cmd, request) {
	k := x.keys.Export
	switch {
	case key.Matches(msg, k.Continue):
		x.previewing = false
		dir := x.dir
		if dir == "" {
			dir = "."
		}
		return nil, requests{closeOverlayMsg{}, startInputMsg{inputExportPath, tildePath(filepath.Join(dir, notes.FileName(x.docs, x.format)))}}
	case key.Matches(msg, k.Cancel):
		x.previewing = false
		return nil, requests{closeOverlayMsg{}, status("export cancelled: nothing written")}
	}
	return x.preview.Update(msg)
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

// gather is the export of the article's highlights as stored when it
// runs (in a Cmd), with its annotations: the one path the preview and the
// write take, and the one `newsmark export` takes.
func (x *exportPrompt) gather() func() (*notes.Export, error) {
	a, n, annotate := x.article, x.notes, x.annotate
	if x.ann != nil {
		ann := *x.ann
		annotate = func(model.Article) model.Annotations { return ann } // annotated already
	}
	return func() (*notes.Export, error) {
		ex := notes.NewExport(n, nil, annotate)
		return ex, ex.AddArticle(context.Background(), a)
	}
}

// write exports the article's highlights, as stored now, to path in a
// tea.Cmd. An existing file is replaced only when overwrite says the user
// agreed; otherwise exportedMsg comes back with outfile.ErrExists.
func (x *exportPrompt) write(path string, overwrite bool) (tea.Cmd, request) {
	if path == "" {
		return nil, status("export cancelled: no path")
	}
	path = expandTilde(path)
	f, gather := x.format, x.gather()
	return func() tea.Msg {
		ex, err := gather()
		if err == nil {
			// FilesOnly: in the reader a FIFO at the path would hold the
			// export with nothing on screen to say so; streams are for the CLI.
			err = ex.WriteFile(path, f, outfile.Options{Overwrite: overwrite, FilesOnly: true})
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
// overwrite, is asked, or what the preview shows; the hint bar gives the
// keys that answer.
func (x *exportPrompt) View() string {
	if x.previewing {
		what := formatName(x.format) + " export"
		if x.preview.source != "" {
			what += ", " + plural(x.preview.n, "highlight", "highlights")
		}
		return " preview of the " + what
	}
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
	switch {
	case x.exists != "":
		return InExists
	case x.previewing:
		return InPreview
	}
	return InExport
}

// SetSize sizes the preview, which covers the screen above the status
// bar; the status bar cuts the prompt to the width.
func (x *exportPrompt) SetSize(w, h int) tea.Cmd { return x.preview.SetSize(w, h) }

// ShortHelp is the prompt's bindings.
func (x *exportPrompt) ShortHelp() []key.Binding { return x.FullHelp()[0] }

// FullHelp is the prompt's bindings for the help overlay.
func (x *exportPrompt) FullHelp() [][]key.Binding { return x.keys.helpGroups(x.keySet()) }
