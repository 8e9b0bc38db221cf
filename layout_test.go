package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// docElsewhere are packages whose package comment is not in doc.go yet,
// and why. None now: every package says what it owns in doc.go.
var docElsewhere = map[string]string{}

// TestPackageLayout holds the code to README.md's package table: every
// package is listed, imports only the newsmark packages its row names (and
// the Charm libraries only where the row says "charm"; "stdlib only" means
// nothing outside the standard library), and says in doc.go what it owns and
// what it must not import.
func TestPackageLayout(t *testing.T) {
	rows := readmePackages(t)
	pkgs := modulePackages(t)
	for _, dir := range pkgs {
		if _, ok := rows[dir]; !ok {
			t.Errorf("package %s is not in README.md's package table", dir)
		}
	}
	for dir := range rows {
		if !slices.Contains(pkgs, dir) {
			t.Errorf("README.md's package table lists %s, which is no package", dir)
		}
	}
	for _, dir := range pkgs {
		allowed, ok := rows[dir]
		if !ok {
			continue
		}
		for imp, file := range imports(t, dir) {
			switch {
			case strings.HasPrefix(imp, "newsmark/"):
				if name := strings.TrimPrefix(imp, "newsmark/"); !allowed[name] {
					t.Errorf("%s imports %s, which its README row does not allow", file, imp)
				}
			case strings.HasPrefix(imp, "charm.land/") || strings.HasPrefix(imp, "github.com/charmbracelet/"):
				if !allowed["charm"] {
					t.Errorf("%s imports the Charm library %s; only ui/ and cli/ may", file, imp)
				}
			case strings.Contains(strings.SplitN(imp, "/", 2)[0], "."):
				if allowed["stdlib only"] {
					t.Errorf("%s imports %s, but its package is stdlib only", file, imp)
				}
			}
		}
		checkDoc(t, dir)
	}
}

// readmePackages reads the package table: its first column names the
// package (`notes/`, `main.go` for the command), its last the packages it
// may import.
func readmePackages(t *testing.T) map[string]map[string]bool {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		if name == "main.go" {
			name = "."
		} else if !strings.HasSuffix(name, "/") {
			continue // a row of another table
		}
		allowed := map[string]bool{}
		for _, p := range strings.Split(cells[len(cells)-2], ",") {
			allowed[strings.TrimSpace(p)] = true
		}
		rows[strings.TrimSuffix(name, "/")] = allowed
	}
	if len(rows) == 0 {
		t.Fatal("README.md has no package table")
	}
	return rows
}

// modulePackages are the folders of the module holding non-test Go files.
func modulePackages(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			if dir := filepath.ToSlash(filepath.Dir(path)); !slices.Contains(dirs, dir) {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// imports maps each import of dir's non-test files (whatever their build
// tags) to a file that makes it.
func imports(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[p] = f
		}
	}
	return out
}

// checkDoc wants the package comment in doc.go, and only there, saying what
// the package must not import.
func checkDoc(t *testing.T, dir string) {
	t.Helper()
	name := strings.TrimPrefix(dir, "./")
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var in []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if af.Doc == nil {
			continue
		}
		in = append(in, filepath.Base(f))
		if filepath.Base(f) == "doc.go" && !strings.Contains(af.Doc.Text(), "import") {
			t.Errorf("%s: the package comment does not say what %s may import", f, name)
		}
	}
	if where, ok := docElsewhere[name]; ok {
		if len(in) != 1 || filepath.Join(dir, in[0]) != where {
			t.Errorf("%s: package comment in %v, expected in %s until it moves to doc.go", name, in, where)
		}
		return
	}
	if len(in) != 1 || in[0] != "doc.go" {
		t.Errorf("%s: package comment in %v, want it in doc.go only", name, in)
	}
}
