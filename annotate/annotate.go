package annotate

import (
	"runtime"

	"newsmark/model"
)

// Article annotates a with no user list: Annotator.Article of the zero
// Annotator.
func Article(a model.Article) model.Annotations { return (*Annotator)(nil).Article(a) }

// Article annotates a. The pipeline, top to bottom: read the article once,
// find the entities, apply the reader's corrections, then the quotes (which
// may add speakers as entities), then the ventures built from both, then
// the roles that tie people to companies (roles.go). All of them read the
// one doc.
func (an *Annotator) Article(a model.Article) model.Annotations {
	d := newDoc(a)
	defer d.release()
	if d.toks == nil {
		return model.Annotations{} // too long to read: token offsets are 32-bit
	}
	// On a long text the quotation marks and the first look for deal
	// words, which read only the text, are found on another core while
	// the entities are.
	ahead := d.readAhead()
	d.ents = findEntities(d)
	an.correct(d, a.ID)
	if len(d.body) == 0 {
		// ahead, if any, sends into its buffer and ends
		return model.Annotations{Entities: d.ents, Roles: []model.Role{}}
	}
	d.entitiesDone()
	d.indexMentions()
	tp := ahead.get(d)
	qs := findQuotes(d, tp.spans)
	vs := findVentures(d, a, qs, tp.quick)
	return model.Annotations{Entities: d.ents, Quotes: qs, Ventures: vs, Roles: findRoles(d.body, d.ents)}
}

// entitiesDone drops, on a big text, what only the entity pass and the
// reader's corrections read (the lists of capitalised words and figure
// openers), and makes what newDoc left for later, which the quote and
// venture passes read (the paragraphs and sentences, the block index):
// the entity pass, the peak of memory, is over.
func (d *doc) entitiesDone() {
	if len(d.body) < bigText {
		return
	}
	d.caps, d.figs = nil, nil
	d.segment()
	d.indexBlocks()
}

// textPass is what the quote and venture passes read from the text alone,
// before they need the entities.
type textPass struct {
	spans []qSpan // qFindSpans
	quick []bool  // vQuickTriggers of the sentences
}

// ahead is a textPass being read on another goroutine, or nil.
type ahead chan textPass

// readAhead starts reading d's textPass on another goroutine when the text
// is long and a second core is there; else it returns nil and get reads
// it in turn.
func (d *doc) readAhead() ahead {
	if len(d.body) < parallelBytes || len(d.body) >= bigText || !spareCore() {
		// a big text's quotation marks wait: read alongside the entities,
		// their list would add to the entity pass's peak of memory
		return nil
	}
	ch := make(ahead, 1)
	go func() { ch <- textPass{spans: qFindSpans(d), quick: vQuickTriggers(d.body, d.sents)} }()
	return ch
}

// get returns the textPass: the one read ahead, else read now (the deal
// words then sentence by sentence, as the venture pass meets them).
func (ch ahead) get(d *doc) textPass {
	if ch != nil {
		return <-ch // received only now: it may finish while the entities are found
	}
	return textPass{spans: qFindSpans(d)}
}

// spareCore reports whether a second goroutine can run beside this one: on
// one core the work done alongside only costs (a few figure candidates are
// read twice), so it is done in turn.
func spareCore() bool { return runtime.GOMAXPROCS(0) > 1 }

// parallelBytes is the body size from which Article reads the text alone
// (readAhead) on another goroutine: below it, starting one costs more than
// it saves.
const parallelBytes = 64 << 10
