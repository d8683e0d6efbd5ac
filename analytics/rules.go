package analytics

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Rules are the thresholds behind every flag. Defaults() gives the values
// docs/metrics.md documents; the config file can change each one.
type Rules struct {
	// Low adoption: usage % (active users over 28 days ÷ seats purchased)
	// at or below Red is a red flag, at or below Amber an amber one.
	Red, Amber float64
	// DeclinePoints: a fall in usage % of at least this many points over
	// DeclineWeeks, with a downward 12-week trend that is statistically
	// meaningful, is a red flag.
	DeclinePoints float64
	DeclineWeeks  int
	// BottomPeerQuartile adds an amber flag for accounts in the bottom
	// quarter of their peers (same segment, industry and size band).
	BottomPeerQuartile bool
	// MinPeers is the smallest peer group a percentile is given for.
	MinPeers int
	// MinSeats: workloads with fewer seats purchased are not flagged: one
	// person more or less swings the rate by ten points or more.
	MinSeats int
	// Confidence for intervals and tests (0.95 = 95 %).
	Confidence float64
	// ResponseTargets and ResolutionTargets are SLA targets in minutes per
	// ticket priority; DefaultResponse/DefaultResolution apply to others.
	ResponseTargets, ResolutionTargets map[string]float64
	DefaultResponse, DefaultResolution float64
	// Upsell: seats assigned ÷ purchased at or above NearCap suggests adding
	// seats; usage % below Unused marks a workload bought but unused; weekly
	// actions per active user at or above UpgradeFactor × the median of all
	// accounts on the workload suggests a higher plan.
	NearCap, Unused, UpgradeFactor float64
	// HighHowTo: how-to tickets per 100 seats per month at or above this
	// suggests training.
	HighHowTo float64
	// ImpactWeeks is the window before and after a course that the
	// training-impact comparison reads.
	ImpactWeeks int
}

// Defaults are the documented default rules.
func Defaults() Rules {
	return Rules{
		Red: 60, Amber: 80, DeclinePoints: 15, DeclineWeeks: 8, BottomPeerQuartile: true, MinPeers: 5, MinSeats: 10,
		Confidence:        0.95,
		ResponseTargets:   map[string]float64{"urgent": 30, "high": 60, "normal": 240, "low": 480},
		ResolutionTargets: map[string]float64{"urgent": 240, "high": 480, "normal": 1440, "low": 4320},
		DefaultResponse:   240, DefaultResolution: 1440,
		NearCap: 0.95, Unused: 5, UpgradeFactor: 2, HighHowTo: 4, ImpactWeeks: 8,
	}
}

// Validate says which rule makes no sense, in the config file's terms.
func (r Rules) Validate() error {
	var bad []string
	if r.Red < 0 || r.Red > r.Amber || r.Amber > 100 {
		bad = append(bad, fmt.Sprintf("adoption thresholds must satisfy 0 ≤ red (%g) ≤ amber (%g) ≤ 100", r.Red, r.Amber))
	}
	if r.DeclinePoints <= 0 || r.DeclineWeeks < 2 || r.DeclineWeeks > 11 {
		bad = append(bad, fmt.Sprintf("decline needs points > 0 (got %g) and 2–11 weeks (got %d)", r.DeclinePoints, r.DeclineWeeks))
	}
	if r.ImpactWeeks < 2 || r.ImpactWeeks > 26 {
		bad = append(bad, fmt.Sprintf("the training-impact window must be 2–26 weeks (got %d)", r.ImpactWeeks))
	}
	if r.Confidence <= 0.5 || r.Confidence >= 1 {
		bad = append(bad, fmt.Sprintf("confidence must be between 0.5 and 1, e.g. 0.95 (got %g)", r.Confidence))
	}
	for p, m := range r.ResponseTargets {
		if m <= 0 {
			bad = append(bad, fmt.Sprintf("the response target for %q must be positive minutes", p))
		}
	}
	for p, m := range r.ResolutionTargets {
		if m <= 0 {
			bad = append(bad, fmt.Sprintf("the resolution target for %q must be positive minutes", p))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("rules: %s", strings.Join(bad, "; "))
	}
	return nil
}

// slaArgs renders the SLA targets for refresh_ticket_weekly, and a key that
// says which targets a rollup row was computed with.
func (r Rules) slaArgs() (prios []string, response, resolution []int, key string) {
	seen := map[string]bool{}
	for p := range r.ResponseTargets {
		seen[p] = true
	}
	for p := range r.ResolutionTargets {
		seen[p] = true
	}
	for p := range seen {
		prios = append(prios, p)
	}
	sort.Strings(prios)
	var parts []string
	for _, p := range prios {
		rt, ok := r.ResponseTargets[p]
		if !ok {
			rt = r.DefaultResponse
		}
		st, ok := r.ResolutionTargets[p]
		if !ok {
			st = r.DefaultResolution
		}
		// Whole minutes keep every target the same integer type in SQL.
		response, resolution = append(response, int(math.Round(rt))), append(resolution, int(math.Round(st)))
		parts = append(parts, fmt.Sprintf("%s:%d/%d", p, response[len(response)-1], resolution[len(resolution)-1]))
	}
	parts = append(parts, fmt.Sprintf("*:%d/%d", int(math.Round(r.DefaultResponse)), int(math.Round(r.DefaultResolution))))
	return prios, response, resolution, strings.Join(parts, ",")
}
