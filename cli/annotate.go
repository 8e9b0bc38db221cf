package cli

import "fmt"

// runAnnotate is a SKELETON, replaced by its issue's work.
func runAnnotate(env Env, args []string) int {
	fmt.Fprintln(env.Stderr, "newsmark: annotate: not built yet")
	return 2
}
