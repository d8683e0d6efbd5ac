package ingest_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

func benchRows(b *testing.B, fallback int) int {
	if s := os.Getenv("UPTAKE_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		return n
	}
	return fallback
}

func writeUsageCSV(b *testing.B, path string, rows int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("day,account_id,user_id,workload,activity_count\n")
	workloads := []string{"Exchange", "Teams", "SharePoint", "OneDrive"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "%s,ACC-%05d,user%04d@tenant.example,%s,%d\n", start.AddDate(0, 0, i%120).Format("2006-01-02"), (i/120)%2000, (i/7)%400, workloads[i%4], i%41)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// timedIngest empties tables, then loads path once and returns how long the
// ingest took; the emptying is not timed.
func timedIngest(b *testing.B, st *store.Store, l *ingest.Loader, path string, rows int, tables ...string) time.Duration {
	ctx := context.Background()
	b.StopTimer()
	for _, t := range tables {
		if err := st.Exec(ctx, store.Query{Name: "reset_" + t, SQL: "TRUNCATE TABLE " + t}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StartTimer()
	start := time.Now()
	res, err := l.File(ctx, path, ingest.Options{Privacy: ingest.Privacy{PseudonymKey: "bench-key"}})
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	if res.Loaded != int64(rows) {
		b.Fatalf("loaded %d of %d: %v", res.Loaded, rows, res.Problems)
	}
	return took
}

// BenchmarkIngestUsageCSV loads a generic usage CSV end to end (checksum,
// parsing, validation, staging, publishing, ledger) into the embedded engine
// and compares it with chDB's own INSERT … SELECT FROM file(…, 'CSVWithNames').
func BenchmarkIngestUsageCSV(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingest.BulkMemoryLimit))
	rows := benchRows(b, 5_000_000)
	path := filepath.Join(b.TempDir(), "usage.csv")
	writeUsageCSV(b, path, rows)
	st := env.Open(b, storetest.Embedded)
	ctx := context.Background()
	l, err := ingest.NewLoader(st)
	if err != nil {
		b.Fatal(err)
	}
	baselineSQL := store.Query{Name: "baseline", SQL: "INSERT INTO usage (day, account_id, user_id, workload, activity_count) SELECT * FROM file(@path, 'CSVWithNames')"}
	var ours, baseline time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ours += timedIngest(b, st, l, path, rows, "usage", "ingest_ledger")
		b.StopTimer()
		if err := st.Exec(ctx, store.Query{Name: "reset_usage", SQL: "TRUNCATE TABLE usage"}, nil); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := st.Exec(ctx, baselineSQL, store.Args{"path": path}); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/ours.Seconds(), "rows/s")
	b.ReportMetric(float64(rows)*float64(b.N)/baseline.Seconds(), "file-rows/s")
	b.ReportMetric(ours.Seconds()/baseline.Seconds(), "x-file-time")
}

// BenchmarkIngestTickets loads tickets with about 500 bytes of text each.
func BenchmarkIngestTickets(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingest.BulkMemoryLimit))
	rows := benchRows(b, 200_000)
	path := filepath.Join(b.TempDir(), "tickets.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("account_id,ticket_id,created_at,updated_at,channel,category,priority,status,subject,body,language,first_response_minutes,resolution_minutes,satisfaction\n")
	body := strings.Repeat("Since the last update Outlook freezes when I open shared calendars, and the meeting room list stays empty. ", 4)
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "ACC-%05d,T-%08d,2026-03-%02dT10:%02d:00Z,2026-03-%02dT12:00:00Z,email,,normal,closed,\"How do I share calendar #%d, please?\",\"%s\",,%d,%d,%d\n",
			i%2000, i, 1+i%28, i%60, 1+i%28, i%97, body, i%300, i%3000, 1+i%5)
	}
	w.Flush()
	f.Close()
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := env.Open(b, e)
			l, err := ingest.NewLoader(st)
			if err != nil {
				b.Fatal(err)
			}
			var took time.Duration
			for i := 0; i < b.N; i++ {
				took += timedIngest(b, st, l, path, rows, "tickets", "ingest_ledger")
			}
			b.ReportMetric(float64(rows)*float64(b.N)/took.Seconds(), "tickets/s")
		})
	}
}
