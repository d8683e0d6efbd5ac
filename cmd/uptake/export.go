package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/exports"
)

var exportCommand = command{
	name:    "export",
	summary: "write a report as an Excel workbook (.xlsx) or CSV file",
	help: `Writes a report to a file; the extension of --out picks the format
(.xlsx or .csv). Available reports: ` + strings.Join(exports.Reports, ", ") + `.

Examples:
  uptake export --report low-adoption --out low-adoption.xlsx
  uptake export --report course-plan --out plan.xlsx
  uptake export --report data-status --out status.xlsx
  uptake export --report quarantine --out bad-rows.csv`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		report := fs.String("report", "data-status", "report to write: "+strings.Join(exports.Reports, ", "))
		out := fs.String("out", "", "file to write, ending in .xlsx or .csv")
		rf := addRuleFlags(fs)
		return func(ctx context.Context, env *runEnv, args []string) error {
			if !slices.Contains(exports.Reports, *report) {
				return fmt.Errorf("unknown report %q; available: %s", *report, strings.Join(exports.Reports, ", "))
			}
			st, svc, err := env.openAnalytics(ctx, rf)
			if err != nil {
				return err
			}
			defer st.Close()
			table, err := reportTable(ctx, svc, *report)
			if err != nil {
				return err
			}
			return writeTable(env, table, *out)
		}
	},
}

// reportTable runs the analytics behind one report.
func reportTable(ctx context.Context, svc *analytics.Service, report string) (exports.Table, error) {
	switch report {
	case "quarantine":
		rows, err := svc.Quarantine(ctx, "", 1_000_000)
		return exports.QuarantineTable(rows), err
	case "low-adoption":
		rows, err := svc.LowAdoption(ctx, time.Time{})
		return exports.LowAdoptionTable(rows), err
	case "adoption":
		rows, err := svc.Adoption(ctx, time.Time{})
		return exports.AdoptionTable(rows), err
	case "upsell":
		rows, err := svc.Upsell(ctx, time.Time{})
		return exports.UpsellTable(rows), err
	case "courses":
		rows, err := svc.Recommendations(ctx)
		return exports.RecommendationsTable(rows), err
	case "course-plan":
		rows, err := svc.CoursePlan(ctx, time.Now(), 20)
		return exports.CoursePlanTable(rows), err
	case "themes":
		rows, err := svc.Themes(ctx, "howto")
		return exports.ThemesTable(rows), err
	case "theme-assignments":
		rows, err := svc.ThemeAssignments(ctx, "howto")
		return exports.ThemeAssignmentsTable(rows), err
	case "support-load":
		p, err := svc.LastWeeks(ctx, "tickets", 13)
		if err != nil {
			return exports.Table{}, err
		}
		rows, err := svc.SupportLoad(ctx, p)
		return exports.SupportLoadTable(rows), err
	case "satisfaction":
		p, err := svc.LastWeeks(ctx, "tickets", 52)
		if err != nil {
			return exports.Table{}, err
		}
		rows, err := svc.CSATTrend(ctx, p, analytics.BySegment, false)
		return exports.SatisfactionTable(rows), err
	case "training-impact":
		imp, err := svc.TrainingImpact(ctx, "", "")
		return exports.ImpactTable(imp), err
	}
	status, err := svc.DataStatus(ctx, 0)
	return exports.DataStatusTable(status), err
}

// writeTable writes a table to a .xlsx or .csv file, by extension.
func writeTable(env *runEnv, t exports.Table, out string) error {
	ext := strings.ToLower(filepath.Ext(out))
	if out == "" || ext != ".xlsx" && ext != ".csv" {
		return fmt.Errorf("--out must name a .xlsx or .csv file, e.g. --out report.xlsx")
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	write := t.WriteXLSX
	if ext == ".csv" {
		write = t.WriteCSV
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Wrote %s (%s, %d rows).\n", out, t.Sheet, len(t.Rows))
	return nil
}
