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
// Where a change goes:
//   - a word (a title, a legal form, a reporting verb, a known company, a
//     currency…): one line in the lexicon/ file of its concept, with the
//     tags of the rules that should read it (each file's header says what
//     its tags mean);
//   - a venture cue: one row of vCues in venture_cues.go (the gate in
//     front of the trigger follows from it);
//   - a rule: names.go, context.go, aliases.go (names), figures.go,
//     quote_*.go, ventures.go and venture_*.go; a rule that marks something
//     sets the cue the output carries;
//   - a test of a rule: one line in testdata/cases/*.txt, the text with its
//     annotations marked inline (cases_test.go has the marks).
//
// It imports model and segment only. Offsets in its output are byte
// offsets into Article.Body; meta mentions index the title, caption or
// contributors line. Its subpackage jsonl writes the output as JSON.
package annotate
