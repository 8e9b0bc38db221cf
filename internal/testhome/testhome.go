package testhome

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/adrg/xdg"
)

// Vars are the environment variables that say where a user's files are;
// Main sets each to a folder of its own (or unsets it).
var Vars = []string{"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}

// EnvMarker is set to the temporary folder by Isolate, so that a test
// binary started by a test keeps the environment it was given.
const EnvMarker = "NEWSMARK_TEST_HOME"

// Main runs m with HOME and the XDG folders in a temporary folder, removed
// afterwards, and returns the exit code: call it from TestMain as
// os.Exit(testhome.Main(m)).
func Main(m *testing.M) int {
	if os.Getenv(EnvMarker) != "" {
		// Started by a test that is itself isolated (a child run of a
		// test binary): it chose this environment, keep it.
		return m.Run()
	}
	dir, err := Isolate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "testhome:", err)
		return 2
	}
	code := m.Run()
	os.RemoveAll(dir)
	return code
}

// Isolate moves HOME and the XDG folders to a new temporary folder, which
// it returns, and unsets the variables that move newsmark's own files.
// Go's own caches keep their places (a test that runs `go build` must not
// start from an empty build cache).
func Isolate() (string, error) {
	keepGoCaches()
	dir, err := os.MkdirTemp("", "newsmark-test-home-")
	if err != nil {
		return "", err
	}
	for _, v := range Vars {
		sub := filepath.Join(dir, map[string]string{
			"HOME": "home", "XDG_CONFIG_HOME": "home/.config", "XDG_DATA_HOME": "home/.local/share",
			"XDG_CACHE_HOME": "home/.cache", "XDG_STATE_HOME": "home/.local/state",
		}[v])
		if err := os.MkdirAll(sub, 0o700); err != nil {
			return dir, err
		}
		os.Setenv(v, sub)
	}
	for _, v := range []string{"NEWSMARK_DATA_DIR", "NEWSMARK_KEEP_DAYS", "NEWSMARK_CONFIG"} {
		os.Unsetenv(v)
	}
	os.Setenv(EnvMarker, dir)
	xdg.Reload()
	return dir, nil
}

// keepGoCaches pins GOENV, GOCACHE, GOMODCACHE and GOPATH to where they are now,
// before HOME moves: by default they are found from HOME.
func keepGoCaches() {
	if os.Getenv("GOENV") == "" {
		if c, err := os.UserConfigDir(); err == nil {
			os.Setenv("GOENV", filepath.Join(c, "go", "env"))
		}
	}
	if os.Getenv("GOCACHE") == "" {
		if c, err := os.UserCacheDir(); err == nil {
			os.Setenv("GOCACHE", filepath.Join(c, "go-build"))
		}
	}
	if os.Getenv("GOPATH") == "" {
		if h, err := os.UserHomeDir(); err == nil {
			os.Setenv("GOPATH", filepath.Join(h, "go"))
		}
	}
	if os.Getenv("GOMODCACHE") == "" {
		os.Setenv("GOMODCACHE", filepath.Join(filepath.SplitList(os.Getenv("GOPATH"))[0], "pkg", "mod"))
	}
}
