package index

import (
	"reflect"
	"testing"
	"time"

	"newsmark/model"
)

func TestParseSinceAndAmount(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"24h": now.Add(-24 * time.Hour), "7d": now.AddDate(0, 0, -7), "2w": now.AddDate(0, 0, -14),
		"3m": now.AddDate(0, 0, -90), "2026-01-31": time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
	} {
		if got, err := ParseSince(in, now); err != nil || !got.Equal(want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "0d", "-3d", "7y", "yesterday"} {
		if _, err := ParseSince(bad, now); err == nil {
			t.Errorf("ParseSince(%q) gave no error", bad)
		}
	}
	for in, want := range map[string]float64{"500m": 5e8, "1.5bn": 1.5e9, "2b": 2e9, "$750k": 7.5e5, "2,000,000": 2e6} {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseAmount("lots"); err == nil {
		t.Error("ParseAmount(lots) gave no error")
	}
}

func TestParseKind(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]model.VentureKind{"joint_venture": model.JointVenture, "joint venture": model.JointVenture,
		"Joint": model.JointVenture, "acq": model.Acquisition, "MERGER": model.Merger, "pro": model.Project} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// "p" could be partnership or project: a wrong guess is worse than none.
	for _, bad := range []string{"", "p", "ipo", "acquisitions"} {
		if _, err := ParseKind(bad); err == nil {
			t.Errorf("ParseKind(%q) gave no error", bad)
		}
	}
}

// TestParseDealFilter reads the deals view's filter line: named fields,
// and every other word as the party.
func TestParseDealFilter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f, err := ParseDealFilter("  zephyr kind:jo,acq min:100m max:2bn since:30d until:2026-03-31 status:ann mills ", now)
	want := DealFilter{Kinds: []model.VentureKind{model.JointVenture, model.Acquisition}, Party: "zephyr mills",
		MinUSD: 1e8, MaxUSD: 2e9, Since: now.AddDate(0, 0, -30),
		Until: time.Date(2026, 3, 31, 23, 59, 59, 999999999, time.UTC), Status: model.Announced}
	if err != nil || !reflect.DeepEqual(f, want) {
		t.Errorf("ParseDealFilter = %+v, %v\nwant %+v", f, err, want)
	}
	if f, err := ParseDealFilter("", now); err != nil || !reflect.DeepEqual(f, DealFilter{}) {
		t.Errorf("empty line: %+v, %v", f, err)
	}
	if f, _ := ParseDealFilter("AT&T note: since:", now); f.Party != "AT&T note:" || !f.Since.IsZero() {
		t.Errorf("words with no field are the party, a field without a value is being typed: %+v", f)
	}
	for _, bad := range []string{"kind:ipo", "min:lots", "since:soon", "until:tomorrow", "status:rumoured"} {
		if _, err := ParseDealFilter(bad, now); err == nil {
			t.Errorf("ParseDealFilter(%q) gave no error", bad)
		}
	}
}

// TestPartyFilterIgnoresCase: the party filter matches any case, in ASCII
// names and others.
func TestPartyFilterIgnoresCase(t *testing.T) {
	t.Parallel()
	d := DealRow{Parties: []Party{{Name: "Zephyr Mills Ltd."}, {Name: "Société Générale SA"}}}
	for party, want := range map[string]bool{"zephyr": true, "MILLS LTD": true, "ills l": true, "société": true,
		"SOCIÉTÉ GÉN": true, "zephyrs": false, "harbor": false} {
		if got := (DealFilter{Party: party}).Match(&d); got != want {
			t.Errorf("party %q: %v, want %v", party, got, want)
		}
	}
}
