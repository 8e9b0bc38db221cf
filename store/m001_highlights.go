package store

// m001Highlights holds the reader's highlights and notes. Offsets are bytes
// into the article body; times are RFC 3339 in UTC; tags is a JSON array; a
// row with deleted set is in the undo window and hidden from every list.
var m001Highlights = Migration{Version: 1, Name: "highlights", SQL: `
CREATE TABLE highlights (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id   TEXT    NOT NULL,
	locator      TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	source       TEXT    NOT NULL DEFAULT '',
	author       TEXT    NOT NULL DEFAULT '',
	article_date TEXT    NOT NULL DEFAULT '',
	text         TEXT    NOT NULL,
	prefix       TEXT    NOT NULL DEFAULT '',
	suffix       TEXT    NOT NULL DEFAULT '',
	start_byte   INTEGER NOT NULL,
	end_byte     INTEGER NOT NULL,
	note         TEXT    NOT NULL DEFAULT '',
	tags         TEXT    NOT NULL DEFAULT '[]',
	created      TEXT    NOT NULL,
	updated      TEXT    NOT NULL,
	deleted      TEXT,
	orphan       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX highlights_article ON highlights(article_id);
CREATE INDEX highlights_locator ON highlights(locator);
`}
