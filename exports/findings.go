package exports

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/courses"
)

// LowAdoptionTable lists the adoption flags with their figures and evidence.
func LowAdoptionTable(flags []analytics.AdoptionFlag) Table {
	t := Table{Sheet: "Low adoption", Header: []string{"Level", "Account ID", "Account", "Manager", "Workload", "Week", "Seats purchased", "Seats assigned",
		"Active (28 days)", "Usage %", "Usage % before", "Trend (points/week)", "Trend", "Peer percentile", "Peer group", "Unused seats", "At stake / month",
		"Value known", "Currency", "Rules", "Evidence"},
		Widths:  []float64{8, 12, 28, 24, 12, 12, 10, 10, 10, 9, 9, 10, 9, 10, 22, 10, 12, 8, 8, 40, 90},
		Formats: map[int]string{9: FormatPct100, 10: FormatPct100, 16: FormatMoney}}
	for _, f := range flags {
		var before any
		if f.HasUsageBefore {
			before = round1(f.UsageBefore)
		}
		t.Rows = append(t.Rows, []any{f.Severity, f.AccountID, f.AccountName, f.Manager, f.Workload, f.Week, f.SeatsPurchased, f.SeatsAssigned,
			f.Active28d, round1(f.UsagePct), before, round2(f.Trend.PerWeek), f.Trend.Direction(), round1(f.Peers.Percentile), f.Peers.Group,
			f.UnusedSeats, round2(f.AtStake), yes(f.AtStakeKnown), f.Currency, strings.Join(f.Rules, "; "), f.Evidence})
	}
	return t
}

// AdoptionTable is every account and workload's adoption in one week.
func AdoptionTable(rows []analytics.Adoption) Table {
	t := Table{Sheet: "Adoption", Header: []string{"Account ID", "Account", "Segment", "Industry", "Workload", "Week", "Seats purchased", "Seats assigned",
		"Deployment %", "Active (28 days)", "Active (7 days)", "Usage %", "Above 100 % because", "Trend (points/week)", "Trend low", "Trend high", "Trend",
		"Peer percentile", "Peer group", "Peers", "Actions per active user", "Products"},
		Widths: []float64{12, 28, 12, 16, 12, 12, 10, 10, 10, 10, 10, 9, 40, 10, 9, 9, 9, 10, 22, 8, 10, 40}}
	for _, a := range rows {
		t.Rows = append(t.Rows, []any{a.AccountID, a.AccountName, a.Segment, a.Industry, a.Workload, a.Week, a.SeatsPurchased, a.SeatsAssigned,
			round1(a.DeploymentPct), a.Active28d, a.Active7d, round1(a.UsagePct), a.OverCap, round2(a.Trend.PerWeek), round2(a.Trend.Lo), round2(a.Trend.Hi),
			a.Trend.Direction(), round1(a.Peers.Percentile), a.Peers.Group, a.Peers.Size, round1(a.ActionsPerActive), a.Products})
	}
	return t
}

// UpsellTable lists upsell chances with value, basis and evidence.
func UpsellTable(list []analytics.Upsell) Table {
	t := Table{Sheet: "Upsell", Header: []string{"Kind", "Account ID", "Account", "Manager", "Workload", "Value / year", "Currency", "How the value is estimated", "Evidence", "Rule"},
		Widths: []float64{16, 12, 28, 24, 14, 12, 8, 60, 80, 50}}
	for _, u := range list {
		t.Rows = append(t.Rows, []any{u.Kind, u.AccountID, u.AccountName, u.Manager, u.Workload, round2(u.Value), u.Currency, u.ValueBasis, u.Evidence, u.Rule})
	}
	return t
}

// RecommendationsTable lists the ranked courses per account.
func RecommendationsTable(recs []courses.Recommendation) Table {
	t := Table{Sheet: "Courses", Header: []string{"Account ID", "Account", "Need", "Workload", "Theme", "Course ID", "Course", "Language", "Level", "Sessions",
		"Audience", "Tickets avoidable", "Seats to activate", "Benefit", "Match", "Why this course", "Evidence"},
		Widths: []float64{12, 28, 14, 12, 36, 14, 40, 8, 12, 8, 8, 10, 10, 8, 7, 60, 80}}
	for _, r := range recs {
		t.Rows = append(t.Rows, []any{r.Need.AccountID, r.Need.AccountName, r.Need.Kind, r.Need.Workload, r.Need.ThemeLabel, r.Course.ID, r.Course.Title,
			r.Course.Language, r.Course.Level, r.Sessions, r.Need.Audience, round1(r.Need.AvoidableTickets), r.Need.ActivatableSeats, round1(r.Benefit),
			round2(r.Score), r.Reason, r.Need.Evidence})
	}
	return t
}

