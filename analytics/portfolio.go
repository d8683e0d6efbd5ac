package analytics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/store"
)

// Health is an account's adoption health: the worst status of its
// workloads with at least Rules.MinSeats seats (docs/metrics.md).
const (
	HealthRed   = "red"
	HealthAmber = "amber"
	HealthGreen = "green"
	HealthNone  = "no usage data"
)

// WorkloadUsage is one workload's usage % in the portfolio.
type WorkloadUsage struct {
	Workload string
	Seats    int
	UsagePct float64
	Status   string // HealthRed, HealthAmber or HealthGreen; "" below MinSeats
}

// PortfolioRow is one account of an account manager's portfolio.
type PortfolioRow struct {
	AccountID, Name, Segment, Industry, Country, Manager string
	Health                                               string
	HealthWhy                                            string // the workload and rule behind Health
	Workloads                                            []WorkloadUsage
	Seats                                                int // the largest seat count among its workloads
	Tickets, HowTo, Rated                                int
	HowToPerHundredSeats                                 float64 // a month, over the period
	CSAT                                                 stats.Interval
	UpsellValue                                          float64 // a year, from the stored upsell chances
	UpsellChances                                        int
}

type portfolioRow struct {
	AccountID       string    `ch:"account_id"`
	Name            string    `ch:"name"`
	Segment         string    `ch:"segment"`
	Industry        string    `ch:"industry"`
	Country         string    `ch:"country"`
	Manager         string    `ch:"account_manager"`
	Workloads       []string  `ch:"workloads"`
	UsagePcts       []float64 `ch:"usage_pcts"`
	SeatsByWorkload []uint64  `ch:"seats_by_workload"`
	Seats           uint64    `ch:"seats"`
	Tickets         uint64    `ch:"tickets"`
	HowTo           uint64    `ch:"howto"`
	Rated           uint64    `ch:"rated"`
	Good            uint64    `ch:"rated_good"`
	UpsellValue     float64   `ch:"upsell_value"`
	UpsellChances   uint64    `ch:"upsell_chances"`
}

// Portfolio lists the accounts in scope with their health, adoption per
// workload in the last complete week, how-to load and CSAT over the last
// quarter, and upsell value (query portfolio), ordered by account id.
func (s *Service) Portfolio(ctx context.Context, scope Scope) ([]PortfolioRow, error) {
	args := store.Args{"manager": scope.Manager, "account_id": scope.AccountID, "week": store.Date(time.Time{}), "from_week": store.Date(time.Time{}), "to_week": store.Date(time.Time{}),
		"upsell_version": uint64(0)}
	// No usage or no tickets yet leaves the zero week; any other failure
	// (the store not answering) must not pass for "no data".
	var noData ErrNoData
	if week, err := s.LatestWeek(ctx); err == nil {
		args["week"] = store.Date(week)
	} else if !errors.As(err, &noData) {
		return nil, err
	}
	p, err := s.LastWeeks(ctx, "tickets", recentWeeks)
	if err == nil {
		args["from_week"], args["to_week"] = store.Date(p.From), store.Date(p.To)
	} else if !errors.As(err, &noData) {
		return nil, err
	}
	if run, ok, err := s.storedRun(ctx, findingsUpsell); err != nil {
		return nil, err
	} else if ok {
		args["upsell_version"] = run.Version
	}
	res, err := s.st.Query(ctx, s.q.Portfolio, args)
	if err != nil {
		return nil, fmt.Errorf("portfolio: %w", err)
	}
	rows, err := store.Scan[portfolioRow](res)
	if err != nil {
		return nil, fmt.Errorf("portfolio: %w", err)
	}
	out := make([]PortfolioRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, s.portfolioFrom(r, p))
	}
	return out, nil
}

func (s *Service) portfolioFrom(r portfolioRow, p Period) PortfolioRow {
	row := PortfolioRow{AccountID: r.AccountID, Name: nameOr(r.Name, r.AccountID), Segment: r.Segment, Industry: r.Industry, Country: r.Country,
		Manager: r.Manager, Seats: int(r.Seats), Tickets: int(r.Tickets), HowTo: int(r.HowTo), Rated: int(r.Rated), UpsellValue: r.UpsellValue,
		UpsellChances: int(r.UpsellChances), CSAT: stats.Wilson(int(r.Good), int(r.Rated), s.rules.Confidence), Health: HealthNone}
	if r.Seats > 0 && p.Weeks() > 0 {
		row.HowToPerHundredSeats = 100 * float64(r.HowTo) / float64(r.Seats) / p.Months()
	}
	worst := math.Inf(1)
	for i, w := range r.Workloads {
		if i >= len(r.UsagePcts) || i >= len(r.SeatsByWorkload) {
			break
		}
		u := WorkloadUsage{Workload: w, Seats: int(r.SeatsByWorkload[i]), UsagePct: r.UsagePcts[i]}
		if u.Seats >= s.rules.MinSeats {
			u.Status = s.usageStatus(u.UsagePct)
			if u.UsagePct < worst {
				worst = u.UsagePct
				row.Health = u.Status
				row.HealthWhy = fmt.Sprintf("%s: %s of %d seats active in the last 28 days (red ≤ %s, amber ≤ %s)", w, pct(u.UsagePct), u.Seats, pct(s.rules.Red), pct(s.rules.Amber))
			}
		}
		row.Workloads = append(row.Workloads, u)
	}
	return row
}

// usageStatus applies the red and amber thresholds to a usage %.
func (s *Service) usageStatus(usage float64) string {
	switch {
	case usage <= s.rules.Red:
		return HealthRed
	case usage <= s.rules.Amber:
		return HealthAmber
	}
	return HealthGreen
}
