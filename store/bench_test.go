package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

// benchRows is 5,000,000 telemetry rows unless UPTAKE_BENCH_ROWS says otherwise.
func benchRows(b *testing.B) int {
	if s := os.Getenv("UPTAKE_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("UPTAKE_BENCH_ROWS=%q: %v", s, err)
		}
		return n
	}
	return 5_000_000
}

// telemetry yields the same deterministic usage rows for every run: 2,000
// accounts × 250 users, 4 workloads, over 90 days.
type telemetry struct {
	accounts, users, workloads []string
	days                       []time.Time
}

func newTelemetry() telemetry {
	t := telemetry{workloads: []string{"Exchange", "Teams", "SharePoint", "OneDrive"}}
	for i := 0; i < 2000; i++ {
		t.accounts = append(t.accounts, fmt.Sprintf("acct-%05d", i))
	}
	for i := 0; i < 250; i++ {
		t.users = append(t.users, fmt.Sprintf("user%03d@tenant.example", i))
	}
	for i := 0; i < 90; i++ {
		t.days = append(t.days, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i))
	}
	return t
}

func (t telemetry) row(i int) (time.Time, string, string, string, uint32) {
	return t.days[i%len(t.days)], t.accounts[(i/len(t.days))%len(t.accounts)], t.users[(i/7)%len(t.users)], t.workloads[i%len(t.workloads)], uint32(i % 53)
}

var truncateUsage = store.Query{Name: "truncate_usage", SQL: "TRUNCATE TABLE usage"}

func insertTelemetry(b *testing.B, st *store.Store, rows int) time.Duration {
	ctx := context.Background()
	data := newTelemetry()
	start := time.Now()
	in, err := st.NewInserter(ctx, "usage", "day", "account_id", "user_id", "workload", "activity_count")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < rows; i++ {
		d, a, u, w, n := data.row(i)
		if err := in.Append(d, a, u, w, n); err != nil {
			b.Fatal(err)
		}
	}
	if err := in.Close(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// writeTelemetryCSV writes the same rows as a CSV file, for chDB's own file() baseline.
func writeTelemetryCSV(b *testing.B, path string, rows int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	data := newTelemetry()
	for i := 0; i < rows; i++ {
		d, a, u, wl, n := data.row(i)
		fmt.Fprintf(w, "%s,%s,%s,%s,%d\n", d.Format("2006-01-02"), a, u, wl, n)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkInsertTelemetry loads benchRows usage rows through the Inserter on
// each engine. On the embedded engine each iteration also times chDB's own
// INSERT … SELECT FROM file() of the same rows as CSV, and reports the ratio.
func BenchmarkInsertTelemetry(b *testing.B) {
	rows := benchRows(b)
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := env.Open(b, e)
			ctx := context.Background()
			var csvPath string
			if e == storetest.Embedded {
				csvPath = filepath.Join(b.TempDir(), "usage.csv")
				writeTelemetryCSV(b, csvPath, rows)
			}
			fromFile := store.Query{Name: "usage_from_file", SQL: "INSERT INTO usage (day, account_id, user_id, workload, activity_count) SELECT * FROM file(@path, 'CSV', 'day Date, account_id String, user_id String, workload String, activity_count UInt32')"}
			var ours, baseline time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := st.Exec(ctx, truncateUsage, nil); err != nil {
					b.Fatal(err)
				}
				ours += insertTelemetry(b, st, rows)
				if csvPath == "" {
					continue
				}
				b.StopTimer()
				if err := st.Exec(ctx, truncateUsage, nil); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := st.Exec(ctx, fromFile, store.Args{"path": csvPath}); err != nil {
					b.Fatal(err)
				}
				baseline += time.Since(start)
				b.StartTimer()
			}
			b.ReportMetric(float64(rows)*float64(b.N)/ours.Seconds(), "rows/s")
			if baseline > 0 {
				b.ReportMetric(float64(rows)*float64(b.N)/baseline.Seconds(), "file-rows/s")
				b.ReportMetric(ours.Seconds()/baseline.Seconds(), "x-file-time")
			}
		})
	}
}
