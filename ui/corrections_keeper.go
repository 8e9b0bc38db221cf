package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"newsmark/corrections"
	"newsmark/model"
	"newsmark/sanitize"
)

// The root's side of the corrections. A correction shows at once: Update
// applies it to the open article's annotations in memory
// (corrections.Preview: the marks in the text and the panel's lists
// change in the same frame). A tea.Cmd then stores it and annotates the
// article again with the new list, whose answer (the venture cards and
// quotes too) replaces the preview and goes to the index; the index's
// background queue then re-annotates the other stories the correction
// touched. The correction goes on the undo stack; u takes it back the same
// way.

// correctedMsg is a correction stored (or not) and the article annotated
// again with it; undone says it was the undo of one.
type correctedMsg struct {
	gen     int
	article model.Article
	what    string
	change  corrections.Change
	before  model.Annotations // what the reader showed before it: the undo shows it again at once
	ann     model.Annotations
	index   annIndex
	rev     int64
	undone  bool
	err     error
}

// correctionsOff says why the menu cannot correct, "" when it can.
func (m *Model) correctionsOff() string {
	switch {
	case m.opts.Corrections != nil:
		return ""
	case m.opts.IndexStatus != "":
		return "corrections are off: " + m.opts.IndexStatus
	case m.opts.NotesStatus != "":
		return "corrections are off: " + m.opts.NotesStatus
	}
	return "corrections are off: no database is open"
}

// openCorrect opens the correct menu on t, or says why it cannot.
func (m *Model) openCorrect(t correctTarget) tea.Cmd {
	if m.opts.Corrections == nil && m.waitStorage(func(m *Model) tea.Cmd { return m.openCorrectLater(t, m.gen) }) {
		return nil
	}
	if why := m.correctionsOff(); why != "" {
		m.setStatus(why, true)
		return nil
	}
	a, ok := m.reader.loadedArticle()
	ann, annotated := m.anns.byID[a.ID]
	switch {
	case !ok:
		m.setStatus("the article is still loading", false)
		return nil
	case !annotated:
		m.setStatus("the article is still being annotated", false)
		return nil
	case len(t.names) == 0:
		return nil
	}
	m.overlay = overlayCorrect
	return m.apply(m.correct.open(a, ann, t))
}

// openCorrectLater opens the menu asked for while the database opened
// (open generation gen): once the open article is annotated again with the
// corrections that came with it, if it is being; never on another article.
func (m *Model) openCorrectLater(t correctTarget, gen int) tea.Cmd {
	if gen != m.gen {
		return nil
	}
	if a, ok := m.reader.loadedArticle(); ok && m.anns.stale {
		if _, annotated := m.anns.byID[a.ID]; !annotated {
			m.annWaiting = append(m.annWaiting, func(m *Model) tea.Cmd {
				if gen != m.gen {
					return nil
				}
				if t.selection {
					return m.openCorrect(t) // text, not marks: the same with the corrections
				}
				// The names at the cursor, as the corrections mark them.
				return m.apply(m.reader.correctRequest())
			})
			m.setStatus("opening the correct menu once the article is annotated with your corrections…", false)
			return nil
		}
	}
	return m.openCorrect(t)
}

// closeCorrect closes the menu and takes its mark off the text.
func (m *Model) closeCorrect() tea.Cmd {
	m.overlay = overlayNone
	return m.route(&m.reader, correctShowMsg{})
}

// showAnnotations gives the open article ann at once: the reader's marks,
// the panel's lists. Quotes and ventures are ann's as well.
func (m *Model) showAnnotations(a model.Article, ann model.Annotations, rev int64) tea.Cmd {
	msg := annotatedMsg{gen: m.gen, id: a.ID, ann: ann, index: buildIndex(ann, len(a.Body)), next: -1, rev: rev}
	m.anns.keep(msg)
	return tea.Batch(m.route(&m.reader, msg), m.route(&m.panel, msg))
}

