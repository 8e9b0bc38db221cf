package ui

import "newsmark/feeds"

// readMarks are the marks of the cached feed items: which are unread and
// starred, and which feeds carry each (a story two feeds carry is one
// article, in both). Every pane reads them through common (the library's
// "● unread", the feeds view's counts, the status bar); only the root
// changes them, as requests arrive (requests.go), so they never disagree
// between panes. The counts per feed are kept as marks change, so drawing
// the feeds view counts nothing.
type readMarks struct {
	unread, starred map[string]bool
	feedsOf         map[string][]string // article ID → the feeds (URLs) that carry it
	unreadIn        map[string]int      // feed URL → its unread items
	itemsIn         map[string]int      // feed URL → its items
	idsIn           map[string][]string // feed URL → its article IDs
	unreadAll       int                 // unread items, each once
}

func newReadMarks() *readMarks {
	return &readMarks{unread: map[string]bool{}, starred: map[string]bool{}, feedsOf: map[string][]string{},
		unreadIn: map[string]int{}, itemsIn: map[string]int{}, idsIn: map[string][]string{}}
}

// snapshotMarks are the marks of the cache read at start, made in the
// Cmd. They take the snapshot's maps of unread, starred and feeds as they
// are (the snapshot is the Cmd's own, and only read after), and count each
// feed's items once: 20,000 items read again into new maps cost as much
// as reading them.
func snapshotMarks(s feeds.Snapshot) *readMarks {
	r := &readMarks{unread: s.Unread, starred: s.Starred, feedsOf: s.ItemFeeds, unreadIn: map[string]int{},
		itemsIn: map[string]int{}, idsIn: map[string][]string{}}
	if r.unread == nil {
		r.unread = map[string]bool{}
	}
	if r.starred == nil {
		r.starred = map[string]bool{}
	}
	if r.feedsOf == nil {
		r.feedsOf = map[string][]string{}
	}
	// One lookup a feed an item, not three: the counts go to the maps once
	// a feed at the end.
	type count struct {
		ids           []string
		items, unread int
	}
	counts := map[string]*count{}
	for _, e := range s.Library.Entries {
		id := e.Meta.ID
		unread := r.unread[id]
		for _, f := range r.feedsOf[id] {
			c := counts[f]
			if c == nil {
				c = &count{}
				counts[f] = c
			}
			c.ids = append(c.ids, id)
			c.items++
			if unread {
				c.unread++
			}
		}
	}
	for f, c := range counts {
		r.idsIn[f], r.itemsIn[f] = c.ids, c.items
		if c.unread > 0 {
			r.unreadIn[f] = c.unread
		}
	}
	r.unreadAll = len(r.unread)
	return r
}

// load takes the article's marks and feeds from the cache's snapshot.
func (r *readMarks) load(id string, s feeds.Snapshot) {
	for _, f := range s.ItemFeeds[id] {
		r.addItem(id, f, false)
	}
	if s.Unread[id] {
		r.setUnread(id, true)
	}
	if s.Starred[id] {
		r.setStarred(id, true)
	}
}

// isUnread says whether the article with this ID is an unread feed item.
func (r *readMarks) isUnread(id string) bool { return r != nil && r.unread[id] }

// isStarred says whether the article with this ID is a starred feed item.
func (r *readMarks) isStarred(id string) bool { return r != nil && r.starred[id] }

// hasMarks says whether the article is a cached feed item, which has read
// and star marks (a file or a page opened by URL has none).
func (r *readMarks) hasMarks(id string) bool {
	if r == nil {
		return false
	}
	_, ok := r.feedsOf[id]
	return ok
}

// feeds are the feeds that carry the article, nil for none.
func (r *readMarks) feeds(id string) []string {
	if r == nil {
		return nil
	}
	return r.feedsOf[id]
}

// inFeed says whether the feed at url carries the article.
func (r *readMarks) inFeed(id, url string) bool {
	for _, f := range r.feeds(id) {
		if f == url {
			return true
		}
	}
	return false
}

// unreadCount is the unread items of the feed at url, or of every feed
// with url "".
func (r *readMarks) unreadCount(url string) int {
	switch {
	case r == nil:
		return 0
	case url == "":
		return r.unreadAll
	}
	return r.unreadIn[url]
}

// ids are the articles of the feed at url, in no order.
func (r *readMarks) ids(url string) []string {
	if r == nil {
		return nil
	}
	return r.idsIn[url]
}

// itemCount is the items of the feed at url.
func (r *readMarks) itemCount(url string) int {
	if r == nil {
		return 0
	}
	return r.itemsIn[url]
}

// addItem records that the feed at url carries the article (a refresh's
// new item, or the cache read at start); a new item comes unread.
func (r *readMarks) addItem(id, url string, unread bool) {
	if r.inFeed(id, url) {
		return
	}
	r.feedsOf[id] = append(r.feedsOf[id], url)
	r.idsIn[url] = append(r.idsIn[url], id)
	r.itemsIn[url]++
	if r.unread[id] {
		r.unreadIn[url]++
		return
	}
	if unread && len(r.feedsOf[id]) == 1 {
		r.setUnread(id, true)
	}
}

// setUnread marks the article unread or read and keeps the counts; it
// reports whether that changed anything.
func (r *readMarks) setUnread(id string, unread bool) bool {
	if r == nil || r.unread[id] == unread {
		return false
	}
	d := 1
	if unread {
		r.unread[id] = true
	} else {
		delete(r.unread, id)
		d = -1
	}
	r.unreadAll += d
	for _, f := range r.feedsOf[id] {
		r.unreadIn[f] += d
	}
	return true
}

// setStarred stars or unstars the article.
func (r *readMarks) setStarred(id string, on bool) {
	if on {
		r.starred[id] = true
	} else {
		delete(r.starred, id)
	}
}

// starredCount is how many articles are starred.
func (r *readMarks) starredCount() int {
	if r == nil {
		return 0
	}
	return len(r.starred)
}
