package store

// m008Roles keeps what the company pages and the daily brief read.
//
//   - idx_roles: the roles of annotations schema 2 (model.Role: a person,
//     a company, the title, the evidence), in their order, keyed by
//     (article, ord) and deleted with the article.
//   - idx_articles.roles is 1 when the article's annotator looked for
//     roles (model.Annotations.Roles non-nil): its idx_roles rows, even
//     none, are then the text's own word. The column comes after the body,
//     so only queries that read the body read it.
//   - idx_articles_dated orders the articles by their date, else when they
//     were first indexed (articleDated), for the brief's period.
var m008Roles = Migration{Version: 8, Name: "roles", SQL: `
CREATE TABLE idx_roles (
	article    INTEGER NOT NULL REFERENCES idx_articles(n) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	person     TEXT NOT NULL,
	person_id  TEXT NOT NULL DEFAULT '',
	company    TEXT NOT NULL,
	company_id TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
ALTER TABLE idx_articles ADD COLUMN roles INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idx_articles_dated ON idx_articles(` + articleDated + `);
`}

// articleDated is an article's date as the index orders it: its own, else
// when it was first indexed. Queries must write it exactly so to use
// idx_articles_dated.
const articleDated = `(CASE WHEN date != '' THEN date ELSE seen END)`
