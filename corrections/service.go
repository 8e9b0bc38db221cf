package corrections

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"newsmark/model"
	"newsmark/store"
)

// Annotate annotates an article.
type Annotate = func(model.Article) model.Annotations

// Maker builds the annotator that applies a user list: cli passes
// annotate.WithUserList(ul).Article.
type Maker func(model.UserList) Annotate

// Change is one change of the list (store.CorrectionsChange): what was
// added and removed, the revision after it, how many indexed articles it
// marked for re-annotation. Undo takes it back.
type Change = store.CorrectionsChange

// Service keeps the corrections in the database and the annotator that
// applies them. It holds the list as last read, and reads it again when
// the database's revision moves (another process, or this one, changed
// it). Safe for concurrent use; every method does its I/O in the caller's
// goroutine.
type Service struct {
	db   *store.DB
	make Maker

	mu     sync.Mutex
	loaded bool
	rev    int64
	list   []store.Correction
	ann    Annotate
}

// New is the service on db; make builds the annotator for a list.
func New(db *store.DB, make Maker) *Service { return &Service{db: db, make: make} }

// Current returns the annotator applying the stored corrections and the
// revision of the list it applies: one read of the revision when the list
// has not changed since the last call.
func (s *Service) Current(ctx context.Context) (Annotate, int64, error) {
	rev, err := s.db.CorrectionsRevision(ctx)
	if err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded || rev != s.rev {
		if err := s.reload(ctx); err != nil {
			return nil, 0, err
		}
	}
	return s.ann, s.rev, nil
}

// reload reads the list and builds its annotator; s.mu is held.
func (s *Service) reload(ctx context.Context) error {
	list, rev, err := s.db.Corrections(ctx)
	if err != nil {
		return err
	}
	s.set(list, rev)
	return nil
}

// set installs a list read at rev; s.mu is held.
func (s *Service) set(list []store.Correction, rev int64) {
	s.list, s.rev, s.loaded = list, rev, true
	s.ann = s.make(UserList(list))
}

// UserList is the annotator's list of cs, in order.
func UserList(cs []store.Correction) model.UserList {
	ul := model.UserList{Entries: make([]model.UserEntry, len(cs))}
	for i, c := range cs {
		ul.Entries[i] = c.Entry
	}
	return ul
}

// List returns the corrections, oldest first, and their revision.
func (s *Service) List(ctx context.Context) ([]store.Correction, int64, error) {
	if _, _, err := s.Current(ctx); err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.list), s.rev, nil
}

// Apply stores entries, each replacing the corrections about the same
// thing in the same scope (Key), in one change.
func (s *Service) Apply(ctx context.Context, entries ...model.UserEntry) (Change, error) {
	for _, e := range entries {
		if err := Check(e); err != nil {
			return Change{}, fmt.Errorf("%s: %w", FormatEntry(e), err)
		}
	}
	list, _, err := s.List(ctx)
	if err != nil {
		return Change{}, err
	}
	replaced := map[string]bool{}
	add := make([]store.Correction, len(entries))
	for i, e := range entries {
		replaced[Key(e)] = true
		add[i] = store.Correction{Entry: e}
	}
	var remove []int64
	for _, c := range list {
		if replaced[Key(c.Entry)] {
			remove = append(remove, c.ID)
		}
	}
	return s.change(ctx, add, remove)
}

// Remove deletes the corrections with ids.
func (s *Service) Remove(ctx context.Context, ids ...int64) (Change, error) {
	return s.change(ctx, nil, ids)
}

// Undo takes ch back: what it added goes, what it removed returns with
// its ID and time, so it stands where it stood in the list.
func (s *Service) Undo(ctx context.Context, ch Change) (Change, error) {
	ids := make([]int64, len(ch.Added))
	for i, c := range ch.Added {
		ids[i] = c.ID
	}
	return s.change(ctx, ch.Removed, ids)
}

// change writes a change and brings the list held up to date: by the
// change itself when nobody else changed the list meanwhile, else by
// reading it again.
func (s *Service) change(ctx context.Context, add []store.Correction, remove []int64) (Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, err := s.db.ChangeCorrections(ctx, add, remove)
	if err != nil {
		return ch, err
	}
	if !s.loaded || ch.Revision != s.rev+1 {
		return ch, s.reload(ctx)
	}
	gone := map[int64]bool{}
	for _, c := range ch.Removed {
		gone[c.ID] = true
	}
	list := slices.DeleteFunc(slices.Clone(s.list), func(c store.Correction) bool { return gone[c.ID] })
	list = append(list, ch.Added...)
	slices.SortFunc(list, func(a, b store.Correction) int { return int(a.ID - b.ID) })
	s.set(list, ch.Revision)
	return ch, nil
}

// ImportResult is what Import did with a file's lines.
type ImportResult struct {
	Added     int       // new corrections
	Same      int       // lines the list already had
	Conflicts []Problem // lines not taken: about the same as yours, or as an earlier line, but asking otherwise
	Replaced  []Problem // with replace: the lines that replaced one of yours, and which
	Change    Change
}

// Import merges a file's lines into the list in one change. A line the
// list already has is counted and skipped; a line about the same thing as
// one of yours (Key) but asking otherwise is a conflict: yours is kept and
// the line reported, unless replace says the file wins. Two lines of the
// file about the same thing: the first is taken, the other reported.
func (s *Service) Import(ctx context.Context, lines []Line, replace bool) (ImportResult, error) {
	var res ImportResult
	list, _, err := s.List(ctx)
	if err != nil {
		return res, err
	}
	yours := make(map[string]store.Correction, len(list))
	for _, c := range list {
		yours[Key(c.Entry)] = c // a later one about the same thing wins, as in the annotator
	}
	inFile := map[string]Line{}
	var add []store.Correction
	var remove []int64
	for _, l := range lines {
		k := Key(l.Entry)
		if first, ok := inFile[k]; ok {
			if first.Entry == l.Entry {
				res.Same++
			} else {
				res.Conflicts = append(res.Conflicts, Problem{l.N, fmt.Sprintf("%s conflicts with line %d, %s (line %d kept)",
					FormatEntry(l.Entry), first.N, FormatEntry(first.Entry), first.N)})
			}
			continue
		}
		inFile[k] = l
		c, ok := yours[k]
		switch {
		case ok && c.Entry == l.Entry:
			res.Same++
			continue
		case ok && !replace:
			res.Conflicts = append(res.Conflicts, Problem{l.N, fmt.Sprintf("%s conflicts with yours, %s (yours kept; --replace takes the file's)",
				FormatEntry(l.Entry), FormatEntry(c.Entry))})
			continue
		case ok:
			res.Replaced = append(res.Replaced, Problem{l.N, fmt.Sprintf("%s replaces yours, %s", FormatEntry(l.Entry), FormatEntry(c.Entry))})
			for _, old := range list {
				if Key(old.Entry) == k {
					remove = append(remove, old.ID)
				}
			}
		default:
			res.Added++
		}
		add = append(add, store.Correction{Entry: l.Entry})
	}
	if len(add)+len(remove) == 0 {
		return res, nil
	}
	res.Change, err = s.change(ctx, add, remove)
	return res, err
}
