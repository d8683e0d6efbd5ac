package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
)

var reportCommand = command{
	name:    "report",
	summary: "print what is loaded: rows, accounts, dates covered, last ingests",
	help: `Prints the data status: for each kind of data how many rows and accounts
are loaded and which days they cover, then the latest file ingests with their
counts. Run it after an ingest to check what arrived.`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		last := fs.Int("ingests", 10, "how many of the latest ingests to list")
		return func(ctx context.Context, env *runEnv, args []string) error {
			st, svc, err := env.openAnalytics(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			status, err := svc.DataStatus(ctx, *last)
			if err != nil {
				return err
			}
			version, _ := st.Version(ctx)
			fmt.Fprintf(env.stdout, "Store: %s (%s)\n\n", st.Location(), version)
			if status.Empty() {
				fmt.Fprintln(env.stdout, "No data loaded yet. Load some with `uptake ingest FILE...`, or try a sample: uptake generate --out ./sample-data && uptake ingest ./sample-data/*.csv")
				return nil
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
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
				fmt.Fprintln(env.stdout, "\nLatest ingests:")
				tw = tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "when (UTC)\tfile\tdata\tread\tloaded\tquarantined\tduplicates")
				for _, in := range status.Ingests {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\n", in.At.Format("2006-01-02 15:04"), in.File, in.Entity, in.Read, in.Loaded, in.Quarantined, in.Duplicates)
				}
				tw.Flush()
			}
			return nil
		}
	},
}
