package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsmark/model"
)

// What m corrects in the reader: in a selection, a name the annotator
// missed (the selection itself when it is short, then the runs of
// capitalised words in it that are not highlighted, those that start a
// sentence last); else the names at the cursor: the mention the n/N walk
// is on, then the highlighted names of the cursor's sentence, in order.
// Tab in the menu goes from one to the next.

// correctRequest is m in the reader: the menu on the names at the cursor,
// or on the selection, or why there is none.
func (r *readerPane) correctRequest() request {
	if !r.loaded || !r.annotated {
		return status("the article is still being annotated")
	}
	if r.cur.selecting {
		names := r.selectionNames(r.selection())
		if len(names) == 0 {
			return status("no name in the selection that is not highlighted already (" + firstKey(r.keys.Select.WordPrev) +
				" and " + firstKey(r.keys.Select.WordNext) + " move its end by a word)")
		}
		return openCorrectMsg{correctTarget{names: names, selection: true}}
	}
	r.cur.shown = true // what m acts on is the cursor's: show it
	var names []correctName
	seen := map[model.Span]bool{}
	add := func(m mark) {
		if m.entity < 0 || seen[model.Span{Start: m.Start, End: m.End}] {
			return
		}
		seen[model.Span{Start: m.Start, End: m.End}] = true
		names = append(names, correctName{entity: int(m.entity), text: r.article.Body[m.Start:m.End],
			span: model.Span{Start: m.Start, End: m.End}})
	}
	if r.mention >= 0 && r.mention < len(r.mentions) {
		cur := r.mentions[r.mention]
		for _, m := range overlapping(r.decor.ix.entities, cur.Start, cur.End) {
			if m.kind != kindFigure {
				add(m)
			}
		}
	}
	if s, ok := r.cursorSpan(); ok {
		for _, m := range overlapping(r.decor.ix.entities, s.Start, s.End) {
			if m.kind != kindFigure {
				add(m)
			}
		}
	}
	if len(names) == 0 {
		return status("no highlighted name in the sentence at the cursor (" + firstKey(r.keys.Notes.CursorNext) +
			" moves it; " + firstKey(r.keys.Notes.Select) + " selects a name the highlights missed)")
	}
	return openCorrectMsg{correctTarget{names: names}}
}

// maxNameWords is the most words a selection marked as a name may have.
const maxNameWords = 8

// nameSpan is the name in span s of body: the selection without the
// spaces and punctuation around it or a possessive 's; ok is false when
// what is left does not look like a name (empty, several lines, too long,
// not starting with a letter or digit).
func nameSpan(body string, s model.Span) (model.Span, bool) {
	t := body[s.Start:s.End]
	start, end := 0, len(t)
	for start < end {
		r, n := utf8.DecodeRuneInString(t[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(t[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && strings.Count(t[start:end], ".") > 1 {
			break // "U.S." keeps its dots; a sentence's period goes
		}
		end -= n
	}
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(t[start:end], p) {
			end -= len(p)
		}
	}
	name := t[start:end]
	if name == "" || strings.ContainsAny(name, "\n\r\t") || len(strings.Fields(name)) > maxNameWords || len(name) > 200 {
		return s, false
	}
	return model.Span{Start: s.Start + start, End: s.Start + end}, true
}

// shortSelection is the most words a selection may have to be offered
// as a name itself.
const shortSelection = 4

// selectionNames are the names a selection may hold that the annotator
// missed, the most likely first.
func (r *readerPane) selectionNames(sel model.Span) []correctName {
	body := r.article.Body
	var names, starts []correctName
	seen := map[string]bool{}
	add := func(list *[]correctName, s model.Span) {
		t := body[s.Start:s.End]
		if seen[t] || len(overlapping(r.decor.ix.entities, s.Start, s.End)) > 0 {
			return
		}
		seen[t] = true
		*list = append(*list, correctName{entity: -1, text: t, span: s})
	}
	if s, ok := nameSpan(body, sel); ok && len(strings.Fields(body[s.Start:s.End])) <= shortSelection {
		add(&names, s)
	}
	for _, run := range capitalRuns(body, sel) {
		if r.startsSentence(run.Start) {
			add(&starts, run)
		} else {
			add(&names, run)
		}
	}
	return append(names, starts...)
}

// startsSentence reports whether only punctuation and spaces stand between
// the start of a sentence and off.
func (r *readerPane) startsSentence(off int) bool {
	ss := r.article.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i == len(ss) || ss[i].Start > off {
		return false
	}
	return strings.IndexFunc(r.article.Body[ss[i].Start:off], func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) < 0
}

// capitalRuns are the runs of words starting with a capital letter in s
// of body: "Burberry", "Crest Nicholson", "AT&T", "Rolls-Royce Holdings",
// each without the punctuation around it or a possessive 's. A comma, or a
// period after a word longer than an abbreviation, ends a run.
func capitalRuns(body string, s model.Span) []model.Span {
	var out []model.Span
	run := model.Span{Start: -1}
	flush := func() {
		if run.Start >= 0 {
			if n, ok := nameSpan(body, run); ok {
				out = append(out, n)
			}
		}
		run = model.Span{Start: -1}
	}
	for i := s.Start; i < s.End; {
		for i < s.End && isBlank(body[i]) {
			i++
		}
		j := i
		for j < s.End && !isBlank(body[j]) {
			j++
		}
		if i == j {
			break
		}
		w := body[i:j]
		k := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		first, _ := utf8.DecodeRuneInString(w[max(k, 0):])
		switch {
		case k >= 0 && unicode.IsUpper(first) || run.Start >= 0 && w == "&":
			if run.Start < 0 {
				run.Start = i
			}
			run.End = j
			trimmed := strings.TrimRight(w, "\"'’”)")
			if strings.HasSuffix(trimmed, ",") || strings.HasSuffix(trimmed, ";") || strings.HasSuffix(trimmed, ":") ||
				strings.HasSuffix(trimmed, ".") && len(trimmed) > 5 && strings.Count(trimmed, ".") == 1 {
				flush() // the run ends with this word
			}
		default:
			flush()
		}
		i = j
	}
	flush()
	return out
}
