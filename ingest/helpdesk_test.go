package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

const helpDeskFixtures = "testdata/helpdesk"

// loadHelpDesk loads one fixture and checks that every row is accounted for.
func loadHelpDesk(t *testing.T, st *store.Store, name string, opt ingest.Options) *ingest.Result {
	t.Helper()
	r, err := mustLoader(t, st).File(context.Background(), filepath.Join(helpDeskFixtures, name), opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	checkIdentity(t, r)
	return r
}

// helpDeskRows reads the stored tickets with FINAL, one line per ticket:
// ticket_id then the given expressions, NULL shown as "-". The expressions
// are plain functions both ClickHouse 18.16 and 26.x know.
func helpDeskRows(t *testing.T, st *store.Store, exprs ...string) map[string]string {
	t.Helper()
	var cols []string
	for _, e := range exprs {
		cols = append(cols, fmt.Sprintf("ifNull(toString(%s), '-')", e))
	}
	q := store.Query{Name: "helpdesk_rows", SQL: "SELECT ticket_id, " + strings.Join(cols, ", ") + " FROM tickets FINAL ORDER BY ticket_id"}
	res, err := st.Query(context.Background(), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, row := range res.Rows {
		var vals []string
		for _, v := range row[1:] {
			vals = append(vals, fmt.Sprint(v))
		}
		out[fmt.Sprint(row[0])] = strings.Join(vals, " | ")
	}
	return out
}

// checkHelpDeskRows compares the stored tickets with want (ticket → values).
func checkHelpDeskRows(t *testing.T, got, want map[string]string) {
	t.Helper()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("ticket %s:\n got %s\nwant %s", id, got[id], w)
		}
	}
}

// checkHelpDeskProblems checks each problem starts as expected, in order.
func checkHelpDeskProblems(t *testing.T, r *ingest.Result, want ...string) {
	t.Helper()
	if len(r.Problems) != len(want) {
		t.Fatalf("%s: %d problems %v, want %d", r.File, len(r.Problems), r.Problems, len(want))
	}
	for i, w := range want {
		if got := r.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("%s: problem %d = %q, want it to start with %q", r.File, i, got, w)
		}
	}
}

func TestHelpDeskFixturesLoadWithTheirFormat(t *testing.T) {
	cases := []struct {
		file, format       string
		opt                ingest.Options
		records, loaded, q int64 // records = read − duplicates (rows handed to the batch)
	}{
		{"zendesk_incremental.json", "zendesk-json", ingest.Options{}, 8, 8, 0},
		{"zendesk_incremental_later.json", "zendesk-json", ingest.Options{}, 3, 3, 0},
		{"zendesk_tickets.jsonl", "zendesk-jsonl", ingest.Options{Account: "ACC-ZD"}, 5, 5, 0},
		{"zendesk_truncated.json", "zendesk-json", ingest.Options{MaxBad: 1}, 3, 2, 1},
		{"zendesk_bad.jsonl", "zendesk-jsonl", ingest.Options{MaxBad: 1}, 5, 2, 3},
		{"freshdesk_tickets.json", "freshdesk-json", ingest.Options{Account: "ACC-FD"}, 6, 6, 0},
		{"freshdesk_tickets.jsonl", "freshdesk-json", ingest.Options{}, 3, 3, 0},
		{"freshdesk_export.csv", "freshdesk-csv", ingest.Options{}, 6, 6, 0},
		{"freshdesk_reordered.csv", "freshdesk-csv", ingest.Options{}, 6, 6, 0},
		{"freshdesk_cp1252.csv", "freshdesk-csv", ingest.Options{}, 2, 2, 0},
		{"freshdesk_bad_dates.csv", "freshdesk-csv", ingest.Options{MaxBad: 1}, 6, 2, 4},
		{"servicenow_incidents.csv", "servicenow-csv", ingest.Options{}, 5, 5, 0},
		{"servicenow_sorted.csv", "servicenow-csv", ingest.Options{MaxBad: 1}, 4, 2, 2},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		for _, c := range cases {
			r := loadHelpDesk(t, st, c.file, c.opt)
			if r.Format != c.format || r.Entity != "tickets" || r.Read-r.Duplicates != c.records || r.Loaded != c.loaded || r.Quarantined != c.q {
				t.Errorf("%s: format %s entity %s, read %d − duplicates %d, loaded %d, quarantined %d; want %s tickets %d, %d, %d (problems %v)",
					c.file, r.Format, r.Entity, r.Read, r.Duplicates, r.Loaded, r.Quarantined, c.format, c.records, c.loaded, c.q, r.Problems)
			}
		}
	})
}

