package generate

import (
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"
)

func TestSameSeedGivesIdenticalFiles(t *testing.T) {
	small := Scales[0]
	a, _ := writeSet(t, small, 7, spring)
	b, _ := writeSet(t, small, 7, spring)
	c, _ := writeSet(t, small, 8, spring)
	ha, hb, hc := hashTree(t, a), hashTree(t, b), hashTree(t, c)
	if len(ha) != 10 {
		t.Fatalf("files written: %v", ha)
	}
	for name, h := range ha {
		if hb[name] != h {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	// Half a year, so that every planted case and training effect is in.
	half := Scale{Name: "half", Accounts: 60, Days: 182, MedianUsers: 20, MaxUsers: 400}
	d, _ := writeSet(t, half, 7, spring)
	e, _ := writeSet(t, half, 7, spring)
	hd, he := hashTree(t, d), hashTree(t, e)
	for name, h := range hd {
		if he[name] != h {
			t.Errorf("%s (half a year) differs between two runs with the same seed", name)
		}
	}
	if effects := readCSV(t, filepath.Join(d, truthDir, TruthTrainingEffect)); len(effects) == 0 {
		t.Errorf("half a year with %d accounts has no training effect rows", half.Accounts)
	}
	for _, name := range []string{"accounts.csv", "subscriptions.csv", "usage.csv", "tickets.csv", "trainings.csv", filepath.Join(truthDir, TruthTickets)} {
		if hc[name] == ha[name] {
			t.Errorf("%s is the same with another seed", name)
		}
	}
}

func TestSummaryCountsRowsAndTruthStaysOutOfTheGlob(t *testing.T) {
	dir, sum := writeSet(t, Scales[0], 3, spring)
	want := []string{"accounts.csv", "courses.csv", "subscriptions.csv", "tickets.csv", "trainings.csv", "usage.csv"}
	var got []string
	for name := range sum.Files {
		got = append(got, name)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Fatalf("Summary.Files = %v, want %v", got, want)
	}
	glob, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(glob) != len(want) {
		t.Fatalf("%s/*.csv matches %v: the ground truth must not be ingested", dir, glob)
	}
	for name, n := range sum.Files {
		if name == "usage.csv" {
			if rows := len(readUsage(t, dir)); rows != n {
				t.Errorf("usage.csv has %d rows, Summary says %d", rows, n)
			}
			continue
		}
		if rows := len(readCSV(t, filepath.Join(dir, name))); rows != n {
			t.Errorf("%s has %d rows, Summary says %d", name, rows, n)
		}
	}
	for name, n := range sum.Truth {
		if rows := len(readCSV(t, filepath.Join(dir, name))); rows != n {
			t.Errorf("%s has %d rows, Summary says %d", name, rows, n)
		}
	}
	if sum.Files["usage.csv"] < 100_000 || sum.Files["usage.csv"] > 600_000 {
		t.Errorf("small scale wrote %d usage rows; the demo expects a few hundred thousand", sum.Files["usage.csv"])
	}
}

// The ingest recognises files by their header: the columns must stay as
// docs/formats.md lists them.
func TestHeadersAreTheGenericFormats(t *testing.T) {
	dir, _ := writeSet(t, Scales[0], 1, spring)
	want := map[string][]string{
		"accounts.csv":      {"account_id", "name", "segment", "industry", "country", "employees", "account_manager"},
		"subscriptions.csv": {"account_id", "subscription_id", "snapshot_date", "product", "workload", "seats_purchased", "seats_assigned", "start_date", "end_date", "unit_price", "currency"},
		"usage.csv":         {"day", "account_id", "user_id", "workload", "activity_count"},
		"tickets.csv":       ticketHeader,
		"courses.csv":       {"course_id", "title", "workload", "level", "language", "duration_hours", "price", "currency", "description"},
		"trainings.csv":     {"account_id", "training_id", "course_id", "delivered_on", "attendees", "language", "trainer"},
	}
	for name, cols := range want {
		if got := header(t, filepath.Join(dir, name)); !slices.Equal(got, cols) {
			t.Errorf("%s header = %v, want %v", name, got, cols)
		}
	}
}

func TestEveryTruthTicketIsInTickets(t *testing.T) {
	dir, _ := writeSet(t, Scales[0], 5, spring)
	tickets := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, truthDir, TruthTickets))
	themes := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(dir, truthDir, TruthThemes)) {
		themes[r["theme_id"]] = true
	}
	if len(themes) < 8 {
		t.Fatalf("%d planted themes, want at least 8", len(themes))
	}
	ids := map[string]bool{}
	for _, r := range tickets {
		if ids[r["ticket_id"]] {
			t.Fatalf("ticket id %s used twice", r["ticket_id"])
		}
		ids[r["ticket_id"]] = true
	}
	if len(truth) != len(tickets) {
		t.Fatalf("%d truth rows for %d tickets", len(truth), len(tickets))
	}
	for _, r := range truth {
		if !ids[r["ticket_id"]] {
			t.Fatalf("ground truth ticket %s is not in tickets.csv", r["ticket_id"])
		}
		if r["theme_id"] != "" && !themes[r["theme_id"]] {
			t.Fatalf("ticket %s has unknown theme %q", r["ticket_id"], r["theme_id"])
		}
		if r["language"] != "en" && r["language"] != "fr" && r["language"] != "de" {
			t.Fatalf("ticket %s language %q", r["ticket_id"], r["language"])
		}
	}
}

