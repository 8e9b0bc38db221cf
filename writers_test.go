package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fileWriters are the standard library calls that create, replace or write
// files by name. Outside outfile/ (every file newsmark writes outside its
// data folder) and store/ (the database, inside it) none may appear: a new
// writer elsewhere would bypass the rules for what is at a path.
var fileWriters = []string{"os.Create", "os.CreateTemp", "os.WriteFile", "os.OpenFile", "os.Rename", "os.Link",
	"os.Symlink", "os.Truncate", "os.Chmod"}

// wantOutfileCallers is every function that writes through outfile. A new
// writer (the brief, a deal table, corrections export) is added here, which
// is the point: each is a decision someone made on purpose.
var wantOutfileCallers = []string{
	"cli.briefAt",
	"cli.exportCorrections",
	"cli.runDeals",
	"feeds.writeFileAtomic",
	"notes.WriteDir",
	"notes.WriteFile",
	"ui.external",
}

func TestOneWriterForFilesOutsideTheDataFolder(t *testing.T) {
	var callers []string
	fset := token.NewFileSet()
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(path)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				name := pkg.Name + "." + sel.Sel.Name
				if name == "os.OpenFile" && len(call.Args) > 1 && !opensForWriting(call.Args[1]) {
					return true // a read, such as articles' open that never waits on a FIFO
				}
				if slices.Contains(fileWriters, name) && dir != "outfile" && dir != "store" {
					t.Errorf("%s: %s calls %s: write files outside the data folder through outfile", fset.Position(call.Pos()), fn.Name.Name, name)
				}
				if pkg.Name == "outfile" && strings.HasPrefix(sel.Sel.Name, "Write") {
					callers = append(callers, f.Name.Name+"."+fn.Name.Name)
				}
				return true
			})
		}
		return nil
	})
	slices.Sort(callers)
	callers = slices.Compact(callers)
	if !slices.Equal(callers, wantOutfileCallers) {
		t.Errorf("outfile's callers are %q, want %q (add a new writer to wantOutfileCallers on purpose)", callers, wantOutfileCallers)
	}
}

// opensForWriting reports whether an os.OpenFile flag expression names a
// flag that writes.
func opensForWriting(flags ast.Expr) bool {
	writes := false
	ast.Inspect(flags, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			switch id.Name {
			case "O_WRONLY", "O_RDWR", "O_CREATE", "O_APPEND", "O_TRUNC":
				writes = true
			}
		}
		return true
	})
	return writes
}
