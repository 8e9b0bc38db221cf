package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/index/indextest"
	"newsmark/internal/testhome"
	"newsmark/model"
)

// tmuxTerm runs the real newsmark binary in a detached tmux session on a
// private socket: keys in, visible lines out.
type tmuxTerm struct {
	t      *testing.T
	socket string
	name   string
}

// built is the newsmark binary, built by the first end-to-end test that
// needs it and shared by the rest (test-only state).
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// buildBinary builds newsmark once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: end-to-end test skipped (apt-get install tmux)")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "newsmark-e2e-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "newsmark")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, "newsmark").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// TestMain keeps every test off the user's own files, and removes the
// shared binary after the run.
func TestMain(m *testing.M) {
	code := testhome.Main(m)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	indextest.Cleanup() // the benchmarks' database
	os.Exit(code)
}

func startTmux(t *testing.T, w, h int, args ...string) *tmuxTerm {
	t.Helper()
	tt := &tmuxTerm{t: t, socket: fmt.Sprintf("newsmark-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "nm"}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	// A clean colour environment: no NO_COLOR, a 256-colour terminal; a
	// home and XDG folders of the test's own, so the user's database and
	// feeds stay out of it (assignments in args come later and win). The
	// shell stays after the program to report its exit status.
	home := t.TempDir()
	isolated := fmt.Sprintf("HOME=%[1]s XDG_CONFIG_HOME=%[1]s/config XDG_DATA_HOME=%[1]s/data XDG_CACHE_HOME=%[1]s/cache "+
		"XDG_STATE_HOME=%[1]s/state NEWSMARK_DATA_DIR=%[1]s/data ", home)
	// The exit line starts on a line of its own: a killed program leaves
	// the cursor where its last frame did, maybe at the right edge, where
	// "EXITED" would wrap in two (\r as well, for a terminal left raw).
	cmd := "env -u NO_COLOR TERM=tmux-256color " + isolated + strings.Join(quoted, " ") +
		"; rc=$?; printf '\\r\\n'; echo EXITED $rc; sleep 20"
	wd, _ := os.Getwd()
	tt.tmux("new-session", "-d", "-s", tt.name, "-c", wd, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmd)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tt.socket, "kill-server").Run() })
	return tt
}

func (tt *tmuxTerm) tmux(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tt.socket}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tt *tmuxTerm) send(keys ...string) {
	tt.t.Helper()
	tt.tmux(append([]string{"send-keys", "-t", tt.name}, keys...)...)
}

func (tt *tmuxTerm) capture(escapes bool) string {
	tt.t.Helper()
	args := []string{"capture-pane", "-p", "-t", tt.name}
	if escapes {
		args = append(args, "-e")
	}
	return tt.tmux(args...)
}

// waitFor polls the screen until ok holds or waitLimit passes.
func (tt *tmuxTerm) waitFor(what string, escapes bool, ok func(string) bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := tt.capture(escapes)
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// readerStatus is the status bar of the reader once its text is wrapped:
// the scroll position, then the help key.
var readerStatus = regexp.MustCompile(`(Top|Bot|All|\d+%)  \? help`)

// waitReader waits until the reader shows its text (not the library, not
// "loading…"), so keys that act on the text find it there.
func (tt *tmuxTerm) waitReader(want ...string) string {
	tt.t.Helper()
	return tt.waitFor(fmt.Sprintf("the reader's text, %q", want), false, func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return readerStatus.MatchString(s)
	})
}

