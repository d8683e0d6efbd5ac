package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/uptake/uptake/exports"
)

var quarantineCommand = command{
	name:    "quarantine",
	summary: "list the rows ingests could not use, with file, line, column and reason",
	help: `Lists quarantined rows, newest first: the file and line they came from,
the column at fault and why. Fix them in the source file and ingest it again.
With --out, writes them all to a .csv or .xlsx file instead.

Examples:
  uptake quarantine
  uptake quarantine --file tickets.csv --limit 200
  uptake quarantine --out bad-rows.xlsx`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		file := fs.String("file", "", "only rows of this file (its name as shown by uptake report)")
		limit := fs.Int("limit", 50, "how many rows to list")
		out := fs.String("out", "", "write the rows to this .csv or .xlsx file instead of listing them")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if *limit < 1 {
				return fmt.Errorf("--limit %d must be at least 1", *limit)
			}
			st, svc, err := env.openAnalytics(ctx, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			n := *limit
			if *out != "" {
				n = 10_000_000
			}
			rows, err := svc.Quarantine(ctx, *file, n)
			if err != nil {
				return err
			}
			if *out != "" {
				return writeWorkbook(env, exports.Workbook{Sheets: []exports.Table{exports.QuarantineTable(rows)}}, *out)
			}
			if len(rows) == 0 {
				fmt.Fprintln(env.stdout, "No quarantined rows: every row read so far was loaded.")
				return nil
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "file\tline\tcolumn\treason")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", r.File, r.Line, r.Column, r.Reason)
			}
			tw.Flush()
			if len(rows) == n {
				fmt.Fprintf(env.stdout, "(first %d rows; --limit shows more, --out writes them all)\n", n)
			}
			return nil
		}
	},
}
