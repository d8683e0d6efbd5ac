package themes

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest/generate"
)

// readCSV reads a CSV file with a header into maps.
func readCSV(t testing.TB, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// generatedHowTo writes a generated data set and returns its how-to
// tickets with their true classes: the planted theme id, or the long-tail
// topic's label.
func generatedHowTo(t testing.TB, scale generate.Scale, seed uint64) ([]Ticket, []string) {
	t.Helper()
	dir := t.TempDir()
	if _, err := generate.Write(dir, scale, seed, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, "truth", generate.TruthTickets))
	var tickets []Ticket
	var classes []string
	for i, r := range rows {
		tr := truth[i]
		if tr["ticket_id"] != r["ticket_id"] {
			t.Fatalf("truth row %d is ticket %s, tickets.csv has %s", i, tr["ticket_id"], r["ticket_id"])
		}
		if tr["category"] != "howto" {
			continue
		}
		created, err := time.Parse(time.RFC3339, r["created_at"])
		if err != nil {
			t.Fatal(err)
		}
		tickets = append(tickets, Ticket{ID: r["ticket_id"], AccountID: r["account_id"], Subject: r["subject"], Body: r["body"],
			Language: r["language"], Workload: r["workload"], Category: r["category"], Created: created})
		class := tr["theme_id"]
		if class == "" {
			class = "tail:" + tr["theme_label"]
		}
		classes = append(classes, class)
	}
	return tickets, classes
}

func predicted(as []Assignment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ThemeID
		if out[i] == "" {
			out[i] = "(unthemed)"
		}
	}
	return out
}

func TestThemeQualityOnPlantedThemes(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a medium data set")
	}
	scale, err := generate.ScaleByName("medium")
	if err != nil {
		t.Fatal(err)
	}
	tickets, classes := generatedHowTo(t, scale, 42)
	start := time.Now()
	m, as, err := Discover(tickets, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pred := predicted(as)
	score := nmi(classes, pred)
	labels := map[string]string{"(unthemed)": "(unthemed)"}
	for _, th := range m.Themes {
		labels[th.ID] = th.Label
	}
	t.Logf("%d how-to tickets, %d themes in %v; NMI %.3f", len(tickets), len(m.Themes), time.Since(start).Round(time.Millisecond), score)
	matches := bestMatches(classes, pred)
	var planted []string
	for c := range matches {
		planted = append(planted, c)
	}
	slices.Sort(planted)
	for _, c := range planted {
		b := matches[c]
		t.Logf("%-45s F1 %.3f  P %.3f  R %.3f  → %s %q", c, b.f1, b.precision, b.recall, b.pred, labels[b.pred])
		if c[:5] != "tail:" && b.f1 < 0.8 {
			t.Errorf("planted theme %s: best F1 %.3f, want ≥ 0.8", c, b.f1)
		}
	}
	for _, th := range m.Themes {
		t.Logf("%s %-50q %5d tickets %3d accounts %2d weeks %-10s %s %v", th.ID, th.Label, th.Tickets, th.Accounts, th.Weeks, th.Workload, th.Trend, th.Terms)
	}
	if score < 0.85 {
		t.Errorf("NMI %.3f, want ≥ 0.85", score)
	}
	fmt.Fprint(os.Stderr)
}
