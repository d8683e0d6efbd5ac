package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

const m365Dir = "testdata/m365"

// keepNames stores user names as written, so tests can read them back;
// TestM365DailySnapshotsDoNotDoubleCount runs with the default pseudonyms.
func keepNames(opt ingest.Options) ingest.Options {
	opt.Privacy = ingest.Privacy{KeepUserNames: true}
	return opt
}

// loadM365 loads a fixture, failing the test on an error, and checks that
// its counts add up.
func loadM365(t *testing.T, l *ingest.Loader, path string, opt ingest.Options) *ingest.Result {
	t.Helper()
	if !filepath.IsAbs(path) {
		path = filepath.Join(m365Dir, path)
	}
	r, err := l.File(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	checkIdentity(t, r)
	return r
}

// usageLines returns the stored usage rows (deduplicated) of one account as
// "day user workload count" lines, ordered by the table's key.
func usageLines(t *testing.T, st *store.Store, account string) []string {
	t.Helper()
	q := store.Query{Name: "m365_usage", SQL: "SELECT toString(day) AS d, user_id, workload, activity_count FROM usage FINAL WHERE account_id = @account ORDER BY workload, day, user_id"}
	res, err := st.Query(context.Background(), q, store.Args{"account": account})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, row := range res.Rows {
		out = append(out, strings.TrimSuffix(fmt.Sprintln(row...), "\n"))
	}
	return out
}

// usageAccounts returns the distinct accounts in the usage table.
func usageAccounts(t *testing.T, st *store.Store) string {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "m365_accounts", SQL: "SELECT DISTINCT account_id FROM usage FINAL ORDER BY account_id"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, row := range res.Rows {
		out = append(out, row[0].(string))
	}
	return strings.Join(out, ",")
}

func TestM365DetailReportsLoad(t *testing.T) {
	cases := []struct {
		file, format, encoding string
		read, loaded, bad      int64
	}{
		{"contoso_Office365ActiveUserDetail.csv", "m365-active-user-detail", "utf-8", 19, 19, 0},
		{"northwind_Office365ActiveUserDetail_bom.csv", "m365-active-user-detail", "utf-8", 9, 9, 0},
		{"contoso_TeamsUserActivityUserDetail.csv", "m365-teams-user-detail", "utf-8", 5, 5, 0},
		{"fabrikam_TeamsUserActivityUserDetail_reordered.csv", "m365-teams-user-detail", "utf-8", 4, 4, 0},
		{"contoso_EmailActivityUserDetail.csv", "m365-email-user-detail", "utf-8", 5, 5, 0},
		{"contoso_EmailActivityUserDetail_cp1252.csv", "m365-email-user-detail", "windows-1252", 4, 4, 0},
		{"contoso_M365AppUserDetail.csv", "m365-apps-user-detail", "utf-8", 4, 4, 0},
		{"contoso_TeamsUserActivityUserDetail_baddates.csv", "m365-teams-user-detail", "utf-8", 6, 2, 4},
		{"contoso_EmailActivityUserDetail_truncated.csv", "m365-email-user-detail", "utf-8", 6, 5, 1},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		l := mustLoader(t, st)
		for _, c := range cases {
			r := loadM365(t, l, c.file, keepNames(ingest.Options{MaxBad: 1}))
			if r.Format != c.format || r.Entity != "usage" || r.Encoding != c.encoding || r.Read != c.read || r.Loaded != c.loaded || r.Quarantined != c.bad {
				t.Errorf("%s: got format %s, entity %s, encoding %s, read %d = loaded %d + quarantined %d; want %s, usage, %s, %d = %d + %d",
					c.file, r.Format, r.Entity, r.Encoding, r.Read, r.Loaded, r.Quarantined, c.format, c.encoding, c.read, c.loaded, c.bad)
			}
		}
	})
}

