package analytics_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

// TestCSATAndNPSFromTickets checks the satisfaction figures against counts
// worked by hand: CSAT is the share of ratings 4–5, NPS the share of
// promoters (9–10) minus detractors (0–6), and an NPS outside 0–10 is
// quarantined with its line and column.
func TestCSATAndNPSFromTickets(t *testing.T) {
	rows := []string{"account_id,ticket_id,created_at,category,priority,satisfaction,nps,first_response_minutes,resolution_minutes"}
	// March: ratings 5,4,2 → 2 of 3 good; NPS 10,9,3 → (2−1)/3.
	rows = append(rows,
		"A,1,2026-03-03T10:00:00Z,howto,normal,5,10,30,100",
		"A,2,2026-03-04T10:00:00Z,howto,urgent,4,9,45,300",
		"B,3,2026-03-10T10:00:00Z,billing,normal,2,3,500,2000",
		// April: one rating of 1, no NPS answers; the bad NPS row is quarantined.
		"B,4,2026-04-07T10:00:00Z,howto,low,1,,10,20",
		"B,5,2026-04-08T10:00:00Z,howto,low,5,11,10,20",
		// A later ticket completes April's week: the last, partial week is never reported.
		"B,6,2026-04-14T10:00:00Z,other,normal,,,,",
	)
	dir := t.TempDir()
	file := filepath.Join(dir, "tickets.csv")
	if err := os.WriteFile(file, []byte(strings.Join(rows, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		loader, err := ingest.NewLoader(st)
		if err != nil {
			t.Fatal(err)
		}
		res, err := loader.File(ctx, file, ingest.Options{MaxBad: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Quarantined != 1 || len(res.Problems) != 1 || res.Problems[0].Line != 6 || res.Problems[0].Column != "nps" ||
			!strings.Contains(res.Problems[0].Reason, "0 to 10") {
			t.Fatalf("the NPS of 11 should be quarantined at line 6, column nps: %+v", res.Problems)
		}
		svc, err := analytics.New(st, analytics.Defaults())
		if err != nil {
			t.Fatal(err)
		}
		changes := analytics.Changes{}
		changes.Add(res.Table, res.Partitions)
		if _, err := svc.Refresh(ctx, changes); err != nil {
			t.Fatal(err)
		}
		p, err := svc.LastWeeks(ctx, "tickets", 10)
		if err != nil {
			t.Fatal(err)
		}
		trend, err := svc.CSATTrend(ctx, p, analytics.Overall, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(trend) != 2 {
			t.Fatalf("want March and April, got %+v", trend)
		}
		mar, apr := trend[0], trend[1]
		if mar.Rated != 3 || mar.Good != 2 || math.Abs(mar.CSAT.Estimate-2.0/3) > 1e-9 || !mar.HasNPS || mar.NPSResponses != 3 || math.Abs(mar.NPS-100.0/3) > 1e-9 {
			t.Errorf("March: %+v", mar)
		}
		if apr.Rated != 1 || apr.Good != 0 || apr.HasNPS || apr.ChangeFromPrevious == nil || apr.Flagged {
			t.Errorf("April (too few ratings to flag a change): %+v", apr)
		}
		sla, err := svc.SLAAttainment(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		// Targets: normal 240/1440 min, urgent 30/240, low 480/4320.
		want := map[string][2]int{"normal": {1, 1}, "urgent": {0, 0}, "low": {1, 1}}
		for _, s := range sla {
			w := want[s.Priority]
			if s.ResponseInTarget != w[0] || s.ResolutionInTarget != w[1] || s.Stale {
				t.Errorf("SLA %s: %+v, want in target %v", s.Priority, s, w)
			}
		}
		if len(sla) != 3 {
			t.Errorf("SLA rows: %+v", sla)
		}
	})
}
