// Package testhome keeps tests off the user's own files. Every test binary
// of newsmark runs through Main, which points HOME and the XDG folders at a
// fresh temporary folder before any test starts, so a test (and every
// program a test starts, which inherits the environment) reads no real
// subscriptions and writes no real database. A test in this package checks
// that every package with tests does so.
//
// It is imported by _test.go files only, and imports the standard library
// and xdg (whose paths are computed once and must be reloaded).
package testhome
