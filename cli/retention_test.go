package cli

import (
	"strings"
	"testing"
	"time"

	"newsmark/feeds"
)

func TestRetentionSetting(t *testing.T) {
	t.Parallel()
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == keepDaysEnv {
				return v
			}
			return ""
		}
	}
	if r, err := retention(env("")); err != nil || r != feeds.DefaultRetention {
		t.Errorf("unset: %v, %v; want the 90-day default", r, err)
	}
	if r, err := retention(env("7")); err != nil || r != 7*24*time.Hour {
		t.Errorf("7: %v, %v; want 7 days", r, err)
	}
	for _, bad := range []string{"0", "-3", "ninety", "1.5"} {
		if _, err := retention(env(bad)); err == nil || !strings.Contains(err.Error(), keepDaysEnv) {
			t.Errorf("%q: err = %v, want one naming %s", bad, err, keepDaysEnv)
		}
	}
}
