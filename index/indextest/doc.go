// Package indextest is for tests and benchmarks: a generator of synthetic
// business stories (Corpus, deterministic by seed) and the database of
// 20,000 of them that the index's and the UI's benchmarks share (BenchDB,
// built once per test binary).
//
// It imports model, segment, store and index. The annotator comes from the
// caller (index.Annotator), so that it never imports annotate, and nothing
// but _test.go files imports it.
package indextest
