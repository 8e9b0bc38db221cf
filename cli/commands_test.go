package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandPaths lists every command newsmark has, as typed after
// "newsmark": the reader (no words), each command and each of its own,
// help, man, and the completion command fang adds when it runs.
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(path[:len(path):len(path)], sub.Name()))
		}
	}
	walk(newRoot(Env{}), []string{})
	paths = append(paths, []string{"help"}, []string{"completion"}, []string{"completion", "bash"},
		[]string{"completion", "zsh"}, []string{"completion", "fish"}, []string{"completion", "powershell"})
	want := map[string]bool{"": true, "annotate": true, "export": true, "notes": true, "feeds": true, "feeds add": true,
		"feeds rm": true, "feeds list": true, "feeds refresh": true, "feeds import": true, "feeds export": true,
		"index": true, "search": true, "deals": true, "config": true, "man": true}
	for _, p := range paths {
		delete(want, strings.Join(p, " "))
	}
	if len(want) > 0 {
		t.Fatalf("commands missing from the tree: %v", want)
	}
	return paths
}

// TestHelpOnStdout: every command's -h and --help, and `help COMMAND`,
// print its help on stdout and exit 0, with nothing on stderr (so
// `newsmark --help | less` shows it).
func TestHelpOnStdout(t *testing.T) {
	for _, path := range commandPaths(t) {
		name := strings.Join(append([]string{"newsmark"}, path...), " ")
		var first string
		for _, args := range [][]string{append(path, "--help"), append(path, "-h"), append([]string{"help"}, path...)} {
			code, out, errs := run(t, args...)
			if code != 0 || errs != "" {
				t.Errorf("%q: exit %d, stderr %q", args, code, errs)
			}
			if !strings.Contains(out, "USAGE") || !strings.Contains(out, name) {
				t.Errorf("%q: no usage of %s on stdout:\n%s", args, name, out)
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%q gives other help than %s --help", args, name)
			}
		}
	}
	// The reader's help says what a PATH is and how to reach the config.
	_, out, _ := run(t, "--help")
	for _, want := range []string{"- for standard input", "./notes", "newsmark config", "--theme", "--width", "--data-dir",
		"completion", "man"} {
		if !strings.Contains(out, want) {
			t.Errorf("newsmark --help does not say %q", want)
		}
	}
}

// TestVersion: --version and -v print the version on stdout.
func TestVersion(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		code, out, errs := run(t, flag)
		if code != 0 || errs != "" || !strings.HasPrefix(out, "newsmark version "+Version) || strings.Count(out, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", flag, code, out, errs)
		}
	}
}

// TestHelpOfACommand: `newsmark help export` is export's help; help about a
// command that does not exist is a mistake, not the root's help.
func TestHelpOfACommand(t *testing.T) {
	code, out, _ := run(t, "help", "export")
	if code != 0 || !strings.Contains(out, "newsmark export [--all | PATH-or-ID...]") || !strings.Contains(out, "--format") ||
		!strings.Contains(out, "-o --output") || !strings.Contains(out, "--force") {
		t.Errorf("help export: exit %d\n%s", code, out)
	}
	code, out, errs := run(t, "help", "exprot")
	if code != 2 || out != "" || errs != "newsmark help: no command \"exprot\" (newsmark --help lists them)\n" {
		t.Errorf("help exprot: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, out, _ := run(t, "help", "feeds", "add"); code != 0 || !strings.Contains(out, "newsmark feeds add URL [~NAME] [TAG...]") {
		t.Errorf("help feeds add: exit %d\n%s", code, out)
	}
}

// TestCompletion: each shell's script is printed, and the script's calls
// back into newsmark complete commands and flag values.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__start_newsmark", "zsh": "#compdef newsmark",
		"fish": "complete -c newsmark", "powershell": "Register-ArgumentCompleter"} {
		code, out, errs := run(t, "completion", shell)
		if code != 0 || errs != "" || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, stderr %q, no %q in\n%.300s", shell, code, errs, want, out)
		}
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "ex"}, []string{"export"}},
		{[]string{"__complete", "feeds", ""}, []string{"add", "rm", "list", "refresh", "import", "export"}},
		{[]string{"__complete", "export", "--format", ""}, []string{"md", "json", "csv"}},
		{[]string{"__complete", "--theme", ""}, []string{"auto", "dark", "light"}},
		{[]string{"__complete", "deals", "--sort", ""}, []string{"date", "amount", "sources", "kind"}},
		{[]string{"__complete", "help", "fe"}, []string{"feeds"}},
	} {
		code, out, _ := run(t, c.args...)
		for _, w := range c.want {
			if code != 0 || !strings.Contains(out, "\n"+w) && !strings.HasPrefix(out, w) {
				t.Errorf("%q: exit %d, no %q in\n%s", c.args, code, w, out)
			}
		}
	}
}

// TestManPage: `newsmark man` prints a roff man page of every command to
// the command's output.
func TestManPage(t *testing.T) {
	code, out, errs := run(t, "man")
	if code != 0 || errs != "" || !strings.HasPrefix(out, ".TH NEWSMARK 1 ") {
		t.Fatalf("exit %d, stderr %q\n%.300s", code, errs, out)
	}
	for _, want := range []string{".SH COMMANDS", `\fBannotate\fP`, `\fBexport\fP`, `\fBfeeds\fP`, `\fBdeals\fP`, `\fBconfig\fP`,
		`\fB--data-dir\fP`, "subscribe to the feeds of an OPML file"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page has no %q", want)
		}
	}
}

