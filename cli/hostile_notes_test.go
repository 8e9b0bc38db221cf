package cli

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"newsmark/notes"
	"newsmark/store"
)

// hostile are the sequences a database edited by another program (or a
// note pasted from the web) can hold: a clipboard write (OSC 52), a screen
// clear, a window title, an 8-bit CSI, and a bidi override.
var hostile = []string{"\x1b]52;c;SGFja2Vk\x07", "\x1b[2J", "\x1b]0;PWNED\x1b\\", "\u009b31m", "\u202e"}

func hasHostile(s string) string {
	for _, h := range hostile {
		if strings.Contains(s, h) {
			return h
		}
	}
	if strings.ContainsRune(s, 0x1b) {
		return "ESC"
	}
	return ""
}

// Every string that comes out of the database passes the sanitizer before
// it reaches a terminal or a file: export in each format, and notes.
func TestStoredTextIsSanitizedOnTheWayOut(t *testing.T) {
	dataDir, _, _ := fixture(t)
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Join(hostile, "x")
	err = db.Write(context.Background(), "tamper", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE highlights SET title = ?, note = ?, source = ?, author = ?, tags = ?`,
			"Title "+evil, "note "+evil, "src"+evil, "auth"+evil, `["tag`+strings.ReplaceAll(evil, `\`, `\\`)+`"]`)
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--all", "--format", "md"}, {"export", "--all", "--format", "csv"},
		{"export", "--all", "--format", "json"}, {"notes"}, {"notes", "--json"},
	} {
		code, out, errs := run(t, append(args, "--data-dir", dataDir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if h := hasHostile(out); h != "" {
			t.Errorf("%v: %q reaches the output:\n%q", args, h, out)
		}
		if !strings.Contains(out, "note ") {
			t.Errorf("%v: the note's text itself is gone:\n%s", args, out)
		}
	}
}

// A note typed or pasted with a bidi override (or an escape) is stored
// without it.
func TestNotesAreSanitizedWhenSaved(t *testing.T) {
	dataDir, _, _ := fixture(t)
	db, err := store.Open(store.DefaultPath(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := notes.New(db)
	ctx := context.Background()
	hs, err := n.All(ctx)
	if err != nil || len(hs) == 0 {
		t.Fatal(err)
	}
	h, err := n.UpdateNote(ctx, hs[0].ID, "pasted \u202eevil\x1b[2J note\nsecond line")
	if err != nil {
		t.Fatal(err)
	}
	var raw string
	db.SQL().QueryRow(`SELECT note FROM highlights WHERE id = ?`, h.ID).Scan(&raw)
	if raw != "pasted evil note\nsecond line" {
		t.Errorf("stored note %q", raw)
	}
	h, err = n.SetTags(ctx, h.ID, []string{"ok", "bad\u202etag"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(h.Tags, ",") != "ok,badtag" {
		t.Errorf("tags %q", h.Tags)
	}
}
