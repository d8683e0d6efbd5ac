package ingest

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const helpDeskDir = "testdata/helpdesk"

// openHelpDeskFixture opens a fixture as the Loader does: decoded text and
// the detected format.
func openHelpDeskFixture(t *testing.T, path string) (*bufio.Reader, format) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	text, _, err := textReader(f, "")
	if err != nil {
		t.Fatal(err)
	}
	fm, err := chooseFormat(text, "")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return text, fm
}

func TestHelpDeskDetection(t *testing.T) {
	want := map[string]string{
		"zendesk_incremental.json":       "zendesk-json",
		"zendesk_incremental_later.json": "zendesk-json",
		"zendesk_truncated.json":         "zendesk-json",
		"zendesk_tickets.jsonl":          "zendesk-jsonl",
		"zendesk_bad.jsonl":              "zendesk-jsonl",
		"freshdesk_tickets.json":         "freshdesk-json",
		"freshdesk_tickets.jsonl":        "freshdesk-json",
		"freshdesk_export.csv":           "freshdesk-csv",
		"freshdesk_reordered.csv":        "freshdesk-csv",
		"freshdesk_cp1252.csv":           "freshdesk-csv",
		"freshdesk_bad_dates.csv":        "freshdesk-csv",
		"servicenow_incidents.csv":       "servicenow-csv",
		"servicenow_sorted.csv":          "servicenow-csv",
		"../tickets_bad.csv":             "generic-csv",
	}
	for name, format := range want {
		if _, fm := openHelpDeskFixture(t, filepath.Join(helpDeskDir, name)); fm.name != format {
			t.Errorf("%s detected as %s, want %s", name, fm.name, format)
		}
	}
	entries, err := os.ReadDir(helpDeskDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("fixture %s has no expected format in this test", e.Name())
		}
	}
}

func TestHelpDeskDetectionLeavesGenericFilesAlone(t *testing.T) {
	for _, head := range []string{
		`{"account_id":"A","ticket_id":"1","created_at":"2026-01-01","requester_id":5}` + "\n",
		"account_id,ticket_id,created_at,status,priority\nA,1,2026-01-01,open,low\n",
		`[{"id":1,"subject":"no vendor keys"}]`,
		`{"account_id":"A","ticket_id":"1","created_at":"2026-01-01","id":7,"via":"phone"}` + "\n",
		`{"account_id":"A","ticket_id":"1","created_at":"2026-01-01","id":7,"company_id":3}` + "\n",
	} {
		for _, f := range helpDeskFormats() {
			if f.detect([]byte(head)) {
				t.Errorf("%s claims %q", f.name, head)
			}
		}
	}
}

// A wrapper whose first ticket does not fit in the sniffed head is still
// recognised from the ticket's leading keys.
func TestZendeskDetectionFromAPartialFirstTicket(t *testing.T) {
	head := `{"tickets": [{"url": "https://example.zendesk.com/api/v2/tickets/1.json", "id": 1, "via": {"channel": "web"}, "raw_subject": "Long", "description": "` + strings.Repeat("text ", 1000)
	if !detectZendeskJSON([]byte(head)) {
		t.Error("zendesk-json does not recognise a wrapper cut inside its first ticket")
	}
}

// drainHelpDesk reads a source to the end, returning the lines of good
// records and of *RowErrors.
func drainHelpDesk(t *testing.T, src source) (good, bad []int) {
	t.Helper()
	for {
		_, line, err := src.Next()
		var rowErr *RowError
		switch {
		case errors.Is(err, io.EOF):
			return good, bad
		case errors.As(err, &rowErr):
			bad = append(bad, rowErr.Line)
		case err != nil:
			t.Fatal(err)
		default:
			good = append(good, line)
		}
	}
}

