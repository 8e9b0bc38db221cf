package store

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"newsmark/model"
	"strconv"
	"strings"
	"time"
)

// How the index packs what it stores: times, lists, spans, figures and
// venture cards.

// idxTime is the index's time format: RFC 3339 in UTC, second precision,
// fixed width, so that times sort as text.
func idxTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func idxParseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// listSep joins list columns. Article text reaches the store sanitised, so
// it holds no control characters; one inside an item is made a space.
const listSep = "\x1f"

func joinList(l []string) string {
	if len(l) == 0 {
		return ""
	}
	clean := l
	for i, s := range l {
		if strings.Contains(s, listSep) {
			if &clean[0] == &l[0] {
				clean = append([]string(nil), l...)
			}
			clean[i] = strings.ReplaceAll(s, listSep, " ")
		}
	}
	return strings.Join(clean, listSep)
}

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, listSep)
}

// spanBlob encodes spans compactly: per span the start's distance from the
// previous start (zig-zag varint: spans may overlap or go back) and the
// length (varint). A mention list costs about 3 bytes a span.
func spanBlob(spans []model.Span) []byte {
	if len(spans) == 0 {
		return nil
	}
	b := make([]byte, 0, 3*len(spans))
	prev := 0
	for _, s := range spans {
		b = binary.AppendVarint(b, int64(s.Start-prev))
		b = binary.AppendUvarint(b, uint64(max(s.End-s.Start, 0)))
		prev = s.Start
	}
	return b
}

// blobSpans decodes spanBlob; at most limit spans (limit < 0: all).
func blobSpans(b []byte, limit int) []model.Span {
	out := []model.Span{}
	prev := 0
	for len(b) > 0 && limit != 0 {
		d, n := binary.Varint(b)
		if n <= 0 {
			break
		}
		l, m := binary.Uvarint(b[n:])
		if m <= 0 {
			break
		}
		b = b[n+m:]
		start := prev + int(d)
		out = append(out, model.Span{Start: start, End: start + int(l)})
		prev = start
		limit--
	}
	return out
}

// Fields of a venture card, in order. Lists are joined by listSep; the
// evidence is a spanBlob; the amount is 8 bytes.
const (
	cardArticleID = iota
	cardTitle
	cardSource
	cardURL
	cardPath
	cardDate
	cardKind
	cardStatus
	cardName
	cardParties
	cardPartyIDs
	cardAnchors
	cardAmounts
	cardStake
	cardLocation
	cardHeadcount
	cardTimeframe
	cardSummary
	cardEvidence
	cardOrd
	cardCue
	cardFields
)

// ventureCard packs a venture with what the deal tracker shows of its
// article: each field length-prefixed, then the amount in dollars.
func ventureCard(a *model.Article, date string, ord int, v *IndexVenture) []byte {
	f := [cardFields]string{
		cardArticleID: a.ID, cardTitle: a.Title, cardSource: a.Source, cardURL: a.URL, cardPath: a.Path, cardDate: date,
		cardKind: string(v.Kind), cardStatus: v.Status, cardName: v.Name, cardParties: joinList(v.Parties),
		cardPartyIDs: joinList(v.PartyIDs), cardAnchors: joinList(v.Anchors), cardAmounts: joinList(v.Amounts),
		cardStake: v.Stake, cardLocation: v.Location, cardHeadcount: v.Headcount, cardTimeframe: v.Timeframe,
		cardSummary: v.Summary, cardEvidence: string(spanBlob(v.Evidence)), cardOrd: strconv.Itoa(ord),
		cardCue: v.Cue,
	}
	n := 8
	for _, s := range f {
		n += len(s) + 2
	}
	b := make([]byte, 0, n)
	for _, s := range f {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.AmountUSD))
}

// readCard unpacks ventureCard; ok is false for a damaged card. The
// strings share one copy of the card.
func readCard(card []byte) (f [cardFields]string, usd float64, ok bool) {
	s := string(card)
	for i := range f {
		l, n := binary.Uvarint(card)
		if n <= 0 || uint64(len(card)-n) < l {
			return f, 0, false
		}
		start := len(s) - len(card) + n
		f[i] = s[start : start+int(l)]
		card = card[n+int(l):]
	}
	if len(card) < 8 {
		return f, 0, false
	}
	return f, math.Float64frombits(binary.LittleEndian.Uint64(card)), true
}

// figureBlob packs the figures of entities (with their place in the list):
// a count, then per figure its place, its strings (length-prefixed), its
// value (8 bytes) and its mentions (spanBlob, length-prefixed). About 30
// bytes a figure, where a row costs a hundred and a write of its own.
func figureBlob(entities []IndexEntity) []byte {
	var b []byte
	count := 0
	for i := range entities {
		e := &entities[i].Entity
		if !packed(e) {
			continue
		}
		count++
		b = binary.AppendUvarint(b, uint64(i))
		meta := ""
		if len(e.MetaMentions) > 0 {
			meta = jsonText(e.MetaMentions)
		}
		for _, s := range []string{e.ID, string(e.Kind), string(e.Subkind), e.Text, e.Canonical, e.Cue, e.Unit, e.Per, meta} {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(e.Value))
		m := spanBlob(e.Mentions)
		b = binary.AppendUvarint(b, uint64(len(m)))
		b = append(b, m...)
	}
	if count == 0 {
		return nil
	}
	return append(binary.AppendUvarint(nil, uint64(count)), b...)
}

// placedEntity is an entity with its place in the annotation's list.
type placedEntity struct {
	ord int
	e   model.Entity
}

// blobFigures unpacks figureBlob; a damaged blob gives what could be read.
func blobFigures(b []byte) []placedEntity {
	count, n := binary.Uvarint(b)
	if n <= 0 {
		return nil
	}
	b = b[n:]
	uv := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	str := func() (string, bool) {
		l, ok := uv()
		if !ok || l > uint64(len(b)) {
			return "", false
		}
		s := string(b[:l])
		b = b[l:]
		return s, true
	}
	out := make([]placedEntity, 0, count)
	for range count {
		ord, ok := uv()
		if !ok {
			break
		}
		var f [9]string
		for i := range f {
			if f[i], ok = str(); !ok {
				return out
			}
		}
		if len(b) < 8 {
			return out
		}
		e := model.Entity{ID: f[0], Kind: model.EntityKind(f[1]), Subkind: model.FigureKind(f[2]), Text: f[3],
			Canonical: f[4], Cue: f[5], Unit: f[6], Per: f[7], MetaMentions: []model.MetaMention{}}
		if f[8] != "" {
			json.Unmarshal([]byte(f[8]), &e.MetaMentions)
		}
		e.Value = math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		m, ok := str()
		if !ok {
			return out
		}
		e.Mentions = blobSpans([]byte(m), -1)
		out = append(out, placedEntity{ord: int(ord), e: e})
	}
	return out
}
