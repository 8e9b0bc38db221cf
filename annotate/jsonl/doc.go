// Package jsonl writes annotated articles as JSON Lines in the
// newsmark.annotations/1 schema, documented in docs/SCHEMA.md: one object per
// article holding its metadata, its body, and the entities, quotes and
// ventures annotate found, every offset a byte offset into the body. Schema
// 2 (WriteV2) is the same line with the roles that tie people to companies.
//
// It owns the output format only: it imports model and the standard
// library, never annotate, articles or the UI, and it writes to the writer
// it is given, nothing else.
package jsonl
