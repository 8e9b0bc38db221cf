// Package faults is newsmark's fault suite: the attacks of issue 11, run on
// every `go test ./...` so that what held once keeps holding. Its tests
// drive the built newsmark binary (and, in tmux, the reader, capturing the
// raw bytes it writes to the terminal) and the fetch and feeds packages on
// loopback servers:
//
//   - hostile text (escape sequences, C1 controls, bidi overrides) in
//     articles, file names, feeds and a database edited by another program,
//     through every output: annotate, notes, export, feeds list, the reader;
//   - special files (FIFOs, sockets, devices, symlinks, folders) as export
//     targets and inside folders;
//   - SIGKILL during saves, counting acknowledged notes lost (must be 0);
//   - broken database files, refused in one line and left as they were;
//   - network faults (no answer, trickle, oversized and gzip-bombed bodies,
//     redirect loops and scheme changes, billion laughs, a huge feed).
//
// Each area logs "faults: AREA: N cases tried, N held"; the README's
// Reliability section carries the figures. `go test ./faults/ -v
// -faults.long` runs longer variants (more kill rounds).
//
// The package has no code of its own, so it imports nothing; its tests may
// use any newsmark package.
package faults
