package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"

	"charm.land/fang/v2"

	"newsmark/config"
	"newsmark/sanitize"
	"newsmark/ui"
)

// Version is newsmark's version, shown by --version and sent as the User-Agent.
var Version = "0.1.0"

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Config is the config file with the environment over it, loaded once
	// at start; a command applies the flags the user gave over it. Nil
	// means every default.
	Config *config.Config
}

// Run runs newsmark with args (without the program name) and returns the
// exit code: 0, 1 when the command failed, 2 for a mistake in the command
// line (a bad flag, a missing argument).
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	env := Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Config: config.Load(os.Getenv, ui.Actions())}
	root := newRoot(env)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	// What cobra and fang write to stderr can echo an argument (a file
	// name from a shell glob that starts with "-" and holds escape
	// sequences).
	root.SetErr(cleanWriter{stderr})
	opts := []fang.Option{fang.WithVersion(Version), fang.WithErrorHandler(printError),
		// fang's man page goes to os.Stdout whatever the command's output
		// is; newsmark's own (root.go) writes where Run was told to.
		fang.WithoutManpage()}
	if c := commit(); c != "" {
		opts = append(opts, fang.WithCommit(c))
	}
	return exitCode(fang.Execute(context.Background(), root, opts...))
}

// commit is the revision the binary was built from, when go build
// recorded it (a build in a git checkout).
func commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}

// exitStatus ends a command that has said what it had to say, with its
// exit code.
type exitStatus int

func (s exitStatus) Error() string { return "exit status " + strconv.Itoa(int(s)) }

// status is the error a command's body returns for its exit code.
func status(code int) error {
	if code == 0 {
		return nil
	}
	return exitStatus(code)
}

// usageError is a mistake in the command line: one line on stderr naming
// the command, and exit code 2.
type usageError struct {
	cmd string // the command as typed: "newsmark export"
	msg string
	// help says to point at the command's --help: the mistake was a flag.
	help bool
}

func (e usageError) Error() string {
	s := e.cmd + ": " + e.msg
	if e.help {
		s += " (see " + e.cmd + " --help)"
	}
	return s
}

// exitCode is the exit code of what fang.Execute returned.
func exitCode(err error) int {
	var s exitStatus
	switch {
	case err == nil:
		return 0
	case errors.As(err, &s):
		return int(s)
	}
	return 2 // cobra's own errors are all about the command line
}

// printError is fang's error handler: a command line mistake on one line,
// cleaned of control sequences; nothing for a command that has said what
// went wrong already.
func printError(w io.Writer, _ fang.Styles, err error) {
	var s exitStatus
	if errors.As(err, &s) {
		return
	}
	msg := err.Error()
	var u usageError
	if !errors.As(err, &u) {
		msg = "newsmark: " + msg
	}
	fmt.Fprintln(w, sanitize.Line(msg))
}

// cleanWriter passes what is written through sanitize.Text. cobra and fang
// write to it: their errors echo arguments.
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.w, sanitize.Text(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
