//go:build linux

package faults

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

var long = flag.Bool("faults.long", false, "run the long variants (more kill rounds)")

// roleEnv marks a copy of this test binary started by a test to play a part
// (the writer the kill loop kills).
const roleEnv = "NEWSMARK_FAULTS_ROLE"

func role() string { return os.Getenv(roleEnv) }

// area counts the cases of one attack area: a case is tried when it ran
// (not skipped) and held when it passed.
type area struct {
	name                 string
	tried, held, skipped int
}

var areas struct {
	sync.Mutex
	list []*area
}

// newArea starts counting the cases of the test t under name; the figures
// are logged when t ends.
func newArea(t *testing.T, name string) *area {
	a := &area{name: name}
	areas.Lock()
	areas.list = append(areas.list, a)
	areas.Unlock()
	t.Cleanup(func() { t.Log(a.line()) })
	return a
}

func (a *area) line() string {
	s := fmt.Sprintf("faults: %s: %d cases tried, %d held", a.name, a.tried, a.held)
	if a.skipped > 0 {
		s += fmt.Sprintf(" (%d skipped)", a.skipped)
	}
	return s
}

// run runs one case as a subtest of t and counts it.
func (a *area) run(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	ran, skipped := false, false
	ok := t.Run(name, func(t *testing.T) {
		ran = true
		defer func() { skipped = t.Skipped() }()
		f(t)
	})
	switch {
	case !ran: // left out by -run
	case skipped:
		a.skipped++
	case ok:
		a.tried++
		a.held++
	default:
		a.tried++
	}
}

// summary is one line per area and the total, in area order.
func summary() []string {
	areas.Lock()
	defer areas.Unlock()
	list := append([]*area(nil), areas.list...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].name < list[j].name })
	var lines []string
	tried, held := 0, 0
	for _, a := range list {
		lines = append(lines, a.line())
		tried += a.tried
		held += a.held
	}
	if len(list) > 0 {
		lines = append(lines, fmt.Sprintf("faults: all areas: %d cases tried, %d held", tried, held))
	}
	return lines
}

// built is the newsmark binary, built once by the first test that needs it
// (test-only state, removed by TestMain).
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// binary builds newsmark from the module once per run. Its folder can be
// entered by every user, so a case can run it as nobody.
func binary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "newsmark-faults-")
		if built.err != nil {
			return
		}
		os.Chmod(built.dir, 0o755)
		built.bin = filepath.Join(built.dir, "newsmark")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, "newsmark").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// result is what one run of newsmark gave.
type result struct {
	code           int
	stdout, stderr []byte
	hung           bool
}

// runOpts says how to run newsmark: extra environment, standard input,
// another user, a time limit (10 s unless set).
type runOpts struct {
	env     []string
	stdin   io.Reader
	as      *syscall.Credential
	timeout time.Duration
	dir     string
}

// nm runs the built newsmark with args; a run still going after the time
// limit is killed and reported as a failure (it hung).
func nm(t *testing.T, o runOpts, args ...string) result {
	t.Helper()
	if o.timeout == 0 {
		o.timeout = 10 * time.Second
	}
	bin := binary(t) // built first: the build's time is not the run's
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), o.env...)
	cmd.Stdin = o.stdin
	cmd.Dir = o.dir
	cmd.WaitDelay = time.Second
	if o.as != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: o.as}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{code: cmd.ProcessState.ExitCode(), stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if ctx.Err() != nil {
		r.hung = true
		t.Errorf("newsmark %s: still running after %v (killed)", strings.Join(quoteAll(args), " "), o.timeout)
	} else if err != nil && r.code < 0 {
		t.Errorf("newsmark %s: %v", strings.Join(quoteAll(args), " "), err)
	}
	if bytes.Contains(r.stderr, []byte("goroutine ")) && bytes.Contains(r.stderr, []byte("panic")) {
		t.Errorf("newsmark %s crashed:\n%s", strings.Join(quoteAll(args), " "), r.stderr)
	}
	return r
}

func quoteAll(args []string) []string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return q
}

// payload is one hostile sequence; marker, when set, is the part of it
// that must never reach the terminal raw (the reader writes escape
// sequences of its own, so a bare ESC proves nothing there).
type payload struct {
	name, s, marker string
}

