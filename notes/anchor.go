package notes

import (
	"strings"
	"unicode/utf8"

	"newsmark/model"
)

// Anchor says how a highlight was placed on an article's text.
type Anchor int

// How Reattach found a highlight, in the order it tries.
const (
	Exact   Anchor = iota // the stored offsets still hold the stored text
	Context               // the text occurs more than once; its context chose where
	Moved                 // the text occurs once, elsewhere
	Fuzzy                 // the text changed a little (small edit distance)
	Orphaned
)

func (a Anchor) String() string {
	return [...]string{"exact", "context", "moved", "fuzzy", "orphan"}[a]
}

// maxOccurrences bounds the context comparison for very common texts.
const maxOccurrences = 1000

// minFuzzy is the shortest text (bytes) matched approximately: shorter ones
// would match too much by chance.
const minFuzzy = 12

// maxFuzzyText bounds the approximate search's cost (text × body bytes).
const maxFuzzyText = 2000

// Reattach places h on a's body, as web annotation tools do: (1) the stored
// offsets if they still hold the text, (2) the occurrence of the text whose
// surrounding text best matches the stored context (nearest the old place on
// a tie), (3) the text alone when it occurs once, (4) a close match within a
// small edit distance, found between the stored prefix and suffix or else
// anywhere. When placed elsewhere, the highlight takes the new offsets, text
// and context and a's ID; when it cannot be placed it is returned with
// Orphan set, otherwise unchanged.
func Reattach(a model.Article, h model.Highlight) (model.Highlight, Anchor) {
	body := a.Body
	place := func(start, end int, how Anchor) (model.Highlight, Anchor) {
		h.Start, h.End, h.Orphan = start, end, false
		if a.ID != "" {
			h.ArticleID = a.ID
		}
		if l := a.Locator(); l != "" {
			h.Locator = l
		}
		setContext(&h, body)
		return h, how
	}
	if h.Start >= 0 && h.Start < h.End && h.End <= len(body) && body[h.Start:h.End] == h.Text && h.Text != "" {
		return place(h.Start, h.End, Exact)
	}
	if h.Text == "" {
		h.Orphan = true
		return h, Orphaned
	}
	if occ := occurrences(body, h.Text); len(occ) == 1 {
		return place(occ[0], occ[0]+len(h.Text), Moved)
	} else if len(occ) > 1 {
		best, bestScore := -1, -1
		for _, s := range occ {
			score := commonSuffix(body[:s], h.Prefix) + commonPrefix(body[s+len(h.Text):], h.Suffix)
			if score > bestScore || (score == bestScore && abs(s-h.Start) < abs(best-h.Start)) {
				best, bestScore = s, score
			}
		}
		return place(best, best+len(h.Text), Context)
	}
	if start, end, ok := fuzzyFind(body, h); ok {
		return place(start, end, Fuzzy)
	}
	h.Orphan = true
	return h, Orphaned
}

func occurrences(body, text string) []int {
	var out []int
	for off := 0; len(out) < maxOccurrences; {
		i := strings.Index(body[off:], text)
		if i < 0 {
			break
		}
		out = append(out, off+i)
		off += i + 1
	}
	return out
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxEdits is the edit distance a changed text may have: about one byte in six.
func maxEdits(text string) int { return len(text) / 6 }

// fuzzyFind looks for a close match of h.Text: first between the stored
// prefix and suffix (the context survived, the text was edited), then
// anywhere in body. Edit distances count bytes; the match is widened to
// whole runes.
func fuzzyFind(body string, h model.Highlight) (int, int, bool) {
	text := h.Text
	if len(text) < minFuzzy || len(text) > maxFuzzyText {
		return 0, 0, false
	}
	k := maxEdits(text)
	if len(h.Prefix) >= 8 && len(h.Suffix) >= 8 {
		for _, p := range occurrences(body, h.Prefix) {
			start := p + len(h.Prefix)
			if i := strings.Index(body[start:], h.Suffix); i >= 0 && abs(i-len(text)) <= k {
				if levenshtein(body[start:start+i], text) <= k {
					return start, start + i, true
				}
			}
		}
	}
	end, d := bestEnd(body, text, h.End, k)
	if end < 0 || d > k {
		return 0, 0, false
	}
	start := bestStart(body, text, end, k)
	for start > 0 && !utf8.RuneStart(body[start]) {
		start--
	}
	for end < len(body) && !utf8.RuneStart(body[end]) {
		end++
	}
	if start >= end {
		return 0, 0, false
	}
	return start, end, true
}

// bestEnd is Sellers' approximate substring search with Ukkonen's cut-off:
// the end offset in body of the substring closest to text within k edits
// (ties go to the end nearest near), and its edit distance (k+1 when none).
// Only the rows of the table that can still be within k are computed, so
// it costs about k×len(body) rather than len(text)×len(body).
func bestEnd(body, text string, near, k int) (int, int) {
	m := len(text)
	col := make([]int32, m+1)
	for i := range col {
		col[i] = int32(i)
	}
	kk := int32(k)
	last := min(k+1, m) // the last row that may hold a value <= k
	bestD, bestAt := kk+1, -1
	for j := 0; j < len(body); j++ {
		c := body[j]
		diag, prev := int32(0), int32(0) // row 0 stays 0: a match may start anywhere
		for i := 1; i <= last; i++ {
			v := diag
			if text[i-1] != c {
				v = 1 + min(diag, prev, col[i])
			}
			diag, col[i] = col[i], v
			prev = v
		}
		for last > 0 && col[last] > kk {
			last--
		}
		if last == m {
			if d := col[m]; d < bestD || (d == bestD && abs(j+1-near) < abs(bestAt-near)) {
				bestD, bestAt = d, j+1
			}
		} else {
			last++
			if last <= m {
				col[last] = kk + 1 // not computed in this column: known to exceed k
			}
		}
	}
	return bestAt, int(bestD)
}

// bestStart finds where the match ending at end begins: the start whose
// substring body[start:end] is closest to text. It runs the edit-distance
// table backwards from end (text and body read right to left), so one pass
// scores every start.
func bestStart(body, text string, end, k int) int {
	lo := max(end-len(text)-k, 0)
	n := end - lo // candidate lengths 0..n
	m := len(text)
	// row[j] = distance between the last i bytes of text and the j bytes before end.
	row := make([]int, n+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= m; i++ {
		tc := text[m-i]
		diag := row[0]
		row[0] = i
		for j := 1; j <= n; j++ {
			cost := 1
			if body[end-j] == tc {
				cost = 0
			}
			v := min(diag+cost, row[j]+1, row[j-1]+1)
			diag, row[j] = row[j], v
		}
	}
	bestJ := 0
	for j := 1; j <= n; j++ {
		if row[j] < row[bestJ] || (row[j] == row[bestJ] && abs(j-m) < abs(bestJ-m)) {
			bestJ = j
		}
	}
	return end - bestJ
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
