package annotate

import (
	"fmt"
	"os"
	"testing"

	"newsmark/model"
)

func TestDebugChunks(t *testing.T) {
	p := os.Getenv("DBG")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	d := newDoc(model.Article{Body: string(b)})
	d.names()
	for _, c := range d.ns.chunks {
		fmt.Printf("%q kind=%s cue=%s ent=%d title=%v\n", d.ns.chunkText(&c), c.kind, c.cue, c.ent, c.title)
	}
}
