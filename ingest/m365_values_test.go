package ingest

import (
	"bufio"
	"strings"
	"testing"
)

func TestM365DayShapes(t *testing.T) {
	for in, want := range map[string]string{
		"2026-05-23":             "2026-05-23",
		"2026-05-23T00:00:00Z":   "2026-05-23",
		"2026-05-23 00:00:00":    "2026-05-23",
		"05/23/2026":             "2026-05-23",
		"5/23/2026":              "2026-05-23",
		"5/3/2026 12:00:00 AM":   "2026-05-03",
		"2026-02-29":             "",
		"23.05.2026":             "",
		"not a date at all, no!": "",
	} {
		got, err := m365Day(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("m365Day(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestM365CountShapes(t *testing.T) {
	for in, want := range map[string]uint64{"": 0, " 12 ": 12, "7.0": 7, "0": 0} {
		if got, err := m365Count(in); err != nil || got != want {
			t.Errorf("m365Count(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"three", "-1", "2.5", "1e20"} {
		if _, err := m365Count(in); err == nil {
			t.Errorf("m365Count(%q) accepted", in)
		}
	}
}

// --format names a report: a file without its columns is refused with the
// columns it lacks.
func TestM365ForcedFormatNamesMissingColumns(t *testing.T) {
	for _, f := range microsoft365Formats() {
		if f.name != "m365-teams-user-detail" {
			continue
		}
		_, err := f.open(bufio.NewReader(strings.NewReader("User Principal Name,Last Activity Date,Call Count\nu,2026-05-01,1\n")), Options{Account: "a"})
		if err == nil || !strings.Contains(err.Error(), `line 1: the header lacks "Team Chat Message Count", "Private Chat Message Count", "Meeting Count"`) {
			t.Errorf("error = %v", err)
		}
		_, err = f.open(bufio.NewReader(strings.NewReader("x\n")), Options{Entity: "tickets"})
		if err == nil || !strings.Contains(err.Error(), "--entity usage") {
			t.Errorf("--entity tickets: error = %v", err)
		}
		return
	}
	t.Fatal("no m365-teams-user-detail format")
}
