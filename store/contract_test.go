package store_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// testQueries are queries the contract suite runs on both engines.
type testQueries struct {
	CountUsage    store.Query
	UsageTotals   store.Query
	EchoString    store.Query
	AccountByName store.Query
	Tables        store.Query
}

func newTestQueries() testQueries {
	return testQueries{
		CountUsage:    store.Query{Name: "count_usage", SQL: "SELECT count() AS n FROM usage FINAL"},
		UsageTotals:   store.Query{Name: "usage_totals", SQL: "SELECT account_id, sum(activity_count) AS total FROM usage FINAL GROUP BY account_id ORDER BY account_id"},
		EchoString:    store.Query{Name: "echo_string", SQL: "SELECT @value AS value, length(@value) AS len"},
		AccountByName: store.Query{Name: "account_by_name", SQL: "SELECT account_id, name FROM accounts FINAL WHERE name = @name"},
		Tables:        store.Query{Name: "tables", SQL: "SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name"},
	}
}

var day = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

func insertUsage(t *testing.T, st *store.Store, rows int) {
	t.Helper()
	ctx := context.Background()
	in, err := st.NewInserter(ctx, "usage", "day", "account_id", "user_id", "workload", "activity_count")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < rows; i++ {
		if err := in.Append(day.AddDate(0, 0, i%40), "acc-"+string(rune('a'+i%3)), "user"+strings.Repeat("x", i%5), "Teams", i%7); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateTwiceChangesNothing(t *testing.T) {
	q := newTestQueries()
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		before, err := st.Query(ctx, q.Tables, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"account_language_weekly", "account_tickets_weekly", "accounts", "adoption_weekly", "app_secrets", "audit_log", "course_plan", "course_recommendations",
			"courses", "data_through", "findings_runs", "ingest_ledger", "m365_counts", "priority_weekly", "quarantine", "schema_migrations",
			"seats_weekly", "subscriptions", "table_status", "theme_account_weekly", "theme_models", "themes", "ticket_themes", "ticket_weekly",
			"tickets", "training_impact", "trainings", "upsell_chances", "usage", "users", "workload_weekly"}
		var names []string
		for _, r := range before.Rows {
			names = append(names, r[0].(string))
		}
		if !reflect.DeepEqual(names, want) {
			t.Fatalf("tables after migrate = %v, want %v", names, want)
		}
		ran, err := st.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ran) != 0 {
			t.Fatalf("second migrate applied %d migrations, want 0", len(ran))
		}
		rows, err := st.TableRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for table, n := range rows {
			if n != 0 {
				t.Errorf("table %s has %d rows after migrating twice, want 0", table, n)
			}
		}
	})
}

func TestSameBatchTwiceIsCountedOnce(t *testing.T) {
	q := newTestQueries()
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		insertUsage(t, st, 600)
		first, err := st.Query(ctx, q.UsageTotals, nil)
		if err != nil {
			t.Fatal(err)
		}
		insertUsage(t, st, 600)
		second, err := st.Query(ctx, q.UsageTotals, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first.Rows, second.Rows) {
			t.Fatalf("totals changed after inserting the same batch again: %v then %v", first.Rows, second.Rows)
		}
		count, err := st.Query(ctx, q.CountUsage, nil)
		if err != nil {
			t.Fatal(err)
		}
		// 600 rows but keys repeat: 3 accounts × 5 users × 40 days cycle → distinct keys.
		if got := count.Rows[0][0].(uint64); got == 0 || got > 600 {
			t.Fatalf("deduplicated usage rows = %d", got)
		}
		rows, err := st.TableRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rows["usage"] != count.Rows[0][0].(uint64) {
			t.Fatalf("TableRows usage = %d, count = %v", rows["usage"], count.Rows[0][0])
		}
	})
}

// hostile strings: each must come back exactly as sent, and no statement may escape its literal.
var hostile = []string{
	"plain",
	"O'Brien",
	`back\slash`,
	`ends with backslash\`,
	`\'`,
	`'); DROP TABLE accounts; --`,
	`' OR '1'='1`,
	"tab\there\nnewline\r\n",
	"nul\x00byte",
	"@value inside",
	"-- comment",
	"/* block */",
	"Zürich café 東京 🚀",
	"=HYPERLINK(\"http://example.invalid\")",
}

