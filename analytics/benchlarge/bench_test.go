// Package benchlarge times every analytics call on the --scale large data
// set (3,000 accounts, a year, 66 million usage rows, 1.4 million tickets).
// The store is prepared once by scripts/bench-large.sh (make bench) and
// named by UPTAKE_BENCH_LARGE; without it the benchmarks skip. It is its own
// package because chDB serves one data folder per process, and the
// analytics tests open another.
package benchlarge

import (
	"context"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
)

func BenchmarkAnalyticsLarge(b *testing.B) {
	_, svc := analyticstest.OpenLarge(b)
	ctx := context.Background()
	quarter, err := svc.LastWeeks(ctx, "tickets", 13)
	if err != nil {
		b.Fatal(err)
	}
	year, err := svc.LastWeeks(ctx, "tickets", 52)
	if err != nil {
		b.Fatal(err)
	}
	calls := []struct {
		name string
		call func() (int, error)
	}{
		{"Adoption", func() (int, error) { r, err := svc.Adoption(ctx, time.Time{}); return len(r), err }},
		{"LowAdoption", func() (int, error) { r, err := svc.LowAdoption(ctx, time.Time{}); return len(r), err }},
		{"Upsell", func() (int, error) { r, err := svc.Upsell(ctx, time.Time{}); return len(r), err }},
		{"SupportLoad", func() (int, error) { r, err := svc.SupportLoad(ctx, quarter); return len(r), err }},
		{"SLAAttainment", func() (int, error) { r, err := svc.SLAAttainment(ctx, quarter); return len(r), err }},
		{"CSATTrendMonthly", func() (int, error) { r, err := svc.CSATTrend(ctx, year, analytics.Overall, false); return len(r), err }},
		{"CSATBySegment", func() (int, error) { r, err := svc.CSATTrend(ctx, year, analytics.BySegment, true); return len(r), err }},
		{"CSATChangesByAccount", func() (int, error) { r, err := svc.CSATChanges(ctx, quarter, analytics.ByAccount); return len(r), err }},
		{"Themes", func() (int, error) { r, err := svc.Themes(ctx, "howto"); return len(r), err }},
		{"Recommendations", func() (int, error) { r, err := svc.Recommendations(ctx); return len(r), err }},
		{"CoursePlan", func() (int, error) { r, err := svc.CoursePlan(ctx, time.Now(), 20); return len(r), err }},
		{"TrainingImpact", func() (int, error) { r, err := svc.TrainingImpact(ctx, "", ""); return len(r.Units), err }},
		{"DataStatus", func() (int, error) { r, err := svc.DataStatus(ctx, 10); return len(r.Tables), err }},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			rows := 0
			for b.Loop() {
				n, err := c.call()
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			if rows == 0 {
				b.Fatalf("%s returned nothing on the large data set", c.name)
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
