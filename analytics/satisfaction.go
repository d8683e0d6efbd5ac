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

// Satisfaction groupings for CSATTrend and CSATChanges.
const (
	BySegment  = "segment"
	ByCountry  = "country"
	ByCategory = "category"
	ByAccount  = "account"
	ByWorkload = "workload"
	Overall    = ""
)

// CSATPoint is the satisfaction of one group in one month or quarter: the
// share of good ratings (4 or 5 out of 5) with its Wilson interval.
type CSATPoint struct {
	Period             time.Time // first day of the month or quarter
	Group              string
	Tickets            int
	Rated, Good        int
	CSAT               stats.Interval
	ChangeFromPrevious *stats.ProportionChange // nil for a group's first period
	// Flagged marks a change from the previous period that is
	// statistically meaningful after correcting for the number of tests.
	Flagged bool
	// NPS = % promoters (9–10) − % detractors (0–6) of the NPSResponses
	// survey answers; only when there are any (HasNPS).
	NPSResponses, Promoters, Detractors int
	NPS                                 float64
	HasNPS                              bool
}

type csatRow struct {
	Period  time.Time `ch:"period"`
	Group   string    `ch:"grp"`
	Rated   uint64    `ch:"rated"`
	Good    uint64    `ch:"rated_good"`
	Tickets uint64    `ch:"tickets"`
	NPSN    uint64    `ch:"nps_n"`
	NPSPro  uint64    `ch:"nps_promoters"`
	NPSDet  uint64    `ch:"nps_detractors"`
}

// CSATTrend is satisfaction per month (or quarter) and group over the
// period (query csat_by_period). Each point after a group's first is tested
// against the one before; Flagged changes survive a false-discovery-rate
// correction over all the tests shown.
func (s *Service) CSATTrend(ctx context.Context, p Period, dimension string, quarterly bool) ([]CSATPoint, error) {
	if err := checkDimension(dimension); err != nil {
		return nil, err
	}
	q := 0
	if quarterly {
		q = 1
	}
	res, err := s.st.Query(ctx, s.q.CSATByPeriod, store.Args{"from_week": store.Date(p.From), "to_week": store.Date(p.To), "dimension": dimension, "quarterly": q})
	if err != nil {
		return nil, fmt.Errorf("satisfaction trend: %w", err)
	}
	rows, err := store.Scan[csatRow](res)
	if err != nil {
		return nil, fmt.Errorf("satisfaction trend: %w", err)
	}
	out := make([]CSATPoint, 0, len(rows))
	last := map[string]int{}
	var tested []int
	var ps []float64
	alpha := 1 - s.rules.Confidence
	for _, r := range rows {
		pt := CSATPoint{Period: r.Period, Group: r.Group, Tickets: int(r.Tickets), Rated: int(r.Rated), Good: int(r.Good),
			CSAT:         stats.Wilson(int(r.Good), int(r.Rated), s.rules.Confidence),
			NPSResponses: int(r.NPSN), Promoters: int(r.NPSPro), Detractors: int(r.NPSDet), HasNPS: r.NPSN > 0}
		if pt.HasNPS {
			pt.NPS = 100 * float64(pt.Promoters-pt.Detractors) / float64(pt.NPSResponses)
		}
		if i, ok := last[r.Group]; ok {
			prev := out[i]
			c := stats.CompareProportions(prev.Good, prev.Rated, pt.Good, pt.Rated, alpha)
			pt.ChangeFromPrevious = &c
			if c.NBefore >= stats.MinRatings && c.NAfter >= stats.MinRatings {
				tested, ps = append(tested, len(out)), append(ps, c.P)
			}
		}
		last[r.Group] = len(out)
		out = append(out, pt)
	}
	for k, ok := range stats.BenjaminiHochberg(ps, alpha) {
		out[tested[k]].Flagged = ok
	}
	return out, nil
}

// CSATChange compares a group's satisfaction in the latest weeks with the
// same number of weeks before.
type CSATChange struct {
	Group, GroupName string
	Change           stats.ProportionChange
	// Flagged: the change is statistically meaningful after correcting for
	// the number of groups tested (Benjamini–Hochberg) and at least
	// MinCSATChange points.
	Flagged  bool
	Evidence string
}

