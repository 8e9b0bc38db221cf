package cli

import "fmt"

// runExport is a SKELETON, replaced by its issue's work.
func runExport(env Env, args []string) int {
	fmt.Fprintln(env.Stderr, "newsmark: export: not built yet")
	return 2
}
