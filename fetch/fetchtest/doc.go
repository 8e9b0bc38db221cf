// Package fetchtest serves newsmark's test web site on loopback for the tests
// of fetch, feeds and cli: the pages and feeds in its testdata/web folder,
// plus the bad cases a fetch must survive (see NewSite).
//
// It is for tests only. It imports the standard library only: never fetch
// (whose tests use it) or any other newsmark package.
package fetchtest
