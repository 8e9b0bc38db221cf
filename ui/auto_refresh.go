package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// The background refresh the config asks for (feeds.refresh_on_start and
// feeds.refresh_interval, both off by default): the same refresh as r, in
// the background, keys working meanwhile. A refresh already running (the
// user's r) is left to finish, and the next tick comes all the same.

// autoRefreshMsg starts a background refresh; tick says the interval's
// timer sent it, so another is armed.
type autoRefreshMsg struct{ tick bool }

// autoRefreshCmds are the Cmds New starts with: a refresh at once, a timer
// for the first interval, or neither.
func (m *Model) autoRefreshCmds() []tea.Cmd {
	c := m.opts.Config
	if c == nil || len(m.net.opts.Subs) == 0 {
		return nil // (the feed cache may come after the first frame: autoRefresh waits for it)
	}
	var cmds []tea.Cmd
	if c.Settings.Feeds.RefreshOnStart {
		cmds = append(cmds, func() tea.Msg { return autoRefreshMsg{} })
	}
	if d := c.Settings.Feeds.RefreshInterval; d > 0 {
		cmds = append(cmds, refreshTick(d))
	}
	return cmds
}

func refreshTick(d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return autoRefreshMsg{tick: true} })
}

// autoRefresh starts the refresh unless one is running, and arms the next
// tick. Before the feed cache has opened (it opens after the first frame
// when newsmark was given PATHs), the refresh waits for it (storage.go).
func (m *Model) autoRefresh(msg autoRefreshMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.tick {
		cmds = append(cmds, refreshTick(m.opts.Config.Settings.Feeds.RefreshInterval))
	}
	switch {
	case !m.net.canRefresh() || m.net.opts.ListCache && !m.cacheListed:
		// The cache's items are listed first (feeds_view.go), so that what
		// the refresh brings joins them rather than coming twice.
		m.autoPending = true
	case !m.net.refreshing:
		cmd, req := m.net.refresh(nil)
		cmds = append(cmds, cmd, m.apply(req))
	}
	return tea.Batch(cmds...)
}

// autoRefreshNow starts the refresh that waited for the feed cache.
func (m *Model) autoRefreshNow() tea.Cmd {
	if !m.autoPending || !m.net.canRefresh() || m.net.opts.ListCache && !m.cacheListed {
		return nil
	}
	m.autoPending = false
	return m.autoRefresh(autoRefreshMsg{})
}
