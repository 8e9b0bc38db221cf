package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
)

// tmuxTerm runs the real newsmark binary in a detached tmux session on a
// private socket: keys in, visible lines out.
type tmuxTerm struct {
	t      *testing.T
	socket string
	name   string
}

// buildBinary builds newsmark once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: end-to-end test skipped (apt-get install tmux)")
	}
	bin := filepath.Join(t.TempDir(), "newsmark")
	cmd := exec.Command("go", "build", "-o", bin, "newsmark")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, w, h int, args ...string) *tmuxTerm {
	t.Helper()
	tt := &tmuxTerm{t: t, socket: fmt.Sprintf("newsmark-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "nm"}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	// A clean colour environment: no NO_COLOR, a 256-colour terminal. The
	// shell stays after the program to report its exit status.
	cmd := "env -u NO_COLOR TERM=tmux-256color " + strings.Join(quoted, " ") + "; echo EXITED $?; sleep 20"
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

// waitFor polls the screen until ok holds or 10 s pass.
func (tt *tmuxTerm) waitFor(what string, escapes bool, ok func(string) bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
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
	tt := startTmux(t, 160, 45, bin, "--theme", "dark", "testdata/harbor.txt", "testdata/harbor.txt")
	// Two paths (the same file twice): the library comes first.
	tt.waitText("2 articles")
	tt.send("Enter")
	tt.waitText("Northwind Freight Holdings and Kaiyo Shipping Co. said on Tuesday", "? help")
	tt.send("G")
	tt.waitText("100%")
	tt.send("g", "?")
	tt.waitText("Keys: reader", "half page down")
	tt.send("Escape")
	tt.waitFor("help closed", false, func(s string) bool { return !strings.Contains(s, "Keys: reader") })
	tt.send("q")
	// The shell line after the program: it left the alternate screen and exited cleanly.
	s := tt.waitText("EXITED 0")
	if strings.Contains(s, "? help") {
		t.Fatalf("the reader is still on screen after exit:\n%s", s)
	}
}

var anySGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestEndToEndAnnotated follows issue 4: a company name on screen inside a
// colour or attribute sequence; 1 shows the venture card's parties and
// stake; tab then enter brings the evidence sentence into the reader.
func TestEndToEndAnnotated(t *testing.T) {
	lib := articles.Open([]string{"testdata/harbor.txt"}, nil)
	if len(lib.Entries) != 1 {
		t.Fatalf("loader: %v", lib.Problems)
	}
	a, err := lib.Entries[0].Load()
	if err != nil {
		t.Fatal(err)
	}
	ann := annotate.Article(a)
	var company string
	for _, e := range ann.Entities {
		if e.Kind == model.Company && len(e.Mentions) > 0 {
			company = a.Body[e.Mentions[0].Start:e.Mentions[0].End]
			break
		}
	}
	if company == "" || len(ann.Ventures) == 0 {
		t.Skip("the annotator finds no company or venture in the fixture yet (annotate is still the skeleton)")
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
	tt := startTmux(t, 160, 45, bin, "--theme", "dark", "testdata/harbor.txt")
	tt.waitFor("a highlighted company", true, func(s string) bool {
		for _, line := range strings.Split(s, "\n") {
			if i := strings.Index(line, company); i > 0 && anySGR.MatchString(line[:i]) {
				loc := anySGR.FindAllStringIndex(line[:i], -1)
				if loc[len(loc)-1][1] == i {
					return true
				}
			}
		}
		return false
	})
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
