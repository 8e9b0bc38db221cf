package articles

import (
	"embed"
	"io/fs"
	"path"
)

// samples are the demo articles `newsmark` opens with no arguments. The
// *.gold.json annotation files beside them are test data, never embedded.
//
//go:embed samples/*.txt samples/*.md
var samples embed.FS

// Samples returns the embedded sample articles as a library, newest first.
func Samples() Library {
	lib := Library{Demo: true}
	names, _ := fs.Glob(samples, "samples/*")
	for _, name := range names {
		if _, known := formatOf(name); !known {
			continue
		}
		data, err := samples.ReadFile(name)
		if err != nil {
			lib.Problems = append(lib.Problems, Problem{name, reason(err)})
			continue
		}
		e, p := memoryEntry(path.Clean(name), nil, data)
		if p != nil {
			lib.Problems = append(lib.Problems, *p)
			continue
		}
		lib.Entries = append(lib.Entries, e)
	}
	SortEntries(lib.Entries)
	return lib
}
