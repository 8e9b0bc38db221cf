// Package store owns newsmark's one SQLite database (modernc.org/sqlite,
// WAL): every table's SQL (highlights.go, feeds.go, corrections.go), the
// one time format they store (times.go) and every migration of the schema.
// Other packages call its methods; DB.SQL is for tests. Locked, read-only
// and corrupt databases are reported the same way everywhere (Error and its
// sentinels).
//
// # Adding a migration
//
// Migrations are applied in order, each in its own transaction, and recorded
// in the schema_version table. To change the schema, never edit a migration
// that has shipped: write a new file store/mNNN_what.go holding
//
//	var mNNNWhat = Migration{Version: NNN, Name: "what", SQL: `CREATE TABLE ...;`}
//
// and append mNNNWhat to the list in migrations.go (a one-line change). The
// tests check that versions are 1, 2, 3… without gaps.
//
// It imports model only (and the SQLite driver); never articles, fetch,
// feeds, annotate, notes, ui or a charm library.
package store