func TestZendeskIncrementalExportValues(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		loadHelpDesk(t, st, "zendesk_incremental.json", ingest.Options{})
		got := helpDeskRows(t, st, "account_id", "source", "channel", "status", "priority", "category", "category_inferred", "language",
			"first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor", "created_at", "updated_at")
		checkHelpDeskRows(t, got, map[string]string{
			"1001": "360001 | zendesk | email | resolved | high | howto | 0 | en | 42 | 300 | 5 | 0 | 2026-03-02 08:15:00 | 2026-03-02 13:15:00",
			"1002": "360001 | zendesk | portal | open | normal | performance | 1 | fr | - | - | - | 0 | 2026-03-02 09:40:00 | 2026-03-02 10:05:00",
			"1003": "360002 | zendesk | phone | pending | urgent | other | 1 | en | 6 | - | - | 1 | 2026-03-03 07:55:00 | 2026-03-03 16:20:00",
			"1004": "360002 | zendesk | chat | closed | low | billing | 0 | de | 15 | 2790 | 1 | 0 | 2026-03-03 11:00:00 | 2026-03-05 09:30:00",
			"1006": "360003 | zendesk | portal | pending | high | performance | 1 | en | - | - | - | 1 | 2026-03-04 10:10:00 | 2026-03-06 08:00:00",
			"1007": "360001 | zendesk | api | open |  | howto | 0 | fr | - | - | - | 0 | 2026-03-05 14:25:00 | 2026-03-05 14:25:00",
		})
		if len(got) != 8 {
			t.Errorf("%d tickets stored, want 8", len(got))
		}
	})
}

func TestZendeskJSONLinesValues(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		loadHelpDesk(t, st, "zendesk_tickets.jsonl", ingest.Options{Account: "ACC-ZD"})
		got := helpDeskRows(t, st, "account_id", "source", "channel", "category", "source_category", "language", "satisfaction", "escalated_to_vendor")
		checkHelpDeskRows(t, got, map[string]string{
			"2001": "360010 | zendesk | chat | howto | howto | de | - | 0",
			"2002": "360010 | zendesk | email | billing | licensing | en | 5 | 0",
			"2003": "360011 | zendesk | phone | performance |  | en | 1 | 1",
			// No organisation: the ticket takes --account.
			"2004": "ACC-ZD | zendesk | portal | howto | howto | fr | - | 0",
		})
	})
}

func TestFreshdeskJSONValues(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		loadHelpDesk(t, st, "freshdesk_tickets.json", ingest.Options{Account: "ACC-FD"})
		got := helpDeskRows(t, st, "account_id", "channel", "status", "priority", "category", "category_inferred",
			"first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor")
		checkHelpDeskRows(t, got, map[string]string{
			"501": "48000000011 | email | resolved | normal | howto | 0 | 30 | 225 | 5 | 0",
			"502": "48000000011 | portal | open | high | performance | 1 | 25 | - | - | 0",
			// Closed without a resolved time: resolution runs to closed_at.
			"503": "48000000012 | phone | closed | urgent | performance | 1 | 10 | 750 | 2 | 1",
			"504": "48000000012 | chat | pending | low | billing | 0 | 30 | - | 3 | 0",
			"505": "ACC-FD | portal | open | normal | howto | 0 | - | - | - | 0",
			"506": "48000000013 | email | resolved | normal | other | 0 | 20 | 1050 | 4 | 0",
		})
		// Only HTML in the description: the body is its text.
		if body := helpDeskRows(t, st, "body")["505"]; body != "I cannot find automatic replies in the new Outlook. Where is it?" {
			t.Errorf("body of 505 = %q", body)
		}
	})
}

