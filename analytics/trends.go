package analytics

import (
	"context"
	"fmt"
	"time"

	"github.com/uptake/uptake/store"
)

// KPIWeek is one week of the partner-wide figures executives follow.
type KPIWeek struct {
	Week           time.Time
	Tickets, HowTo int
	Seats          int // the largest seat count of each account, summed
	// PerHundredSeats is tickets per 100 seats, as a monthly rate
	// (× 4.345 weeks); zero when no seats are known that week.
	PerHundredSeats float64
	// UsagePct is users active over 28 days ÷ seats purchased, all
	// workloads of all accounts, × 100.
	UsagePct    float64
	Rated, Good int
}

type kpiRow struct {
	Week           time.Time `ch:"week"`
	Tickets        uint64    `ch:"tickets"`
	HowTo          uint64    `ch:"howto"`
	Rated          uint64    `ch:"rated"`
	Good           uint64    `ch:"rated_good"`
	Seats          uint64    `ch:"seats"`
	SeatsPurchased uint64    `ch:"seats_purchased"`
	Active         uint64    `ch:"active_28d"`
}

// KPITrend is the week-by-week support volume, ratings and adoption of
// the accounts in scope over the period (query kpi_weekly).
func (s *Service) KPITrend(ctx context.Context, scope Scope, p Period) ([]KPIWeek, error) {
	res, err := s.st.Query(ctx, s.q.KPIWeekly, store.Args{"from_week": store.Date(p.From), "to_week": store.Date(p.To), "manager": scope.Manager})
	if err != nil {
		return nil, fmt.Errorf("KPI trend: %w", err)
	}
	rows, err := store.Scan[kpiRow](res)
	if err != nil {
		return nil, fmt.Errorf("KPI trend: %w", err)
	}
	out := make([]KPIWeek, 0, len(rows))
	for _, r := range rows {
		k := KPIWeek{Week: r.Week, Tickets: int(r.Tickets), HowTo: int(r.HowTo), Seats: int(r.Seats), Rated: int(r.Rated), Good: int(r.Good)}
		if r.Seats > 0 {
			k.PerHundredSeats = 100 * float64(r.Tickets) / float64(r.Seats) * weeksPerMonth
		}
		if r.SeatsPurchased > 0 {
			k.UsagePct = 100 * float64(r.Active) / float64(r.SeatsPurchased)
		}
		out = append(out, k)
	}
	return out, nil
}

// weeksPerMonth turns a weekly count into a monthly rate (as Period.Months).
const weeksPerMonth = 4.345

// AdoptionPoint is one workload's usage % in one week.
type AdoptionPoint struct {
	Week     time.Time `ch:"week"`
	Workload string    `ch:"workload"`
	Seats    uint64    `ch:"seats_purchased"`
	Active   uint64    `ch:"active_28d"`
}

// UsagePct is active users over 28 days ÷ seats purchased × 100.
func (a AdoptionPoint) UsagePct() float64 {
	if a.Seats == 0 {
		return 0
	}
	return 100 * float64(a.Active) / float64(a.Seats)
}

// Count is a number of tickets for a name (a category or a theme).
type Count struct {
	Name    string `ch:"name"`
	Tickets uint64 `ch:"tickets"`
}

// AccountHistory is what an account page charts: usage per workload over
// the period, and its tickets by category and by how-to theme.
type AccountHistory struct {
	Adoption   []AdoptionPoint
	Categories []Count
	Themes     []ThemeCount
}

// ThemeCount is an account's tickets on one theme.
type ThemeCount struct {
	ThemeID, Label string
	Tickets        int
}

// AccountHistory reads one account's usage series over the usage period
// and its tickets by category and theme over the tickets period (queries
// account_adoption_series, account_tickets_by_category, account_themes).
// Callers check the scope with Account first.
func (s *Service) AccountHistory(ctx context.Context, accountID string, usage, tickets Period) (AccountHistory, error) {
	var h AccountHistory
	res, err := s.st.Query(ctx, s.q.AccountAdoptionSeries, store.Args{"account_id": accountID, "from_week": store.Date(usage.From), "to_week": store.Date(usage.To)})
	if err != nil {
		return h, fmt.Errorf("account %s adoption: %w", accountID, err)
	}
	if h.Adoption, err = store.Scan[AdoptionPoint](res); err != nil {
		return h, err
	}
	args := store.Args{"account_id": accountID, "from_week": store.Date(tickets.From), "to_week": store.Date(tickets.To)}
	if res, err = s.st.Query(ctx, s.q.AccountTicketsByCategory, args); err != nil {
		return h, fmt.Errorf("account %s tickets: %w", accountID, err)
	}
	for _, r := range res.Rows {
		h.Categories = append(h.Categories, Count{Name: r[0].(string), Tickets: r[1].(uint64)})
	}
	if res, err = s.st.Query(ctx, s.q.AccountThemes, store.Args{"account_id": accountID, "from_week": store.Date(tickets.From)}); err != nil {
		return h, fmt.Errorf("account %s themes: %w", accountID, err)
	}
	themeList, err := s.Themes(ctx, "howto")
	if err != nil {
		return h, err
	}
	labels := map[string]string{}
	for _, t := range themeList {
		labels[t.ID] = t.Label
	}
	for _, r := range res.Rows {
		id := r[0].(string)
		h.Themes = append(h.Themes, ThemeCount{ThemeID: id, Label: nameOr(labels[id], id), Tickets: int(r[1].(uint64))})
	}
	return h, nil
}

// ThemeWeeks are a theme's tickets per week, oldest first, with zero weeks
// filled in, for sparklines.
type ThemeWeeks struct {
	Weeks   []time.Time
	Tickets map[string][]int // by theme id
}

// ThemeSparklines counts each theme's tickets in each of the last n weeks
// of the newest run of scope (query theme_weekly_counts).
func (s *Service) ThemeSparklines(ctx context.Context, scope string, n int) (ThemeWeeks, error) {
	out := ThemeWeeks{Tickets: map[string][]int{}}
	p, err := s.LastWeeks(ctx, "tickets", n)
	var noData ErrNoData
	if asNoData(err, &noData) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	for w := p.From; !w.After(p.To); w = w.AddDate(0, 0, 7) {
		out.Weeks = append(out.Weeks, w)
	}
	res, err := s.st.Query(ctx, s.q.ThemeWeeklyCounts, store.Args{"scope": scope, "from_week": store.Date(p.From)})
	if err != nil {
		return out, fmt.Errorf("theme sparklines: %w", err)
	}
	for _, r := range res.Rows {
		id, week, n := r[0].(string), r[1].(time.Time), int(r[2].(uint64))
		i := int(week.Sub(p.From).Hours() / (24 * 7))
		if i < 0 || i >= len(out.Weeks) {
			continue
		}
		if out.Tickets[id] == nil {
			out.Tickets[id] = make([]int, len(out.Weeks))
		}
		out.Tickets[id][i] = n
	}
	return out, nil
}
