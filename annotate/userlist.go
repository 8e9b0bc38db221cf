package annotate

// Annotator annotates articles with a user list applied (WithUserList); the
// zero Annotator, or nil, applies none.
type Annotator struct{}

// correct applies the reader's corrections to d's entities.
func (an *Annotator) correct(d *doc, articleID string) {}
