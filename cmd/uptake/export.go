package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/uptake/uptake/exports"
)

var exportCommand = command{
	name:    "export",
	summary: "write a report as an Excel workbook (.xlsx) or CSV file",
	help: `Writes a report to a file; the extension of --out picks the format
(.xlsx or .csv). Available reports: ` + strings.Join(exports.Reports, ", ") + `.

Example:
  uptake export --report data-status --out status.xlsx`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		report := fs.String("report", "data-status", "report to write: "+strings.Join(exports.Reports, ", "))
		out := fs.String("out", "", "file to write, ending in .xlsx or .csv")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if *report != "data-status" {
				return fmt.Errorf("unknown report %q; available: %s", *report, strings.Join(exports.Reports, ", "))
			}
			ext := strings.ToLower(filepath.Ext(*out))
			if *out == "" || ext != ".xlsx" && ext != ".csv" {
				return fmt.Errorf("--out must name a .xlsx or .csv file, e.g. --out status.xlsx")
			}
			st, svc, err := env.openAnalytics(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			status, err := svc.DataStatus(ctx, 0)
			if err != nil {
				return err
			}
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			write := exports.DataStatusXLSX
			if ext == ".csv" {
				write = exports.DataStatusCSV
			}
			if err := write(f, status); err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", *out, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "Wrote %s (%s).\n", *out, *report)
			return nil
		}
	},
}