func TestBindingResistsInjection(t *testing.T) {
	q := newTestQueries()
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		for _, s := range hostile {
			res, err := st.Query(ctx, q.EchoString, store.Args{"value": s})
			if err != nil {
				t.Fatalf("binding %q: %v", s, err)
			}
			if got := res.Rows[0][0]; got != s {
				t.Errorf("bound %q, read back %q", s, got)
			}
			if got := res.Rows[0][1].(uint64); got != uint64(len(s)) {
				t.Errorf("bound %q (%d bytes), engine saw %d bytes", s, len(s), got)
			}
		}
		// Stored through the insert path, found through the binding path.
		in, err := st.NewInserter(ctx, "accounts", "account_id", "name")
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range hostile {
			if err := in.Append(string(rune('A'+i)), s); err != nil {
				t.Fatal(err)
			}
		}
		if err := in.Close(); err != nil {
			t.Fatal(err)
		}
		for i, s := range hostile {
			res, err := st.Query(ctx, q.AccountByName, store.Args{"name": s})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 1 || res.Rows[0][0] != string(rune('A'+i)) || res.Rows[0][1] != s {
				t.Errorf("looking up %q found %v", s, res.Rows)
			}
		}
		rows, err := st.TableRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rows["accounts"] != uint64(len(hostile)) {
			t.Fatalf("accounts = %d, want %d (a value escaped its literal?)", rows["accounts"], len(hostile))
		}
	})
}

func TestValuesRoundTrip(t *testing.T) {
	type ticket struct {
		Account    string     `ch:"account_id"`
		ID         string     `ch:"ticket_id"`
		Created    time.Time  `ch:"created_at"`
		FirstResp  *float64   `ch:"first_response_minutes"`
		Resolution *float64   `ch:"resolution_minutes"`
		CSAT       *uint8     `ch:"satisfaction"`
		Escalated  uint8      `ch:"escalated_to_vendor"`
		Subject    string     `ch:"subject"`
		Updated    *time.Time `ch:"updated_at"`
	}
	sel := store.Query{Name: "tickets", SQL: "SELECT account_id, ticket_id, created_at, first_response_minutes, resolution_minutes, satisfaction, escalated_to_vendor, subject, updated_at FROM tickets FINAL ORDER BY ticket_id"}
	created := time.Date(2026, 3, 29, 1, 30, 15, 0, time.UTC)
	five := uint8(5)
	half := 0.5
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		in, err := st.NewInserter(ctx, "tickets", "account_id", "ticket_id", "source", "created_at", "updated_at", "first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor", "subject")
		if err != nil {
			t.Fatal(err)
		}
		must(t, in.Append("acc", "1", "zendesk", created, created, half, nil, &five, true, "multi\nline\tsubject"))
		must(t, in.Append("acc", "2", "zendesk", created, created.Add(time.Hour), math.MaxFloat64, 1e-9, nil, 0, ""))
		must(t, in.Close())
		res, err := st.Query(ctx, sel, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.Scan[ticket](res)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("got %d tickets", len(got))
		}
		a, b := got[0], got[1]
		if !a.Created.Equal(created) || *a.FirstResp != 0.5 || a.Resolution != nil || *a.CSAT != 5 || a.Escalated != 1 || a.Subject != "multi\nline\tsubject" {
			t.Errorf("ticket 1 read back as %+v", a)
		}
		if *b.FirstResp != math.MaxFloat64 || *b.Resolution != 1e-9 || b.CSAT != nil || !b.Updated.Equal(created.Add(time.Hour)) {
			t.Errorf("ticket 2 read back as %+v", b)
		}
	})
}

func TestInsertRejectsWrongValues(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		in, err := st.NewInserter(ctx, "usage", "day", "account_id", "user_id", "workload", "activity_count")
		if err != nil {
			t.Fatal(err)
		}
		defer in.Abort()
		err = in.Append(day, "a", "u", "Teams", -1)
		if err == nil || !strings.Contains(err.Error(), "activity_count") || !strings.Contains(err.Error(), "negative") {
			t.Fatalf("negative count gave %v", err)
		}
		err = in.Append("yesterday", "a", "u", "Teams", 1)
		if err == nil || !strings.Contains(err.Error(), "column day") {
			t.Fatalf("string day gave %v", err)
		}
		if _, err := st.NewInserter(ctx, "usage", "nope"); err == nil || !strings.Contains(err.Error(), `no column "nope"`) {
			t.Fatalf("unknown column gave %v", err)
		}
	})
}

func TestQueryErrorsNameTheQuery(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		_, err := st.Query(context.Background(), store.Query{Name: "broken", SQL: "SELECT * FROM no_such_table"}, nil)
		if err == nil || !strings.Contains(err.Error(), "query broken") || !strings.Contains(err.Error(), "no_such_table") {
			t.Fatalf("error = %v", err)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
