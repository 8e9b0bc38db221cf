package cli

import (
	"io"

	"newsmark/sanitize"
)

// Version is newsmark's version, shown by --version and sent as the User-Agent.
var Version = "0.1.0"

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// command is one subcommand: run gets the arguments after its name and returns the exit code.
type command struct {
	name    string
	summary string
	run     func(env Env, args []string) int
}

// commands lists the subcommands. An argument equal to one of these names is
// that subcommand; "./notes" is a path.
func commands() []command {
	return []command{
		{"annotate", "print the annotations of articles (--json for JSON Lines)", runAnnotate},
		{"export", "export highlights and notes as Markdown, JSON or CSV", runExport},
		{"notes", "list stored highlights and notes", runNotes},
		{"feeds", "manage subscriptions: add, rm, list, refresh, import, export", runFeeds},
		{"index", "put articles (files, folders, URLs) in the index that search and deals read", runIndex},
		{"search", "full-text search over every indexed and cached article (--json)", runSearch},
		{"deals", "the deal tracker: every deal across the library, one row per deal (--json, --csv)", runDeals},
		{"corrections", "your corrections to the highlights: list, export, import, rm", runCorrections},
	}
}

// Run runs newsmark with args (without the program name) and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) > 0 {
		for _, c := range commands() {
			if args[0] == c.name {
				return c.run(env, args[1:])
			}
		}
	}
	return runTUI(env, args)
}

// cleanWriter passes what is written through sanitize.Text. The flag
// package writes to it: its errors echo the argument, which may be a file
// name from a shell glob that starts with "-" and holds escape sequences.
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.w, sanitize.Text(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