// payloads are what an article, a file name, a feed or another program's
// write to the database may carry.
var payloads = []payload{
	{"CSI 2J (clear screen)", "\x1b[2J", ""},
	{"CSI window resize", "\x1b[8;3;3t", "\x1b[8;3;3t"},
	{"OSC 52 clipboard write", "\x1b]52;c;SGFja2Vk\x07", "\x1b]52;"},
	{"OSC 0 window title", "\x1b]0;PWNED\x07", "\x1b]0;PWNED"},
	{"OSC 8 hyperlink", "\x1b]8;;http://evil.example/\x1b\\", "\x1b]8;;http://evil"},
	{"DCS XTGETTCAP request", "\x1bP+q544e\x1b\\", "\x1bP+q544e"},
	{"8-bit CSI U+009B", "\u009b2J", "\u009b"},
	{"8-bit OSC U+009D", "\u009d0;PWNED\u009c", "\u009d"},
	{"raw 0x9b byte", "\x9b2J", ""},
	{"bidi override U+202E", "\u202e", "\u202e"},
	{"bidi isolate U+2067", "\u2067", "\u2067"},
}

// hostile is every payload in one string, with words between them, so the
// text around the payloads survives to be checked.
func hostile(word string) string {
	var b strings.Builder
	for i, p := range payloads {
		fmt.Fprintf(&b, "%s%d%s", word, i, p.s)
	}
	b.WriteString(word + "end")
	return b.String()
}

// dirty describes the first byte sequence of b that must not reach a
// terminal: ESC, another C0 control (\n, \t and the \r of \r\n aside), a
// C1 control, a bidi control, or invalid UTF-8. "" when b is clean.
func dirty(b []byte) string {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				return fmt.Sprintf("ESC at byte %d: %q", i, context16(b, i))
			case c == '\r' && i+1 < len(b) && b[i+1] == '\n', c == '\n', c == '\t':
			case c < 0x20 || c == 0x7f:
				return fmt.Sprintf("control 0x%02x at byte %d: %q", c, i, context16(b, i))
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && sz == 1:
			return fmt.Sprintf("invalid UTF-8 0x%02x at byte %d: %q", c, i, context16(b, i))
		case r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("C1 control U+%04X at byte %d: %q", r, i, context16(b, i))
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidi control U+%04X at byte %d: %q", r, i, context16(b, i))
		}
		i += sz
	}
	return ""
}

func context16(b []byte, i int) []byte {
	return b[max(0, i-16):min(len(b), i+16)]
}

// checkClean fails t when out holds anything dirty reports.
func checkClean(t *testing.T, what string, out []byte) {
	t.Helper()
	if d := dirty(out); d != "" {
		t.Errorf("%s: %s", what, d)
	}
}

// oneLine fails t unless s is one non-empty line (a trailing newline
// allowed) that is clean.
func oneLine(t *testing.T, what string, s []byte) {
	t.Helper()
	line := strings.TrimSuffix(string(s), "\n")
	switch {
	case strings.TrimSpace(line) == "":
		t.Errorf("%s: no reason given on stderr", what)
	case strings.Contains(line, "\n"):
		t.Errorf("%s: the reason takes %d lines:\n%s", what, strings.Count(line, "\n")+1, s)
	}
	checkClean(t, what+" (stderr)", s)
}

// waitUntil polls ok until it holds or timeout passes; it reports whether
// ok held.
func waitUntil(timeout time.Duration, ok func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if ok() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestChecksCatchPayloads holds the suite's own checks to account: dirty
// finds every payload, and the reader's raw stream, as captured, holds
// every marker when a program prints the payloads as they are.
func TestChecksCatchPayloads(t *testing.T) {
	t.Parallel()
	for _, p := range payloads {
		if dirty([]byte("text "+p.s+" text")) == "" {
			t.Errorf("dirty misses %s", p.name)
		}
	}
	if d := dirty([]byte("clean “text”, tabs\tand lines\r\n… ‛quoted’\n")); d != "" {
		t.Errorf("dirty flags clean text: %s", d)
	}
	f := filepath.Join(t.TempDir(), "payloads")
	if err := os.WriteFile(f, []byte(hostile("w")), 0o644); err != nil {
		t.Fatal(err)
	}
	raw := string(startProgram(t, nil, "cat", f).exited())
	for _, p := range payloads {
		if p.marker != "" && !strings.Contains(raw, p.marker) {
			t.Errorf("the raw stream lost %s: %q", p.name, raw)
		}
	}
}