func (tt *tmuxTerm) waitText(want ...string) string {
	tt.t.Helper()
	return tt.waitFor(fmt.Sprintf("%q", want), false, func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

func TestEndToEndReader(t *testing.T) {
	bin := buildBinary(t)
	tt := startTmux(t, 160, 45, bin, "--theme", "dark", "testdata/orbit.txt", "testdata/harbor.txt")
	// Two articles: the library comes first; the filter finds one.
	tt.waitText("2 articles", "Orbit Foods to Buy Meadow Dairy")
	tt.send("/", "kaiyo", "Enter")
	tt.waitText("1 article matching")
	tt.send("Enter")
	tt.waitText("Northwind Freight Holdings and Kaiyo Shipping Co. said on Tuesday", "? help")
	tt.send("G")
	tt.waitFor("the end of the text", false, func(s string) bool {
		return strings.Contains(s, "Bot  ? help") || strings.Contains(s, "All  ? help")
	})
	tt.send("g", "?")
	tt.waitText("Keys: reader", "half page down")
	// q goes back one level at a time, as in less and lazygit: the help,
	// then the article, then it quits in the library.
	tt.send("q")
	tt.waitFor("help closed", false, func(s string) bool {
		return !strings.Contains(s, "Keys: reader") && strings.Contains(s, "Kaiyo Shipping Co. said on")
	})
	tt.send("q")
	tt.waitText("1 article matching “kaiyo”")
	tt.send("q")
	// The shell line after the program: it left the alternate screen and exited cleanly.
	s := tt.waitText("EXITED 0")
	if strings.Contains(s, "? help") {
		t.Fatalf("the reader is still on screen after exit:\n%s", s)
	}
}

// TestEndToEndNextArticle: J and K step through the library's articles
// from the reader, and q then goes back to the library, not out.
func TestEndToEndNextArticle(t *testing.T) {
	bin := buildBinary(t)
	tt := startTmux(t, 120, 30, bin, "--theme", "dark", "testdata/orbit.txt", "testdata/harbor.txt")
	s := tt.waitText("2 articles", "Orbit Foods to Buy Meadow Dairy", "Northwind")
	orbitFirst := strings.Index(s, "Orbit Foods") < strings.Index(s, "Northwind")
	first, second := "Kaiyo Shipping Co. said on", "Orbit Foods Inc."
	if orbitFirst {
		first, second = second, first
	}
	tt.send("Enter")
	tt.waitReader(first)
	tt.send("J")
	tt.waitReader(second)
	tt.send("J") // the last one: it stays, and says so
	tt.waitText("last article in the library")
	tt.send("K")
	tt.waitReader(first)
	tt.send("q")
	tt.waitText("2 articles")
	tt.send("q")
	tt.waitText("EXITED 0")
}

// TestEndToEndQuitsFromSingleArticle: started on one file, q in the
// reader quits at once (there is no library to go back to), as in less.
func TestEndToEndQuitsFromSingleArticle(t *testing.T) {
	bin := buildBinary(t)
	tt := startTmux(t, 100, 24, bin, "--theme", "dark", "testdata/harbor.txt")
	tt.waitReader("Kaiyo Shipping Co. said on")
	tt.send("q")
	tt.waitText("EXITED 0")
}

var anySGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// setsStyle reports whether an SGR sequence turns on a colour or attribute
// (rather than only resetting).
func setsStyle(seq string) bool {
	for _, p := range strings.Split(strings.Trim(seq, "\x1b[m"), ";") {
		switch p {
		case "", "0", "22", "23", "24", "27", "29", "39", "49":
		default:
			return true
		}
	}
	return false
}

// TestEndToEndAnnotated follows issue 4: a company name on screen inside a
// colour or attribute sequence; 1 shows the venture card's parties and
// stake; tab then enter brings the evidence sentence into the reader.
func TestEndToEndAnnotated(t *testing.T) {
	// The embedded samples, in the library's order; pick the first with an
	// announced venture whose card has parties and a stake.
	km, st := DefaultKeyMap(), NewStyles(Dark)
	lib := newLibrary(common{keys: &km, styles: &st}, articles.Samples())
	pick := -1
	var a model.Article
	var ann model.Annotations
	var company string
	for i, e := range lib.entries {
		art, err := e.Load()
		if err != nil {
			t.Fatal(err)
		}
		an := annotate.Article(art)
		company = ""
		for _, e := range an.Entities {
			if e.Kind == model.Company && len(e.Mentions) > 0 {
				company = art.Body[e.Mentions[0].Start:e.Mentions[0].End]
				break
			}
		}
		for _, v := range an.Ventures {
			if v.Status == model.Announced && len(v.Parties) > 0 && v.Stake != "" && len(v.Evidence) > 0 && company != "" {
				pick, a, ann = i, art, an
			}
		}
		if pick >= 0 {
			break
		}
	}
	if pick < 0 {
		t.Fatal("no sample has an announced venture with parties, stake and evidence")
	}
	vs := append([]model.Venture(nil), ann.Ventures...)
	sort.SliceStable(vs, func(i, j int) bool {
		if (vs[i].Status == model.Announced) != (vs[j].Status == model.Announced) {
			return vs[i].Status == model.Announced
		}
		return evidenceStart(vs[i]) < evidenceStart(vs[j])
	})
	v := vs[0]

	bin := buildBinary(t)
	tt := startTmux(t, 160, 45, bin, "--theme", "dark") // no path: the samples
	tt.waitText("articles", "? help")
	for i := 0; i < pick; i++ {
		tt.send("j")
	}
	tt.send("Enter")
	// The title is in the library too: wait for the panel's tab bar, which
	// only the reader shows, before s toggles the panel.
	tt.waitReader("1 Ventures")
	// Only the body counts: hide the panel (its cards name companies too)
	// and skip the header (the title is styled as a whole).
	tt.send("s")
	tt.waitFor("a highlighted company in the body: "+company, true, func(s string) bool {
		lines := strings.Split(s, "\n")
		body := false
		for _, line := range lines {
			if strings.Contains(line, "────") {
				body = true
				continue
			}
			if !body {
				continue
			}
			if i := strings.Index(line, company); i > 0 {
				loc := anySGR.FindAllStringIndex(line[:i], -1)
				if len(loc) > 0 && loc[len(loc)-1][1] == i && setsStyle(line[loc[len(loc)-1][0]:i]) {
					return true
				}
			}
		}
		return false
	})
	tt.send("s")
	tt.send("1")
	want := []string{}
	if len(v.Parties) > 0 {
		want = append(want, v.Parties[0])
	}
	if v.Stake != "" {
		want = append(want, "Stake: "+v.Stake)
	}
	tt.waitText(want...)
	// Scroll the evidence off screen first, so the jump has to bring it back.
	tt.send("G")
	tt.send("Tab", "g", "Enter")
	ev := a.Body[v.Evidence[0].Start:v.Evidence[0].End]
	evWords := strings.Fields(ev)
	evStart := strings.Join(evWords[:min(8, len(evWords))], " ")
	readerW := 160 - 160*38/100
	tt.waitFor("the evidence in the reader: "+evStart, false, func(s string) bool {
		var left []string
		for _, line := range strings.Split(s, "\n") {
			r := []rune(line)
			left = append(left, strings.TrimSpace(string(r[:min(len(r), readerW)])))
		}
		return strings.Contains(strings.Join(strings.Fields(strings.Join(left, " ")), " "), evStart)
	})
	tt.send("q")
}

// TestEndToEndMonochrome: with NO_COLOR the screen has no colour at all,
// yet highlights keep their attributes.
func TestEndToEndMonochrome(t *testing.T) {
	bin := buildBinary(t)
	tt := startTmux(t, 120, 30, "env", "NO_COLOR=1", bin, "testdata/harbor.txt")
	tt.waitText("? help", "1 Vent")
	s := tt.waitFor("bold or underlined text in the body", true, func(s string) bool {
		return strings.Contains(s, "\x1b[1m") || strings.Contains(s, "\x1b[4m") || strings.Contains(s, "\x1b[1;")
	})
	if regexp.MustCompile(`\x1b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]`).MatchString(s) {
		t.Fatalf("colour sequences under NO_COLOR:\n%q", s)
	}
	tt.send("q")
	tt.waitText("EXITED 0")
}

// TestEndToEndConfigKeys: two keys remapped in the config file work in the
// real program, the old ones no longer do, and the hint bar, status bar and
// help show the new ones.
func TestEndToEndConfigKeys(t *testing.T) {
	bin := buildBinary(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[keys]\n\"reader.search\" = \"ctrl+g\"\n\"global.help\" = \"H\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tt := startTmux(t, 160, 45, "NEWSMARK_CONFIG="+cfg, bin, "--theme", "dark", "testdata/harbor.txt")
	tt.waitText("Northwind Freight Holdings and Kaiyo Shipping Co. said on Tuesday", "ctrl+g search", "H help")
	tt.send("?") // no longer the help
	tt.send("C-g", "kaiyo", "Enter")
	s := tt.waitText("“kaiyo” 1/")
	if strings.Contains(s, "Keys: reader") {
		t.Fatalf("? still opens the help:\n%s", s)
	}
	tt.send("Escape") // alone: esc then H at once would read as alt+H
	tt.waitFor("the search closed", false, func(s string) bool { return !strings.Contains(s, "“kaiyo”") })
	tt.send("H")
	tt.waitText("Keys: reader", "ctrl+g", "search the article")
	tt.send("q", "q")
	tt.waitText("EXITED 0")
}
