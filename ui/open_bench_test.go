package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"newsmark/annotate"
	"newsmark/articles"
	"newsmark/model"
)

// The cost of a freshly opened long article, as a user meets it: every
// message the open brings lands on the UI goroutine once, and every
// binding of the reader and the panel is pressed for the first time.
// Warm benchmarks (bench_test.go) repeat one key on a model that has
// already done everything once, so lazy work done on first use hides
// there; here each figure is one first use, and the worst is reported.
//
//	go test ./ui -run XXX -bench 'Open2MB|FirstKeys2MB' -benchtime 5x

// bigFile is our sample stories (articles/samples) repeated to about
// 2 MB in a file, with the real annotator's annotations of it: the
// 2 MB article of BENCHMARKS.md, read as the program reads a file.
var bigFile struct {
	once  sync.Once
	entry articles.Entry
	ann   model.Annotations
	err   error
}

func bigArticle(b *testing.B) (articles.Entry, func(model.Article) model.Annotations) {
	b.Helper()
	bigFile.once.Do(func() {
		names, _ := filepath.Glob("../articles/samples/*.txt")
		var sb strings.Builder
		for sb.Len() < 2<<20 {
			for _, n := range names {
				t, err := os.ReadFile(n)
				if err != nil {
					bigFile.err = err
					return
				}
				if sb.Len() > 0 {
					sb.WriteString("\n\n")
				}
				// Each sample's own date line would end the body of the
				// one before: keep its text only.
				_, body, _ := strings.Cut(string(t), "\n")
				sb.WriteString(strings.TrimSpace(body))
			}
		}
		dir, err := os.MkdirTemp("", "newsmark-bench-")
		if err != nil {
			bigFile.err = err
			return
		}
		path := filepath.Join(dir, "big.txt")
		if bigFile.err = os.WriteFile(path, []byte(sb.String()), 0o600); bigFile.err != nil {
			return
		}
		lib := articles.Open([]string{path}, nil)
		if len(lib.Entries) != 1 {
			bigFile.err = fmt.Errorf("big article: %v", lib.Problems)
			return
		}
		bigFile.entry = lib.Entries[0]
		a, err := bigFile.entry.Load()
		if err != nil {
			bigFile.err = err
			return
		}
		bigFile.ann = annotate.Article(a)
	})
	if bigFile.err != nil {
		b.Fatal(bigFile.err)
	}
	// The annotator's own time is annotate's benchmark; the UI's side of
	// it (the drawing index, in the same Cmd) is measured here.
	ann := bigFile.ann
	return bigFile.entry, func(model.Article) model.Annotations { return ann }
}

// timedDriver runs a Model like driver, but times on the UI goroutine's
// side only: each Update and the View after it. Cmds run untimed, as the
// Program runs them off that goroutine.
type timedDriver struct {
	m     Model
	quit  bool
	worst time.Duration
	what  string
	slow  []string // every message or key over 16 ms
}

func (d *timedDriver) send(msg tea.Msg, name string) {
	t := time.Now()
	mm, cmd := d.m.Update(msg)
	d.m = mm.(Model)
	_ = d.m.View()
	if dt := time.Since(t); dt > d.worst {
		d.worst, d.what = dt, name
	}
	if dt := time.Since(t); dt > 16*time.Millisecond {
		d.slow = append(d.slow, fmt.Sprintf("%s %.1fms", name, float64(dt.Microseconds())/1000))
	}
	d.run(cmd, name)
}

func (d *timedDriver) run(cmd tea.Cmd, by string) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c, by)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < v.Len(); i++ {
				d.run(v.Index(i).Interface().(tea.Cmd), by)
			}
			return
		}
		if strings.HasPrefix(reflect.TypeOf(msg).PkgPath(), "charm.land/bubbletea") {
			return
		}
		d.send(msg, fmt.Sprintf("%s→%T", by, msg))
	}
}

// openBig opens the 2 MB article at 160x45 and runs every Cmd the open
// brings (load, wrap, annotation) to the end.
func openBig(b *testing.B) *timedDriver {
	e, ann := bigArticle(b)
	d := &timedDriver{m: New(Options{Library: articles.Library{Entries: []articles.Entry{e}}, Annotate: ann, Theme: Dark})}
	d.run(d.m.Init(), "init")
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45}, "resize")
	if !d.m.reader.annotated || len(d.m.reader.wrapped.Lines) == 0 {
		b.Fatal("the article did not open")
	}
	return d
}

