package cli

import "fmt"

// runNotes is a SKELETON, replaced by its issue's work.
func runNotes(env Env, args []string) int {
	fmt.Fprintln(env.Stderr, "newsmark: notes: not built yet")
	return 2
}
