package ui

// feedKeyMap is the feed reader's bindings, in newsboat's letters where
// newsboat has one (n next unread, A mark the feed read, C catch up on
// everything, l show or hide read items, r and R refresh) and nom's tab
// between the feeds and their items.
func feedKeyMap(b bindFunc) FeedKeys {
	return FeedKeys{
		View:       b([]string{"F"}, "F", "feeds view: every subscription with its unread count (again: close it)"),
		Switch:     b([]string{"tab"}, "tab", "feeds view: between the feeds and their items"),
		Up:         b([]string{"k", "up"}, "k/↑", "previous feed"),
		Down:       b([]string{"j", "down"}, "j/↓", "next feed"),
		Top:        b([]string{"g", "home"}, "g/home", "first row (all articles)"),
		Bottom:     b([]string{"G", "end"}, "G/end", "last feed"),
		Open:       b([]string{"enter"}, "enter", "the feed's items"),
		Tag:        b([]string{"t"}, "t", "next tag: only its feeds (after the last, all)"),
		NextUnread: b([]string{"n"}, "n", "open the next unread article"),
		ReaderNext: b([]string{"ctrl+n"}, "ctrl+n", "next unread article, across feeds (space on the last page too)"),
		ToggleRead: b([]string{"U"}, "U", "mark read / unread"),
		Star:       b([]string{"*"}, "*", "star / unstar (starred items are never pruned)"),
		MarkFeed:   b([]string{"A"}, "A", "mark the feed read (u undoes)"),
		MarkAll:    b([]string{"C"}, "C", "mark everything read (u undoes)"),
		HideRead:   b([]string{"l"}, "l", "hide / show what is read"),
	}
}
