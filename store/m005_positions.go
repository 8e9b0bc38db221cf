package store

// m005Positions keeps where the reader left each article, as less keeps
// its marks: the byte offset into the article's body of the first line on
// screen (a width-free place: it survives a resized window and a new
// wrap). Rows are found by article ID, else by locator (a URL or absolute
// path), so a file that changed since still opens near where it was left.
var m005Positions = Migration{Version: 5, Name: "reading positions", SQL: `
CREATE TABLE reading_positions (
	article_id  TEXT    NOT NULL PRIMARY KEY,
	locator     TEXT    NOT NULL DEFAULT '',
	byte_offset INTEGER NOT NULL,
	updated     TEXT    NOT NULL
);
CREATE INDEX reading_positions_locator ON reading_positions(locator) WHERE locator <> '';
`}