// CoursePlanTable is the trainers' plan: sessions per course, language and month.
func CoursePlanTable(plan []courses.PlanLine) Table {
	t := Table{Sheet: "Course plan", Header: []string{"Month", "Course ID", "Course", "Language", "Sessions", "Attendees", "Accounts", "Benefit", "Why"},
		Widths: []float64{10, 14, 40, 8, 8, 9, 60, 8, 60}}
	for _, l := range plan {
		t.Rows = append(t.Rows, []any{l.Month.Format("2006-01"), l.CourseID, l.CourseTitle, l.Language, l.Sessions, l.Attendees,
			strings.Join(l.AccountNames, ", "), round1(l.Benefit), l.Reason})
	}
	return t
}

// ThemesTable lists the themes with their figures.
func ThemesTable(list []analytics.Theme) Table {
	t := Table{Sheet: "Themes", Header: []string{"Theme ID", "Label", "Workload", "Tickets", "Accounts", "Weeks", "Trend", "Last 8 weeks", "8 weeks before",
		"Recurring", "New", "CSAT", "Ratings", "Languages", "Top words", "Examples"},
		Widths: []float64{10, 44, 12, 8, 8, 7, 8, 9, 9, 9, 6, 7, 8, 10, 40, 80}}
	for _, th := range list {
		var csat any
		if th.CSAT.Valid {
			csat = round2(th.CSAT.Estimate)
		}
		t.Rows = append(t.Rows, []any{th.ID, th.Label, th.Workload, th.Tickets, th.Accounts, th.Weeks, th.Trend, th.RecentTickets, th.PriorTickets,
			yes(th.Recurring), yes(th.New), csat, th.Rated, strings.Join(th.Languages, ", "), strings.Join(th.Terms, ", "), strings.Join(th.ExampleSubjects, " | ")})
	}
	return t
}

// SupportLoadTable lists each account's support load over a period.
func SupportLoadTable(rows []analytics.SupportLoad) Table {
	t := Table{Sheet: "Support load", Header: []string{"Account ID", "Account", "Segment", "Seats", "Tickets", "How-to tickets", "Tickets / 100 seats / month",
		"How-to / 100 seats / month", "How-to share", "Mean first response (min)", "Response within SLA", "Mean resolution (min)", "Resolution within SLA",
		"Escalation rate", "Ratings", "CSAT", "CSAT low", "CSAT high"},
		Widths: []float64{12, 28, 12, 8, 8, 8, 10, 10, 8, 10, 10, 10, 10, 9, 8, 7, 7, 7}}
	for _, l := range rows {
		t.Rows = append(t.Rows, []any{l.AccountID, l.AccountName, l.Segment, l.Seats, l.Tickets, l.HowTo, round2(l.PerHundredSeats), round2(l.HowToPerHundredSeats),
			round2(l.HowToShare), round1(l.MeanResponse), round2(l.ResponseInTarget), round1(l.MeanResolution), round2(l.ResolutionInTarget),
			round2(l.EscalationRate), l.Rated, round2(l.CSAT.Estimate), round2(l.CSAT.Lo), round2(l.CSAT.Hi)})
	}
	return t
}

// SatisfactionTable is CSAT per period and group with its interval.
func SatisfactionTable(points []analytics.CSATPoint) Table {
	t := Table{Sheet: "Satisfaction", Header: []string{"Period", "Group", "Tickets", "Ratings", "Good ratings", "CSAT", "CSAT low", "CSAT high", "Change (points)", "Meaningful change"},
		Widths:  []float64{10, 24, 8, 8, 8, 7, 7, 7, 9, 9},
		Formats: map[int]string{5: FormatPercent, 6: FormatPercent, 7: FormatPercent},
		Chart:   &Chart{Title: "CSAT chart", Columns: []int{5, 6, 7}}}
	for _, p := range points {
		var change any
		if c := p.ChangeFromPrevious; c != nil && c.Before.Valid && c.After.Valid {
			change = round1(100 * c.Diff)
		}
		t.Rows = append(t.Rows, []any{p.Period.Format("2006-01"), p.Group, p.Tickets, p.Rated, p.Good, round2(p.CSAT.Estimate), round2(p.CSAT.Lo), round2(p.CSAT.Hi), change, yes(p.Flagged)})
	}
	return t
}