// A ticket's line is where its opening brace is, in a pretty-printed export
// (the brace lines are found independently here) and in a compact one.
func TestZendeskRecordLinesAreWhereTicketsStart(t *testing.T) {
	path := filepath.Join(helpDeskDir, "zendesk_incremental.json")
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for i, line := range strings.Split(string(content), "\n") {
		if line == "    {" {
			want = append(want, i+1)
		}
	}
	text, fm := openHelpDeskFixture(t, path)
	src, err := fm.open(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if good, _ := drainHelpDesk(t, src); len(good) != 8 || !equalInts(good, want) {
		t.Errorf("lines %v, want %v", good, want)
	}

	compact := `{"count":3,"tickets":[{"id":1,"via":{"channel":"email"}},{"id":2,"via":{"channel":"web"}},` + "\n" + `{"id":3,"via":{"channel":"web"}}],"end_time":1}`
	src, err = openZendeskJSON(bufio.NewReader(strings.NewReader(compact)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if good, _ := drainHelpDesk(t, src); !equalInts(good, []int{1, 1, 2}) {
		t.Errorf("compact lines %v, want [1 1 2]", good)
	}
}

func TestZendeskBrokenJSONStopsTheFile(t *testing.T) {
	broken := "{\"tickets\": [\n{\"id\": 1, \"via\": {}},\n{\"id\": 2 \"via\": {}},\n{\"id\": 3}\n]}"
	src, err := openZendeskJSON(bufio.NewReader(strings.NewReader(broken)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := src.Next(); err != nil {
		t.Fatalf("first ticket: %v", err)
	}
	_, _, err = src.Next()
	var rowErr *RowError
	if err == nil || errors.As(err, &rowErr) || !strings.HasPrefix(err.Error(), "line 3: the JSON is broken") {
		t.Fatalf("error = %v, want the file refused at line 3", err)
	}
}

func TestServiceNowKeepsOneRowPerIncident(t *testing.T) {
	text, fm := openHelpDeskFixture(t, filepath.Join(helpDeskDir, "servicenow_incidents.csv"))
	src, err := fm.open(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, bad := drainHelpDesk(t, src)
	// The last row of each of the five incidents, in file order.
	if !equalInts(good, []int{5, 7, 8, 10, 11}) || len(bad) != 0 {
		t.Errorf("lines %v, bad %v", good, bad)
	}
	res := &Result{Read: int64(len(good)), Loaded: int64(len(good))}
	countSuperseded(src, res)
	if res.Read != 10 || res.Duplicates != 5 {
		t.Errorf("after countSuperseded: read %d, duplicates %d; want all 10 rows read, 5 of them duplicates", res.Read, res.Duplicates)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestHelpDeskMappingTables(t *testing.T) {
	check := func(name string, f func(string) string, cases map[string]string) {
		t.Helper()
		for in, want := range cases {
			if got := f(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
	}
	check("freshdeskSource", freshdeskSource, map[string]string{"1": "email", "2": "portal", "3": "phone", "7": "chat", "9": "portal", "10": "email", "Feedback Widget": "portal", "Outbound Email": "email", "42": "42"})
	check("freshdeskStatus", freshdeskStatus, map[string]string{"2": "open", "3": "pending", "4": "resolved", "5": "closed", "Waiting on Customer": "pending"})
	check("freshdeskPriority", freshdeskPriority, map[string]string{"1": "low", "2": "normal", "3": "high", "4": "urgent", "Medium": "normal"})
	check("serviceNowPriority", serviceNowPriority, map[string]string{"1 - Critical": "urgent", "2 - High": "high", "3": "normal", "4 - Low": "low", "5 - Planning": "low"})
	check("serviceNowState", serviceNowState, map[string]string{"1": "open", "In Progress": "open", "On Hold": "pending", "6": "resolved", "Closed": "closed", "8": "canceled"})
	check("channelName", channelName, map[string]string{"web": "portal", "voice": "phone", "native_messaging": "chat", "self-service": "portal", "walk-in": "walk_in"})
	check("statusName", statusName, map[string]string{"new": "open", "hold": "pending", "solved": "resolved", "closed": "closed"})
	rating := func(f func(string) (string, *fieldError)) func(string) string {
		return func(s string) string {
			v, err := f(s)
			if err != nil {
				return "error"
			}
			return v
		}
	}
	check("freshdeskSatisfaction", rating(freshdeskSatisfaction), map[string]string{"103": "5", "102": "4", "101": "4", "100": "3", "-101": "2", "-102": "2", "-103": "1", "": "", "Extremely unhappy": "1", "104": "error"})
	check("zendeskSatisfaction", rating(zendeskSatisfaction), map[string]string{"good": "5", "bad": "1", "offered": "", "unoffered": "", "": "", "great": "error"})
}
