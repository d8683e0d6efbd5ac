package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/exports"
)

var themesCommand = command{
	name:    "themes",
	summary: "find recurring how-to themes in ticket text, or assign new tickets to them",
	help: `Groups tickets by what they ask about, in English, French and German,
with no network and no model download. The first run discovers themes and
stores them; later runs put every ticket (new ones included) into the stored
themes, so theme ids stay the same. --rediscover discovers afresh: themes
that reappear keep their ids, new ones are marked new.

A theme is recurring when it spans at least --min-accounts accounts and
--min-weeks weeks. Each has a label, its workload, ticket and account
counts, weeks active, a trend (rising, steady or fading) and examples.

Examples:
  uptake themes
  uptake themes --rediscover --target 20
  uptake themes --category all --export themes.csv
  uptake themes --export ticket-themes.xlsx`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		rediscover := fs.Bool("rediscover", false, "discover themes afresh instead of assigning tickets to the stored ones")
		category := fs.String("category", "howto", "ticket categories to read, comma-separated (howto, billing, deployment, performance, updates, other), or all")
		minSize := fs.Int("min-size", 20, "smallest theme, in tickets")
		target := fs.Int("target", 0, "number of themes to aim for; 0 decides from the data")
		minAccounts := fs.Int("min-accounts", 3, "a recurring theme spans at least this many accounts")
		minWeeks := fs.Int("min-weeks", 4, "… and at least this many weeks")
		export := fs.String("export", "", "also write every ticket's theme to this `file` (.csv or .xlsx): ticket_id, theme_id, theme_label, …")
		top := fs.Int("top", 15, "themes to print")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected argument %q; see uptake themes --help", args[0])
			}
			if *minSize < 2 || *target < 0 || *minAccounts < 1 || *minWeeks < 1 {
				return fmt.Errorf("--min-size must be at least 2, --target 0 or more, --min-accounts and --min-weeks at least 1")
			}
			st, svc, err := env.openAnalytics(ctx, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := analytics.ThemeOptions{Categories: splitList(*category), Rediscover: *rediscover, MinThemeSize: *minSize,
				TargetThemes: *target, MinAccounts: *minAccounts, MinWeeks: *minWeeks}
			run, err := svc.RunThemes(ctx, opt)
			if err != nil {
				return err
			}
			verb := "Assigned to the stored themes"
			if run.Discovered {
				verb = "Discovered themes in"
			}
			fmt.Fprintf(env.stdout, "%s %d %s tickets in %s: %d themes, %d tickets themed (%.0f %%), %d new themes.\n",
				verb, run.Tickets, run.Scope, run.Duration.Round(1e6), run.Themes, run.Themed, 100*float64(run.Themed)/float64(max(1, run.Tickets)), run.NewThemes)
			list, err := svc.Themes(ctx, run.Scope)
			if err != nil {
				return err
			}
			tw := table(env.stdout)
			fmt.Fprintln(tw, "id\ttheme\tworkload\ttickets\taccounts\tweeks\ttrend\trecurring")
			for _, t := range list[:min(*top, len(list))] {
				label := t.Label
				if t.New {
					label += " (new)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", t.ID, clip(label, 50), t.Workload, t.Tickets, t.Accounts, t.Weeks, t.Trend, yesNo(t.Recurring))
			}
			tw.Flush()
			if *export != "" {
				rows, err := svc.ThemeAssignments(ctx, run.Scope)
				if err != nil {
					return err
				}
				return writeWorkbook(env, exports.Workbook{Sheets: []exports.Table{exports.ThemeAssignmentsTable(rows)}}, *export)
			}
			return nil
		}
	},
}

var refreshCommand = command{
	name:    "refresh",
	summary: "rebuild the weekly rollups the reports read (after changing SLA targets, or to repair)",
	help: `Rebuilds every rollup from all loaded data. "uptake ingest" refreshes the
weeks it touched by itself; run this after changing --sla-response,
--sla-resolution or --impact-weeks, or if an ingest reported that its
refresh failed.`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		rf := addRuleFlags(fs)
		return func(ctx context.Context, env *runEnv, args []string) error {
			st, svc, err := env.openAnalytics(ctx, rf)
			if err != nil {
				return err
			}
			defer st.Close()
			rep, err := svc.RefreshAll(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "Rollups rebuilt in %s.\n", rep.Duration.Round(1e6))
			return nil
		}
	},
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(strings.ToLower(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
