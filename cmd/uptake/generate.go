package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"time"

	"github.com/uptake/uptake/ingest/generate"
)

var generateCommand = command{
	name:    "generate",
	summary: "write a realistic sample data set (CSV files) to try Uptake with",
	usage:   "",
	help: `Writes accounts, weekly seat snapshots, daily per-user usage, tickets
(English, French and German), a course catalogue and trainings delivered, as
generic CSV files that "uptake ingest" loads. The same --seed, --scale,
--accounts, --days and --end always give byte-identical files.

Planted in the data, for demos and tests: low-adoption, declining and
near-seat-cap accounts, accounts whose satisfaction drops or rises from a
given day, upgrade candidates (heavy use on an entry plan), workloads bought
but unused, recurring how-to themes and trainings that reduce later how-to
tickets. The ground truth goes to the truth/ subfolder
(ground_truth_tickets.csv, ground_truth_accounts.csv, ground_truth_themes.csv,
ground_truth_training_effect.csv), which "uptake ingest OUT/*.csv" does not
pick up. The training effect lists trainings with 8 full weeks of data before
and after them, so none at the small scale.

Scales: small (40 accounts, 13 weeks, a few hundred thousand usage rows),
medium (300 accounts, 26 weeks, millions of usage rows), large (3,000
accounts, 52 weeks, over 50 million usage rows and 1 million tickets; several
GB). --accounts and --days override the scale's values.

Example:
  uptake generate --scale small --out ./sample && uptake ingest ./sample/*.csv`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		out := fs.String("out", "./sample-data", "folder to write the CSV files to")
		scaleName := fs.String("scale", "small", "size of the data set: small, medium or large")
		accounts := fs.Int("accounts", 0, "number of accounts (default: the scale's)")
		days := fs.Int("days", 0, "number of days covered, ending on --end (default: the scale's)")
		seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same data")
		endDay := fs.String("end", "", "last day covered, YYYY-MM-DD (default: yesterday)")
		return func(ctx context.Context, env *runEnv, args []string) error {
			scale, err := generate.ScaleByName(*scaleName)
			if err != nil {
				return err
			}
			if *accounts != 0 {
				scale.Accounts = *accounts
			}
			if *days != 0 {
				scale.Days = *days
			}
			end := time.Now().UTC().Truncate(24 * time.Hour)
			if *endDay != "" {
				if end, err = time.Parse("2006-01-02", *endDay); err != nil {
					return fmt.Errorf("--end %q is not a date like 2026-06-30", *endDay)
				}
				end = end.AddDate(0, 0, 1)
			}
			start := time.Now()
			sum, err := generate.Write(*out, scale, *seed, end)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "Wrote the %s sample data set (%d accounts, %d days) to %s in %s:\n",
				scale.Name, scale.Accounts, scale.Days, *out, time.Since(start).Round(time.Millisecond))
			printCounts(env, sum.Files)
			fmt.Fprintln(env.stdout, "Ground truth, not for ingesting:")
			printCounts(env, sum.Truth)
			fmt.Fprintf(env.stdout, "Load it with: uptake ingest %s/*.csv\n", *out)
			return nil
		}
	},
}

func printCounts(env *runEnv, files map[string]int) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.stdout, "  %-34s %11d rows\n", n, files[n])
	}
}
