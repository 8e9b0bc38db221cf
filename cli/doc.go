// Package cli is newsmark's edge: its command tree (cobra, run through
// fang for styled help, --version, completion; root.go), the flags of each
// command applied over the config file loaded once at start, what each
// command opens (the one database, the HTTP client, the feeds file), the
// wiring of the packages that do the work and the reader's start. It holds
// no logic of its own beyond that wiring, the readable and JSON output of
// `annotate`, and the browser launcher (which starts a process).
//
// It may import every newsmark package, cobra, fang and the charm
// libraries the reader runs on; nothing imports it but main.
package cli
