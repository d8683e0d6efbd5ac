// Package benchxlsx times large workbook exports on their own, so the peak
// memory it reports is the export's, not a test database's.
package benchxlsx

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/exports"
)

// BenchmarkXLSXMillionRows streams 1,000,000 rows × 12 columns (text,
// numbers and dates) into a workbook file and reports rows/s and the
// process's peak resident memory.
func BenchmarkXLSXMillionRows(b *testing.B) {
	const rows = 1_000_000
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	header := []string{"Account id", "Account", "Segment", "Country", "Workload", "Week", "Seats", "Active", "Usage %", "Tickets", "CSAT", "Evidence"}
	table := exports.Table{Sheet: "Rows", Header: header, Stream: func(yield func([]any) error) error {
		row := make([]any, len(header))
		for i := range rows {
			row[0], row[1], row[2], row[3] = "ACC-"+strconv.Itoa(i%3000), "Account "+strconv.Itoa(i%3000), "SMB", "FR"
			row[4], row[5] = "Teams", day.AddDate(0, 0, 7*(i%52))
			row[6], row[7], row[8] = int64(100+i%900), int64(50+i%400), float64(i%1000)/10
			row[9], row[10], row[11] = int64(i%37), 0.5+float64(i%50)/100, "usage at or below the red threshold"
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}}
	for b.Loop() {
		f, err := os.CreateTemp(b.TempDir(), "rows-*.xlsx")
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := table.WriteXLSX(f); err != nil {
			b.Fatal(err)
		}
		info, _ := f.Stat()
		f.Close()
		b.ReportMetric(rows/time.Since(start).Seconds(), "rows/s")
		b.ReportMetric(float64(info.Size())/1e6, "MB-file")
	}
	b.ReportMetric(peakRSSMB(), "MB-peak-RSS")
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB.
func peakRSSMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	raw, _ := io.ReadAll(f)
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(rest), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
