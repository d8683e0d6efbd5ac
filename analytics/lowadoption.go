package analytics

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Flag rule ids, as the evidence and exports name them.
const (
	RuleRateRed        = "usage at or below the red threshold"
	RuleRateAmber      = "usage at or below the amber threshold"
	RuleBottomQuartile = "bottom quarter of peers"
	RuleDecline        = "usage falling"
)

// Severities, worst first.
const (
	SeverityRed   = "red"
	SeverityAmber = "amber"
)

// AdoptionFlag is one workload of one account that needs attention, with
// the figures and rules behind it.
type AdoptionFlag struct {
	Adoption
	Severity string
	Rules    []string
	Evidence string
	// UnusedSeats = seats purchased − users active over 28 days; AtStake
	// is their monthly cost when prices are known (AtStakeKnown), else
	// estimated from the median price per seat of the same workload.
	UnusedSeats  int
	AtStake      float64
	AtStakeKnown bool
}

// LowAdoption flags the workloads the rules catch in the given week (zero:
// the last complete week), red before amber, each list ranked by what is
// at stake. It reads the same figures as Adoption.
func (s *Service) LowAdoption(ctx context.Context, week time.Time) ([]AdoptionFlag, error) {
	rows, err := s.Adoption(ctx, week)
	if err != nil {
		return nil, err
	}
	return s.flagAdoption(rows), nil
}

func (s *Service) flagAdoption(rows []Adoption) []AdoptionFlag {
	median := medianByWorkload(rows, seatPrice) // price per seat, where known
	var flagged []*AdoptionFlag
	for i := range rows {
		a := &rows[i]
		if f, ok := s.flagOne(a); ok {
			f.UnusedSeats = max(0, a.SeatsPurchased-a.Active28d)
			if a.PricedSeats > 0 {
				f.AtStake, f.AtStakeKnown = float64(f.UnusedSeats)*a.MonthlyValue/float64(a.PricedSeats), true
			} else {
				f.AtStake = float64(f.UnusedSeats) * median[a.Workload]
			}
			flagged = append(flagged, f)
		}
	}
	// Sorting pointers moves 8 bytes per swap instead of a whole flag.
	slices.SortStableFunc(flagged, func(a, b *AdoptionFlag) int {
		if a.Severity != b.Severity {
			if a.Severity == SeverityRed {
				return -1
			}
			return 1
		}
		return cmp.Or(-cmp.Compare(a.AtStake, b.AtStake), cmp.Compare(a.AccountID, b.AccountID), cmp.Compare(a.Workload, b.Workload))
	})
	flags := make([]AdoptionFlag, len(flagged))
	for i, f := range flagged {
		flags[i] = *f
	}
	return flags
}

// flagOne applies the rules to one workload of one account.
func (s *Service) flagOne(a *Adoption) (*AdoptionFlag, bool) {
	r := s.rules
	if a.SeatsPurchased < r.MinSeats {
		return nil, false
	}
	var rules []string
	switch {
	case a.UsagePct <= r.Red:
		rules = append(rules, RuleRateRed)
	case a.UsagePct <= r.Amber:
		rules = append(rules, RuleRateAmber)
	}
	if r.BottomPeerQuartile && a.Peers.Valid && a.Peers.Percentile < 25 {
		rules = append(rules, RuleBottomQuartile)
	}
	declined := a.HasUsageBefore && a.UsageBefore-a.UsagePct >= r.DeclinePoints
	if declined && a.Trend.Significant && a.Trend.PerWeek < 0 {
		rules = append(rules, RuleDecline)
	}
	if len(rules) == 0 {
		return nil, false
	}
	f := &AdoptionFlag{Adoption: *a, Rules: rules, Severity: SeverityAmber}
	if rules[0] == RuleRateRed || slices.Contains(rules, RuleDecline) {
		f.Severity = SeverityRed
	}
	f.Evidence = s.adoptionEvidence(*a, rules)
	return f, true
}

// adoptionEvidence words the figures, e.g. "Teams: 23 % of 400 seats
// active in the last 28 days, down from 41 % 8 weeks ago; bottom 10 % of
// peers (SMB · Retail, 34 accounts)".
func (s *Service) adoptionEvidence(a Adoption, rules []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s of %d seats active in the last 28 days", a.Workload, pct(a.UsagePct), a.SeatsPurchased)
	if a.HasUsageBefore {
		switch d := a.UsagePct - a.UsageBefore; {
		case d <= -1:
			fmt.Fprintf(&b, ", down from %s %d weeks ago", pct(a.UsageBefore), s.rules.DeclineWeeks)
		case d >= 1:
			fmt.Fprintf(&b, ", up from %s %d weeks ago", pct(a.UsageBefore), s.rules.DeclineWeeks)
		}
	}
	if slices.Contains(rules, RuleDecline) {
		fmt.Fprintf(&b, " (trend %+.1f points a week over %d weeks, %.0f %% interval %+.1f to %+.1f)", a.Trend.PerWeek, a.Trend.Weeks, 100*s.rules.Confidence, a.Trend.Lo, a.Trend.Hi)
	}
	if a.Peers.Valid {
		if a.Peers.Percentile < 50 {
			fmt.Fprintf(&b, "; bottom %.0f %% of peers", math.Max(1, math.Ceil(a.Peers.Percentile)))
		} else {
			fmt.Fprintf(&b, "; top %.0f %% of peers", math.Max(1, math.Ceil(100-a.Peers.Percentile)))
		}
		fmt.Fprintf(&b, " (%s, %d accounts)", a.Peers.Group, a.Peers.Size)
	}
	fmt.Fprintf(&b, ". Rules: %s", strings.Join(rules, ", "))
	switch {
	case slices.Contains(rules, RuleRateRed):
		fmt.Fprintf(&b, " (≤ %s)", pct(s.rules.Red))
	case slices.Contains(rules, RuleRateAmber):
		fmt.Fprintf(&b, " (≤ %s)", pct(s.rules.Amber))
	}
	if slices.Contains(rules, RuleDecline) {
		fmt.Fprintf(&b, "; a fall of at least %.0f points over %d weeks with a falling trend", s.rules.DeclinePoints, s.rules.DeclineWeeks)
	}
	b.WriteString(".")
	return b.String()
}

// medianByWorkload is the median, per workload, of value over the rows
// for which it is known.
func medianByWorkload(rows []Adoption, value func(Adoption) (float64, bool)) map[string]float64 {
	by := map[string][]float64{}
	for _, a := range rows {
		if v, ok := value(a); ok {
			by[a.Workload] = append(by[a.Workload], v)
		}
	}
	out := map[string]float64{}
	for w, v := range by {
		sort.Float64s(v)
		out[w] = v[len(v)/2]
	}
	return out
}

// pct formats a percentage the way the pages do: "23 %".
func pct(v float64) string { return fmt.Sprintf("%.0f %%", v) }
