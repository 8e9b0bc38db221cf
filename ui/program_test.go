package ui

import (
	"bytes"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramRunsWithoutBackgroundAnswer runs the whole program (teatest):
// the terminal never answers the background query, yet the first frame is
// drawn at once, keys work, q goes back to the library and q there ends it.
func TestProgramRunsWithoutBackgroundAnswer(t *testing.T) {
	m := New(Options{Library: fixtureLibrary(t), Annotate: fixtureAnnotations})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Sunline Solar and Delta Grid"))
	}, teatest.WithDuration(waitLimit))
	tm.Type("j")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("G")
	tm.Type("q") // back to the library
	tm.Type("q") // quits there
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(waitLimit)).(Model)
	if fm.screen != screenLibrary || fm.reader.article.ID != "harbor" {
		t.Fatalf("final screen %s with %q", fm.screen, fm.reader.article.ID)
	}
	if fm.styles.Theme != Dark {
		t.Fatalf("theme %s without an answer from the terminal", fm.styles.Theme)
	}
}
