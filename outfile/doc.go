// Package outfile writes every file newsmark writes outside its own data
// folder: exports, the brief, deal tables, corrections, and the subscriptions
// file. It is the one place that decides what may happen to what is already
// at a path:
//
//   - "-" (and /dev/stdout) is standard output;
//   - a FIFO or a character device (a terminal, /dev/null) is written
//     through, never replaced (or, with Options.FilesOnly, for a name
//     newsmark picked itself, refused);
//   - a new file is written whole (a temporary file, synced, then linked
//     into place so a file created meanwhile is never clobbered);
//   - an existing regular file is replaced only when the caller says the
//     user agreed (Options.Overwrite), or merged when the caller gives a
//     Merge that recognises it; its mode is kept;
//   - a symlink to a regular file replaces its target in place, keeping the
//     symlink and the target's mode;
//   - anything else (a folder, a socket, a block device, a dangling
//     symlink) is refused with a one-line reason.
//
// It imports sanitize only (for file names in messages).
package outfile
