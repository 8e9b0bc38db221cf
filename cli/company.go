package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"newsmark/brief"
	"newsmark/index"
	"newsmark/sanitize"
)

// companyLong is `newsmark company --help`.
const companyLong = `The company's page: every story in the index naming it (with the sentence), its deals, quotes by it and its people and about it, the people the stories tie to it with their roles, first and last seen. NAME is any of its names, any case, with or without its legal form ("softbank group" is SoftBank Group Corp.); a name several companies answer to lists them. --follow and --unfollow put it on or take it off the watchlist. Without NAME, lists the companies you follow. Drawn on a terminal, Markdown when piped.`

// companyPageLimit is how many of a company's newest stories the command
// reads by default (--limit).
const companyPageLimit = 1000

// companyFlags are the company command's flags.
type companyFlags struct {
	asJSON, follow, unfollow bool
	limit                    int
}

// newCompanyCmd is `newsmark company [NAME...]`.
func newCompanyCmd(env Env) *cobra.Command {
	var fl companyFlags
	cmd := &cobra.Command{
		Use:   "company [NAME...]",
		Short: "a company's page: its stories, deals, quotes and people (--json); --follow, --unfollow",
		Long:  companyLong,
		Example: `newsmark company softbank group
newsmark company --json "SoftBank Group Corp."
newsmark company --follow softbank group
newsmark company`,
		Args: cobra.ArbitraryArgs,
		RunE: runs(env, func(cmd *cobra.Command, words []string) int {
			return runCompany(env, fl, dataDir(cmd), words)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&fl.asJSON, "json", false, "print the page as JSON")
	f.IntVar(&fl.limit, "limit", companyPageLimit, "read the newest N stories (0: all); every story is counted")
	f.BoolVar(&fl.follow, "follow", false, "put the company on the watchlist")
	f.BoolVar(&fl.unfollow, "unfollow", false, "take the company off the watchlist")
	dataDirFlag(f)
	return cmd
}

// runCompany implements `newsmark company NAME...`.
func runCompany(env Env, fl companyFlags, dir string, words []string) int {
	asJSON, limit, follow, unfollow, dataDir := &fl.asJSON, &fl.limit, &fl.follow, &fl.unfollow, &dir
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "newsmark company: "+format+"\n", a...)
		return code
	}
	if *follow && *unfollow {
		return fail(2, "give --follow or --unfollow, not both")
	}
	if *limit < 0 {
		return fail(2, "--limit wants 0 or more stories, not %d", *limit)
	}
	name := strings.Join(words, " ")
	if name == "" && (*follow || *unfollow) {
		return fail(2, "--follow and --unfollow need a NAME")
	}
	ix, db, err := openIndex(*dataDir)
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	defer db.Close()
	ctx := context.Background()
	if name == "" {
		return listFollowed(env, ix, *asJSON)
	}
	if err := syncIndex(ctx, env, ix, db); err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	company, display, code := pickCompany(ctx, env, ix, name)
	if code != 0 {
		return code
	}
	switch {
	case *follow:
		if _, err := ix.Follow(ctx, company, display); err != nil {
			return fail(1, "%s", sanitize.Text(err.Error()))
		}
		fmt.Fprintf(env.Stderr, "following %s: the library marks its stories and the brief tells what it said\n", sanitize.Line(display))
		return 0
	case *unfollow:
		removed, err := ix.Unfollow(ctx, company)
		if err != nil {
			return fail(1, "%s", sanitize.Text(err.Error()))
		}
		if !removed {
			fmt.Fprintf(env.Stderr, "you did not follow %s\n", sanitize.Line(display))
			return 0
		}
		fmt.Fprintf(env.Stderr, "no longer following %s\n", sanitize.Line(display))
		return 0
	}
	page, ok, err := ix.CompanyPage(ctx, company, index.PageOptions{Limit: *limit})
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	if !ok {
		return fail(1, "no story in the index names %s", sanitize.Line(display))
	}
	following, err := ix.IsFollowed(ctx, company)
	if err != nil {
		return fail(1, "%s", sanitize.Text(err.Error()))
	}
	if *asJSON {
		if err := writeCompanyJSON(env.Stdout, page, following); err != nil {
			return fail(1, "%v", err)
		}
		return 0
	}
	if err := writeMarkdown(env, brief.CompanyMarkdown(page)); err != nil {
		return fail(1, "%v", err)
	}
	return 0
}

// pickCompany finds the one company name means, or says why there is
// none or which ones it could be (exit code 1). An identity as the index
// writes it ("L:softbank corp") is taken as it is.
func pickCompany(ctx context.Context, env Env, ix *index.Index, name string) (company, display string, code int) {
	if strings.HasPrefix(name, "L:") || strings.HasPrefix(name, "B:") {
		return name, name, 0
	}
	matches, err := ix.FindCompany(ctx, name)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark company:", sanitize.Text(err.Error()))
		return "", "", 1
	}
	switch len(matches) {
	case 0:
		fmt.Fprintf(env.Stderr, "newsmark company: no company in the index is named %s (newsmark index PATH... adds stories)\n",
			sanitize.Quote(name))
		return "", "", 1
	case 1:
		return matches[0].Company, matches[0].Name, 0
	}
	fmt.Fprintf(env.Stderr, "newsmark company: %d companies answer to %s; name one (or give the identity in brackets):\n",
		len(matches), sanitize.Quote(name))
	for _, m := range matches {
		fmt.Fprintf(env.Stderr, "  %s  %s  [%s]\n", sanitize.Line(m.Name), plural(m.Stories, "story", "stories"), sanitize.Line(m.Company))
	}
	return "", "", 1
}

