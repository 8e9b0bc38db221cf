//go:build linux

package faults

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// term is the built newsmark running in a detached tmux session on a
// private socket, with every byte it writes to the terminal copied to a
// file (tmux pipe-pane): keys in, the screen and the raw stream out.
type term struct {
	t      *testing.T
	socket string
	raw    string
}

var sessions atomic.Int64

// startTerm runs newsmark with args (and env, KEY=VALUE) in tmux. The
// program starts only once the raw stream is being captured.
func startTerm(t *testing.T, env []string, args ...string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the reader's case is skipped (apt-get install tmux)")
	}
	return startProgram(t, env, append([]string{binary(t)}, args...)...)
}

// startProgram runs the program argv[0] with argv[1:] as startTerm runs
// newsmark.
func startProgram(t *testing.T, env []string, argv ...string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	tm := &term{t: t, socket: fmt.Sprintf("faults-%d-%d", os.Getpid(), sessions.Add(1)),
		raw: filepath.Join(t.TempDir(), "raw")}
	words := []string{"env", "-u", "NO_COLOR", "TERM=xterm-256color"}
	words = append(append(words, env...), argv...)
	for i, w := range words {
		words[i] = shellQuote(w)
	}
	// The pane waits for the go signal, sent once pipe-pane is attached; the
	// shell stays after the program to report its exit status.
	cmd := fmt.Sprintf("tmux -L %s wait-for go; %s; echo EXITED $?; sleep 60", tm.socket, strings.Join(words, " "))
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.tmux("new-session", "-d", "-s", "nm", "-x", "120", "-y", "40", cmd)
	tm.tmux("pipe-pane", "-o", "-t", "nm", "cat >> "+shellQuote(tm.raw))
	tm.tmux("wait-for", "-S", "go")
	return tm
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) send(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", "nm"}, keys...)...)
}

func (tm *term) screen() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-t", "nm")
}

// wait waits (15 s at most) until the screen shows every one of want.
func (tm *term) wait(want ...string) string {
	tm.t.Helper()
	var s string
	ok := waitUntil(15*time.Second, func() bool {
		s = tm.screen()
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
	if !ok {
		tm.t.Fatalf("timed out waiting for %q; screen:\n%s", want, s)
	}
	return s
}

// quit presses ctrl+c, which quits from any screen (q goes back one level
// first), and waits for the program to exit with status 0; it returns
// everything the program wrote to the terminal.
func (tm *term) quit() []byte {
	tm.t.Helper()
	tm.send("C-c")
	return tm.exited()
}

// exited waits for the program to exit with status 0 and returns
// everything it wrote to the terminal.
func (tm *term) exited() []byte {
	tm.t.Helper()
	tm.wait("EXITED 0")
	var raw []byte
	if !waitUntil(5*time.Second, func() bool {
		raw, _ = os.ReadFile(tm.raw)
		return strings.Contains(string(raw), "EXITED")
	}) {
		tm.t.Fatalf("the raw stream never got the exit line; %d bytes captured", len(raw))
	}
	return raw
}

// checkRaw fails the test when a payload's marker is in the raw stream,
// or when a text the screen showed is not in it (the capture missed
// what the program wrote).
func checkRaw(t *testing.T, raw []byte, shown ...string) {
	t.Helper()
	s := string(raw)
	for _, w := range shown {
		if !strings.Contains(s, w) {
			t.Errorf("the raw stream (%d bytes) lacks %q, which the screen showed", len(raw), w)
		}
	}
	for _, p := range payloads {
		if p.marker != "" && strings.Contains(s, p.marker) {
			i := strings.Index(s, p.marker)
			t.Errorf("%s reached the terminal: %q", p.name, s[max(0, i-40):min(len(s), i+40)])
		}
	}
}
