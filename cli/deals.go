package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"newsmark/index"
	"newsmark/model"
	"newsmark/outfile"
	"newsmark/sanitize"
)

// dealsOptions is what `newsmark deals` was asked for.
type dealsOptions struct {
	filter  index.DealFilter
	sort    index.DealSort
	format  string // text, json or csv
	out     string
	force   bool
	dataDir string
}

// dealsFlags are the deal tracker's flags as given, before they are read.
type dealsFlags struct {
	since, until, kinds, party, minAmount, maxAmount, sortBy string
	asJSON, asCSV                                            bool
	out                                                      string
	force                                                    bool
}

// newDealsCmd is `newsmark deals`: the deal tracker.
func newDealsCmd(env Env) *cobra.Command {
	var fl dealsFlags
	cmd := &cobra.Command{
		Use:   "deals",
		Short: "the deal tracker: every deal across the library, one row per deal (--json, --csv)",
		Long:  `Every deal across the library, newest first: reports of one deal by several outlets (same kind, the same parties, within 14 days) are one row with its sources. Amounts sort by their value in US dollars at a fixed table of rates as of ` + index.RatesAsOf + `. -o writes the file whole or not at all; an existing one is replaced only with --force.`,
		Example: `newsmark deals --since 7d --kind acquisition,merger --min 500m --sort amount
newsmark deals --party Zephyr --json
newsmark deals --csv -o deals.csv`,
		Args: noArgs,
		RunE: runs(env, func(cmd *cobra.Command, _ []string) int {
			o, code, ok := parseDeals(env, fl, time.Now())
			if !ok {
				return code
			}
			o.dataDir = dataDir(cmd)
			return runDeals(env, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&fl.since, "since", "", "only deals reported in this period: 24h, 7d, 2w, 3m, or a date (2026-01-31)")
	f.StringVar(&fl.until, "until", "", "only deals first reported by this date (2026-01-31)")
	f.StringVar(&fl.kinds, "kind", "", "only these kinds, comma-separated: joint_venture, partnership, investment, acquisition, merger, project")
	f.StringVar(&fl.party, "party", "", "only deals with a party whose name contains NAME")
	f.StringVar(&fl.minAmount, "min", "", "only deals of at least AMOUNT US dollars (500m, 1.5bn, 2000000)")
	f.StringVar(&fl.maxAmount, "max", "", "only deals of at most AMOUNT US dollars")
	f.StringVar(&fl.sortBy, "sort", "date", "order: date, amount, sources or kind (largest or newest first)")
	f.BoolVar(&fl.asJSON, "json", false, "print the deals as a JSON array, with their sources")
	f.BoolVar(&fl.asCSV, "csv", false, "print the deals as CSV, one row per deal")
	f.StringVarP(&fl.out, "output", "o", "", "write to FILE (- is standard output; an existing file needs --force)")
	f.BoolVar(&fl.force, "force", false, "replace an existing FILE (its mode is kept)")
	dataDirFlag(f)
	cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions([]cobra.Completion{"date", "amount", "sources", "kind"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]cobra.Completion{"joint_venture", "partnership", "investment",
		"acquisition", "merger", "project"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// parseDeals reads the flags; ok is false when the command is over (a bad
// value), with code its exit code.
func parseDeals(env Env, fl dealsFlags, now time.Time) (o dealsOptions, code int, ok bool) {
	var err error
	fail := func(format string, a ...any) (dealsOptions, int, bool) {
		fmt.Fprintf(env.Stderr, "newsmark deals: "+format+"\n", a...)
		return dealsOptions{}, 2, false
	}
	o = dealsOptions{format: "text", out: fl.out, force: fl.force}
	if fl.asJSON && fl.asCSV {
		return fail("give --json or --csv, not both")
	}
	if fl.asJSON {
		o.format = "json"
	} else if fl.asCSV {
		o.format = "csv"
	}
	if o.sort, ok = index.ParseDealSort(fl.sortBy); !ok {
		return fail("--sort must be date, amount, sources or kind, not %q", sanitize.Text(fl.sortBy))
	}
	if fl.since != "" {
		if o.filter.Since, err = index.ParseSince(fl.since, now); err != nil {
			return fail("--since: %v", err)
		}
	}
	if fl.until != "" {
		if o.filter.Until, err = index.ParseUntil(fl.until); err != nil {
			return fail("--until: %v", err)
		}
	}
	for _, k := range strings.Split(fl.kinds, ",") {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		kind, err := index.ParseKind(k)
		if err != nil {
			return fail("--kind: %v", err)
		}
		o.filter.Kinds = append(o.filter.Kinds, kind)
	}
	o.filter.Party = strings.TrimSpace(fl.party)
	if fl.minAmount != "" {
		if o.filter.MinUSD, err = index.ParseAmount(fl.minAmount); err != nil {
			return fail("--min: %v", err)
		}
	}
	if fl.maxAmount != "" {
		if o.filter.MaxUSD, err = index.ParseAmount(fl.maxAmount); err != nil {
			return fail("--max: %v", err)
		}
	}
	return o, 0, true
}

// runDeals prints (or writes) the deals o asks for.
func runDeals(env Env, o dealsOptions) int {
	ix, db, err := openIndex(o.dataDir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark deals:", sanitize.Text(err.Error()))
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	if err := syncIndex(ctx, env, ix, db); err != nil {
		fmt.Fprintln(env.Stderr, "newsmark deals:", sanitize.Text(err.Error()))
		return 1
	}
	rows, err := ix.Deals(ctx, o.filter)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark deals:", sanitize.Text(err.Error()))
		return 1
	}
	index.SortDeals(rows, o.sort, false)
	var buf bytes.Buffer
	switch o.format {
	case "json":
		err = writeDealsJSON(&buf, rows)
	case "csv":
		err = writeDealsCSV(&buf, rows)
	default:
		writeDealsText(&buf, rows)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark deals:", err)
		return 1
	}
	if o.out == "" || o.out == "-" {
		if o.format == "text" && len(rows) == 0 {
			fmt.Fprintln(env.Stderr, "no deals in the index match (newsmark index PATH... adds articles)")
			return 0
		}
		env.Stdout.Write(buf.Bytes())
		return 0
	}
	err = outfile.WriteBytes(o.out, outfile.Options{Stdout: env.Stdout, Overwrite: o.force}, buf.Bytes())
	if errors.Is(err, outfile.ErrExists) {
		fmt.Fprintf(env.Stderr, "newsmark deals: %v; give --force to replace it\n", err)
		return 1
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark deals:", sanitize.Line(err.Error()))
		return 1
	}
	fmt.Fprintf(env.Stderr, "wrote %s to %s\n", plural(len(rows), "deal", "deals"), sanitize.Quote(o.out))
	return 0
}

// jsonDeal is one deal of `deals --json`.
type jsonDeal struct {
	ID        string       `json:"id"`
	Date      string       `json:"date"`
	Last      string       `json:"last_report"`
	Kind      string       `json:"kind"`
	Parties   []string     `json:"parties"`
	Amount    string       `json:"amount"`
	AmountUSD float64      `json:"amount_usd"`
	Stake     string       `json:"stake"`
	Location  string       `json:"location"`
	Status    string       `json:"status"`
	Sources   []jsonSource `json:"sources"`
}

// jsonSource is one report of a deal; evidence_start is the byte offset in
// its body where it tells of the deal.
type jsonSource struct {
	ArticleID     string   `json:"article_id"`
	Title         string   `json:"title"`
	Outlet        string   `json:"outlet"`
	Date          string   `json:"date"`
	URL           string   `json:"url"`
	Path          string   `json:"path"`
	Summary       string   `json:"summary"`
	Amounts       []string `json:"amounts"`
	EvidenceStart int      `json:"evidence_start"`
}

func writeDealsJSON(w io.Writer, rows []index.DealRow) error {
	return writeJSON(w, dealsJSON(rows))
}

// dealsJSON is rows as `deals --json` writes them (and `company --json`
// its deals).
func dealsJSON(rows []index.DealRow) []jsonDeal {
	out := make([]jsonDeal, len(rows))
	for i, d := range rows {
		j := jsonDeal{ID: d.ID, Date: jsonDate(d.Date), Last: jsonDate(d.Last), Kind: string(d.Kind), Parties: d.PartyNames(),
			Amount: d.Amount, AmountUSD: d.USD, Stake: d.Stake, Location: d.Location, Status: d.Status}
		for _, s := range d.Sources {
			j.Sources = append(j.Sources, jsonSource{ArticleID: s.ArticleID, Title: s.Title, Outlet: s.Outlet,
				Date: jsonDate(s.Date), URL: s.URL, Path: s.Path, Summary: s.Summary, Amounts: nonNil(s.Amounts),
				EvidenceStart: s.Evidence.Start})
		}
		out[i] = j
	}
	return out
}

// writeDealsCSV writes one row per deal; outlets and URLs of its sources
// are joined by "; ".
func writeDealsCSV(w io.Writer, rows []index.DealRow) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "last_report", "kind", "parties", "amount", "amount_usd", "stake", "location", "status",
		"sources", "outlets", "urls"})
	for _, d := range rows {
		var outlets, urls []string
		for _, s := range d.Sources {
			outlets = append(outlets, s.Outlet)
			urls = append(urls, s.Locator())
		}
		usd := ""
		if d.USD > 0 {
			usd = strconv.FormatFloat(d.USD, 'f', 0, 64)
		}
		cw.Write([]string{jsonDate(d.Date), jsonDate(d.Last), string(d.Kind), strings.Join(d.PartyNames(), "; "),
			d.Amount, usd, d.Stake, d.Location, d.Status, strconv.Itoa(len(d.Sources)), strings.Join(outlets, "; "),
			strings.Join(urls, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

// writeDealsText prints the tracker as aligned columns.
func writeDealsText(w io.Writer, rows []index.DealRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tKIND\tPARTIES\tAMOUNT\tSTAKE\tLOCATION\tSTATUS\tSOURCES")
	for _, d := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", jsonDate(d.Date), kindText(d.Kind),
			cut(sanitize.Line(strings.Join(d.PartyNames(), ", ")), 48), cut(sanitize.Line(d.Amount), 24), cut(sanitize.Line(d.Stake), 12),
			cut(sanitize.Line(d.Location), 20), d.Status, len(d.Sources))
	}
	tw.Flush()
}

// kindText is a venture kind as a reader writes it: "joint venture".
func kindText(k model.VentureKind) string { return strings.ReplaceAll(string(k), "_", " ") }

// cut shortens s to n runes, marking the cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// writeJSON writes v as every --json output does: indented two spaces,
// one value ending in a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonDate is a date as the JSON outputs write it: YYYY-MM-DD, "" if none.
func jsonDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// nonNil makes a nil list print as [] in JSON.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
