package store

// m009Watchlist is the companies the reader follows: company is the
// index's identity of the company (what index.Resolver answers), name the
// name the reader saw when following it, added when (timeFormat).
var m009Watchlist = Migration{Version: 9, Name: "watchlist", SQL: `
CREATE TABLE watchlist (
	company TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	added   TEXT NOT NULL
);
`}
