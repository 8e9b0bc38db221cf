package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsmark/config"
	"newsmark/store"
	"newsmark/ui"
)

// readerFlags parses args as the reader's command line over the config
// file content (none when ""), with the environment env, and returns the
// reader's options or the error that refuses them.
func readerFlags(t *testing.T, content string, env map[string]string, args ...string) (tuiOptions, error) {
	t.Helper()
	getenv := func(k string) string { return env[k] }
	if content != "" {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		getenv = func(k string) string {
			if k == config.PathEnv {
				return path
			}
			return env[k]
		}
	}
	cfg := config.Load(getenv, ui.Actions())
	cmd := newReaderCmd(Env{Config: cfg})
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return readerOptions(cfg, cmd.Flags(), cmd.Flags().Args(), getenv)
}

func TestReaderOptions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		file    string
		args    []string
		env     map[string]string
		theme   ui.Theme
		width   int
		dataDir string
		paths   []string
		wantErr string
	}{
		{"no args", "", nil, nil, "", 88, "", nil, ""},
		{"theme and paths, flags after a path", "", []string{"a.txt", "--theme", "light", "-"}, nil, ui.Light, 88, "", []string{"a.txt", "-"}, ""},
		{"data dir", "", []string{"--data-dir", "/x", "f"}, nil, "", 88, "/x", []string{"f"}, ""},
		{"NO_COLOR gives mono", "", []string{"--theme", "dark"}, map[string]string{"NO_COLOR": "1"}, ui.Mono, 88, "", nil, ""},
		{"TERM=dumb gives mono", "", nil, map[string]string{"TERM": "dumb"}, ui.Mono, 88, "", nil, ""},
		{"auto is the terminal's", "theme = \"light\"\n", []string{"--theme", "auto"}, nil, "", 88, "", nil, ""},
		{"the file's theme and width", "theme = \"light\"\nwidth = 100\n", nil, nil, ui.Light, 100, "", nil, ""},
		{"flags win over the file", "theme = \"light\"\nwidth = 100\n", []string{"--theme=dark", "--width", "72"}, nil, ui.Dark, 72, "", nil, ""},
		{"full width", "width = 100\n", []string{"--width", "full"}, nil, "", 0, "", nil, ""},
		{"bad theme", "", []string{"--theme", "pink"}, nil, "", 0, "", nil, `--theme: want "auto", "dark" or "light" (got "pink")`},
		{"bad width", "", []string{"--width", "12"}, nil, "", 0, "", nil, `--width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got "12")`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o, err := readerFlags(t, c.file, c.env, c.args...)
			if c.wantErr != "" {
				if err == nil || err.Error() != c.wantErr {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if o.theme != c.theme || o.width != c.width || o.dataDir != c.dataDir || !slices.Equal(o.paths, c.paths) {
				t.Fatalf("got theme %q width %d dataDir %q paths %q, want %q %d %q %q", o.theme, o.width, o.dataDir, o.paths,
					c.theme, c.width, c.dataDir, c.paths)
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

// TestReaderWidthAndEditor: the text's measure is 88 columns unless
// --width says otherwise (0 the whole window; out of range an error), and
// the note editor's ctrl+o runs $VISUAL, else $EDITOR.
func TestReaderWidthAndEditor(t *testing.T) {
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
		{[]string{"--width", "12"}, nil, 0, "", `--width: want a number of columns from 40 to 400, or 0 or "full" for the whole window (got "12")`},
		{nil, map[string]string{"EDITOR": "vi"}, 88, "vi", ""},
		{nil, map[string]string{"EDITOR": "vi", "VISUAL": "code --wait"}, 88, "code --wait", ""},
	}
	for _, c := range cases {
		o, err := readerFlags(t, "", c.env, c.args...)
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

// TestTUIIndexDatabase: a good database gives the reader, after the
// first frame, the index (S and D, indexing in the background) with the
// commands' annotator version, the reading positions and the corrections;
// a corrupt one turns them off, saying why.
func TestTUIIndexDatabase(t *testing.T) {
	db := &sharedDB{path: store.DefaultPath(t.TempDir())}
	defer db.Close()
	s := openStorage(db, nil)
	if s.Index == nil || s.IndexStatus != "" || s.Index.Version() != annotatorVersion || s.Positions == nil || s.Corrections == nil {
		t.Fatalf("a new database: index %v, status %q, positions %v, corrections %v", s.Index, s.IndexStatus, s.Positions, s.Corrections)
	}

	path := store.DefaultPath(t.TempDir())
	if err := os.WriteFile(path, []byte("this is not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s = openStorage(&sharedDB{path: path}, nil); s.Index != nil || s.Notes != nil {
		t.Fatal("a corrupt database was opened for the index")
	}
	if !strings.HasPrefix(s.IndexStatus, "search and deals are off: ") || !strings.Contains(s.IndexStatus, "corrupt") {
		t.Fatalf("status %q does not say why search and deals are off", s.IndexStatus)
	}
}

// TestReaderExportFolderAndSamples: the config's export.folder (~
// expanded) is the folder the reader's x offers, samples = false leaves the
// samples out, and the rest of the file (keys, mouse, panel, highlights)
// reaches the reader in the config it is given.
func TestReaderExportFolderAndSamples(t *testing.T) {
	t.Parallel()
	home, err := os.UserHomeDir()
	if err != nil {
		t.Fatal(err)
	}
	o, err := readerFlags(t, "samples = false\nmouse = true\n[export]\nfolder = \"~/notes/news\"\n[keys]\n\"global.help\" = \"H\"\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.exportDir != filepath.Join(home, "notes", "news") || o.samples {
		t.Errorf("exportDir %q samples %v", o.exportDir, o.samples)
	}
	if s := o.config.Settings; !s.Mouse || !slices.Equal(o.config.Keys["global.help"], []string{"H"}) {
		t.Errorf("the reader's config: mouse %v keys %v", s.Mouse, o.config.Keys)
	}
	if o, _ := readerFlags(t, "", nil); o.exportDir != "" || !o.samples {
		t.Errorf("defaults: exportDir %q samples %v", o.exportDir, o.samples)
	}
}
