package cli

import "fmt"

// runTUI is a SKELETON, replaced by its issue's work.
func runTUI(env Env, args []string) int {
	fmt.Fprintln(env.Stderr, "newsmark: tui: not built yet")
	return 2
}
