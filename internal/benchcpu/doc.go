// Package benchcpu measures what a benchmark costs in CPU time: the
// process's user plus system time, the garbage collector's share included.
// The machine that records BENCHMARKS.md is shared by several sessions, so
// wall time swings with the others' load; CPU time much less. Benchmarks
// take CPUTime before their loop and report after it with Report (cpu-ms/op)
// or Throughput (cpu-MB/s).
//
// It is imported by _test.go files only, and imports the standard library
// only (no newsmark package).
package benchcpu
