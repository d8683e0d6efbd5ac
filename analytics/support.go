package analytics

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/store"
)

// SupportLoad is one account's tickets over a period. Definitions are in
// docs/metrics.md.
type SupportLoad struct {
	AccountID, AccountName, Segment string
	Seats                           int
	Tickets, HowTo                  int
	// PerHundredSeats and HowToPerHundredSeats are tickets per 100 seats
	// per month; zero when the seat count is unknown.
	PerHundredSeats, HowToPerHundredSeats float64
	HowToShare                            float64 // how-to tickets ÷ tickets, 0–1
	Responded                             int
	MeanResponse                          float64 // minutes to first response (medians: SLAAttainment, per priority)
	ResponseInTarget                      float64 // share of responded tickets within their SLA target, 0–1
	Resolved                              int
	MeanResolution                        float64 // minutes to resolution
	ResolutionInTarget                    float64
	Escalated                             int
	EscalationRate                        float64 // escalated to the vendor ÷ tickets, 0–1
	CSAT                                  stats.Interval
	Rated, Good                           int
}

type supportRow struct {
	AccountID          string  `ch:"account_id"`
	Tickets            uint64  `ch:"tickets"`
	HowTo              uint64  `ch:"howto"`
	Escalated          uint64  `ch:"escalated"`
	Responded          uint64  `ch:"responded"`
	ResponseMinutes    float64 `ch:"response_minutes"`
	ResponseInTarget   uint64  `ch:"response_in_target"`
	Resolved           uint64  `ch:"resolved"`
	ResolutionMinutes  float64 `ch:"resolution_minutes"`
	ResolutionInTarget uint64  `ch:"resolution_in_target"`
	Rated              uint64  `ch:"rated"`
	Good               uint64  `ch:"rated_good"`
	Seats              uint64  `ch:"seats"`
}

// SupportLoad measures every account's tickets in the period (query
// support_by_account), busiest how-to load first.
func (s *Service) SupportLoad(ctx context.Context, p Period) ([]SupportLoad, error) {
	res, err := s.st.Query(ctx, s.q.SupportByAccount, store.Args{"from_week": store.Date(p.From), "to_week": store.Date(p.To)})
	if err != nil {
		return nil, fmt.Errorf("support load: %w", err)
	}
	rows, err := store.Scan[supportRow](res)
	if err != nil {
		return nil, fmt.Errorf("support load: %w", err)
	}
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SupportLoad, 0, len(rows))
	for _, r := range rows {
		pr := profiles[r.AccountID]
		l := SupportLoad{AccountID: r.AccountID, AccountName: nameOr(pr.Name, r.AccountID), Segment: pr.Segment, Seats: int(r.Seats),
			Tickets: int(r.Tickets), HowTo: int(r.HowTo), Responded: int(r.Responded), Resolved: int(r.Resolved),
			Escalated: int(r.Escalated),
			Rated:     int(r.Rated), Good: int(r.Good), CSAT: stats.Wilson(int(r.Good), int(r.Rated), s.rules.Confidence)}
		if r.Seats > 0 {
			l.PerHundredSeats = 100 * float64(r.Tickets) / float64(r.Seats) / p.Months()
			l.HowToPerHundredSeats = 100 * float64(r.HowTo) / float64(r.Seats) / p.Months()
		}
		l.HowToShare = ratio(r.HowTo, r.Tickets)
		l.EscalationRate = ratio(r.Escalated, r.Tickets)
		l.ResponseInTarget = ratio(r.ResponseInTarget, r.Responded)
		l.ResolutionInTarget = ratio(r.ResolutionInTarget, r.Resolved)
		if r.Responded > 0 {
			l.MeanResponse = r.ResponseMinutes / float64(r.Responded)
		}
		if r.Resolved > 0 {
			l.MeanResolution = r.ResolutionMinutes / float64(r.Resolved)
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].HowToPerHundredSeats > out[j].HowToPerHundredSeats })
	return out, nil
}

// SLA is the attainment of one priority's targets.
type SLA struct {
	Priority                             string
	Tickets, Responded, Resolved         int
	ResponseTarget, ResolutionTarget     float64 // minutes
	ResponseInTarget, ResolutionInTarget int
	ResponseAttainment                   float64 // share within target, 0–1
	ResolutionAttainment                 float64
	MedianResponse, MedianResolution     float64
	// Stale is set when the rollup was computed with other targets than
	// the current rules: run `uptake refresh` to recount.
	Stale bool
}

type slaRow struct {
	Priority           string  `ch:"priority"`
	Tickets            uint64  `ch:"n_tickets"`
	Responded          uint64  `ch:"n_responded"`
	ResponseInTarget   uint64  `ch:"n_response_in_target"`
	Resolved           uint64  `ch:"n_resolved"`
	ResolutionInTarget uint64  `ch:"n_resolution_in_target"`
	ResponseMedian     float64 `ch:"median_response"`
	ResolutionMedian   float64 `ch:"median_resolution"`
	Targets            string  `ch:"targets"`
}

// SLAAttainment is the share of tickets answered and resolved within the
// targets per priority over the period (query sla_by_priority).
func (s *Service) SLAAttainment(ctx context.Context, p Period) ([]SLA, error) {
	res, err := s.st.Query(ctx, s.q.SLAByPriority, store.Args{"from_week": store.Date(p.From), "to_week": store.Date(p.To)})
	if err != nil {
		return nil, fmt.Errorf("SLA attainment: %w", err)
	}
	rows, err := store.Scan[slaRow](res)
	if err != nil {
		return nil, fmt.Errorf("SLA attainment: %w", err)
	}
	_, _, _, key := s.rules.slaArgs()
	out := make([]SLA, 0, len(rows))
	for _, r := range rows {
		rt, ok := s.rules.ResponseTargets[strings.ToLower(r.Priority)]
		if !ok {
			rt = s.rules.DefaultResponse
		}
		st, ok := s.rules.ResolutionTargets[strings.ToLower(r.Priority)]
		if !ok {
			st = s.rules.DefaultResolution
		}
		out = append(out, SLA{Priority: r.Priority, Tickets: int(r.Tickets), Responded: int(r.Responded), Resolved: int(r.Resolved),
			ResponseTarget: rt, ResolutionTarget: st, ResponseInTarget: int(r.ResponseInTarget), ResolutionInTarget: int(r.ResolutionInTarget),
			ResponseAttainment: ratio(r.ResponseInTarget, r.Responded), ResolutionAttainment: ratio(r.ResolutionInTarget, r.Resolved),
			MedianResponse: r.ResponseMedian, MedianResolution: r.ResolutionMedian, Stale: r.Targets != key})
	}
	return out, nil
}

func ratio(a, b uint64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
