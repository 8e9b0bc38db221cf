package annotate

import (
	"strconv"
	"strings"
	"testing"
)

// smallInteger reads what it takes as ParseFloat would without the commas.
func TestSmallIntegerIsParseFloat(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "2024", "1,000", "12,345,678", "999999999999999", "1,000,000,000,000,000",
		"9007199254740993", "3.5", "1.000", "", ",", "12a"} {
		got, ok := smallInteger(s)
		if !ok {
			continue
		}
		want, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil || got != want {
			t.Errorf("smallInteger(%q) = %v, ParseFloat %v (%v)", s, got, want, err)
		}
	}
}
