package notes

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"newsmark/model"
	"newsmark/sanitize"
	"newsmark/store"
)

// ErrNotFound is a highlight ID that is not stored (or not in the state the
// call needs: deleted for Undo, live for the others).
var ErrNotFound = store.ErrNoHighlight

// ContextLen is how many characters (runes) of context a highlight keeps on
// each side of its text to find it again.
const ContextLen = 32

// undoWindow is how long a deleted highlight stays restorable; older deleted
// rows are purged by the next Delete.
const undoWindow = 7 * 24 * time.Hour

// Notes is the highlight store. It is safe for concurrent use.
type Notes struct {
	db  *store.DB
	now func() time.Time
}

// New returns the highlights kept in db.
func New(db *store.DB) *Notes {
	return &Notes{db: db, now: store.Now}
}

// NewHighlight makes an unsaved highlight of a.Body[start:end] with its
// context and the article's metadata. The range is widened to whole runes
// and trimmed of surrounding white space.
func NewHighlight(a model.Article, start, end int, note string) (model.Highlight, error) {
	body := a.Body
	if start < 0 || end > len(body) || start >= end {
		return model.Highlight{}, fmt.Errorf("highlight %d..%d: outside the article's %d bytes", start, end, len(body))
	}
	for start > 0 && !utf8.RuneStart(body[start]) {
		start--
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	for start < end && isSpace(body[start]) {
		start++
	}
	for end > start && isSpace(body[end-1]) {
		end--
	}
	if start == end {
		return model.Highlight{}, errors.New("highlight: the selection is only white space")
	}
	h := model.Highlight{
		ArticleID: a.ID,
		Locator:   a.Locator(),
		Title:     a.Title,
		Source:    a.Source,
		Date:      a.Date,
		Author:    strings.Join(a.Authors, ", "),
		Start:     start,
		End:       end,
		Note:      note,
	}
	setContext(&h, body)
	return h, nil
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// setContext sets Text, Prefix and Suffix from body[h.Start:h.End].
func setContext(h *model.Highlight, body string) {
	h.Text = body[h.Start:h.End]
	p := h.Start
	for i := 0; i < ContextLen && p > 0; i++ {
		_, n := utf8.DecodeLastRuneInString(body[:p])
		p -= n
	}
	h.Prefix = body[p:h.Start]
	s := h.End
	for i := 0; i < ContextLen && s < len(body); i++ {
		_, n := utf8.DecodeRuneInString(body[s:])
		s += n
	}
	h.Suffix = body[h.End:s]
}

// Add stores h and returns it with its ID and times. When Add returns nil
// error the highlight is committed: killing the process loses nothing.
func (n *Notes) Add(ctx context.Context, h model.Highlight) (model.Highlight, error) {
	if h.Text == "" {
		return h, errors.New("save highlight: empty text")
	}
	h.Note, h.Tags = sanitize.Text(h.Note), cleanTags(h.Tags)
	now := n.now()
	if h.Created.IsZero() {
		h.Created = now
	}
	h.Updated = now
	var err error
	h.ID, err = n.db.AddHighlight(ctx, h)
	return h, err
}

// Get returns the live highlight id.
func (n *Notes) Get(ctx context.Context, id int64) (model.Highlight, error) {
	return n.db.Highlight(ctx, id)
}

// UpdateNote replaces the note of highlight id.
func (n *Notes) UpdateNote(ctx context.Context, id int64, note string) (model.Highlight, error) {
	return n.db.SetHighlightNote(ctx, id, sanitize.Text(note), n.now())
}

// SetTags replaces the tags of highlight id.
func (n *Notes) SetTags(ctx context.Context, id int64, tags []string) (model.Highlight, error) {
	return n.db.SetHighlightTags(ctx, id, cleanTags(tags), n.now())
}

// cleanTags are tags as stored: each on one line, with no control
// sequence or bidi override (a note is the user's text, but pasted text can
// carry them as an article can).
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if t = sanitize.Line(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Delete hides highlight id and returns it as it was; Undo(id) brings it
// back unchanged. Highlights deleted more than a week ago are purged.
func (n *Notes) Delete(ctx context.Context, id int64) (model.Highlight, error) {
	now := n.now()
	h, err := n.db.DeleteHighlight(ctx, id, now)
	if err != nil {
		return h, err
	}
	// Purging is housekeeping: a failure here must not undo the delete.
	n.db.PurgeDeletedHighlights(ctx, now.Add(-undoWindow))
	return h, nil
}

// Undo restores the deleted highlight id exactly as it was.
func (n *Notes) Undo(ctx context.Context, id int64) (model.Highlight, error) {
	return n.db.RestoreHighlight(ctx, id)
}

// All returns every live highlight, oldest first.
func (n *Notes) All(ctx context.Context) ([]model.Highlight, error) {
	return n.db.Highlights(ctx)
}

// ByArticleID returns the live highlights stored for the article ID or
// locator (URL or path) key, in reading order, without re-attaching them.
// A path is also looked up in its other form (see locator.go): an
// absolute one as typed from the current folder, a relative one made
// absolute.
func (n *Notes) ByArticleID(ctx context.Context, key string) ([]model.Highlight, error) {
	hs, err := n.db.ArticleHighlights(ctx, key, key)
	var forms []string
	if relativeLocator(key) {
		if abs, err := filepath.Abs(key); err == nil {
			forms = []string{abs}
		}
	} else {
		forms = fromHere(key)
	}
	if err == nil && len(forms) > 0 {
		var more []model.Highlight
		more, err = n.db.LocatorHighlights(ctx, forms)
		seen := map[int64]bool{}
		for _, h := range hs {
			seen[h.ID] = true
		}
		for _, h := range more {
			if !seen[h.ID] {
				hs = append(hs, h)
			}
		}
	}
	SortReading(hs)
	return hs, err
}

// ForArticle returns a's highlights (found by its ID, or by its URL or path
// for highlights saved before its text, and so its ID, changed; see
// locator.go for paths saved relative), placed on a.Body: each is
// re-attached if the text moved or changed a little, and flagged Orphan if
// it cannot be found; orphans come last. New offsets, text, article ID and
// locator are saved when the database can be written (a locked or read-only
// database just means they are worked out again next time).
//
// Orphans keep their last offsets, which may lie outside a.Body: draw only
// highlights with Orphan false.
func (n *Notes) ForArticle(ctx context.Context, a model.Article) ([]model.Highlight, error) {
	hs, err := n.db.ArticleHighlights(ctx, a.ID, a.Locator())
	if err != nil {
		return nil, err
	}
	var changed []model.Highlight
	for i, h := range hs {
		r, how := Reattach(a, h)
		// A relative path is replaced by the absolute one; an absolute one
		// is left, so two copies of a file do not take turns.
		if how != Exact || r.Orphan != h.Orphan || r.ArticleID != h.ArticleID ||
			r.Locator != h.Locator && relativeLocator(h.Locator) {
			changed = append(changed, r)
		}
		hs[i] = r
	}
	if a.URL == "" {
		adopted, err := n.adopt(ctx, a, hs)
		if err != nil {
			return nil, err
		}
		hs = append(hs, adopted...)
		changed = append(changed, adopted...)
	}
	if len(changed) > 0 && !n.db.ReadOnly() {
		n.db.SavePlacements(ctx, changed)
	}
	SortReading(hs)
	return hs, nil
}

// adopt finds the highlights an older newsmark stored under a relative form
// of a's path (not among have) whose text is still in a, placed on it.
func (n *Notes) adopt(ctx context.Context, a model.Article, have []model.Highlight) ([]model.Highlight, error) {
	forms := typedForms(a.Path)
	if len(forms) == 0 {
		return nil, nil
	}
	legacy, err := n.db.LocatorHighlights(ctx, forms)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, h := range have {
		seen[h.ID] = true
	}
	var out []model.Highlight
	for _, h := range legacy {
		if seen[h.ID] {
			continue
		}
		if r, how := Reattach(a, h); how != Orphaned {
			out = append(out, r)
		}
	}
	return out, nil
}

// SortReading orders highlights as they appear in the article, orphans last.
func SortReading(hs []model.Highlight) {
	sort.SliceStable(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		if a.Orphan != b.Orphan {
			return !a.Orphan
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
}

// Counts is how many live highlights each article has, for the library's
// "has notes" marker.
type Counts struct {
	byID, byLocator map[string]int
	// cwd is the working folder when some locator is a relative path (an
	// older newsmark's), else "": For then looks no further.
	cwd string
}

// For is the number of highlights of a, found by its ID or else its URL or
// path (or that path relative to the current folder, as an older newsmark
// stored it).
func (c Counts) For(a model.Article) int {
	if n := c.byID[a.ID]; n > 0 {
		return n
	}
	l := a.Locator()
	if l == "" {
		return 0
	}
	n := c.byLocator[l]
	if a.URL == "" && c.cwd != "" {
		for _, f := range relativeTo(c.cwd, a.Path) {
			n += c.byLocator[f]
		}
	}
	return n
}

// CountByArticle counts the live highlights of every article.
func (n *Notes) CountByArticle(ctx context.Context) (Counts, error) {
	c := Counts{byID: map[string]int{}, byLocator: map[string]int{}}
	counts, err := n.db.CountHighlights(ctx)
	for _, k := range counts {
		c.byID[k.ArticleID] += k.N
		if k.Locator != "" {
			c.byLocator[k.Locator] += k.N
			if c.cwd == "" && relativeLocator(k.Locator) {
				c.cwd, _ = os.Getwd()
			}
		}
	}
	return c, err
}
