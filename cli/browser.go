package cli

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"newsmark/fetch"
)

// openInBrowser opens an http or https URL in the reader's browser:
// $BROWSER if set (a colon-separated list, the first entry is used; "%s" in
// it is replaced by the URL), else xdg-open, or open on macOS. The URL is
// passed as one argument, never through a shell. It returns once the browser
// has started, without waiting for it to exit.
func openInBrowser(rawURL string) error {
	cmd, err := startBrowser(rawURL, os.Getenv("BROWSER"), runtime.GOOS)
	if err != nil {
		return err
	}
	go cmd.Wait() // reap it; its exit status is of no interest
	return nil
}

// browserArgs is the command line that opens u, from $BROWSER or the OS.
func browserArgs(u, browser, goos string) []string {
	if first, _, _ := strings.Cut(browser, ":"); strings.TrimSpace(first) != "" {
		args := strings.Fields(first)
		replaced := false
		for i, a := range args {
			if strings.Contains(a, "%s") {
				args[i] = strings.ReplaceAll(a, "%s", u)
				replaced = true
			}
		}
		if !replaced {
			args = append(args, u)
		}
		return args
	}
	if goos == "darwin" {
		return []string{"open", u}
	}
	return []string{"xdg-open", u}
}

// startBrowser checks rawURL and starts the browser on it, detached from
// the terminal's input and output (the TUI owns them).
func startBrowser(rawURL, browser, goos string) (*exec.Cmd, error) {
	if !fetch.IsURL(rawURL) {
		return nil, fmt.Errorf("not opening %.80q: only http and https URLs", rawURL)
	}
	if strings.IndexFunc(rawURL, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return nil, errors.New("not opening a URL with spaces or control characters")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	// The re-encoded form: what the browser gets is what IsURL checked.
	args := browserArgs(u.String(), browser, goos)
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("open browser: %w", err)
	}
	return cmd, nil
}
