package model

// UserList is the reader's corrections to what the annotator marks, applied
// on every annotation: names to mark, names never to mark, names that are
// one entity, and names that are two. Entries are read in order: a later
// entry about the same name (mark, never) or the same pair (merge, split)
// replaces an earlier one, so a correction can be taken back by the next.
type UserList struct {
	Entries []UserEntry `json:"entries"`
}

// UserAction is what a UserEntry asks.
type UserAction string

// User actions.
const (
	// UserMark marks Name as an entity of Kind wherever the text has it as
	// whole words.
	UserMark UserAction = "mark"
	// UserNever never marks Name: a mention whose text is Name goes, and a
	// longer name that holds it stays marked.
	UserNever UserAction = "never"
	// UserMerge makes Name and Other one entity, Name's.
	UserMerge UserAction = "merge"
	// UserSplit keeps Name and Other apart where the annotator made them
	// one entity: Other's mentions become an entity of their own.
	UserSplit UserAction = "split"
)

// UserEntry is one correction.
type UserEntry struct {
	Action UserAction `json:"action"`
	Name   string     `json:"name"`
	// Other is the second name of a merge or split.
	Other string `json:"other,omitempty"`
	// Kind is the kind a mark gives: company, person or place.
	Kind EntityKind `json:"kind,omitempty"`
	// ArticleID limits the entry to one article (Article.ID); "" applies
	// it to every article.
	ArticleID string `json:"article_id,omitempty"`
}
