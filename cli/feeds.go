package cli

import "fmt"

// runFeeds is a SKELETON, replaced by its issue's work.
func runFeeds(env Env, args []string) int {
	fmt.Fprintln(env.Stderr, "newsmark: feeds: not built yet")
	return 2
}
