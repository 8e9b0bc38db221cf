// Package annotated checks the index with the real annotator: company
// identity on the pairs of testdata/pairs.txt, the rebuild surviving
// SIGKILL, search and deals on annotated stories, and the benchmarks on a
// generated corpus of 20,000 stories. It holds tests only.
//
// It imports index, store, model, segment and annotate: the index itself
// never imports annotate, so the tests that need it live here.
package annotated
