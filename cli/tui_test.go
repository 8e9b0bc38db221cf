package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"newsmark/store"
	"newsmark/ui"
)

func TestParseTUI(t *testing.T) {
	t.Parallel()
	env := func(kv map[string]string) func(string) string {
		return func(k string) string { return kv[k] }
	}
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		theme   ui.Theme
		dataDir string
		paths   []string
		wantErr bool
	}{
		{"no args", nil, nil, "", "", nil, false},
		{"theme and paths", []string{"--theme", "light", "a.txt", "-"}, nil, ui.Light, "", []string{"a.txt", "-"}, false},
		{"data dir flag beats env", []string{"--data-dir", "/x", "f"}, map[string]string{"NEWSMARK_DATA_DIR": "/env"}, "", "/x", []string{"f"}, false},
		{"data dir from env", nil, map[string]string{"NEWSMARK_DATA_DIR": "/env"}, "", "/env", nil, false},
		{"NO_COLOR gives mono", []string{"--theme", "dark"}, map[string]string{"NO_COLOR": "1"}, ui.Mono, "", nil, false},
		{"TERM=dumb gives mono", nil, map[string]string{"TERM": "dumb"}, ui.Mono, "", nil, false},
		{"bad theme", []string{"--theme", "pink"}, nil, "", "", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var stderr bytes.Buffer
			o, err := parseTUI(Env{Stderr: &stderr}, c.args, env(c.env))
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, want error %v", err, c.wantErr)
			}
			if c.wantErr {
				return
			}
			if o.theme != c.theme || o.dataDir != c.dataDir || len(o.paths) != len(c.paths) {
				t.Fatalf("got %+v, want theme %q dataDir %q paths %v", o, c.theme, c.dataDir, c.paths)
			}
		})
	}
}

// TestRunTUIReportsProblems: unreadable inputs go to stderr, one line each,
// and with nothing to show the command fails without starting the program.
func TestRunTUIReportsProblems(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Run([]string{"/nonexistent/one.txt", "/nonexistent/two.txt"}, nil, &stdout, &stderr)
	if code == 0 {
		t.Fatal("exit code 0 with no article")
	}
	for _, want := range []string{"one.txt", "two.txt", "no article to show"} {
		if !bytes.Contains(stderr.Bytes(), []byte(want)) {
			t.Fatalf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestTUIStorage: a good database gives the reader its notes; a corrupt
// one leaves it reading without saving, the status saying why, and the file
// untouched. The database is opened by the program after its first frame:
// once runTUI has closed it, a late open opens nothing.
func TestTUIStorage(t *testing.T) {
	dir := t.TempDir()
	db := &sharedDB{path: store.DefaultPath(dir)}
	s := openStorage(db, nil)
	if db.db == nil || s.Notes == nil || s.NotesStatus != "" || s.Cache != nil {
		t.Fatalf("a new database: %+v", s)
	}
	db.Close()

	bad := t.TempDir()
	path := store.DefaultPath(bad)
	junk := []byte("this is not a database, and it must stay as it is")
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	if s = openStorage(&sharedDB{path: path}, nil); s.Notes != nil {
		t.Fatal("a corrupt database was opened for saving")
	}
	if !strings.Contains(s.NotesStatus, "not saved") || !strings.Contains(s.NotesStatus, "corrupt") {
		t.Fatalf("status %q does not say why notes are not saved", s.NotesStatus)
	}
	// One line: the reason, then the file; not "open: PATH: reason".
	if want := "notes are not saved: database file is corrupt or not a newsmark database (left as it is) (" + path + ")"; s.NotesStatus != want {
		t.Fatalf("status %q, want %q", s.NotesStatus, want)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, junk) {
		t.Fatal("the corrupt file was changed")
	}

	late := &sharedDB{path: store.DefaultPath(t.TempDir())}
	late.Close()
	if s = openStorage(late, nil); s.Notes != nil || late.db != nil {
		t.Fatalf("opened after Close: %+v, db %v", s, late.db)
	}
}

// TestParseTUIWidthAndEditor: the text's measure is 88 columns unless
// --width says otherwise (0 the whole window; out of range an error), and
// the note editor's ctrl+o runs $VISUAL, else $EDITOR.
func TestParseTUIWidthAndEditor(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args    []string
		env     map[string]string
		width   int
		editor  string
		wantErr string
	}{
		{nil, nil, 88, "", ""},
		{[]string{"--width", "72", "a.txt"}, nil, 72, "", ""},
		{[]string{"--width", "0"}, nil, 0, "", ""},
		{[]string{"--width", "12"}, nil, 0, "", "--width must be from 40 to 400 columns, or 0 for the whole window, not 12"},
		{nil, map[string]string{"EDITOR": "vi"}, 88, "vi", ""},
		{nil, map[string]string{"EDITOR": "vi", "VISUAL": "code --wait"}, 88, "code --wait", ""},
	}
	for _, c := range cases {
		var stderr bytes.Buffer
		o, err := parseTUI(Env{Stderr: &stderr}, c.args, func(k string) string { return c.env[k] })
		switch {
		case c.wantErr != "":
			if err == nil || err.Error() != c.wantErr {
				t.Errorf("%v: err %v, want %q", c.args, err, c.wantErr)
			}
		case err != nil:
			t.Errorf("%v: %v", c.args, err)
		case o.width != c.width || o.editor != c.editor:
			t.Errorf("%v %v: width %d editor %q, want %d %q", c.args, c.env, o.width, o.editor, c.width, c.editor)
		}
	}
}

// TestTUIIndexDatabase: a good database gives the reader the index (S and
// D, indexing in the background) with the commands' annotator version; a
// corrupt one turns them off, saying why.
func TestTUIIndexDatabase(t *testing.T) {
	var uo ui.Options
	db := &sharedDB{path: store.DefaultPath(t.TempDir())}
	defer db.Close()
	openTUIIndex(&uo, db)
	if uo.Index == nil || uo.IndexStatus != "" || uo.Index.Version() != annotatorVersion {
		t.Fatalf("a new database: index %v, status %q", uo.Index, uo.IndexStatus)
	}

	path := store.DefaultPath(t.TempDir())
	if err := os.WriteFile(path, []byte("this is not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	uo = ui.Options{}
	if openTUIIndex(&uo, &sharedDB{path: path}); uo.Index != nil {
		t.Fatal("a corrupt database was opened for the index")
	}
	if !strings.HasPrefix(uo.IndexStatus, "search and deals are off: ") || !strings.Contains(uo.IndexStatus, "corrupt") {
		t.Fatalf("status %q does not say why search and deals are off", uo.IndexStatus)
	}
}
