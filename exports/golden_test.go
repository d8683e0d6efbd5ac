package exports_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/exports"
)

var update = flag.Bool("update", false, "rewrite the golden CSV files")

// The CSV of each table builder matches its golden file.
func TestCSVGolden(t *testing.T) {
	week := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	csat := stats.Wilson(45, 60, 0.95)
	tables := map[string]exports.Table{
		"portfolio.csv": exports.PortfolioTable([]analytics.PortfolioRow{{AccountID: "A1", Name: "=Alpha, Ltd", Segment: "SMB", Country: "FR",
			Manager: "Ann", Health: analytics.HealthRed, HealthWhy: "Teams: 50 % of 20 seats active", Seats: 20, Tickets: 12, HowTo: 5, Rated: 60,
			HowToPerHundredSeats: 5.75, CSAT: csat, UpsellValue: 690, UpsellChances: 1,
			Workloads: []analytics.WorkloadUsage{{Workload: "Teams", Seats: 20, UsagePct: 50, Status: analytics.HealthRed}}}}),
		"kpis.csv": exports.KPITable([]analytics.KPIWeek{{Week: week, Tickets: 120, HowTo: 40, Seats: 3000, PerHundredSeats: 17.38, UsagePct: 71.26, Rated: 30, Good: 24}}),
		"sla.csv": exports.SLATable([]analytics.SLA{{Priority: "high", Tickets: 10, Responded: 10, ResponseTarget: 60, ResponseInTarget: 8,
			ResponseAttainment: 0.8, Resolved: 9, ResolutionTarget: 480, ResolutionInTarget: 6, ResolutionAttainment: 0.6667, MedianResponse: 33, MedianResolution: 385}}),
		"satisfaction.csv": exports.SatisfactionTable([]analytics.CSATPoint{{Period: week, Group: "SMB", Tickets: 80, Rated: 60, Good: 45, CSAT: csat}}),
	}
	for name, table := range tables {
		var buf bytes.Buffer
		if err := table.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./exports -run TestCSVGolden -update)", err)
		}
		if !bytes.Equal(want, buf.Bytes()) {
			t.Errorf("%s differs from its golden file:\n%s", name, buf.String())
		}
	}
}
