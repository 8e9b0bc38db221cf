//go:build linux

package faults

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsmark/model"
	"newsmark/notes"
	"newsmark/store"
)

// The writer's environment: the database and the first note number.
const (
	killDBEnv   = "NEWSMARK_FAULTS_DB"
	killFromEnv = "NEWSMARK_FAULTS_FROM"
)

// TestKillNineDuringSaves starts a writer (a copy of this test binary)
// that opens the real store and adds notes in a loop, printing "ack N" once
// Add has returned nil for note N, and kills it with SIGKILL at random
// moments: right after it starts (during Open or a migration) or after a
// random number of acknowledged notes, a random few milliseconds into the
// next save. After every round the database is opened as a restarted
// newsmark would: it must pass PRAGMA integrity_check and hold every note
// acknowledged so far.
func TestKillNineDuringSaves(t *testing.T) {
	if role() == "writer" {
		writeNotesUntilKilled()
		return
	}
	t.Parallel()
	a := newArea(t, "kill -9 during saves")
	rounds := 20
	if *long {
		rounds = 300
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	path := filepath.Join(t.TempDir(), store.FileName)
	acked := map[int]bool{}
	next := 1
	for round := 1; round <= rounds; round++ {
		a.run(t, fmt.Sprintf("round %d", round), func(t *testing.T) {
			// Below 0: kill without waiting for an ack, somewhere in the
			// start, Open or a migration; else a few ms into a save.
			waitAcks := rng.IntN(25) - 3
			delay := time.Duration(rng.IntN(3000)) * time.Microsecond
			if waitAcks < 0 {
				delay = time.Duration(rng.IntN(150)) * time.Millisecond
			}
			got := killRound(t, path, next, waitAcks, delay)
			for _, n := range got {
				acked[n] = true
				next = max(next, n+1)
			}
			next += 1000 // an unacknowledged note never shares a number
			lost, extra := checkNotes(t, path, acked)
			if len(lost) > 0 {
				t.Errorf("%d acknowledged notes lost: %v", len(lost), lost)
			}
			t.Logf("killed after %d acks (+%v): %d acknowledged in all, %d lost, %d stored without an ack",
				len(got), delay, len(acked), len(lost), extra)
		})
	}
	lost, _ := checkNotes(t, path, acked)
	t.Logf("faults: kill -9: %d rounds, %d notes acknowledged, %d lost", rounds, len(acked), len(lost))
}

// killRound runs one writer from note number from, kills it once it has
// acknowledged waitAcks notes (or at once when waitAcks < 0) and delay has
// passed, and returns every note number it acknowledged, including those
// still in the pipe when it died.
func killRound(t *testing.T, path string, from, waitAcks int, delay time.Duration) []int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillNineDuringSaves$", "-test.count=1")
	cmd.Env = append(os.Environ(), roleEnv+"=writer", killDBEnv+"="+path, killFromEnv+"="+strconv.Itoa(from))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var acks []int
	take := func(l string) {
		if n, ok := strings.CutPrefix(l, "ack "); ok {
			if v, err := strconv.Atoi(n); err == nil {
				acks = append(acks, v)
			}
		}
	}
	deadline := time.After(30 * time.Second)
	for waitAcks >= 0 && len(acks) < max(waitAcks, 1) {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the writer ended on its own: %s", stderr.Bytes())
			}
			take(l)
		case <-deadline:
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the writer acknowledged %d notes in 30 s", len(acks))
		}
	}
	time.Sleep(delay) // where in the next save the kill lands: part of the attack, not a wait
	cmd.Process.Signal(syscall.SIGKILL)
	for l := range lines { // acks printed before the kill, still in the pipe
		take(l)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the writer did not die of SIGKILL: %v\n%s", err, stderr.Bytes())
	}
	return acks
}

// checkNotes opens the database afresh, checks its integrity and returns
// the acknowledged notes missing from it and how many stored notes were
// never acknowledged (a save that committed just before the kill).
func checkNotes(t *testing.T, path string, acked map[int]bool) (lost []int, extra int) {
	t.Helper()
	if _, err := os.Stat(path); err != nil && len(acked) == 0 {
		return nil, 0 // killed before it made the file
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.SQL().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	hs, err := notes.New(db).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int]bool{}
	for _, h := range hs {
		if n, ok := strings.CutPrefix(h.Note, "kill note "); ok {
			v, _ := strconv.Atoi(n)
			stored[v] = true
		}
	}
	for n := range acked {
		if !stored[n] {
			lost = append(lost, n)
		}
	}
	for n := range stored {
		if !acked[n] {
			extra++
		}
	}
	return lost, extra
}

// writeNotesUntilKilled is the writer: it opens the real store and adds
// notes until it is killed, acknowledging each on stdout once it is saved.
func writeNotesUntilKilled() {
	from, _ := strconv.Atoi(os.Getenv(killFromEnv))
	db, err := store.Open(os.Getenv(killDBEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		os.Exit(2)
	}
	n := notes.New(db)
	a := model.Article{ID: "faults-kill", Path: "/faults/kill.txt", Title: "Kill loop", Body: story}
	for i := from; ; i++ {
		h, err := notes.NewHighlight(a, 0, len("Orchard Corp."), "kill note "+strconv.Itoa(i))
		if err == nil {
			_, err = n.Add(context.Background(), h)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "writer:", err)
			os.Exit(2)
		}
		// One write(2) per line: the ack is out as soon as Add returned.
		os.Stdout.WriteString("ack " + strconv.Itoa(i) + "\n")
	}
}