func TestM365StoredValues(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		l := mustLoader(t, st)
		// Teams, Exchange (e-mail) and Apps rows of contoso do not share keys,
		// so each row read back comes from one known report.
		for _, f := range []string{"contoso_TeamsUserActivityUserDetail.csv", "contoso_EmailActivityUserDetail.csv", "contoso_M365AppUserDetail.csv",
			"northwind_Office365ActiveUserDetail_bom.csv", "fabrikam_TeamsUserActivityUserDetail_reordered.csv"} {
			loadM365(t, l, f, keepNames(ingest.Options{}))
		}
		if got := usageAccounts(t, st); got != "contoso,fabrikam,northwind" {
			t.Errorf("accounts %q, want the file-name prefixes contoso,fabrikam,northwind", got)
		}
		contoso := strings.Join(usageLines(t, st, "contoso"), "\n")
		for _, want := range []string{
			"2026-05-23 adele.vance@contoso.example Teams 54",   // 14+32+3+5 messages, calls, meetings
			"2026-05-22 goran.petrovic@contoso.example Teams 1", // only "other actions": at least 1
			"2026-05-23 adele.vance@contoso.example Exchange 157",
			"2026-05-09 eli.moreau@contoso.example Exchange 10", // a deleted user's past activity stays
			"2026-05-24 fatima.haddad@contoso.example Microsoft 365 Apps 1",
		} {
			if !strings.Contains(contoso+"\n", want+"\n") {
				t.Errorf("contoso usage lacks %q; has:\n%s", want, contoso)
			}
		}
		if strings.Contains(contoso, "dana.okafor") {
			t.Errorf("a user with no activity date got usage rows:\n%s", contoso)
		}
		northwind := strings.Join(usageLines(t, st, "northwind"), "\n")
		wantNorthwind := strings.Join([]string{
			"2026-05-22 jonas.berg@northwind.example Exchange 1",
			"2026-05-23 mateo.ruiz@northwind.example Exchange 1",
			"2026-05-24 ines.duarte@northwind.example Exchange 1",
			"2026-05-17 kofi.mensah@northwind.example OneDrive 1",
			"2026-05-23 mateo.ruiz@northwind.example OneDrive 1",
			"2026-05-21 jonas.berg@northwind.example SharePoint 1",
			"2026-05-23 mateo.ruiz@northwind.example SharePoint 1",
			"2026-05-20 mateo.ruiz@northwind.example Teams 1",
			"2026-05-24 ines.duarte@northwind.example Teams 1",
		}, "\n")
		if northwind != wantNorthwind {
			t.Errorf("northwind usage (BOM, reordered columns):\n%s\nwant:\n%s", northwind, wantNorthwind)
		}
		fabrikam := strings.Join(usageLines(t, st, "fabrikam"), "\n")
		if want := "2026-05-20 C9F2E5B8A1D4073E6B9C2F5A8D1E4B70 Teams 14"; !strings.Contains(fabrikam, want) {
			t.Errorf("fabrikam usage (concealed names kept as written) lacks %q; has:\n%s", want, fabrikam)
		}
	})
}

func TestM365BadRowsAreQuarantinedWithLineAndColumn(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		r := loadM365(t, l, "contoso_TeamsUserActivityUserDetail_baddates.csv", keepNames(ingest.Options{MaxBad: 1}))
		want := []string{
			`line 3, column Last Activity Date: "2026-13-05" is not a date`,
			"line 4, column User Principal Name: is empty",
			`line 6, column Last Activity Date: "yesterday" is not a date`,
			`line 8, column Call Count: "three" is not a whole number`,
		}
		checkProblems(t, r, want)
		// line 5 has no activity date (no activity, not an error); line 7's US date is read.
		got := strings.Join(usageLines(t, st, "contoso"), "\n")
		if want := "2026-05-22 goran.petrovic@contoso.example Teams 3\n2026-05-23 adele.vance@contoso.example Teams 4"; got != want {
			t.Errorf("stored:\n%s\nwant:\n%s", got, want)
		}

		r = loadM365(t, l, "contoso_EmailActivityUserDetail_truncated.csv", keepNames(ingest.Options{MaxBad: 1}))
		checkProblems(t, r, []string{"line 7: the row has 6 of the header's 13 columns; the file looks cut off"})

		res, err := st.Query(ctx, store.Query{Name: "m365_quarantine", SQL: "SELECT file_name, line, column_name FROM quarantine FINAL ORDER BY file_name, line"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != "[[contoso_EmailActivityUserDetail_truncated.csv 7 ] [contoso_TeamsUserActivityUserDetail_baddates.csv 3 Last Activity Date] [contoso_TeamsUserActivityUserDetail_baddates.csv 4 User Principal Name] [contoso_TeamsUserActivityUserDetail_baddates.csv 6 Last Activity Date] [contoso_TeamsUserActivityUserDetail_baddates.csv 8 Call Count]]" {
			t.Errorf("quarantine table: %s", got)
		}
	})
}

