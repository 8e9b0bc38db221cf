// Command newsmark is a terminal reader for business news: it highlights
// companies, people, figures and quotes, sums up ventures, and keeps notes.
package main

import (
	"os"

	"newsmark/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
