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
	"github.com/uptake/uptake/store"
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
		manager := fs.String("manager", "", "keep one account manager's accounts (the account_manager value) in account reports")
		segment := fs.String("segment", "", "portfolio: keep one segment")
		country := fs.String("country", "", "portfolio: keep one country (two-letter code)")
		lang := fs.String("lang", "en", "language of sheet names, headers and the About sheet: en or fr")
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
			if *lang != "en" && *lang != "fr" {
				return fmt.Errorf("--lang must be en or fr, not %q", *lang)
			}
			wb, err := reportWorkbook(ctx, svc, *report, *manager)
			if err == nil && (*segment != "" || *country != "") {
				if *report != "portfolio" {
					return fmt.Errorf("--segment and --country apply to --report portfolio only")
				}
				wb.Sheets[0].Rows = slices.DeleteFunc(wb.Sheets[0].Rows, func(r []any) bool {
					return *segment != "" && r[2] != *segment || *country != "" && r[3] != *country
				})
			}
			if err != nil {
				return err
			}
			for i := range wb.Sheets {
				wb.Sheets[i] = exports.Localize(wb.Sheets[i], *lang)
			}
			about := &exports.About{Title: "Uptake · " + *report, Lang: *lang, Created: time.Now(), Definitions: exports.LocalizedDefinitions(*report, *lang),
				Filters: map[string]string{}}
			for k, v := range map[string]string{"account manager": *manager, "segment": *segment, "country": *country} {
				if v != "" {
					about.Filters[k] = v
				}
			}
			if status, err := svc.DataStatus(ctx, 0); err == nil {
				about.Refreshed = status.CountedAt()
			}
			wb.About = about
			if err := writeWorkbook(env, wb, *out); err != nil {
				return err
			}
			auditCLI(ctx, env, st, store.AuditExport, fmt.Sprintf("%s to %s%s", *report, *out, filterList(about.Filters)))
			return nil
		}
	},
}

// reportWorkbook runs the analytics behind one report: one sheet, or
// several for themes (with every ticket's theme), executive and dashboard.
func reportWorkbook(ctx context.Context, svc *analytics.Service, report, manager string) (exports.Workbook, error) {
	switch report {
	case "themes":
		var wb exports.Workbook
		for _, r := range []string{"themes", "theme-assignments"} {
			t, err := reportTable(ctx, svc, r, manager)
			if err != nil {
				return wb, err
			}
			wb.Sheets = append(wb.Sheets, t)
		}
		return wb, nil
	case "executive", "dashboard":
		parts := []string{"kpis", "satisfaction", "sla", "training-impact"}
		if report == "dashboard" {
			parts = []string{"portfolio", "low-adoption", "upsell", "themes", "course-plan", "kpis", "satisfaction", "sla", "training-impact", "data-status"}
		}
		var wb exports.Workbook
		for _, r := range parts {
			t, err := reportTable(ctx, svc, r, manager)
			if err != nil {
				return wb, fmt.Errorf("%s: %w", r, err)
			}
			t.Chart = nil // the CLI charts only the satisfaction report itself
			wb.Sheets = append(wb.Sheets, t)
		}
		return wb, nil
	}
	t, err := reportTable(ctx, svc, report, manager)
	return exports.Workbook{Sheets: []exports.Table{t}}, err
}

// reportTable runs the analytics behind one sheet; manager, when set,
// keeps that account manager's accounts in account reports.
func reportTable(ctx context.Context, svc *analytics.Service, report, manager string) (exports.Table, error) {
	switch report {
	case "portfolio":
		rows, err := svc.Portfolio(ctx, analytics.Scope{Manager: manager})
		return exports.PortfolioTable(rows), err
	case "kpis":
		p, err := svc.LastWeeks(ctx, "tickets", 52)
		if err != nil {
			return exports.Table{}, err
		}
		rows, err := svc.KPITrend(ctx, analytics.Scope{Manager: manager}, p)
		return exports.KPITable(rows), err
	case "sla":
		p, err := svc.LastWeeks(ctx, "tickets", 13)
		if err != nil {
			return exports.Table{}, err
		}
		rows, err := svc.SLAAttainment(ctx, p)
		return exports.SLATable(rows), err
	case "quarantine":
		rows, err := svc.Quarantine(ctx, "", 1_000_000)
		return exports.QuarantineTable(rows), err
	case "low-adoption":
		rows, err := svc.LowAdoption(ctx, time.Time{})
		t := exports.LowAdoptionTable(slices.DeleteFunc(rows, func(f analytics.AdoptionFlag) bool { return manager != "" && f.Manager != manager }))
		t.RAG = []exports.RAG{exports.LowAdoptionRAG(9, svc.Rules())}
		return t, err
	case "adoption":
		rows, err := svc.Adoption(ctx, time.Time{})
		return exports.AdoptionTable(rows), err
	case "upsell":
		rows, err := svc.Upsell(ctx, time.Time{})
		return exports.UpsellTable(slices.DeleteFunc(rows, func(u analytics.Upsell) bool { return manager != "" && u.Manager != manager })), err
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

// writeWorkbook writes a workbook to a .xlsx file, or its first sheet to
// a .csv file, by extension.
func writeWorkbook(env *runEnv, wb exports.Workbook, out string) error {
	ext := strings.ToLower(filepath.Ext(out))
	if out == "" || ext != ".xlsx" && ext != ".csv" {
		return fmt.Errorf("--out must name a .xlsx or .csv file, e.g. --out report.xlsx")
	}
	if ext == ".csv" && len(wb.Sheets) > 1 {
		return fmt.Errorf("this report has %d sheets; write it as .xlsx, or choose one of its reports for a CSV", len(wb.Sheets))
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	write := wb.WriteXLSX
	if ext == ".csv" {
		write = wb.Sheets[0].WriteCSV
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	var names []string
	rows := 0
	for _, t := range wb.Sheets {
		names, rows = append(names, t.Sheet), rows+len(t.Rows)
	}
	fmt.Fprintf(env.stdout, "Wrote %s (%s, %d rows).\n", out, strings.Join(names, ", "), rows)
	return nil
}