// listFollowed prints the watchlist.
func listFollowed(env Env, ix *index.Index, asJSON bool) int {
	list, err := ix.Following(context.Background())
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsmark company:", sanitize.Text(err.Error()))
		return 1
	}
	if asJSON {
		type item struct {
			Company string `json:"company"`
			Name    string `json:"name"`
			Since   string `json:"following_since"`
		}
		out := make([]item, len(list))
		for i, f := range list {
			out[i] = item{f.Company, f.Name, jsonDate(f.Added)}
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			fmt.Fprintln(env.Stderr, "newsmark company:", err)
			return 1
		}
		return 0
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "you follow no company yet: newsmark company NAME --follow, or w on a company in the program")
		return 0
	}
	for _, f := range list {
		fmt.Fprintf(env.Stdout, "%s  [%s]  since %s\n", sanitize.Line(f.Name), sanitize.Line(f.Company), jsonDate(f.Added))
	}
	return 0
}

// The JSON of `company --json`. Offsets are bytes into the story's body.
type (
	jsonCompany struct {
		Company       string        `json:"company"`
		Name          string        `json:"name"`
		Names         []string      `json:"names"`
		Following     bool          `json:"following"`
		StoriesTotal  int           `json:"stories_total"`
		FirstSeen     string        `json:"first_seen"`
		LastSeen      string        `json:"last_seen"`
		RolesFromText bool          `json:"roles_from_text"`
		People        []jsonPerson  `json:"people"`
		Deals         []jsonDeal    `json:"deals"`
		Quotes        []jsonQuote   `json:"quotes"`
		Stories       []jsonCoStory `json:"stories"`
	}
	jsonPerson struct {
		Name          string   `json:"name"`
		Title         string   `json:"title"`
		Titles        []string `json:"titles"`
		Stories       int      `json:"stories"`
		FromText      bool     `json:"from_text"`
		ArticleID     string   `json:"article_id"`
		EvidenceStart int      `json:"evidence_start"`
		EvidenceEnd   int      `json:"evidence_end"`
		Sentence      string   `json:"sentence"`
	}
	jsonQuote struct {
		Text      string `json:"text"`
		Speaker   string `json:"speaker"`
		Title     string `json:"title"`
		By        bool   `json:"by_company"`
		ArticleID string `json:"article_id"`
		Story     string `json:"story"`
		Date      string `json:"date"`
		URL       string `json:"url"`
		Path      string `json:"path"`
		Start     int    `json:"start"`
		End       int    `json:"end"`
	}
	jsonCoStory struct {
		ArticleID string `json:"article_id"`
		Title     string `json:"title"`
		Source    string `json:"source"`
		Date      string `json:"date"`
		URL       string `json:"url"`
		Path      string `json:"path"`
		Name      string `json:"name"`
		Sentence  string `json:"sentence"`
		Offset    int    `json:"offset"`
		Mentions  int    `json:"mentions"`
	}
)

func writeCompanyJSON(w io.Writer, p *index.CompanyPage, following bool) error {
	out := jsonCompany{Company: p.Company, Name: p.Name, Names: nonNil(p.Names), Following: following, StoriesTotal: p.Total,
		FirstSeen: jsonDate(p.First), LastSeen: jsonDate(p.Last), RolesFromText: p.RolesFromText,
		People: []jsonPerson{}, Deals: []jsonDeal{}, Quotes: []jsonQuote{}, Stories: []jsonCoStory{}}
	for _, pp := range p.People {
		out.People = append(out.People, jsonPerson{Name: pp.Name, Title: pp.Title, Titles: nonNil(pp.Titles), Stories: pp.Stories,
			FromText: pp.FromText, ArticleID: pp.ArticleID, EvidenceStart: pp.Evidence.Start, EvidenceEnd: pp.Evidence.End,
			Sentence: pp.Sentence})
	}
	out.Deals = dealsJSON(p.Deals)
	for _, q := range p.Quotes {
		out.Quotes = append(out.Quotes, jsonQuote{Text: q.Text, Speaker: q.Speaker, Title: q.Title, By: q.By, ArticleID: q.ArticleID,
			Story: q.Story, Date: jsonDate(q.Date), URL: q.URL, Path: q.Path, Start: q.At.Start, End: q.At.End})
	}
	for _, s := range p.Stories {
		out.Stories = append(out.Stories, jsonCoStory{ArticleID: s.ArticleID, Title: s.Title, Source: s.Source, Date: jsonDate(s.Date),
			URL: s.URL, Path: s.Path, Name: s.Name, Sentence: s.Sentence, Offset: s.At.Start, Mentions: s.Mentions})
	}
	return writeJSON(w, out)
}
