package notes

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsmark/store"
	"newsmark/store/storetest"
)

const dbEnv = "NEWSMARK_NOTES_TEST_DB"

// TestCommittedAddSurvivesSIGKILL starts a writer process that saves a
// highlight, says "saved", and is killed with SIGKILL at once; the highlight
// is there when the database is opened again.
func TestCommittedAddSurvivesSIGKILL(t *testing.T) {
	if storetest.Role() == "writer" {
		n := openFromEnv(t)
		a := sampleArticle()
		h := addHighlight(t, n, a, "Harbor will contribute its designs", "kept after a kill")
		fmt.Printf("saved %d\n", h.ID)
		time.Sleep(time.Minute) // wait to be killed; never closes the database
		return
	}
	_, db, path := openNotes(t)
	db.Close()
	p := storetest.Start(t, "TestCommittedAddSurvivesSIGKILL", "writer", dbEnv+"="+path)
	line := p.WaitLine(t, "saved ", 30*time.Second)
	p.Kill(t)
	id, _ := strconv.ParseInt(strings.TrimPrefix(line, "saved "), 10, 64)

	if c := storetest.CountHighlights(t, path, "Harbor will contribute"); c != 1 {
		t.Fatalf("after SIGKILL: %d highlights, want 1", c)
	}
	db2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	h, err := New(db2).Get(context.Background(), id)
	if err != nil || h.Note != "kept after a kill" {
		t.Fatalf("Get(%d) after restart = %+v, %v", id, h, err)
	}
}

// TestTwoProcessesShareTheDatabase has a second process add highlights while
// this one does; none is lost.
func TestTwoProcessesShareTheDatabase(t *testing.T) {
	const each = 60
	if storetest.Role() == "adder" {
		n := openFromEnv(t)
		a := sampleArticle()
		a.ID = "from-child"
		for i := 0; i < each; i++ {
			addHighlight(t, n, a, "Meridian Steel Corp.", "")
		}
		fmt.Println("done")
		return
	}
	n, _, path := openNotes(t)
	p := storetest.Start(t, "TestTwoProcessesShareTheDatabase", "adder", dbEnv+"="+path)
	a := sampleArticle()
	for i := 0; i < each; i++ {
		addHighlight(t, n, a, "Harbor Robotics Inc.", "")
	}
	p.WaitLine(t, "done", 60*time.Second)
	if err := p.Wait(t, 30*time.Second); err != nil {
		t.Fatalf("child: %v", err)
	}
	all, err := n.All(context.Background())
	if err != nil || len(all) != 2*each {
		t.Fatalf("All = %d, %v; want %d", len(all), err, 2*each)
	}
}

func openFromEnv(t *testing.T) *Notes {
	db, err := store.Open(os.Getenv(dbEnv))
	if err != nil {
		t.Fatal(err)
	}
	return New(db)
}
