package analytics

import (
	"context"
	"fmt"
	"time"
)

// Period is a run of whole weeks: From is the Monday of the first week, To
// the Monday of the last.
type Period struct{ From, To time.Time }

// Weeks is the number of weeks in the period.
func (p Period) Weeks() int { return int(p.To.Sub(p.From).Hours()/(24*7)) + 1 }

// Months is the period's length in months (a month is 4.345 weeks).
func (p Period) Months() float64 { return float64(p.Weeks()) / 4.345 }

// String reads "2026-06-29 to 2026-09-27" (Monday of the first week to
// Sunday of the last).
func (p Period) String() string {
	return p.From.Format(time.DateOnly) + " to " + p.To.AddDate(0, 0, 6).Format(time.DateOnly)
}

// LastWeeks is the period of the n whole weeks of kind ("usage" or
// "tickets") up to the last one the data fully covers.
func (s *Service) LastWeeks(ctx context.Context, kind string, n int) (Period, error) {
	through, err := s.DataThrough(ctx)
	if err != nil {
		return Period{}, err
	}
	span, ok := through[kind]
	if !ok {
		return Period{}, ErrNoData{What: kind, Hint: fmt.Sprintf("load %s with `uptake ingest`", kind)}
	}
	to := monday(span[1].AddDate(0, 0, 1)).AddDate(0, 0, -7)
	from := to.AddDate(0, 0, -7*(n-1))
	if first := monday(span[0]); from.Before(first) {
		from = first
	}
	if to.Before(from) {
		to = from
	}
	return Period{From: from, To: to}, nil
}
