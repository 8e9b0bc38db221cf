// Package cli is newsmark's edge: it parses the flags of each command,
// opens what the command needs (the one database, the HTTP client, the feeds
// file), wires the packages that do the work together and runs the reader.
// It holds no logic of its own beyond that wiring, the readable and JSON
// output of `annotate`, and the browser launcher (which starts a process).
//
// It may import every newsmark package and the charm libraries the reader
// runs on; nothing imports it but main.
package cli
