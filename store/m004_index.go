package store

// m004Index is the index of everything read or cached (package index owns
// its logic; this file and index*.go its SQL).
//
//   - idx_articles: one row per article: metadata, the body, its paragraph
//     and sentence spans (spanBlob), the hash of what was annotated and the
//     annotator version that made the rows below. Long columns come last so
//     that reading a title never reads a body.
//   - idx_fts: FTS5 over title and body, external content (the body is kept
//     once, in idx_articles); rank is bm25 with the title weighing four
//     times the body. Triggers keep it in step on update and delete; new
//     articles are added by IndexPut with one statement per batch, because
//     FTS5 writes its pending terms out at every statement, and a segment
//     per article (then merging them) was most of the cost of indexing.
//     idx_fts_vocab (fts5vocab) tells in how many articles a word occurs.
//   - idx_entities, idx_quotes, idx_ventures: the annotations, in their
//     order, each row keyed by (article, ord) and deleted with the article.
//     Names (companies, people, places) have rows, which other features
//     query; an article's figures, read only with the article, are packed
//     in idx_articles.figures (figureBlob), a row apiece being most of
//     the cost of writing an article. anchor is a company's identity key,
//     keys the evidence it gives (a name form or ticker belongs to the
//     anchor); anchors (ventures) lists the parties' keys; lists are joined
//     by listSep. A venture's card (ventureCard) holds all of it, with its
//     article's ID, title, source, URL and path, so that the deal tracker
//     reads one column of one table: each article row looked up, and each
//     column read, cost more than decoding the card. date (the article's,
//     else when it was first indexed), kind, anchors and amount_usd are
//     also columns, for queries.
//   - idx_key_counts sums the evidence over the library, so the resolver
//     reads a small table, not every article. IndexPut and IndexRemove
//     keep it in step in the same transaction (IndexCheck verifies).
//   - idx_meta: generation, bumped by every write, which readers use to
//     keep derived data (clustered deals) until the index changes.
//
// Times are RFC 3339 in UTC, so they sort as text; "" is no date.
var m004Index = Migration{Version: 4, Name: "index", SQL: `
CREATE TABLE idx_articles (
	n            INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	seen         TEXT NOT NULL,
	url          TEXT NOT NULL DEFAULT '',
	path         TEXT NOT NULL DEFAULT '',
	hash         TEXT NOT NULL,
	version      TEXT NOT NULL,
	caption      TEXT NOT NULL DEFAULT '',
	authors      TEXT NOT NULL DEFAULT '',
	contributors TEXT NOT NULL DEFAULT '',
	tags         TEXT NOT NULL DEFAULT '',
	links        TEXT NOT NULL DEFAULT '[]',
	figures      BLOB,
	paragraphs   BLOB,
	sentences    BLOB,
	body         TEXT NOT NULL
);
CREATE INDEX idx_articles_version ON idx_articles(version);
CREATE INDEX idx_articles_path ON idx_articles(path) WHERE path != '';

CREATE VIRTUAL TABLE idx_fts USING fts5(title, body, content='idx_articles', content_rowid='n',
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO idx_fts(idx_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE VIRTUAL TABLE idx_fts_vocab USING fts5vocab(idx_fts, 'row');
CREATE TRIGGER idx_articles_ad AFTER DELETE ON idx_articles BEGIN
	INSERT INTO idx_fts(idx_fts, rowid, title, body) VALUES ('delete', old.n, old.title, old.body);
END;
CREATE TRIGGER idx_articles_au AFTER UPDATE OF title, body ON idx_articles
	WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
	INSERT INTO idx_fts(idx_fts, rowid, title, body) VALUES ('delete', old.n, old.title, old.body);
	INSERT INTO idx_fts(rowid, title, body) VALUES (new.n, new.title, new.body);
END;

CREATE TABLE idx_entities (
	article   INTEGER NOT NULL REFERENCES idx_articles(n) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	eid       TEXT NOT NULL,
	kind      TEXT NOT NULL,
	subkind   TEXT NOT NULL DEFAULT '',
	text      TEXT NOT NULL,
	canonical TEXT NOT NULL DEFAULT '',
	cue       TEXT NOT NULL DEFAULT '',
	value     REAL NOT NULL DEFAULT 0,
	unit      TEXT NOT NULL DEFAULT '',
	per       TEXT NOT NULL DEFAULT '',
	anchor    TEXT NOT NULL DEFAULT '',
	keys      TEXT NOT NULL DEFAULT '',
	meta      TEXT NOT NULL DEFAULT '',
	mentions  BLOB,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX idx_entities_anchor ON idx_entities(anchor) WHERE anchor != '';

CREATE TABLE idx_quotes (
	article    INTEGER NOT NULL REFERENCES idx_articles(n) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	speaker    TEXT NOT NULL DEFAULT '',
	speaker_id TEXT NOT NULL DEFAULT '',
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	cue        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE idx_ventures (
	article    INTEGER NOT NULL REFERENCES idx_articles(n) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	date       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	anchors    TEXT NOT NULL DEFAULT '',
	amount_usd REAL NOT NULL DEFAULT 0,
	card       BLOB NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX idx_ventures_date ON idx_ventures(date);

CREATE TABLE idx_key_counts (
	key    TEXT NOT NULL,
	anchor TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (key, anchor)
) WITHOUT ROWID;
CREATE TABLE idx_meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO idx_meta(key, value) VALUES ('generation', 0);
`}