// BenchmarkOpen2MB is every message an open brings, each on the UI
// goroutine: the reported max-ms is the slowest one (its Update and
// frame).
func BenchmarkOpen2MB(b *testing.B) {
	bigArticle(b)
	var worst time.Duration
	what := ""
	for i := 0; i < b.N; i++ {
		d := openBig(b)
		if d.worst > worst {
			worst, what = d.worst, d.what
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
	b.Logf("slowest: %s", what)
}

// walkKeys is every binding of the reader, the selection and the panel
// (on each tab), in help order: the keys a user reaches for on an open
// article. Quitting is left out; keys that open something are followed
// by what closes it, untimed.
func walkKeys(km KeyMap) [][]string {
	var steps [][]string // each: the key timed, then untimed keys
	seen := map[string]bool{}
	add := func(set KeySet, prefix string, skip ...string) {
		for _, b := range km.Bindings(set) {
			for _, k := range b.Keys() {
				if slices.Contains(skip, k) || seen[prefix+k] {
					continue
				}
				seen[prefix+k] = true
				steps = append(steps, []string{prefix, k})
			}
		}
	}
	// esc from the reader goes back to the library, q and ctrl+c quit.
	add(InReader, "", "q", "ctrl+c", "esc")
	add(InSelection, "v", "q", "ctrl+c")
	for i := range km.Global.PanelTab {
		add(InPanel, fmt.Sprintf("tab%d", i+1), "q", "ctrl+c", "esc")
	}
	return steps
}

// BenchmarkFirstKeys2MB presses every binding once on a freshly opened
// 2 MB article (a fresh open per iteration). max-ms is the slowest key
// with its frame (and the messages its Cmds bring back); the slowest
// keys are logged.
func BenchmarkFirstKeys2MB(b *testing.B) {
	bigArticle(b)
	steps := walkKeys(DefaultKeyMap())
	var worst time.Duration
	times := map[string]time.Duration{}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := openBig(b)
		b.StartTimer()
		for _, s := range steps {
			prefix, k := s[0], s[1]
			b.StopTimer()
			settle(d)
			switch {
			case prefix == "v":
				d.send(keyPress("v"), "setup")
			case strings.HasPrefix(prefix, "tab"):
				d.send(keyPress(prefix[3:]), "setup")
				d.send(keyPress("tab"), "setup")
			}
			d.worst = 0
			b.StartTimer()
			d.send(keyPress(k), prefix+k)
			if d.worst > times[prefix+" "+k] {
				times[prefix+" "+k] = d.worst
			}
			worst = max(worst, d.worst)
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
	keys := make([]string, 0, len(times))
	for k := range times {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return int(times[b] - times[a]) })
	var top []string
	for _, k := range keys[:min(8, len(keys))] {
		top = append(top, fmt.Sprintf("%q %.2fms", k, float64(times[k].Microseconds())/1000))
	}
	b.Logf("%d keys; slowest: %s", len(steps), strings.Join(top, ", "))
}

// settle closes whatever the last key opened (the help, an overlay, a
// text input, a selection), puts the focus back on the reader and the
// reader back at the top, untimed.
func settle(d *timedDriver) {
	m := &d.m
	for i := 0; i < 4 && (m.showHelp || m.overlay != overlayNone || m.input.active() || m.reader.cur.selecting); i++ {
		if m.showHelp {
			d.send(keyPress("?"), "settle")
			continue
		}
		d.send(keyPress("esc"), "settle")
	}
	if m.screen != screenReader {
		d.send(keyPress("enter"), "settle")
	}
	if !m.showPanel {
		d.send(keyPress("s"), "settle")
	}
	if m.focus != focusReader {
		d.send(keyPress("tab"), "settle")
	}
}

// BenchmarkFolder5000 is a folder of 5,000 stories as the reader meets
// it: New on the listing (names and times), the first frame, then the
// heads' arrival (headsReadMsg: the re-sort by date) and a key after it.
// max-ms is the slowest of these on the UI goroutine; ReadHeads itself
// runs in a Cmd (articles' BenchmarkReadHeadsFolder5000).
func BenchmarkFolder5000(b *testing.B) {
	dir := b.TempDir()
	for i := range 5000 {
		day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(i * 7 % 900))
		text := fmt.Sprintf("Title: Story %d\nDate: %s\n\nCompany %d Corp. agreed to buy Partner %d Inc.\n", i, day.Format("2006-01-02"), i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%04d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	l := articles.List([]string{dir}, nil)
	heads := headsReadMsg{l.ReadHeads()}
	var worst time.Duration
	what := ""
	for b.Loop() {
		t := time.Now()
		d := &timedDriver{m: New(Options{Library: l.Library, ReadHeads: l.ReadHeads, Theme: Dark})}
		d.send(tea.WindowSizeMsg{Width: 160, Height: 45}, "new+resize")
		d.worst = max(d.worst, time.Since(t))
		d.send(keyPress("j"), "j while reading")
		d.send(heads, "heads")
		d.send(keyPress("j"), "j after")
		if d.worst > worst {
			worst, what = d.worst, d.what
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
	b.Logf("slowest: %s", what)
}