func checkProblems(t *testing.T, r *ingest.Result, want []string) {
	t.Helper()
	if len(r.Problems) != len(want) {
		t.Fatalf("%s: problems %v, want %d", r.File, r.Problems, len(want))
	}
	for i, w := range want {
		if got := r.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("%s: problem %d = %q, want it to start with %q", r.File, i, got, w)
		}
	}
}

// A bad share above --max-bad refuses the file, as for any format.
func TestM365TooManyBadRowsLoadsNothing(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		r, err := mustLoader(t, st).File(context.Background(), filepath.Join(m365Dir, "contoso_TeamsUserActivityUserDetail_baddates.csv"), keepNames(ingest.Options{}))
		if !errors.Is(err, ingest.ErrTooManyBadRows) {
			t.Fatalf("error = %v", err)
		}
		checkIdentity(t, r)
		if r.Loaded != 0 || r.HeldBack != 2 || r.Quarantined != 4 {
			t.Fatalf("%+v", r)
		}
	})
}

// countLines returns the stored m365_counts rows (deduplicated) of one
// account and report as "day workload measure value period source" lines.
func countLines(t *testing.T, st *store.Store, account, report string) []string {
	t.Helper()
	q := store.Query{Name: "m365_counts_rows", SQL: "SELECT toString(day) AS d, workload, measure, value, report_period, source FROM m365_counts FINAL WHERE account_id = @account AND report = @report ORDER BY workload, measure, day"}
	res, err := st.Query(context.Background(), q, store.Args{"account": account, "report": report})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, row := range res.Rows {
		out = append(out, strings.TrimSuffix(fmt.Sprintln(row...), "\n"))
	}
	return out
}

var m365CountFixtures = []struct {
	file, format, report string
	read                 int64
}{
	{"contoso_Office365ActiveUserCounts.csv", "m365-active-user-counts", "active-user-counts", 49},       // 7 days × 7 workloads
	{"contoso_Office365ServicesUserCounts.csv", "m365-services-user-counts", "services-user-counts", 14}, // 7 workloads × active, inactive
	{"contoso_TeamsUserActivityUserCounts.csv", "m365-teams-user-counts", "teams-user-counts", 35},       // 7 days × 5 measures
}

func TestM365CountReportsLoadIntoTheirOwnTable(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for _, c := range m365CountFixtures {
			r := loadM365(t, l, c.file, ingest.Options{})
			if r.Format != c.format || r.Entity != "m365_counts" || r.Read != c.read || r.Loaded != c.read || r.Quarantined != 0 {
				t.Errorf("%s: got format %s, entity %s, read %d = loaded %d + quarantined %d; want %s, m365_counts, %d = %d + 0",
					c.file, r.Format, r.Entity, r.Read, r.Loaded, r.Quarantined, c.format, c.read, c.read)
			}
			if got := len(countLines(t, st, "contoso", c.report)); int64(got) != c.read {
				t.Errorf("%s: %d rows stored, want %d", c.file, got, c.read)
			}
		}
		for report, wants := range map[string][]string{
			"active-user-counts": {
				"2026-05-24 Office 365 active_users 43 7 m365",
				"2026-05-22 Teams active_users 39 7 m365",
				"2026-05-18 Skype For Business active_users 0 7 m365", // a zero is a figure, kept
				"2026-05-21 Exchange active_users 40 7 m365",
			},
			"services-user-counts": { // no Report Date: filed under the Report Refresh Date
				"2026-05-24 Exchange active_users 47 28 m365",
				"2026-05-24 Exchange inactive_users 6 28 m365",
				"2026-05-24 Office 365 inactive_users 4 28 m365",
				"2026-05-24 Yammer inactive_users 51 28 m365",
			},
			"teams-user-counts": {
				"2026-05-21 Teams private_chat_messages 362 7 m365",
				"2026-05-18 Teams team_chat_messages 112 7 m365",
				"2026-05-19 Teams calls 0 7 m365",
				"2026-05-23 Teams meetings 36 7 m365",
				"2026-05-23 Teams other_actions 12 7 m365",
			},
		} {
			got := strings.Join(countLines(t, st, "contoso", report), "\n") + "\n"
			for _, want := range wants {
				if !strings.Contains(got, want+"\n") {
					t.Errorf("%s lacks %q; has:\n%s", report, want, got)
				}
			}
		}
		// The totals are no users: per-user figures see nothing of them.
		rows, err := st.TableRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rows["usage"] != 0 || rows["m365_counts"] != 49+14+35 || rows["quarantine"] != 0 {
			t.Errorf("after loading only count reports: %v", rows)
		}
	})
}

