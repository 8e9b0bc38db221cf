package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"newsmark/sanitize"
)

// newRoot is newsmark's command tree: the reader (`newsmark [PATH...]`) at
// the root, each command under it, help and the man page. fang adds
// --version and completion when it runs it. An argument equal to a
// command's name is that command; "./notes" is a path.
func newRoot(env Env) *cobra.Command {
	root := newReaderCmd(env)
	root.AddCommand(newAnnotateCmd(env), newExportCmd(env), newNotesCmd(env), newFeedsCmd(env), newIndexCmd(env),
		newSearchCmd(env), newDealsCmd(env), newCompanyCmd(env), newBriefCmd(env), newCorrectionsCmd(env),
		newConfigCmd(env), newManCmd())
	root.SetHelpCommand(newHelpCmd())
	root.SetFlagErrorFunc(flagError) // the commands under it ask their root
	return root
}

// runs is a command's RunE: the config file's problems first, one line
// each on stderr (a broken file never stops a command, nor goes unsaid),
// then body, whose exit code ends the command.
func runs(env Env, body func(cmd *cobra.Command, args []string) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		reportConfig(env)
		return status(body(cmd, args))
	}
}

// reportConfig prints the config file's problems on stderr, one line each.
func reportConfig(env Env) {
	if env.Config == nil {
		return
	}
	for _, p := range env.Config.Problems {
		fmt.Fprintln(env.Stderr, "newsmark:", sanitize.Line(p.String()))
	}
}

// noArgs refuses arguments, naming the first.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{cmd: cmd.CommandPath(), msg: fmt.Sprintf("unexpected argument %q", args[0])}
	}
	return nil
}

// needArgs wants at least one argument; msg says what to give.
func needArgs(msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageError{cmd: cmd.CommandPath(), msg: msg}
		}
		return nil
	}
}

// exactArgs wants n arguments; what names them.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return usageError{cmd: cmd.CommandPath(), msg: "give " + what}
		case len(args) > n:
			return usageError{cmd: cmd.CommandPath(), msg: fmt.Sprintf("unexpected argument %q (give %s)", args[n], what)}
		}
		return nil
	}
}

// flagError is the one line a bad flag gets, naming the command: pflag's
// words, except that "-json" says long flags take two dashes (Go's flag
// package took one) and a bad value says what the flag wants.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	var unknown *pflag.NotExistError
	var invalid *pflag.InvalidValueError
	switch {
	case errors.As(err, &unknown) && len(unknown.GetSpecifiedShortnames()) > 1:
		name, _, _ := strings.Cut(unknown.GetSpecifiedShortnames(), "=")
		if cmd.Flags().Lookup(name) != nil {
			msg = fmt.Sprintf("-%s: a long flag takes two dashes: --%s", name, name)
		}
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		want := "a " + f.Value.Type()
		switch f.Value.Type() {
		case "int":
			want = "a whole number"
		case "bool":
			want = "true or false"
		}
		msg = fmt.Sprintf("--%s wants %s, not %q", f.Name, want, invalid.GetValue())
	}
	return usageError{cmd: cmd.CommandPath(), msg: msg, help: true}
}

// newHelpCmd is `newsmark help [COMMAND]`: the command's --help, on
// stdout; a command that does not exist is a mistake (exit 2), not the
// root's help.
func newHelpCmd() *cobra.Command {
	help := &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "help about a command, as COMMAND --help gives it",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usageError{cmd: c.CommandPath(), msg: fmt.Sprintf("no command %q (newsmark --help lists them)", strings.Join(args, " "))}
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
	// Its own -h now, so that the list of commands shows it alike whether
	// help runs or not.
	help.InitDefaultHelpFlag()
	return help
}

// newManCmd is `newsmark man`: the man page, made by the generator fang
// uses, written to the command's output.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "print the man page (newsmark man | man -l -)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err == nil {
				_, err = io.WriteString(cmd.OutOrStdout(), page.Build(roff.NewDocument()))
			}
			if err != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), "newsmark man:", err)
				return status(1)
			}
			return nil
		},
	}
}
