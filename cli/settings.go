package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsmark/config"
	"newsmark/sanitize"
	"newsmark/ui"
)

// newConfigCmd is `newsmark config [--default]`: the config file's path
// and the settings in effect, or the commented default file.
func newConfigCmd(env Env) *cobra.Command {
	var def bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "show the config file's path and every setting in effect (--default: a file to start from)",
		Long: `Prints the config file's path, then every setting and key in effect as a config file, each with where it came from: the default, a line of the file, an environment variable. A problem in the file is listed at the top, and the exit code is then 1, so newsmark config also checks a file.

The file is $XDG_CONFIG_HOME/newsmark/config.toml (usually ~/.config/newsmark/config.toml), or the one NEWSMARK_CONFIG names. --default prints a file that sets nothing: every setting and key commented out with its default.`,
		Example: `newsmark config
newsmark config --default > ~/.config/newsmark/config.toml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if def {
				_, err := env.Stdout.Write(config.Default(ui.Actions()))
				return status(writeFailed(env, err))
			}
			return status(runConfig(env))
		},
	}
	cmd.Flags().BoolVar(&def, "default", false, "print the default file, every line commented out")
	return cmd
}

// runConfig prints the settings in effect; 1 when the file has problems.
func runConfig(env Env) int {
	c := env.Config
	if c == nil {
		c = config.Load(func(string) string { return "" }, ui.Actions())
	}
	if _, err := env.Stdout.Write(c.Effective()); err != nil {
		return writeFailed(env, err)
	}
	if n := len(c.Problems); n > 0 {
		fmt.Fprintf(env.Stderr, "newsmark config: %s in %s (the \"# problem:\" lines say what and where)\n",
			plural(n, "problem", "problems"), sanitize.Quote(c.Path))
		return 1
	}
	return 0
}

// writeFailed reports a failed write to stdout: 1, or 0 with none.
func writeFailed(env Env, err error) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(env.Stderr, "newsmark config:", sanitize.Line(err.Error()))
	return 1
}
