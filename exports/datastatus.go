package exports

import (
	"github.com/uptake/uptake/analytics"
)

// Reports are the names accepted by `uptake export --report`.
var Reports = []string{"portfolio", "low-adoption", "adoption", "upsell", "courses", "course-plan", "themes", "theme-assignments", "support-load",
	"satisfaction", "sla", "kpis", "training-impact", "executive", "dashboard", "data-status", "quarantine"}

// DataStatusTable is the data status as a table: what is loaded and which days it covers.
func DataStatusTable(s analytics.DataStatus) Table {
	t := Table{Sheet: "Data status", Header: []string{"Data", "Rows", "Accounts", "From", "To"}, Widths: []float64{18, 14, 14, 14, 14}}
	for _, ts := range s.Tables {
		var from, to any
		if ts.Rows > 0 {
			from, to = ts.FirstDay, ts.LastDay
		}
		t.Rows = append(t.Rows, []any{ts.Table, ts.Rows, ts.Accounts, from, to})
	}
	return t
}

// QuarantineTable lists quarantined rows with where they were and why.
func QuarantineTable(rows []analytics.QuarantinedRow) Table {
	t := Table{Sheet: "Quarantine", Header: []string{"File", "Line", "Column", "Reason", "Row as read", "Data", "Quarantined at (UTC)"},
		Widths: []float64{28, 8, 18, 60, 60, 14, 20}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.File, r.Line, r.Column, r.Reason, r.Raw, r.Entity, r.At})
	}
	return t
}
