package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// The hint bar: the few keys that matter where the user is, always on
// screen (lazygit's options bar, glow's status line). From 12 rows it has
// a line of its own over the status bar; below, it shares the status line.
// The keys come from the KeyMap, so a rebound key shows as bound; the ?
// help key is on the status bar's right.

// hintRows is the window height from which the hint bar has its own line.
const hintRows = 12

// hint is one entry of the hint bar: the first key of each binding, joined
// by "/", and a word or two.
type hint struct {
	keys  []key.Binding
	label string
}

func hintOf(label string, keys ...key.Binding) hint { return hint{keys, label} }

// hints are the hint bar's entries for what has the keys now, most useful
// first (a narrow bar keeps the first ones).
func (m *Model) hints() []hint {
	k := m.keys
	g, r, in := k.Global, k.Reader, k.Input
	switch {
	case m.showHelp:
		return []hint{hintOf("scroll", r.Down, r.Up), hintOf("top/bottom", r.Top, r.Bottom), hintOf("close", g.Back)}
	case m.overlay == overlayEditor:
		return []hint{hintOf("save", k.Editor.Save), hintOf("$EDITOR", k.Editor.External),
			hintOf("cancel", k.Editor.Cancel), hintOf("clear line", in.KillStart)}
	case m.overlay == overlayExport && m.export.previewing:
		return []hint{hintOf("choose where to write it", k.Export.Continue), hintOf("cancel", k.Export.Cancel),
			hintOf("scroll", r.Down, r.Up), hintOf("page", r.PageDown, r.PageUp)}
	case m.overlay == overlayExport && m.export.exists != "":
		x := k.Export
		return []hint{hintOf("overwrite", x.Overwrite), hintOf("new name", x.NewName), hintOf("cancel", x.Cancel)}
	case m.overlay == overlayExport:
		x := k.Export
		return []hint{hintOf("Markdown", x.Markdown), hintOf("JSON", x.JSON), hintOf("CSV", x.CSV),
			hintOf(formatName(m.export.def), x.Default), hintOf("cancel", x.Cancel)}
	case m.overlay == overlayCorrect && m.correct.mode != correctMain:
		ck := k.Correct
		return []hint{hintOf("choose", ck.Down, ck.Up), hintOf("pick", ck.Pick), hintOf("back", ck.Back)}
	case m.overlay == overlayCorrect:
		ck := k.Correct
		hs := []hint{hintOf("company", ck.Company), hintOf("person", ck.Person), hintOf("place", ck.Place)}
		if !m.correct.target.selection {
			hs = append(hs, hintOf("not a name", ck.NotAName), hintOf("merge", ck.Merge), hintOf("split", ck.Split))
		}
		return append(hs, hintOf("this article", ck.ThisArticle), hintOf("close", ck.Cancel))
	case m.input.active():
		return []hint{hintOf("apply", in.Accept), hintOf("cancel", in.Cancel), hintOf("clear", in.KillStart),
			hintOf("start/end", in.Home, in.End), hintOf("delete word", in.KillWord)}
	case m.overlay == overlayLinks && m.screen == screenReader:
		ln := k.Links
		return []hint{hintOf("move", ln.Down, ln.Up), hintOf("open", ln.Open), hintOf("close", ln.Close)}
	case m.screen == screenLibrary && m.feedsOn && m.feedsFocus:
		f := k.Feeds
		hs := []hint{hintOf("items", f.Open), hintOf("move", f.Down, f.Up)}
		if m.marks.unreadCount("") > 0 {
			hs = append(hs, hintOf("next unread", f.NextUnread), hintOf("mark read", f.MarkFeed))
		}
		hs = append(hs, hintOf("tag", f.Tag), hintOf("refresh/all", k.Web.Refresh, k.Web.RefreshAll),
			hintOf("close", f.View))
		return hs
	case m.screen == screenLibrary:
		l := k.Library
		hs := []hint{hintOf("open", l.Open), hintOf("move", l.Down, l.Up), hintOf("filter", l.Filter)}
		if m.marks.unreadCount("") > 0 {
			hs = append(hs, hintOf("next unread", k.Feeds.NextUnread))
		}
		switch {
		case m.net.canRetry():
			hs = append(hs, hintOf("try again", k.Web.Refresh))
		case m.net.canRefresh():
			hs = append(hs, hintOf("refresh", k.Web.Refresh), hintOf("feeds", k.Feeds.View))
		}
		if m.opts.Index != nil || m.storagePending() { // S and D pressed before it is open wait for it
			hs = append(hs, hintOf("search/deals", k.Index.Search, k.Index.Deals), hintOf("brief", k.Brief.Open))
		}
		return append(hs, hintOf("quit", g.Quit))
	case m.screen == screenSearch:
		sk := k.Search
		return []hint{hintOf("open", sk.Open), hintOf("move", sk.Down, sk.Up), hintOf("new query", sk.Edit),
			hintOf("back", g.Quit)}
	case m.screen == screenDeals && m.deals.picking != nil:
		return []hint{hintOf("choose the party", k.Company.Pick), hintOf("cancel", g.Back)}
	case m.screen == screenCompany && m.company.picking():
		ck, pick := k.Correct, "merge into it"
		if m.company.pick.split {
			pick = "split it off"
		}
		return []hint{hintOf("choose", ck.Down, ck.Up), hintOf(pick, ck.Pick), hintOf("back", ck.Back)}
	case m.screen == screenCompany:
		c := k.Company
		return []hint{hintOf("open", c.Jump), hintOf("move", c.Down, c.Up), hintOf("follow", c.Follow),
			hintOf("merge", c.Merge), hintOf("split", c.Split), hintOf("back", g.Quit)}
	case m.screen == screenBrief:
		return []hint{hintOf("scroll", r.Down, r.Up), hintOf("page", r.PageDown, r.PageUp),
			hintOf("period", k.Brief.Period), hintOf("back", g.Quit)}
	case m.screen == screenDeals && m.deals.sources:
		dk := k.Deals
		return []hint{hintOf("open at the deal", dk.Open), hintOf("move", dk.Down, dk.Up), hintOf("back", g.Quit)}
	case m.screen == screenDeals:
		dk := k.Deals
		return []hint{hintOf("sources", dk.Open), hintOf("move", dk.Down, dk.Up), hintOf("filter", dk.Filter),
			hintOf("sort", dk.ByDate, dk.ByAmount, dk.BySources, dk.ByKind), hintOf("back", g.Quit)}
	case m.reader.keySet() == InSelection:
		s := k.Select
		return []hint{hintOf("extend", s.Next, s.Prev), hintOf("save", s.Save), hintOf("note", s.Note),
			hintOf("copy", s.Copy), hintOf("cancel", g.Back)}
	}
	var hs []hint
	switch {
	case m.reader.search != "":
		hs = append(hs, hintOf("match", r.Next, r.Prev))
	case len(m.reader.mentions) > 0:
		hs = append(hs, hintOf("mention", r.Next, r.Prev))
	}
	if m.focus == focusPanel {
		p := k.Panel
		hs = append(hs, hintOf("move", p.Down, p.Up), hintOf("jump", p.Jump), hintOf("tab", g.PrevTab, g.NextTab),
			hintOf("reader", g.Focus))
	} else {
		hs = append(hs, hintOf("page", r.PageDown, r.PageUp), hintOf("search", r.Search), hintOf("highlight", k.Notes.Save))
		if m.showPanel {
			hs = append(hs, hintOf("panel", g.Focus))
		}
	}
	if m.marks.unreadCount("") > 0 && m.from == screenLibrary {
		hs = append(hs, hintOf("next unread", k.Feeds.ReaderNext))
	}
	if len(m.library.visible) > 1 && m.from == screenLibrary {
		hs = append(hs, hintOf("article", r.NextArticle, r.PrevArticle))
	}
	if m.single {
		return append(hs, hintOf("quit", g.Quit))
	}
	return append(hs, hintOf("back", g.Quit))
}

// hintBar draws hs in at most width cells: whole entries only, the last
// ones dropped when they do not fit.
func (m *Model) hintBar(hs []hint, width int) string {
	st := m.styles.Help
	sep := st.ShortSeparator.Render(" · ")
	var b strings.Builder
	w := 0
	for _, h := range hs {
		keys := make([]string, 0, len(h.keys))
		for _, k := range h.keys {
			if fk := firstKey(k); fk != "" {
				keys = append(keys, fk)
			}
		}
		if len(keys) == 0 {
			continue // unbound: nothing to press
		}
		ks := strings.Join(keys, "/")
		ew := ansi.StringWidth(ks) + 1 + ansi.StringWidth(h.label)
		if w > 0 {
			ew += 3
		}
		if w+ew > width {
			break
		}
		if w > 0 {
			b.WriteString(sep)
		}
		b.WriteString(st.ShortKey.Render(ks) + " " + st.ShortDesc.Render(h.label))
		w += ew
	}
	return b.String()
}