// The export and the same export with columns reordered, a ; delimiter and
// two extra columns store the same tickets.
func TestFreshdeskCSVValuesInAnyColumnOrder(t *testing.T) {
	want := map[string]string{
		"601": "Brasserie Lumière | email | resolved | low | howto | en | 20 | 90 | 5 | 0 | 2026-06-01 10:00:00",
		"602": "Müller Maschinenbau | portal | closed | normal | billing | de | 45 | 1380 | 1 | 0 | 2026-06-02 09:00:00",
		"603": "Brasserie Lumière | phone | pending | high | performance | en | 5 | - | - | 1 | 2026-06-02 12:00:00",
		"604": "Atelier Dubois | chat | open | urgent | deployment | fr | - | - | - | 0 | 2026-06-03 08:30:00",
		"605": "Atelier Dubois | email | pending | normal | updates | en | 30 | - | 4 | 0 | 2026-06-04 09:00:00",
		"606": "Müller Maschinenbau | portal | resolved | low | howto | fr | 10 | 50 | 3 | 0 | 2026-06-04 11:00:00",
	}
	for file, ignored := range map[string]string{"freshdesk_export.csv": "", "freshdesk_reordered.csv": "Group,Agent"} {
		t.Run(file, func(t *testing.T) {
			env.Each(t, func(t *testing.T, st *store.Store) {
				r := loadHelpDesk(t, st, file, ingest.Options{})
				if got := strings.Join(r.IgnoredColumns, ","); got != ignored {
					t.Errorf("ignored columns %q, want %q", got, ignored)
				}
				checkHelpDeskRows(t, helpDeskRows(t, st, "account_id", "channel", "status", "priority", "category", "language",
					"first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor", "updated_at"), want)
			})
		})
	}
}

func TestFreshdeskWindows1252CSV(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		r := loadHelpDesk(t, st, "freshdesk_cp1252.csv", ingest.Options{})
		if r.Encoding != "windows-1252" {
			t.Errorf("encoding %q, want windows-1252", r.Encoding)
		}
		checkHelpDeskRows(t, helpDeskRows(t, st, "account_id", "subject", "category", "language"), map[string]string{
			"701": "Société Générale des Eaux | Problème d'accès à la boîte partagée | other | fr",
			"702": "Bäckerei Größl | Lizenzübersicht für März benötigt | billing | de",
		})
	})
}

func TestHelpDeskBadRecordsAreQuarantinedWithLineAndColumn(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		checkHelpDeskProblems(t, loadHelpDesk(t, st, "zendesk_truncated.json", ingest.Options{MaxBad: 1}),
			"line 85: the file ends inside this ticket; the export looks truncated")
		checkHelpDeskProblems(t, loadHelpDesk(t, st, "zendesk_bad.jsonl", ingest.Options{MaxBad: 1}),
			"line 2, column ticket_id: is empty",
			`line 3, column created_at: "2026-02-30T10:00:00Z" is not a date`,
			"line 4: this line is not a complete JSON object")
		checkHelpDeskProblems(t, loadHelpDesk(t, st, "freshdesk_bad_dates.csv", ingest.Options{MaxBad: 1}),
			`line 3, column created_at: "31/06/2026 08:00" is not a date`,
			"line 4, column Resolved time: is 2026-06-05T09:00:00Z, before the ticket was opened",
			`line 5, column Initial response time: "soon" is not a date`,
			"line 6, column ticket_id: is empty")
		checkHelpDeskProblems(t, loadHelpDesk(t, st, "servicenow_sorted.csv", ingest.Options{MaxBad: 1}),
			"line 5, column ticket_id: is empty",
			`line 6, column created_at: "32-03-2026 09:00" is not a date`)

		q := store.Query{Name: "helpdesk_quarantine", SQL: "SELECT file_name, line, column_name FROM quarantine ORDER BY file_name, line"}
		res, err := st.Query(context.Background(), q, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "[[freshdesk_bad_dates.csv 3 created_at] [freshdesk_bad_dates.csv 4 Resolved time] [freshdesk_bad_dates.csv 5 Initial response time] [freshdesk_bad_dates.csv 6 ticket_id] " +
			"[servicenow_sorted.csv 5 ticket_id] [servicenow_sorted.csv 6 created_at] " +
			"[zendesk_bad.jsonl 2 ticket_id] [zendesk_bad.jsonl 3 created_at] [zendesk_bad.jsonl 4 ] [zendesk_truncated.json 85 ]]"
		if got := fmt.Sprint(res.Rows); got != want {
			t.Errorf("quarantine\n got %s\nwant %s", got, want)
		}
		// The partial ticket of the cut file is kept as its raw text.
		q = store.Query{Name: "helpdesk_truncated_raw", SQL: "SELECT count() FROM quarantine WHERE file_name = 'zendesk_truncated.json' AND position(raw, '\"id\": 1003') > 0"}
		if res, err = st.Query(context.Background(), q, nil); err != nil || fmt.Sprint(res.Rows) != "[[1]]" {
			t.Errorf("raw text of the cut ticket: %v %v", res, err)
		}
	})
}

