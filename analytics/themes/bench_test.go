package themes

import (
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest/generate"
)

// benchTickets builds n tickets by replicating every ticket (all
// categories) of a generated "medium" data set with new ids, accounts
// and times, so the text has the generator's variety and the volume is n.
func benchTickets(b *testing.B, n int) []Ticket {
	b.Helper()
	scale, err := generate.ScaleByName("medium")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := generate.Write(dir, scale, 7, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		b.Fatal(err)
	}
	var base []Ticket
	for _, r := range readCSV(b, filepath.Join(dir, "tickets.csv")) {
		created, err := time.Parse(time.RFC3339, r["created_at"])
		if err != nil {
			b.Fatal(err)
		}
		base = append(base, Ticket{ID: r["ticket_id"], AccountID: r["account_id"], Subject: r["subject"], Body: r["body"],
			Language: r["language"], Workload: r["workload"], Category: r["category"], Created: created})
	}
	out := make([]Ticket, n)
	for i := range out {
		t := base[i%len(base)]
		if copyNo := i / len(base); copyNo > 0 {
			suffix := "-r" + strconv.Itoa(copyNo)
			t.ID += suffix
			t.AccountID += suffix
			t.Created = t.Created.Add(-time.Duration(copyNo) * time.Hour)
		}
		out[i] = t
	}
	return out
}

func benchDiscover(b *testing.B, n int) {
	tickets := benchTickets(b, n)
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		m, as, err := Discover(tickets, nil, Options{})
		if err != nil || len(as) != n || len(m.Themes) == 0 {
			b.Fatalf("%d assignments, themes %v, error %v", len(as), m, err)
		}
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MiB-sys")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tickets/s")
}

// BenchmarkDiscover1M: discovery and assignment of a million tickets; the
// goal is under 60 s on two cores with under 4 GB peak memory.
func BenchmarkDiscover1M(b *testing.B) { benchDiscover(b, 1_000_000) }

func BenchmarkDiscover100k(b *testing.B) { benchDiscover(b, 100_000) }
