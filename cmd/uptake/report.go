package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/uptake/uptake/analytics"
)

var reportCommand = command{
	name:    "report",
	summary: "print the key findings: low adoption, how-to themes, satisfaction, upsell, courses",
	help: `Prints the key findings in the terminal, each with its figures:
  - low-adoption accounts, red first, ranked by the monthly cost of unused seats;
  - the top recurring how-to themes (run "uptake themes" first);
  - the satisfaction trend per month, with meaningful changes flagged;
  - upsell chances with their estimated yearly value;
  - recommended courses per account and what past trainings changed;
  - what data is loaded and the latest ingests.
Definitions of every figure: docs/metrics.md.

Examples:
  uptake report
  uptake report --section adoption --top 50
  uptake report --red 50 --amber 70`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		last := fs.Int("ingests", 5, "how many of the latest ingests to list")
		top := fs.Int("top", 10, "rows per section")
		section := fs.String("section", "all", "one section only: adoption, themes, satisfaction, upsell, courses, impact or status")
		rf := addRuleFlags(fs)
		return func(ctx context.Context, env *runEnv, args []string) error {
			sections := map[string]func(context.Context, io.Writer, *analytics.Service, int) error{
				"adoption": reportAdoption, "themes": reportThemes, "satisfaction": reportSatisfaction,
				"upsell": reportUpsell, "courses": reportCourses, "impact": reportImpact,
			}
			order := []string{"adoption", "themes", "satisfaction", "upsell", "courses", "impact"}
			if _, ok := sections[*section]; !ok && *section != "all" && *section != "status" {
				return fmt.Errorf("--section %q: use all, adoption, themes, satisfaction, upsell, courses, impact or status", *section)
			}
			st, svc, err := env.openAnalytics(ctx, rf)
			if err != nil {
				return err
			}
			defer st.Close()
			version, _ := st.Version(ctx)
			fmt.Fprintf(env.stdout, "Uptake report: %s (%s)\n", st.Location(), version)
			status, err := svc.DataStatus(ctx, *last)
			if err != nil {
				return err
			}
			if status.Empty() {
				fmt.Fprintln(env.stdout, "\nNo data loaded yet. Load some with `uptake ingest FILE...`, or try a sample: uptake generate --out ./sample-data && uptake ingest ./sample-data/*.csv")
				return nil
			}
			for _, name := range order {
				if *section != "all" && *section != name {
					continue
				}
				if err := sections[name](ctx, env.stdout, svc, *top); err != nil {
					var noData analytics.ErrNoData
					if !errors.As(err, &noData) {
						return err
					}
					fmt.Fprintf(env.stdout, "  (%v)\n", err)
				}
			}
			if *section == "all" || *section == "status" {
				printStatus(env.stdout, status)
			}
			return nil
		}
	},
}

func heading(w io.Writer, title, note string) {
	fmt.Fprintf(w, "\n%s\n", strings.ToUpper(title))
	if note != "" {
		fmt.Fprintf(w, "%s\n", note)
	}
}

func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }

func more(w io.Writer, shown, total int, how string) {
	if total > shown {
		fmt.Fprintf(w, "  … and %d more (%s)\n", total-shown, how)
	}
}

