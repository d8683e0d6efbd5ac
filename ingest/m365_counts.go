package ingest

import (
	"bufio"
	"fmt"
)

// The aggregate reports (getOffice365ActiveUserCounts,
// getOffice365ServicesUserCounts, getTeamsUserActivityUserCounts) hold
// totals per day or per period and no users. Uptake's usage table holds one
// row per user, day and workload, and every adoption figure counts distinct
// users in it; loading the totals there as a pretend user would count that
// user as one active person in every per-user figure, and would count the
// same activity twice once the detail report is loaded as well. So the
// totals go to their own table, m365_counts, in long form: one row per
// account, report, workload, measure and day, which no per-user figure reads.
// The services report has no day, only a period; its rows are filed under
// the Report Refresh Date.

// m365CountsSpec says how one aggregate report becomes m365_counts records.
type m365CountsSpec struct {
	report string // the report column's value
	// days are the columns that may hold the day, the first the header has wins.
	days  []string
	cells []m365CountCell
}

// m365CountCell is one number column of a counts report.
type m365CountCell struct {
	column   string // Microsoft's column name
	workload string // our workload name, as the detail reports write it
	measure  string
}

const (
	m365ReportDate    = "Report Date"
	m365RefreshDate   = "Report Refresh Date"
	m365ReportPeriod  = "Report Period"
	m365ActiveUsers   = "active_users"
	m365InactiveUsers = "inactive_users"
)

// m365CountWorkloads are the workload columns of the active-user counts
// reports: Microsoft's name, which is also ours ("Office 365" is any of them).
var m365CountWorkloads = []string{"Office 365", "Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams"}

// m365CountsSpecs maps each aggregate report's format name to its spec. It
// builds a fresh map on every call so that no caller can change another's.
func m365CountsSpecs() map[string]m365CountsSpec {
	active := m365CountsSpec{report: "active-user-counts", days: []string{m365ReportDate}}
	services := m365CountsSpec{report: "services-user-counts", days: []string{m365ReportDate, m365RefreshDate}}
	for _, w := range m365CountWorkloads {
		active.cells = append(active.cells, m365CountCell{column: w, workload: w, measure: m365ActiveUsers})
		services.cells = append(services.cells,
			m365CountCell{column: w + " Active", workload: w, measure: m365ActiveUsers},
			m365CountCell{column: w + " Inactive", workload: w, measure: m365InactiveUsers})
	}
	teams := m365CountsSpec{report: "teams-user-counts", days: []string{m365ReportDate}}
	for _, c := range []struct{ column, measure string }{
		{"Team Chat Messages", "team_chat_messages"},
		{"Private Chat Messages", "private_chat_messages"},
		{"Calls", "calls"},
		{"Meetings", "meetings"},
		{"Other Actions", "other_actions"},
	} {
		teams.cells = append(teams.cells, m365CountCell{column: c.column, workload: "Teams", measure: c.measure})
	}
	return map[string]m365CountsSpec{
		"m365-active-user-counts":   active,
		"m365-services-user-counts": services,
		"m365-teams-user-counts":    teams,
	}
}

// openCounts opens an aggregate report as an m365_counts source.
func (rep m365Report) openCounts(br *bufio.Reader, opt Options) (source, error) {
	spec, ok := m365CountsSpecs()[rep.format]
	if !ok {
		return nil, fmt.Errorf("the %s report cannot be loaded", rep.graph)
	}
	if opt.Entity != "" && opt.Entity != "m365_counts" {
		return nil, fmt.Errorf("the %s report holds Microsoft 365 totals (m365_counts), not %s; drop --entity or use --entity m365_counts", rep.graph, opt.Entity)
	}
	return openM365CountsSource(br, opt, rep, spec)
}
