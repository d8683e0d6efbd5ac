package analytics

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/store"
)

// Adoption is how much of one workload an account uses, in one week.
// Definitions are in docs/metrics.md.
type Adoption struct {
	AccountID, AccountName, Segment, Industry, Manager string
	Workload                                           string
	Week                                               time.Time // the Monday of the week measured
	SeatsPurchased, SeatsAssigned                      int
	Active28d, Active7d                                int
	// DeploymentPct = assigned ÷ purchased; UsagePct = active over 28 days
	// ÷ purchased. Both × 100.
	DeploymentPct, UsagePct float64
	// OverCap explains a usage % above 100 instead of hiding it.
	OverCap string
	// ActionsPerActive is the week's activity count per user active that week.
	ActionsPerActive float64
	MonthlyValue     float64 // seats purchased × monthly unit price, where known
	PricedSeats      int
	Currency         string
	Products         string
	Trend            Trend
	// UsageBefore is the usage % Rules.DeclineWeeks before Week, when known.
	UsageBefore    float64
	HasUsageBefore bool
	Peers          PeerRank
}

// Trend is the straight-line change of usage % over the last 12 weeks.
type Trend struct {
	Weeks int
	// PerWeek is the slope in percentage points a week, with its
	// confidence interval; Significant when the interval excludes zero.
	PerWeek, Lo, Hi float64
	Significant     bool
}

// Direction words the trend for people: rising, falling or steady.
func (t Trend) Direction() string {
	switch {
	case t.Significant && t.PerWeek > 0:
		return "rising"
	case t.Significant && t.PerWeek < 0:
		return "falling"
	}
	return "steady"
}

// PeerRank places an account among accounts like it on the same workload.
type PeerRank struct {
	Group      string  // e.g. "SMB · Retail"
	Size       int     // accounts in the group, this one included
	Percentile float64 // share of peers with a lower usage %, 0–100
	Valid      bool    // false when the group is smaller than Rules.MinPeers
}

type adoptionRow struct {
	AccountID      string  `ch:"account_id"`
	Workload       string  `ch:"workload"`
	SeatsPurchased uint64  `ch:"seats_purchased"`
	SeatsAssigned  uint64  `ch:"seats_assigned"`
	Active28d      uint64  `ch:"active_28d"`
	Active7d       uint64  `ch:"active_7d"`
	Actions7d      uint64  `ch:"actions_7d"`
	MonthlyValue   float64 `ch:"monthly_value"`
	PricedSeats    uint64  `ch:"priced_seats"`
	Currency       string  `ch:"currency"`
	Products       string  `ch:"products"`
	// Least-squares sums of the 12-week usage series (x: week 0 … 11,
	// y: usage % that week), and the usage % Rules.DeclineWeeks ago.
	N           float64 `ch:"trend_n"`
	SX          float64 `ch:"trend_sx"`
	SY          float64 `ch:"trend_sy"`
	SXY         float64 `ch:"trend_sxy"`
	SXX         float64 `ch:"trend_sxx"`
	SYY         float64 `ch:"trend_syy"`
	HasBefore   uint8   `ch:"has_before"`
	UsageBefore float64 `ch:"usage_before"`
}

// AccountProfile is an account's name and firmographics.
type AccountProfile struct {
	AccountID string `ch:"account_id"`
	Name      string `ch:"name"`
	Segment   string `ch:"segment"`
	Industry  string `ch:"industry"`
	Country   string `ch:"country"`
	Employees uint64 `ch:"employees"`
	Manager   string `ch:"account_manager"`
}

// Adoption measures every account and workload in the given week (zero:
// the last complete week of usage data). Queries adoption_summary and
// account_profiles.
func (s *Service) Adoption(ctx context.Context, week time.Time) ([]Adoption, error) {
	if week.IsZero() {
		var err error
		if week, err = s.LatestWeek(ctx); err != nil {
			return nil, err
		}
	}
	week = monday(week)
	res, err := s.st.Query(ctx, s.q.AdoptionSummary, store.Args{"week": store.Date(week), "before_x": 11 - s.rules.DeclineWeeks})
	if err != nil {
		return nil, fmt.Errorf("adoption: %w", err)
	}
	rows, err := store.Scan[adoptionRow](res)
	if err != nil {
		return nil, fmt.Errorf("adoption: %w", err)
	}
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Adoption, 0, len(rows))
	tq := map[int]float64{} // Student t quantiles by degrees of freedom: rows share a handful
	for _, r := range rows {
		out = append(out, s.adoptionFrom(r, week, profiles[r.AccountID], tq))
	}
	rankPeers(out, s.rules.MinPeers)
	return out, nil
}

