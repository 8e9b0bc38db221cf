// Package storetest helps tests prove what store promises across processes:
// a committed write survives SIGKILL of the writer, and two processes share
// one database. A test re-executes its own binary as the other process
// (Start and Role), or starts any command such as a built newsmark
// (StartCmd), waits for the line that says the write is done (WaitLine),
// kills it (Kill or KillPID) and reopens the database (CountHighlights).
//
// It is for tests only; it imports store and the standard library.
package storetest