func TestScalesMeetTheirMinimums(t *testing.T) {
	small, _ := ScaleByName("small")
	medium, _ := ScaleByName("medium")
	large, err := ScaleByName("large")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ScaleByName("huge"); err == nil {
		t.Error("ScaleByName accepted an unknown scale")
	}
	if small.Accounts > 60 || small.Days > 100 {
		t.Errorf("small scale grew to %+v; the demo and tests rely on it being small", small)
	}
	if !(medium.Accounts > small.Accounts && large.Accounts > medium.Accounts && medium.Days > small.Days && large.Days >= medium.Days) {
		t.Errorf("scales are not increasing: %+v %+v %+v", small, medium, large)
	}
	if large.Accounts < 2000 {
		t.Errorf("large scale has %d accounts, want at least 2,000", large.Accounts)
	}
	// The estimate holds within about 15 % (TestEstimateMatchesGeneratedData);
	// a full year also has the summer and Christmas dips, so ask for margin.
	_, rows, tickets := estimate(large)
	if rows < 1.15*50_000_000 {
		t.Errorf("large scale: about %.0f usage rows expected, want at least 50,000,000 with margin", rows)
	}
	if tickets < 1.15*1_000_000 {
		t.Errorf("large scale: about %.0f tickets expected, want at least 1,000,000 with margin", tickets)
	}
	if _, rows, _ := estimate(medium); rows < 1_000_000 {
		t.Errorf("medium scale: about %.0f usage rows expected, want millions", rows)
	}
}

// estimate is what TestScalesMeetTheirMinimums relies on for the large
// scale, which is too big for a unit test; check it against generated data,
// including a slice of the large scale's size distribution.
func TestEstimateMatchesGeneratedData(t *testing.T) {
	large, _ := ScaleByName("large")
	slice := large
	slice.Accounts, slice.Days = 600, 28
	for _, s := range []Scale{Scales[0], slice} {
		_, sum := writeSet(t, s, 11, spring)
		_, rows, tickets := estimate(s)
		if r := float64(sum.Files["usage.csv"]) / rows; r < 0.8 || r > 1.25 {
			t.Errorf("%s/%d accounts: %d usage rows, estimate %.0f (ratio %.2f)", s.Name, s.Accounts, sum.Files["usage.csv"], rows, r)
		}
		if r := float64(sum.Files["tickets.csv"]) / tickets; r < 0.7 || r > 1.3 {
			t.Errorf("%s/%d accounts: %d tickets, estimate %.0f (ratio %.2f)", s.Name, s.Accounts, sum.Files["tickets.csv"], tickets, r)
		}
	}
}

func TestBadScalesAreRefused(t *testing.T) {
	for _, s := range []Scale{
		{Name: "none", Accounts: 0, Days: 30, MedianUsers: 10, MaxUsers: 50},
		{Name: "short", Accounts: 5, Days: 3, MedianUsers: 10, MaxUsers: 50},
		{Name: "empty", Accounts: 5, Days: 30, MedianUsers: 0, MaxUsers: 50},
	} {
		if _, err := Write(t.TempDir(), s, 1, spring); err == nil {
			t.Errorf("Write accepted %+v", s)
		}
	}
}

// Overrides from --accounts and --days give tiny but complete data sets.
func TestTinyOverridesStillWriteEveryFile(t *testing.T) {
	s := Scales[0]
	s.Accounts, s.Days = 3, 10
	_, sum := writeSet(t, s, 1, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	if sum.Files["accounts.csv"] != 3 || sum.Files["usage.csv"] == 0 || len(sum.Files) != 6 {
		t.Fatalf("summary %+v", sum)
	}
}
