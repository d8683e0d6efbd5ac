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
	help: `Writes accounts, subscriptions, daily usage, tickets (English, French and
German), a course catalogue and trainings delivered, as generic CSV files that
"uptake ingest" loads. The same --seed and --scale always give the same files.

Scales: small (40 accounts, 13 weeks), medium (300 accounts, 26 weeks),
large (3,000 accounts, 52 weeks; millions of usage rows).

Example:
  uptake generate --scale small --out ./sample && uptake ingest ./sample/*.csv`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		out := fs.String("out", "./sample-data", "folder to write the CSV files to")
		scaleName := fs.String("scale", "small", "size of the data set: small, medium or large")
		seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same data")
		endDay := fs.String("end", "", "last day covered, YYYY-MM-DD (default: yesterday)")
		return func(ctx context.Context, env *runEnv, args []string) error {
			scale, err := generate.ScaleByName(*scaleName)
			if err != nil {
				return err
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
			names := make([]string, 0, len(sum.Files))
			for n := range sum.Files {
				names = append(names, n)
			}
			sort.Strings(names)
			fmt.Fprintf(env.stdout, "Wrote the %s sample data set to %s in %s:\n", scale.Name, *out, time.Since(start).Round(time.Millisecond))
			for _, n := range names {
				fmt.Fprintf(env.stdout, "  %-18s %9d rows\n", n, sum.Files[n])
			}
			fmt.Fprintf(env.stdout, "Load it with: uptake ingest %s/*.csv\n", *out)
			return nil
		}
	},
}
