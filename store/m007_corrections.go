package store

// m007Corrections keeps the reader's corrections to the annotator
// (corrections.go) and which indexed articles they may change.
//
//   - corrections: one row per correction, in the order they were made
//     (id; AUTOINCREMENT, so an undone correction's id is never given to
//     another and undo can put it back where it was). action is mark,
//     never, merge or split (model.UserAction); kind the kind a mark
//     gives; other the second name of a merge or split; article_id ""
//     for every article, else the one article it is for.
//   - corrections_meta: revision, bumped by every change of the list, so
//     that a process holding the list can tell it is out of date with one
//     read.
//   - idx_redo: the indexed articles a change of the list may annotate
//     differently (their body or title holds a name it is about, or it is
//     for them alone), with the revision that touched them. An article
//     is current when its annotator version matches and it has no row
//     here; writing it annotated with revision R or later deletes the row
//     (IndexPut). The rows go with their article.
var m007Corrections = Migration{Version: 7, Name: "corrections", SQL: `
CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	action     TEXT NOT NULL,
	kind       TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL,
	other      TEXT NOT NULL DEFAULT '',
	article_id TEXT NOT NULL DEFAULT '',
	created    TEXT NOT NULL
);
CREATE TABLE corrections_meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO corrections_meta(key, value) VALUES ('revision', 0);
CREATE TABLE idx_redo (
	article  INTEGER PRIMARY KEY REFERENCES idx_articles(n) ON DELETE CASCADE,
	revision INTEGER NOT NULL
) WITHOUT ROWID;
`}
