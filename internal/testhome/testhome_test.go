package testhome

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestEveryPackageIsolatesHome walks the module: every folder with tests
// must run them through Main, or one forgotten package could read the
// user's subscriptions or write to their database.
func TestEveryPackageIsolatesHome(t *testing.T) {
	root := filepath.Join("..", "..")
	missing := map[string]bool{}
	isolated := map[string]bool{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.Dir(path)
		if _, ok := isolated[dir]; !ok {
			missing[dir] = true
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "testhome.Main(m)") || strings.Contains(string(b), "os.Exit(Main(m))") {
			isolated[dir] = true
			delete(missing, dir)
		}
		return nil
	})
	for dir := range missing {
		if !isolated[dir] {
			t.Errorf("%s: its tests do not run through testhome.Main (add a main_test.go: func TestMain(m *testing.M) { os.Exit(testhome.Main(m)) })", dir)
		}
	}
	if len(isolated) < 5 {
		t.Fatalf("found only %d isolated packages: is the walk looking at the module?", len(isolated))
	}
}

func TestMainMovedHome(t *testing.T) {
	home, _ := os.UserHomeDir()
	if !strings.Contains(home, "newsmark-test-home-") {
		t.Errorf("HOME is %s, not a test folder", home)
	}
	for _, v := range Vars {
		if !strings.Contains(os.Getenv(v), "newsmark-test-home-") {
			t.Errorf("%s=%s, not in the test folder", v, os.Getenv(v))
		}
	}
}
