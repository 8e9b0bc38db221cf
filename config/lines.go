package config

import (
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// lineMap is where each key of a document is: its line, from 1, by its
// path. A path is the key's parts, so that "reader.search" under [keys]
// (one quoted key) and search under [keys.reader] are told apart.
type lineMap map[string]int

// of is the line of the key at parts; 0 when unknown.
func (l lineMap) of(parts []string) int {
	return l[strings.Join(parts, "\x00")]
}

// keyLines finds the line of each key of a TOML document that parses:
// table headers, dotted keys and inline tables all count; a path's first
// line wins. go-toml's decoder gives values but not where they are: its
// parser gives the byte range of every key.
func keyLines(data []byte) lineMap {
	lines := lineMap{}
	// The parser's Shape counts lines from the start at every call: with a
	// key per line that is quadratic in a big file. One index of where each
	// line starts makes each look-up a binary search.
	var starts []int
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	lineOf := func(n *unstable.Node) int {
		return sort.SearchInts(starts, int(n.Raw.Offset)+1) + 1
	}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = table[:0]
			it := e.Key()
			for it.Next() {
				table = append(table, string(it.Node().Data))
				record(lines, table, lineOf(it.Node()))
			}
		case unstable.KeyValue:
			keyValueLines(e, table, lines, lineOf)
		}
	}
	return lines
}

// keyValueLines records the key of a key = value, and those inside it when
// the value is an inline table.
func keyValueLines(kv *unstable.Node, prefix []string, lines lineMap, lineOf func(*unstable.Node) int) {
	path := append([]string(nil), prefix...)
	it := kv.Key()
	for it.Next() {
		path = append(path, string(it.Node().Data))
		record(lines, path, lineOf(it.Node()))
	}
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		children := v.Children()
		for children.Next() {
			if n := children.Node(); n.Kind == unstable.KeyValue {
				keyValueLines(n, path, lines, lineOf)
			}
		}
	}
}

func record(lines lineMap, path []string, line int) {
	k := strings.Join(path, "\x00")
	if _, ok := lines[k]; !ok {
		lines[k] = line
	}
}