// MinCSATChange is the smallest change in CSAT, in points, worth a flag:
// tiny shifts can be significant with many ratings and still not matter.
const MinCSATChange = 10

type csatWindowRow struct {
	Group       string `ch:"grp"`
	RatedBefore uint64 `ch:"rated_before"`
	GoodBefore  uint64 `ch:"good_before"`
	RatedAfter  uint64 `ch:"rated_after"`
	GoodAfter   uint64 `ch:"good_after"`
}

// CSATChanges tests every group for a change between the period p and the
// as many weeks before it (query csat_windows), flagged changes first.
func (s *Service) CSATChanges(ctx context.Context, p Period, dimension string) ([]CSATChange, error) {
	if err := checkDimension(dimension); err != nil {
		return nil, err
	}
	before := p.From.AddDate(0, 0, -7*p.Weeks())
	res, err := s.st.Query(ctx, s.q.CSATWindows, store.Args{"before_week": store.Date(before), "split_week": store.Date(p.From), "to_week": store.Date(p.To), "dimension": dimension})
	if err != nil {
		return nil, fmt.Errorf("satisfaction changes: %w", err)
	}
	rows, err := store.Scan[csatWindowRow](res)
	if err != nil {
		return nil, fmt.Errorf("satisfaction changes: %w", err)
	}
	names := map[string]AccountProfile{}
	if dimension == ByAccount {
		if names, err = s.Profiles(ctx); err != nil {
			return nil, err
		}
	}
	alpha := 1 - s.rules.Confidence
	out := make([]CSATChange, 0, len(rows))
	var ps []float64
	var tested []int
	for _, r := range rows {
		c := CSATChange{Group: r.Group, GroupName: nameOr(names[r.Group].Name, r.Group),
			Change: stats.CompareProportions(int(r.GoodBefore), int(r.RatedBefore), int(r.GoodAfter), int(r.RatedAfter), alpha)}
		if c.Change.NBefore >= stats.MinRatings && c.Change.NAfter >= stats.MinRatings {
			tested, ps = append(tested, len(out)), append(ps, c.Change.P)
		}
		out = append(out, c)
	}
	for k, ok := range stats.BenjaminiHochberg(ps, alpha) {
		c := &out[tested[k]]
		c.Flagged = ok && math.Abs(100*c.Change.Diff) >= MinCSATChange
	}
	for i := range out {
		out[i].Evidence = csatEvidence(out[i], p, len(tested))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Flagged != out[j].Flagged {
			return out[i].Flagged
		}
		return math.Abs(out[i].Change.Diff) > math.Abs(out[j].Change.Diff)
	})
	return out, nil
}

func csatEvidence(c CSATChange, p Period, tests int) string {
	ch := c.Change
	if !ch.Before.Valid || !ch.After.Valid || ch.NBefore < stats.MinRatings || ch.NAfter < stats.MinRatings {
		return fmt.Sprintf("%s: %s", c.GroupName, ch.Reason)
	}
	dir := "up"
	if ch.Diff < 0 {
		dir = "down"
	}
	verdict := "not a meaningful change (could be chance)"
	if c.Flagged {
		verdict = fmt.Sprintf("a meaningful change (p = %.2g; holds after correcting for %d groups tested)", ch.P, tests)
	} else if math.Abs(100*ch.Diff) < MinCSATChange && ch.Significant {
		verdict = fmt.Sprintf("statistically clear but under %d points", MinCSATChange)
	}
	return fmt.Sprintf("%s: CSAT %s (%s–%s, %d ratings) in the %d weeks to %s, %s from %s (%s–%s, %d ratings) in the %d weeks before: %+.0f points, %s.",
		c.GroupName, pct(100*ch.After.Estimate), pct(100*ch.After.Lo), pct(100*ch.After.Hi), ch.NAfter, p.Weeks(), p.To.AddDate(0, 0, 6).Format(time.DateOnly),
		dir, pct(100*ch.Before.Estimate), pct(100*ch.Before.Lo), pct(100*ch.Before.Hi), ch.NBefore, p.Weeks(), 100*ch.Diff, verdict)
}

func checkDimension(d string) error {
	switch d {
	case BySegment, ByCountry, ByCategory, ByAccount, ByWorkload, Overall:
		return nil
	}
	return fmt.Errorf("satisfaction can be grouped by segment, country, category, account or workload, not %q", d)
}