func TestHelpDeskTruncatedFileIsRefusedByDefault(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		r, err := mustLoader(t, st).File(context.Background(), filepath.Join(helpDeskFixtures, "zendesk_truncated.json"), ingest.Options{})
		if err == nil || !strings.Contains(err.Error(), "nothing from this file was loaded") {
			t.Fatalf("error = %v", err)
		}
		checkIdentity(t, r)
		if r.HeldBack != 2 || r.Quarantined != 1 {
			t.Errorf("%+v", r)
		}
	})
}

// An event-log export repeats an incident at each state change; only its
// latest state is stored, and the rows set aside are not loaded.
func TestServiceNowKeepsTheLatestState(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		r := loadHelpDesk(t, st, "servicenow_incidents.csv", ingest.Options{})
		// Until the Loader counts superseded rows, Read holds the five latest
		// states only; once it does, Read is all ten rows and five are duplicates.
		if !(r.Read == 5 && r.Duplicates == 0) && !(r.Read == 10 && r.Duplicates == 5) {
			t.Errorf("read %d, duplicates %d", r.Read, r.Duplicates)
		}
		if got := strings.Join(r.IgnoredColumns, ","); got != "impact,urgency,caller_id,assignment_group,reassignment_count,reopen_count,made_sla" {
			t.Errorf("ignored columns %s", got)
		}
		got := helpDeskRows(t, st, "account_id", "status", "priority", "category", "category_inferred", "source_category",
			"resolution_minutes", "created_at", "updated_at")
		checkHelpDeskRows(t, got, map[string]string{
			"INC0010001": "Kanzlei Hofmann | resolved | low | howto | 0 | howto | 150 | 2026-03-02 09:05:00 | 2026-03-02 11:35:00",
			"INC0010002": "Transports Martin | closed | high | performance | 0 | network | 1800 | 2026-03-02 10:30:00 | 2026-03-06 16:30:00",
			"INC0010003": "Transports Martin | open | urgent | updates | 1 | software | - | 2026-03-03 08:00:00 | 2026-03-03 08:00:00",
			"INC0010004": "Kanzlei Hofmann | closed | normal | billing | 1 | Rechnung falsch | 45 | 2026-03-04 13:00:00 | 2026-03-05 13:45:00",
			"INC0010005": "Kanzlei Hofmann | open | normal | performance | 0 | performance | - | 2026-03-05 07:45:00 | 2026-03-05 07:45:00",
		})

		again, err := mustLoader(t, st).File(context.Background(), filepath.Join(helpDeskFixtures, "servicenow_incidents.csv"), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, again)
		if again.AlreadyLoaded == "" || again.Loaded != 0 || again.Read != r.Read {
			t.Errorf("re-ingest: %+v", again)
		}

		// Newest first, with sys_updated_on: the newest row wins, not the last.
		loadHelpDesk(t, st, "servicenow_sorted.csv", ingest.Options{MaxBad: 1})
		got = helpDeskRows(t, st, "status", "channel", "escalated_to_vendor", "resolution_minutes", "updated_at", "language")
		checkHelpDeskRows(t, got, map[string]string{
			"INC0020001": "closed | phone | 1 | 540 | 2026-03-10 12:00:00 | en",
			"INC0020003": "open | email | 0 | - | 2026-03-11 10:00:00 | de",
		})
	})
}

// The same tickets in two exports: each keeps its newest state (the larger
// updated_at), whichever file is loaded last.
func TestHelpDeskOverlappingExportsKeepTheNewestTicket(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		loadHelpDesk(t, st, "zendesk_incremental_later.json", ingest.Options{})
		loadHelpDesk(t, st, "zendesk_incremental.json", ingest.Options{})
		got := helpDeskRows(t, st, "status", "satisfaction", "updated_at")
		checkHelpDeskRows(t, got, map[string]string{
			"1001": "resolved | 5 | 2026-03-02 13:15:00", // the later file held an older snapshot
			"1002": "resolved | 5 | 2026-03-08 11:00:00", // solved after the first export
			"1009": "open | - | 2026-03-08 09:10:00",
		})
		rows, err := st.TableRows(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 9 || rows["tickets"] != 9 {
			t.Errorf("%d tickets read with FINAL, %d counted, want 9", len(got), rows["tickets"])
		}
	})
}
