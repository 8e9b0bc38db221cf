// Package annotate extracts companies, people, places, figures, quotes with
// their speakers, and ventures from an article. It is pure and
// deterministic: no I/O, no network, no model downloads.
//
// An article is read once (newDoc: one token stream, its paragraphs and
// sentences), then each pass adds its layer on that one document, in the
// order of Annotator.Article: entities, the reader's corrections (a
// model.UserList), quotes, ventures. The knowledge the rules use is data:
// the word lists in lexicon/, the venture cues in venture_cues.go. Every
// rule that marks something leaves its name as the cue.
//
// It imports model and segment only. Offsets in its output are byte
// offsets into Article.Body; meta mentions index the title, caption or
// contributors line. Its subpackage jsonl writes the output as JSON.
package annotate
