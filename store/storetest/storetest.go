package storetest

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsmark/store"
)

// RoleEnv carries the role of a re-executed test binary.
const RoleEnv = "NEWSMARK_STORETEST_ROLE"

// Role is the role this process was started with by Start; "" in an
// ordinary test run.
func Role() string { return os.Getenv(RoleEnv) }

// Proc is a child process whose standard output is read line by line.
type Proc struct {
	Cmd   *exec.Cmd
	lines chan string
	done  chan error
}

// Start re-executes the running test binary so that only the test named
// test runs, with RoleEnv=role and env (KEY=VALUE) added; in the child,
// Role() returns role and the test acts its part.
func Start(t testing.TB, test, role string, env ...string) *Proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), RoleEnv+"="+role), env...)
	return StartCmd(t, cmd)
}

// StartCmd starts cmd with its standard output read line by line; the
// process is killed when the test ends if it is still running.
func StartCmd(t testing.TB, cmd *exec.Cmd) *Proc {
	t.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if cmd.Stderr == nil {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	p := &Proc{Cmd: cmd, lines: make(chan string, 100), done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		io.Copy(io.Discard, out)
		close(p.lines)
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	return p
}

// WaitLine returns the first line of output that starts with prefix, failing
// the test if the process ends or timeout passes first.
func (p *Proc) WaitLine(t testing.TB, prefix string, timeout time.Duration) string {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				t.Fatalf("process ended before printing %q", prefix)
			}
			if strings.HasPrefix(l, prefix) {
				return l
			}
		case <-deadline:
			t.Fatalf("no line %q within %v", prefix, timeout)
		}
	}
}

// Wait waits for the process to exit on its own and returns its error.
func (p *Proc) Wait(t testing.TB, timeout time.Duration) error {
	t.Helper()
	go func() {
		for range p.lines {
		}
	}()
	select {
	case err := <-p.done:
		return err
	case <-time.After(timeout):
		t.Fatalf("process still running after %v", timeout)
		return nil
	}
}

// Kill sends SIGKILL, so no deferred code, flush or close runs, and waits
// until the process is gone.
func (p *Proc) Kill(t testing.TB) {
	t.Helper()
	if err := p.Cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL: %v", err)
	}
	err := p.Wait(t, 10*time.Second)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("process did not die of SIGKILL: %v", err)
	}
}

// KillPID sends SIGKILL to pid (e.g. a newsmark started in tmux, from
// `tmux display -p '#{pane_pid}'`) and waits until it is gone.
func KillPID(t testing.TB, pid int) {
	t.Helper()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL %d: %v", pid, err)
	}
	for i := 0; i < 500; i++ {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		var ws syscall.WaitStatus
		syscall.Wait4(pid, &ws, syscall.WNOHANG, nil) // reap it if it is our child
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("process %d still alive after SIGKILL", pid)
}

// CountHighlights opens the database at path afresh, as a restarted
// newsmark would, and counts the live highlights whose text contains text.
func CountHighlights(t testing.TB, path, text string) int {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	defer db.Close()
	var n int
	err = db.SQL().QueryRow(`SELECT count(*) FROM highlights WHERE deleted IS NULL AND instr(text, ?) > 0`, text).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