func (s *Service) adoptionFrom(r adoptionRow, week time.Time, p AccountProfile, tq map[int]float64) Adoption {
	a := Adoption{
		AccountID: r.AccountID, AccountName: nameOr(p.Name, r.AccountID), Segment: p.Segment, Industry: p.Industry, Manager: p.Manager,
		Workload: r.Workload, Week: week,
		SeatsPurchased: int(r.SeatsPurchased), SeatsAssigned: int(r.SeatsAssigned), Active28d: int(r.Active28d), Active7d: int(r.Active7d),
		MonthlyValue: r.MonthlyValue, PricedSeats: int(r.PricedSeats), Currency: r.Currency, Products: r.Products,
	}
	a.UsageBefore, a.HasUsageBefore = r.UsageBefore, r.HasBefore == 1
	if r.SeatsPurchased > 0 {
		a.DeploymentPct = 100 * float64(r.SeatsAssigned) / float64(r.SeatsPurchased)
		a.UsagePct = 100 * float64(r.Active28d) / float64(r.SeatsPurchased)
	}
	if r.Active7d > 0 {
		a.ActionsPerActive = float64(r.Actions7d) / float64(r.Active7d)
	}
	if a.UsagePct > 100 {
		a.OverCap = fmt.Sprintf("%d people used %s in the last 28 days but only %d seats are purchased: users who left were replaced (both count within 28 days), licences are shared, or seats are missing from the subscription data", a.Active28d, a.Workload, a.SeatsPurchased)
	}
	a.Trend = trendFromSums(r.N, r.SX, r.SY, r.SXY, r.SXX, r.SYY, s.rules.Confidence, tq)
	return a
}

// trendFromSums is the least-squares slope of y on x from the regression
// sums, with a Student-t confidence interval (quantiles cached in tq).
func trendFromSums(n, sx, sy, sxy, sxx, syy, confidence float64, tq map[int]float64) Trend {
	t := Trend{Weeks: int(n)}
	den := n*sxx - sx*sx
	if n < 3 || den <= 0 {
		return t
	}
	b := (n*sxy - sx*sy) / den
	a := (sy - b*sx) / n
	sse := math.Max(0, syy-a*sy-b*sxy)
	se := math.Sqrt(sse / (n - 2) / (sxx - sx*sx/n))
	q, ok := tq[int(n)]
	if !ok {
		q = stats.StudentTQuantile(1-(1-confidence)/2, n-2)
		tq[int(n)] = q
	}
	t.PerWeek, t.Lo, t.Hi = b, b-q*se, b+q*se
	t.Significant = t.Lo > 0 || t.Hi < 0
	return t
}

// rankPeers sets each row's percentile among accounts of the same segment
// and industry on the same workload; when that group is smaller than
// minPeers, among the same segment; then among all accounts.
func rankPeers(rows []Adoption, minPeers int) {
	// A peer group: workload, segment and industry at level 0; the
	// coarser levels 1 and 2 leave the later fields empty.
	type group struct {
		level                       int
		workload, segment, industry string
	}
	keys := func(a *Adoption) [3]group {
		return [3]group{{0, a.Workload, a.Segment, a.Industry}, {1, a.Workload, a.Segment, ""}, {2, a.Workload, "", ""}}
	}
	groups := map[group][]float64{}
	for i := range rows {
		for _, k := range keys(&rows[i]) {
			groups[k] = append(groups[k], rows[i].UsagePct)
		}
	}
	for _, g := range groups {
		sort.Float64s(g)
	}
	for i := range rows {
		a := &rows[i]
		for j, k := range keys(a) {
			if g := groups[k]; len(g) >= minPeers || j == 2 {
				names := [3]string{a.Segment + " · " + a.Industry, a.Segment, "all accounts"}
				a.Peers = PeerRank{Group: names[j], Size: len(g), Percentile: stats.PercentileRank(g, a.UsagePct), Valid: len(g) >= minPeers}
				break
			}
		}
	}
}

// Profiles returns every account's profile by id (query account_profiles).
func (s *Service) Profiles(ctx context.Context) (map[string]AccountProfile, error) {
	res, err := s.st.Query(ctx, s.q.AccountProfiles, nil)
	if err != nil {
		return nil, fmt.Errorf("account profiles: %w", err)
	}
	rows, err := store.Scan[AccountProfile](res)
	if err != nil {
		return nil, fmt.Errorf("account profiles: %w", err)
	}
	out := make(map[string]AccountProfile, len(rows))
	for _, r := range rows {
		out[r.AccountID] = r
	}
	return out, nil
}

// LatestWeek is the Monday of the last week fully covered by usage data
// (query data_through); an error says to load usage when there is none.
func (s *Service) LatestWeek(ctx context.Context) (time.Time, error) {
	through, err := s.DataThrough(ctx)
	if err != nil {
		return time.Time{}, err
	}
	u, ok := through["usage"]
	if !ok {
		return time.Time{}, ErrNoData{What: "usage", Hint: "load usage reports with `uptake ingest`"}
	}
	// The last week whose Sunday is covered.
	return monday(u[1].AddDate(0, 0, 1)).AddDate(0, 0, -7), nil
}

// DataThrough returns, per kind of data, the first and last day loaded as
// of the last rollup refresh.
func (s *Service) DataThrough(ctx context.Context) (map[string][2]time.Time, error) {
	res, err := s.st.Query(ctx, s.q.DataThrough, nil)
	if err != nil {
		return nil, fmt.Errorf("data coverage: %w", err)
	}
	type row struct {
		Kind  string    `ch:"kind"`
		First time.Time `ch:"first"`
		Last  time.Time `ch:"last"`
	}
	rows, err := store.Scan[row](res)
	if err != nil {
		return nil, err
	}
	out := map[string][2]time.Time{}
	for _, r := range rows {
		out[r.Kind] = [2]time.Time{r.First, r.Last}
	}
	return out, nil
}

// ErrNoData says an answer needs data that has not been loaded.
type ErrNoData struct{ What, Hint string }

func (e ErrNoData) Error() string { return fmt.Sprintf("no %s data yet: %s", e.What, e.Hint) }

func nameOr(name, id string) string {
	if name == "" {
		return id
	}
	return name
}