// Loading a report again is skipped, and a later download repeating the same
// days (another refresh date, so another file) replaces them on the table key.
func TestM365CountReportsDoNotDoubleCount(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(m365Dir, "contoso_Office365ActiveUserCounts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	refreshed := filepath.Join(t.TempDir(), "contoso_Office365ActiveUserCounts_refreshed.csv")
	if err := os.WriteFile(refreshed, []byte(strings.ReplaceAll(string(data), "\n2026-05-24,", "\n2026-05-25,")), 0o600); err != nil {
		t.Fatal(err)
	}
	q := store.Query{Name: "m365_counts_totals", SQL: "SELECT report, count() AS n, sum(value) AS total FROM m365_counts FINAL WHERE account_id = 'contoso' GROUP BY report ORDER BY report"}
	want := "[[active-user-counts 49 885] [services-user-counts 14 318] [teams-user-counts 35 2629]]"
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for round := 1; round <= 2; round++ {
			for _, c := range m365CountFixtures {
				r := loadM365(t, l, c.file, ingest.Options{})
				if round == 1 && (r.Loaded != c.read || r.Duplicates != 0) || round == 2 && (r.Loaded != 0 || r.Duplicates != c.read) {
					t.Errorf("round %d, %s: %+v", round, c.file, r)
				}
			}
		}
		r := loadM365(t, l, refreshed, ingest.Options{Account: "contoso"})
		if r.Loaded != 49 || r.Duplicates != 0 {
			t.Errorf("refreshed download: %+v", r)
		}
		res, err := st.Query(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != want {
			t.Errorf("rows and totals per report\n%s\nwant\n%s", got, want)
		}
		if rows, _ := st.TableRows(ctx); rows["usage"] != 0 {
			t.Errorf("count reports stored usage rows: %v", rows)
		}
	})
}

func TestM365CountReportBadRowsAreQuarantined(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		l := mustLoader(t, st)
		r := loadM365(t, l, "contoso_TeamsUserActivityUserCounts_badnumbers.csv", ingest.Options{MaxBad: 1})
		if r.Read != 11 || r.Loaded != 9 || r.Quarantined != 2 {
			t.Errorf("read %d = loaded %d + quarantined %d, want 11 = 9 + 2", r.Read, r.Loaded, r.Quarantined)
		}
		checkProblems(t, r, []string{
			`line 3, column Private Chat Messages: "lots" is not a whole number`,
			`line 5, column Report Date: "not a day" is not a date`,
		})
		// line 4's empty Calls is no figure, not an error: its other four are loaded.
		got := strings.Join(countLines(t, st, "contoso", "teams-user-counts"), "\n")
		want := strings.Join([]string{
			"2026-05-18 Teams calls 21 7 m365",
			"2026-05-18 Teams meetings 38 7 m365",
			"2026-05-20 Teams meetings 0 7 m365",
			"2026-05-18 Teams other_actions 9 7 m365",
			"2026-05-20 Teams other_actions 1 7 m365",
			"2026-05-18 Teams private_chat_messages 340 7 m365",
			"2026-05-20 Teams private_chat_messages 7 7 m365",
			"2026-05-18 Teams team_chat_messages 112 7 m365",
			"2026-05-20 Teams team_chat_messages 0 7 m365",
		}, "\n")
		if got != want {
			t.Errorf("stored:\n%s\nwant:\n%s", got, want)
		}
		res, err := st.Query(context.Background(), store.Query{Name: "m365_counts_quarantine", SQL: "SELECT line, column_name, entity FROM quarantine FINAL ORDER BY line"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != "[[3 Private Chat Messages m365_counts] [5 Report Date m365_counts]]" {
			t.Errorf("quarantine table: %s", got)
		}
	})
}