func reportAdoption(ctx context.Context, w io.Writer, svc *analytics.Service, top int) error {
	week, err := svc.LatestWeek(ctx)
	if err != nil {
		return err
	}
	flags, err := svc.LowAdoption(ctx, week)
	if err != nil {
		return err
	}
	red := 0
	for _, f := range flags {
		if f.Severity == analytics.SeverityRed {
			red++
		}
	}
	heading(w, "Low adoption", fmt.Sprintf("Week of %s. %d red, %d amber; red first, then by the monthly cost of unused seats.", week.Format(time.DateOnly), red, len(flags)-red))
	tw := table(w)
	fmt.Fprintln(tw, "  #\tlevel\taccount\tworkload\tusage\tseats\ttrend\tunused/month\twhy")
	for i, f := range flags[:min(top, len(flags))] {
		stake := analytics.Money(f.AtStake, f.Currency)
		if !f.AtStakeKnown {
			stake = "~" + stake
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%.0f %%\t%d\t%s\t%s\t%s\n", i+1, f.Severity, clip(f.AccountName, 28), f.Workload, f.UsagePct, f.SeatsPurchased, f.Trend.Direction(), stake, strings.Join(f.Rules, "; "))
	}
	tw.Flush()
	if len(flags) > 0 {
		fmt.Fprintf(w, "  Top flag: %s %s\n", flags[0].AccountName, flags[0].Evidence)
	}
	more(w, min(top, len(flags)), len(flags), "uptake export --report low-adoption --out FILE.xlsx")
	return nil
}

func reportThemes(ctx context.Context, w io.Writer, svc *analytics.Service, top int) error {
	list, err := svc.Themes(ctx, "howto")
	if err != nil {
		return err
	}
	heading(w, "Recurring how-to themes", "")
	if len(list) == 0 {
		fmt.Fprintln(w, "  No themes yet: run `uptake themes` to find them in the how-to tickets.")
		return nil
	}
	recurring := 0
	for _, t := range list {
		if t.Recurring {
			recurring++
		}
	}
	fmt.Fprintf(w, "%d themes, %d recurring (several accounts and weeks); biggest first.\n", len(list), recurring)
	tw := table(w)
	fmt.Fprintln(tw, "  theme\tworkload\ttickets\taccounts\tweeks\ttrend\tCSAT\texample")
	for _, t := range list[:min(top, len(list))] {
		csat := "-"
		if t.CSAT.Valid {
			csat = fmt.Sprintf("%.0f %%", 100*t.CSAT.Estimate)
		}
		label := t.Label
		if t.New {
			label += " (new)"
		}
		example := ""
		if len(t.ExampleSubjects) > 0 {
			example = clip(t.ExampleSubjects[0], 40)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", clip(label, 44), t.Workload, t.Tickets, t.Accounts, t.Weeks, t.Trend, csat, example)
	}
	tw.Flush()
	more(w, min(top, len(list)), len(list), "uptake themes --export FILE.csv")
	return nil
}

func reportSatisfaction(ctx context.Context, w io.Writer, svc *analytics.Service, top int) error {
	p, err := svc.LastWeeks(ctx, "tickets", 52)
	if err != nil {
		return err
	}
	trend, err := svc.CSATTrend(ctx, p, analytics.Overall, false)
	if err != nil {
		return err
	}
	heading(w, "Satisfaction (CSAT)", "Share of good ratings (4–5 of 5) per month, with its 95 % interval; * marks a meaningful change from the month before.")
	tw := table(w)
	fmt.Fprintln(tw, "  month\tCSAT\tinterval\tratings\tchange")
	for _, pt := range trend {
		change := ""
		if c := pt.ChangeFromPrevious; c != nil && c.Before.Valid && c.After.Valid {
			change = fmt.Sprintf("%+.0f", 100*c.Diff)
			if pt.Flagged {
				change += " *"
			}
		}
		fmt.Fprintf(tw, "  %s\t%.0f %%\t%.0f–%.0f %%\t%d\t%s\n", pt.Period.Format("2006-01"), 100*pt.CSAT.Estimate, 100*pt.CSAT.Lo, 100*pt.CSAT.Hi, pt.Rated, change)
	}
	tw.Flush()
	q, err := svc.LastWeeks(ctx, "tickets", 13)
	if err != nil {
		return err
	}
	changes, err := svc.CSATChanges(ctx, q, analytics.ByAccount)
	if err != nil {
		return err
	}
	n := 0
	for _, c := range changes {
		if c.Flagged && n < top {
			if n == 0 {
				fmt.Fprintln(w, "  Accounts whose satisfaction changed meaningfully (last 13 weeks vs the 13 before):")
			}
			fmt.Fprintf(w, "  - %s\n", c.Evidence)
			n++
		}
	}
	if n == 0 {
		fmt.Fprintln(w, "  No account's satisfaction changed meaningfully in the last 13 weeks.")
	}
	return nil
}

func reportUpsell(ctx context.Context, w io.Writer, svc *analytics.Service, top int) error {
	list, err := svc.Upsell(ctx, time.Time{})
	if err != nil {
		return err
	}
	heading(w, "Upsell chances", fmt.Sprintf("%d chances, by estimated yearly value.", len(list)))
	tw := table(w)
	fmt.Fprintln(tw, "  #\tkind\taccount\tworkload\tvalue/year\tevidence")
	for i, u := range list[:min(top, len(list))] {
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\n", i+1, u.Kind, clip(u.AccountName, 28), u.Workload, analytics.Money(u.Value, u.Currency), u.Evidence)
	}
	tw.Flush()
	more(w, min(top, len(list)), len(list), "uptake export --report upsell --out FILE.xlsx")
	return nil
}

func reportCourses(ctx context.Context, w io.Writer, svc *analytics.Service, top int) error {
	recs, err := svc.Recommendations(ctx)
	if err != nil {
		return err
	}
	heading(w, "Recommended courses", fmt.Sprintf("%d recommendations, by expected benefit (tickets avoided, seats activated).", len(recs)))
	tw := table(w)
	fmt.Fprintln(tw, "  #\taccount\tcourse\tlanguage\tsessions\tbenefit\twhy")
	for i, r := range recs[:min(top, len(recs))] {
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%d\t%.1f\t%s\n", i+1, clip(r.Need.AccountName, 28), clip(r.Course.Title, 40), r.Course.Language, r.Sessions, r.Benefit, clip(r.Need.Evidence, 90))
	}
	tw.Flush()
	more(w, min(top, len(recs)), len(recs), "uptake export --report courses --out FILE.xlsx")
	return nil
}

func reportImpact(ctx context.Context, w io.Writer, svc *analytics.Service, _ int) error {
	imp, err := svc.TrainingImpact(ctx, "", "")
	if err != nil {
		return err
	}
	heading(w, "Training impact", fmt.Sprintf("Trained accounts against matched untrained ones, %d weeks before and after each course.", imp.Weeks))
	fmt.Fprintf(w, "  How-to load: %s\n  Adoption:    %s\n", imp.HowTo.Summary, imp.Adoption.Summary)
	return nil
}

func printStatus(w io.Writer, status analytics.DataStatus) {
	heading(w, "Data loaded", "")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "data\trows\taccounts\tfrom\tto\t")
	for _, t := range status.Tables {
		from, to := "-", "-"
		if t.Rows > 0 {
			from, to = t.FirstDay.Format("2006-01-02"), t.LastDay.Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t\n", t.Table, t.Rows, t.Accounts, from, to)
	}
	tw.Flush()
	if len(status.Ingests) > 0 {
		fmt.Fprintln(w, "\nLatest ingests:")
		tw = table(w)
		fmt.Fprintln(tw, "when (UTC)\tfile\tdata\tread\tloaded\tquarantined\tduplicates")
		for _, in := range status.Ingests {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\n", in.At.Format("2006-01-02 15:04"), in.File, in.Entity, in.Read, in.Loaded, in.Quarantined, in.Duplicates)
		}
		tw.Flush()
	}
}

// clip shortens text to n characters for a table cell.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
