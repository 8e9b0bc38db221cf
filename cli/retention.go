package cli

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"newsmark/feeds"
	"newsmark/sanitize"
	"newsmark/store"
)

// keepDaysEnv names the setting for how long fetched feed items are kept.
const keepDaysEnv = "NEWSMARK_KEEP_DAYS"

// retention reads NEWSMARK_KEEP_DAYS: whole days, at least 1. Unset means the
// default (90 days); a bad value is an error rather than a silent default,
// since pruning too early would delete what the reader meant to keep.
func retention(getenv func(string) string) (time.Duration, error) {
	v := getenv(keepDaysEnv)
	if v == "" {
		return feeds.DefaultRetention, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s=%q: want a whole number of days, at least 1", keepDaysEnv, sanitize.Text(v))
	}
	return time.Duration(n) * 24 * time.Hour, nil
}

// newCache is the feed cache on db with the retention setting applied.
func newCache(db *store.DB, c *http.Client) (*feeds.Cache, error) {
	r, err := retention(os.Getenv)
	if err != nil {
		return nil, err
	}
	cache := feeds.NewCache(db, c)
	cache.Retention = r
	return cache, nil
}
