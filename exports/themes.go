package exports

import "github.com/uptake/uptake/analytics"

// ThemeAssignmentsTable is every ticket with its theme:
// ticket_id, theme_id, theme_label, then the account and source that make
// the ticket id unique, and when the ticket was created.
func ThemeAssignmentsTable(rows []analytics.ThemeAssignment) Table {
	t := Table{Sheet: "Ticket themes", Header: []string{"ticket_id", "theme_id", "theme_label", "account_id", "source", "created_at", "score"},
		Widths: []float64{14, 10, 44, 14, 12, 20, 8}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.TicketID, r.ThemeID, r.ThemeLabel, r.AccountID, r.Source, r.Created, float64(r.Score)})
	}
	return t
}
