package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"newsmark/model"
)

// The words a reader gives a deal filter, read the same way by
// `newsmark deals` (its flags) and the deals view (its filter line).

// DealKinds are the venture kinds a filter can name, in the order help
// lists them.
var DealKinds = []model.VentureKind{model.JointVenture, model.Partnership, model.Investment, model.Acquisition,
	model.Merger, model.Project}

// ParseKind reads a venture kind by its schema name ("joint_venture"); a
// prefix of one name, with spaces or underscores ("joint", "acq"), does as
// well when it names one kind only.
func ParseKind(s string) (model.VentureKind, error) {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
	var found []model.VentureKind
	for _, k := range DealKinds {
		if string(k) == s {
			return k, nil
		}
		if s != "" && strings.HasPrefix(string(k), s) {
			found = append(found, k)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", fmt.Errorf("%q is not one of joint_venture, partnership, investment, acquisition, merger, project", s)
}

// ParseSince reads the start of a period back from now (24h, 7d, 2w, 3m:
// a month is 30 days) or a date (the start of that day, UTC).
func ParseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	units := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour, 'm': 30 * 24 * time.Hour}
	if len(s) >= 2 {
		if unit, ok := units[s[len(s)-1]]; ok {
			if n, err := strconv.Atoi(s[:len(s)-1]); err == nil && n > 0 {
				return now.Add(-time.Duration(n) * unit), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("%q is neither a period (24h, 7d, 2w, 3m) nor a date (2026-01-31)", s)
}

// ParseUntil reads the end of a period: a date, whose whole day it takes.
func ParseUntil(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date like 2026-01-31", s)
	}
	return t.Add(24*time.Hour - time.Nanosecond), nil
}

// ParseAmount reads an amount in dollars: 2000000, 500k, 500m, 1.5bn, 2b.
func ParseAmount(s string) (float64, error) {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "$"))
	scale := 1.0
	for _, u := range []struct {
		suffix string
		scale  float64
	}{{"bn", 1e9}, {"b", 1e9}, {"m", 1e6}, {"k", 1e3}} {
		if strings.HasSuffix(t, u.suffix) {
			t, scale = strings.TrimSuffix(t, u.suffix), u.scale
			break
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%q is not an amount like 500m or 1.5bn", s)
	}
	return v * scale, nil
}

// ParseDealFilter reads a filter line as the deals view takes it: words
// with a field name (kind:acquisition,merger  min:500m  max:2bn  since:30d
// until:2026-03-31  status:announced) and any other words, together, as
// the party ("zephyr mills"). An empty line is the zero filter.
func ParseDealFilter(line string, now time.Time) (DealFilter, error) {
	var f DealFilter
	var party []string
	fields := map[string]bool{"kind": true, "min": true, "max": true, "since": true, "until": true, "status": true}
	for _, w := range strings.Fields(line) {
		name, value, ok := strings.Cut(w, ":")
		switch {
		case ok && value == "" && fields[strings.ToLower(name)]:
			continue // a field being typed: no value yet
		case !ok || value == "":
			party = append(party, w)
			continue
		}
		var err error
		switch strings.ToLower(name) {
		case "kind":
			for _, k := range strings.Split(value, ",") {
				if k == "" {
					continue
				}
				kind, kerr := ParseKind(k)
				if kerr != nil {
					return f, fmt.Errorf("kind: %w", kerr)
				}
				f.Kinds = append(f.Kinds, kind)
			}
		case "min":
			f.MinUSD, err = ParseAmount(value)
		case "max":
			f.MaxUSD, err = ParseAmount(value)
		case "since":
			f.Since, err = ParseSince(value, now)
		case "until":
			f.Until, err = ParseUntil(value)
		case "status":
			switch v := strings.ToLower(value); {
			case strings.HasPrefix(model.Announced, v):
				f.Status = model.Announced
			case strings.HasPrefix(model.Background, v):
				f.Status = model.Background
			default:
				err = fmt.Errorf("%q is neither announced nor background", value)
			}
		default:
			party = append(party, w) // "Zephyr:" or a name with a colon
		}
		if err != nil {
			return f, fmt.Errorf("%s: %w", strings.ToLower(name), err)
		}
	}
	f.Party = strings.Join(party, " ")
	return f, nil
}