// makeCorrection applies req to the open article at once and stores it in
// a tea.Cmd.
func (m *Model) makeCorrection(req correctMsg) tea.Cmd {
	a, ok := m.reader.loadedArticle()
	before, annotated := m.anns.byID[a.ID]
	if !ok || !annotated || m.opts.Corrections == nil {
		return nil
	}
	ann := before
	for _, e := range req.entries {
		ann = corrections.Preview(a, ann, e)
	}
	show := m.showAnnotations(a, ann, m.anns.revs[a.ID])
	if req.selection {
		show = tea.Batch(show, m.route(&m.reader, endSelectionMsg{}))
	}
	m.setStatus("correcting: "+req.what+"…", false)
	svc, f, gen := m.opts.Corrections, m.anns.f, m.gen
	entries := req.entries
	return tea.Batch(show, func() tea.Msg {
		msg := correctedMsg{gen: gen, article: a, what: req.what, before: before}
		msg.change, msg.err = svc.Apply(context.Background(), entries...)
		if msg.err == nil {
			msg.ann, msg.rev = f(a)
			msg.index = buildIndex(msg.ann, len(a.Body))
		}
		return msg
	})
}

// undoCorrection takes back change, made on article a: at once if a is
// open (what the reader showed before it comes back), then in a tea.Cmd.
func (m *Model) undoCorrection(ch corrections.Change, a model.Article, before model.Annotations, what string) tea.Cmd {
	var show tea.Cmd
	if cur, ok := m.reader.loadedArticle(); ok && cur.ID == a.ID && m.screen == screenReader {
		show = m.showAnnotations(a, before, m.anns.revs[a.ID])
	}
	svc, f, gen := m.opts.Corrections, m.anns.f, m.gen
	return tea.Batch(show, func() tea.Msg {
		msg := correctedMsg{gen: gen, article: a, what: what, undone: true}
		msg.change, msg.err = svc.Undo(context.Background(), ch)
		if msg.err == nil {
			msg.ann, msg.rev = f(a)
			msg.index = buildIndex(msg.ann, len(a.Body))
		}
		return msg
	})
}

// corrected takes a correction's (or its undo's) end: the annotator's
// answer replaces the preview, the article goes to the index and the index
// re-annotates, in the background, the stories the change touched; every
// other annotation kept is forgotten (the change may touch any). A
// correction goes on the undo stack.
func (m *Model) corrected(msg correctedMsg) tea.Cmd {
	a := msg.article
	open, ok := m.reader.loadedArticle()
	isOpen := ok && open.ID == a.ID && msg.gen == m.gen
	if msg.err != nil {
		verb := "not corrected: "
		if msg.undone {
			verb = "not undone: "
		}
		m.setStatus(verb+sanitize.Line(msg.err.Error()), true)
		if isOpen && !msg.undone {
			return m.showAnnotations(a, msg.before, m.anns.revs[a.ID]) // the preview goes
		}
		return nil
	}
	m.anns.forget()
	var cmds []tea.Cmd
	if isOpen {
		cmds = append(cmds, m.showAnnotations(a, msg.ann, msg.rev))
	} else {
		m.anns.keep(annotatedMsg{id: a.ID, ann: msg.ann, rev: msg.rev})
		if ok && m.screen == screenReader {
			cmds = append(cmds, m.anns.annotate(m.gen, open)) // the article shown may be touched too
		}
	}
	cmds = append(cmds, m.idx.add(a, msg.ann, msg.rev), m.idx.corrected())
	status := "corrected: " + msg.what
	if msg.undone {
		status = "undone: " + msg.what
	} else {
		ch, before, what := msg.change, msg.before, msg.what
		status += m.pushUndo(undoEntry{what: what, now: func(m *Model) tea.Cmd { return m.undoCorrection(ch, a, before, what) }})
	}
	if t := msg.change.Touched; t > 0 && m.opts.Index != nil {
		status += fmt.Sprintf(" · %s to annotate again", plural(t, "indexed story", "indexed stories"))
	}
	m.setStatus(status, false)
	return tea.Batch(cmds...)
}