// ImpactTable lists each training's before/after figures and those of its
// matched untrained accounts, under the summary of each outcome.
func ImpactTable(imp analytics.Impact) Table {
	t := Table{Sheet: "Training impact", Header: []string{"Outcome", "Training ID", "Role", "Account ID", "Course ID", "Workload", "Delivered on", "Segment", "Weeks", "Before", "After", "Change"},
		Widths: []float64{10, 12, 9, 12, 14, 12, 12, 12, 6, 9, 9, 9}}
	for _, o := range []analytics.OutcomeImpact{imp.HowTo, imp.Adoption} {
		t.Rows = append(t.Rows, []any{o.Outcome, "", "summary", "", "", "", nil, "", imp.Weeks, nil, nil, round2(o.Effect)})
	}
	for _, u := range imp.Units {
		t.Rows = append(t.Rows, []any{u.Outcome, u.TrainingID, u.Role, u.AccountID, u.CourseID, u.Workload, u.DeliveredOn, u.Segment, u.Weeks, round2(u.Before), round2(u.After), round2(u.After - u.Before)})
	}
	return t
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func round1(v float64) float64 { return float64(int64(v*10+sign(v)*0.5)) / 10 }
func round2(v float64) float64 { return float64(int64(v*100+sign(v)*0.5)) / 100 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// PortfolioTable is an account manager's portfolio: health, adoption per
// workload, how-to load, CSAT and upsell value per account.
func PortfolioTable(rows []analytics.PortfolioRow) Table {
	t := Table{Sheet: "Portfolio", Header: []string{"Account id", "Account", "Segment", "Country", "Account manager", "Health", "Health reason",
		"Seats", "Tickets (13 weeks)", "How-to tickets", "How-to per 100 seats a month", "CSAT", "CSAT low", "CSAT high", "Ratings",
		"Upsell value a year", "Upsell chances", "Usage % by workload"},
		Widths:  []float64{12, 28, 12, 8, 28, 10, 50, 8, 10, 10, 12, 8, 8, 8, 8, 14, 10, 50},
		Formats: map[int]string{10: FormatDecimal1, 11: FormatPercent, 12: FormatPercent, 13: FormatPercent, 15: FormatMoney}}
	for _, r := range rows {
		var usage []string
		for _, w := range r.Workloads {
			usage = append(usage, fmt.Sprintf("%s %.0f %%", w.Workload, w.UsagePct))
		}
		var csat, lo, hi any
		if r.CSAT.Valid {
			csat, lo, hi = round2(r.CSAT.Estimate), round2(r.CSAT.Lo), round2(r.CSAT.Hi)
		}
		t.Rows = append(t.Rows, []any{r.AccountID, r.Name, r.Segment, r.Country, r.Manager, r.Health, r.HealthWhy, r.Seats, r.Tickets, r.HowTo,
			round1(r.HowToPerHundredSeats), csat, lo, hi, r.Rated, round2(r.UpsellValue), r.UpsellChances, strings.Join(usage, ", ")})
	}
	return t
}

// KPITable is the partner-wide week-by-week support volume and adoption.
func KPITable(weeks []analytics.KPIWeek) Table {
	t := Table{Sheet: "Weekly KPIs", Header: []string{"Week", "Tickets", "How-to tickets", "Seats", "Tickets per 100 seats a month", "Usage %", "Ratings", "Good ratings"},
		Widths: []float64{12, 10, 12, 10, 14, 9, 9, 9}, Formats: map[int]string{4: FormatDecimal1, 5: FormatPct100}}
	for _, w := range weeks {
		t.Rows = append(t.Rows, []any{w.Week, w.Tickets, w.HowTo, w.Seats, round1(w.PerHundredSeats), round1(w.UsagePct), w.Rated, w.Good})
	}
	return t
}

// SLATable is the attainment of each priority's response and resolution targets.
func SLATable(rows []analytics.SLA) Table {
	t := Table{Sheet: "SLA", Header: []string{"Priority", "Tickets", "Response target (min)", "Responded in target", "Response attainment",
		"Resolution target (min)", "Resolved in target", "Resolution attainment", "Median response (min)", "Median resolution (min)"},
		Widths: []float64{10, 9, 12, 12, 12, 12, 12, 12, 12, 12}, Formats: map[int]string{4: FormatPercent, 7: FormatPercent}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Priority, r.Tickets, r.ResponseTarget, r.ResponseInTarget, round2(r.ResponseAttainment), r.ResolutionTarget,
			r.ResolutionInTarget, round2(r.ResolutionAttainment), round1(r.MedianResponse), round1(r.MedianResolution)})
	}
	return t
}