// TestBadFlags: an unknown flag, on every command, is one line on stderr
// naming the command and where its flags are listed, exit 2, and nothing
// on stdout; a flag with a bad value says what it wants.
func TestBadFlags(t *testing.T) {
	for _, path := range commandPaths(t) {
		if len(path) > 0 && path[0] == "completion" {
			continue // cobra's own, which takes no flags of ours
		}
		name := strings.Join(append([]string{"newsmark"}, path...), " ")
		want := name + ": unknown flag: --no-such-flag (see " + name + " --help)\n"
		args := append(path[:len(path):len(path)], "--no-such-flag")
		if code, out, errs := run(t, args...); code != 2 || out != "" || errs != want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", args, code, out, errs, want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "a.md", "--no-such-flag"}, "newsmark export: unknown flag: --no-such-flag (see newsmark export --help)\n"},
		{[]string{"--no-such-flag", "a.md"}, "newsmark: unknown flag: --no-such-flag (see newsmark --help)\n"},
		{[]string{"annotate", "-json", "a.txt"}, "newsmark annotate: -json: a long flag takes two dashes: --json (see newsmark annotate --help)\n"},
		{[]string{"search", "--limit", "many", "deal"}, "newsmark search: --limit wants a whole number, not \"many\" (see newsmark search --help)\n"},
		{[]string{"annotate", "--max-fetch", "-3", "a.txt"}, "newsmark: annotate: --max-fetch wants a number of pages, 0 or more, not -3\n"},
		{[]string{"export", "--format"}, "newsmark export: flag needs an argument: --format (see newsmark export --help)\n"},
		{[]string{"notes", "extra"}, "newsmark notes: unexpected argument \"extra\"\n"},
		{[]string{"feeds", "rm"}, "newsmark feeds rm: give the feed's URL\n"},
		{[]string{"feeds", "rm", "https://a.example/f", "https://b.example/f"}, "newsmark feeds rm: unexpected argument \"https://b.example/f\" (give the feed's URL)\n"},
		{[]string{"annotate"}, "newsmark annotate: give at least one PATH (or - for stdin)\n"},
		{[]string{"--theme", "pink", "a.txt"}, "newsmark: --theme: want \"auto\", \"dark\" or \"light\" (got \"pink\")\n"},
		{[]string{"deals", "--sort", "size"}, "newsmark deals: --sort must be date, amount, sources or kind, not \"size\"\n"},
	} {
		code, out, errs := run(t, c.args...)
		if code != 2 || out != "" || errs != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
}

// TestFlagsBeforeOrAfterArguments: a flag may come before or after the
// arguments, and -- ends the flags.
func TestFlagsBeforeOrAfterArguments(t *testing.T) {
	dataDir, path, _ := fixture(t)
	_, before, _ := run(t, "export", "--format", "csv", "--data-dir", dataDir, path)
	_, after, _ := run(t, "export", path, "--format", "csv", "--data-dir", dataDir)
	_, split, _ := run(t, "--data-dir", dataDir, "export", path, "--format=csv")
	if !strings.HasPrefix(before, "Highlight,Title,") || after != before || split != before {
		t.Errorf("export: flags before, after and around the arguments differ:\n%s\n%s\n%s", before, after, split)
	}
	code1, a, _ := run(t, "annotate", "--json", path)
	code2, b, _ := run(t, "annotate", path, "--json")
	if code1 != 0 || code2 != 0 || !strings.HasPrefix(a, `{"schema":"newsmark.annotations/1"`) || a != b {
		t.Errorf("annotate --json before and after the path: %d %d\n%.200s\n%.200s", code1, code2, a, b)
	}
	// After --, "-" starts a file name, not a flag.
	code, _, errs := run(t, "annotate", "--", "-no-such-file.txt")
	if code != 1 || !strings.Contains(errs, "-no-such-file.txt") {
		t.Errorf("annotate -- -name: exit %d, %q", code, errs)
	}
	// A word of a search may start with "-": it must not occur.
	code, _, errs = run(t, "search", "--data-dir", dataDir, "Kestrel", "-rumour", "--json")
	if code != 0 {
		t.Errorf("search with a -word: exit %d, %q", code, errs)
	}
}

// TestSubcommandNameIsTheCommand: an argument equal to a command's name is
// that command; ./notes is a path for the reader.
func TestSubcommandNameIsTheCommand(t *testing.T) {
	dataDir, _, _ := fixture(t)
	if code, out, _ := run(t, "notes", "--data-dir", dataDir); code != 0 || !strings.Contains(out, "price looks low") {
		t.Errorf("notes: exit %d\n%s", code, out)
	}
	t.Chdir(t.TempDir())
	code, out, errs := run(t, "./notes")
	if code != 1 || out != "" || !strings.Contains(errs, "./notes: no such file or directory") {
		t.Errorf("./notes: exit %d, stdout %q, stderr %q; want the reader to look for the path", code, out, errs)
	}
}