// copyFixture copies a fixture to a temporary file of another name, since
// the account may come from the file name.
func copyFixture(t *testing.T, fixture, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(m365Dir, fixture))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestM365NeedsAnAccount(t *testing.T) {
	plain := copyFixture(t, "contoso_TeamsUserActivityUserDetail.csv", "TeamsUserActivityUserDetail.csv")
	// The admin center's own download name: the part before "_" is the report, not a customer.
	adminCenter := copyFixture(t, "contoso_TeamsUserActivityUserDetail.csv", "TeamsUserActivityUserDetail5_24_2026 9_15_02 AM.csv")
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for _, path := range []string{plain, adminCenter} {
			_, err := l.File(ctx, path, keepNames(ingest.Options{}))
			if err == nil || !strings.Contains(err.Error(), "pass --account NAME") || !strings.Contains(err.Error(), filepath.Base(path)) {
				t.Errorf("%s: error = %v", filepath.Base(path), err)
			}
		}
		if rows, _ := st.TableRows(ctx); rows["usage"] != 0 || rows["ingest_ledger"] != 0 {
			t.Fatalf("stored %v without an account", rows)
		}
		r := loadM365(t, l, adminCenter, keepNames(ingest.Options{Account: "woodgrove"}))
		if r.Loaded != 5 || usageAccounts(t, st) != "woodgrove" {
			t.Errorf("--account woodgrove: %+v, accounts %q", r, usageAccounts(t, st))
		}
	})
}

func TestM365AccountFromFileNameUnlessGiven(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		l := mustLoader(t, st)
		loadM365(t, l, "contoso_M365AppUserDetail.csv", keepNames(ingest.Options{}))
		if got := usageAccounts(t, st); got != "contoso" {
			t.Errorf("accounts %q, want contoso from contoso_M365AppUserDetail.csv", got)
		}
		loadM365(t, l, "fabrikam_TeamsUserActivityUserDetail_reordered.csv", keepNames(ingest.Options{Account: "tailspin"}))
		if got := usageAccounts(t, st); got != "contoso,tailspin" {
			t.Errorf("accounts %q, want --account tailspin to win over the file name's fabrikam", got)
		}
	})
}

// Daily snapshots repeat the users whose last activity has not changed:
// those rows meet on the table key, also once user names are pseudonymised,
// and loading the files again is skipped.
func TestM365DailySnapshotsDoNotDoubleCount(t *testing.T) {
	snapshots := []string{"contoso_Office365ActiveUserDetail_2026-05-20.csv", "contoso_Office365ActiveUserDetail_2026-05-21.csv"}
	emitted := []int64{6, 7}
	// 6 + 7 records, 4 of them the same user, workload and day in both snapshots.
	want := "[[Exchange 2026-05-18 1 1] [Exchange 2026-05-19 1 1] [Exchange 2026-05-21 1 1] [OneDrive 2026-05-15 1 1] [OneDrive 2026-05-21 1 1] " +
		"[SharePoint 2026-05-12 1 1] [Teams 2026-05-19 1 1] [Teams 2026-05-20 1 1] [Teams 2026-05-21 1 1]]"
	q := store.Query{Name: "m365_days", SQL: "SELECT workload, toString(day) AS d, count() AS users, sum(activity_count) AS activities FROM usage FINAL WHERE account_id = 'contoso' AND startsWith(user_id, 'u-') GROUP BY workload, day ORDER BY workload, day"}
	env.Each(t, func(t *testing.T, st *store.Store) {
		l := mustLoader(t, st)
		for round := 1; round <= 2; round++ {
			for i, f := range snapshots {
				r := loadM365(t, l, f, ingest.Options{Privacy: testPrivacy})
				if round == 1 && (r.Loaded != emitted[i] || r.Duplicates != 0) || round == 2 && (r.Loaded != 0 || r.Duplicates != emitted[i]) {
					t.Errorf("round %d, %s: %+v", round, f, r)
				}
			}
			res, err := st.Query(context.Background(), q, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(res.Rows); got != want {
				t.Errorf("round %d: users per workload and day\n%s\nwant\n%s", round, got, want)
			}
		}
	})
}
