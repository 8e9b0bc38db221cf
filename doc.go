// Command newsmark is a terminal reader for business news: it highlights
// companies, people, figures and quotes, sums up ventures, and keeps notes.
//
// main only calls cli.Run; it imports cli and the standard library. Where
// each part of newsmark lives is the package table in README.md, which
// layout_test.go holds to the code.
package main
