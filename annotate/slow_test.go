package annotate

import (
	"strings"
	"testing"

	"newsmark/model"
)

// hostileShapes are texts built to make a careless scanner quadratic: long
// runs of capitals, endless lists, stacked titles, quotes, digits.
var hostileShapes = map[string]string{
	"caps-commas": "Acme Bolt, ",
	"titles":      "Mr ",
	"caps":        "Abc ",
	"quotes":      "“Acme Corp. said, ” he said. ",
	"digits":      "1,000 ",
	"credits":     "By Ann Lee, ",
	"hyphens":     "GM-Honda-Abc-Def ",
}

// BenchmarkHostile runs the entity pass on each shape at 100 KB and 1 MB:
// the per-byte cost must stay flat (compare the MB/s of the two sizes).
func BenchmarkHostile(b *testing.B) {
	for name, unit := range hostileShapes {
		for _, size := range []struct {
			label string
			n     int
		}{{"100KB", 100 << 10}, {"1MB", 1 << 20}} {
			body := strings.Repeat(unit, size.n/len(unit))
			b.Run(name+"/"+size.label, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					entities(model.Article{Body: body})
				}
			})
		}
	}
}
