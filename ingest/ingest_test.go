package ingest_test

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/ingest/generate"
	"github.com/uptake/uptake/store"
)

func mustLoader(t *testing.T, st *store.Store) *ingest.Loader {
	t.Helper()
	l, err := ingest.NewLoader(st)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func checkIdentity(t *testing.T, r *ingest.Result) {
	t.Helper()
	if r.Read != r.Loaded+r.Quarantined+r.Duplicates+r.HeldBack {
		t.Fatalf("%s: read %d != loaded %d + quarantined %d + duplicates %d", r.File, r.Read, r.Loaded, r.Quarantined, r.Duplicates)
	}
}

func TestSampleLoadsAndReingestIsANoOp(t *testing.T) {
	dir := t.TempDir()
	sum, err := generate.Write(dir, generate.Scales[0], 7, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for name, rows := range sum.Files {
			r, err := l.File(ctx, filepath.Join(dir, name), ingest.Options{Privacy: testPrivacy})
			if err != nil {
				t.Fatal(err)
			}
			checkIdentity(t, r)
			if r.Loaded != int64(rows) || r.Quarantined != 0 {
				t.Errorf("%s: loaded %d of %d rows, quarantined %d: %v", name, r.Loaded, rows, r.Quarantined, r.Problems)
			}
		}
		before, err := st.TableRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if before["usage"] != uint64(sum.Files["usage.csv"]) || before["tickets"] != uint64(sum.Files["tickets.csv"]) {
			t.Fatalf("stored %v for files %v", before, sum.Files)
		}
		r, err := l.File(ctx, filepath.Join(dir, "usage.csv"), ingest.Options{Privacy: testPrivacy})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, r)
		if r.Loaded != 0 || r.Duplicates != int64(sum.Files["usage.csv"]) || r.AlreadyLoaded == "" {
			t.Fatalf("re-ingest: %+v", r)
		}
		after, _ := st.TableRows(ctx)
		if after["usage"] != before["usage"] {
			t.Fatalf("re-ingest changed usage rows %d → %d", before["usage"], after["usage"])
		}
	})
}

func TestOverlappingFilesDoNotDoubleCount(t *testing.T) {
	dir := t.TempDir()
	header := "day,account_id,user_id,workload,activity_count\n"
	a := header + "2026-05-01,A,u1,Teams,3\n2026-05-02,A,u1,Teams,4\n"
	b := header + "2026-05-02,A,u1,Teams,4\n2026-05-03,A,u2,Teams,1\n" // one row overlaps
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte(a), 0o600)
	writeGzip(t, filepath.Join(dir, "b.csv.gz"), b)
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for _, f := range []string{"a.csv", "b.csv.gz"} {
			r, err := l.File(ctx, filepath.Join(dir, f), ingest.Options{Privacy: testPrivacy})
			if err != nil {
				t.Fatal(err)
			}
			checkIdentity(t, r)
		}
		rows, _ := st.TableRows(ctx)
		if rows["usage"] != 3 {
			t.Fatalf("usage rows = %d, want 3 distinct days×users", rows["usage"])
		}
	})
}

func TestBadRowsAreQuarantinedWithLineAndColumn(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		r, err := l.File(ctx, "testdata/tickets_bad.csv", ingest.Options{Location: time.UTC, MaxBad: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, r)
		if r.Entity != "tickets" || r.Read != 5 || r.Loaded != 2 || r.Quarantined != 3 {
			t.Fatalf("result %+v", r)
		}
		want := []string{
			`line 3, column created_at: "not a date" is not a date`,
			"line 4, column account_id: is empty",
			`line 5, column satisfaction: "nine" is neither yes/no nor a number`,
		}
		for i, w := range want {
			if got := r.Problems[i].String(); !strings.HasPrefix(got, w) {
				t.Errorf("problem %d = %q, want it to start with %q", i, got, w)
			}
		}
		rows, _ := st.TableRows(ctx)
		if rows["quarantine"] != 3 || rows["tickets"] != 2 {
			t.Fatalf("stored %v", rows)
		}
		q := store.Query{Name: "ticket_facts", SQL: "SELECT ticket_id, category, category_inferred, language, toString(created_at) AS created FROM tickets FINAL ORDER BY ticket_id"}
		res, err := st.Query(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, row := range res.Rows {
			got += strings.TrimSpace(strings.Join([]string{row[0].(string), row[1].(string), fmt.Sprint(row[2]), row[3].(string), row[4].(string)}, " ")) + "\n"
		}
		wantRows := "T-1 howto 1 fr 2026-03-01 10:00:00\nT-5 howto 1 en 2026-03-03 15:00:00\n"
		if got != wantRows {
			t.Errorf("stored tickets:\n%swant:\n%s", got, wantRows)
		}
	})
}

func TestUnknownHeaderSaysWhatIsExpected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mystery.csv")
	os.WriteFile(path, []byte("foo,bar\n1,2\n"), 0o600)
	env.Each(t, func(t *testing.T, st *store.Store) {
		_, err := mustLoader(t, st).File(context.Background(), path, ingest.Options{})
		if err == nil || !strings.Contains(err.Error(), "mystery.csv") || !strings.Contains(err.Error(), "--map") || !strings.Contains(err.Error(), "usage (day, account_id, user_id, workload)") {
			t.Fatalf("error = %v", err)
		}
	})
}

func TestColumnMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(path, []byte("Ticket ID,Customer,Date of Purchase,Ticket Subject\n42,ACC-9,2026-01-05,Wie kann ich einen Kanal erstellen?\n"), 0o600)
	m, err := ingest.ParseMapping("ticket_id=Ticket ID,account_id=Customer,created_at=Date of Purchase,subject=Ticket Subject")
	if err != nil {
		t.Fatal(err)
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		r, err := mustLoader(t, st).File(context.Background(), path, ingest.Options{Mapping: m})
		if err != nil {
			t.Fatal(err)
		}
		if r.Entity != "tickets" || r.Loaded != 1 {
			t.Fatalf("%+v", r)
		}
	})
}

func writeGzip(t *testing.T, path, content string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(content))
	zw.Close()
	f.Close()
}

func TestTooManyBadRowsLoadsNothing(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		r, err := mustLoader(t, st).File(ctx, "testdata/tickets_bad.csv", ingest.Options{MaxBad: 0.5})
		if !errors.Is(err, ingest.ErrTooManyBadRows) || !strings.Contains(err.Error(), "3 of 5 rows (60.0%)") || !strings.Contains(err.Error(), "nothing from this file was loaded") {
			t.Fatalf("error = %v", err)
		}
		checkIdentity(t, r)
		if r.Loaded != 0 || r.HeldBack != 2 || r.Quarantined != 3 {
			t.Fatalf("%+v", r)
		}
		rows, _ := st.TableRows(ctx)
		if rows["tickets"] != 0 || rows["quarantine"] != 3 || rows["ingest_ledger"] != 0 {
			t.Fatalf("stored %v", rows)
		}
		tables, err := st.Query(ctx, store.Query{Name: "staging_left", SQL: "SELECT count() FROM system.tables WHERE database = currentDatabase() AND startsWith(name, 'staging_')"}, nil)
		if err != nil || tables.Rows[0][0].(uint64) != 0 {
			t.Fatalf("staging tables left: %v %v", tables, err)
		}
	})
}

func TestGenericJSONLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tickets.jsonl")
	content := `{"account_id":"ACC-1","ticket_id":17,"created_at":"2026-02-03T08:00:00Z","subject":"How do I add a shared mailbox?","satisfaction":4,"escalated_to_vendor":false}

{"account_id":"ACC-1","ticket_id":"18","created_at":"2026-02-04 09:30","subject":"Facture en double","category":"billing","extra":{"nested":true}}
{"account_id":"ACC-2","ticket_id":"19","created_at":
{"account_id":"ACC-2","ticket_id":"20","created_at":"yesterday"}
`
	os.WriteFile(path, []byte(content), 0o600)
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		r, err := mustLoader(t, st).File(ctx, path, ingest.Options{MaxBad: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, r)
		if r.Format != "generic-jsonl" || r.Entity != "tickets" || r.Read != 4 || r.Loaded != 2 || r.Quarantined != 2 {
			t.Fatalf("%+v", r)
		}
		if got := r.Problems[0].String(); !strings.HasPrefix(got, "line 4: not a JSON object") {
			t.Errorf("problem 0 = %q", got)
		}
		if got := r.Problems[1].String(); !strings.HasPrefix(got, `line 5, column created_at: "yesterday" is not a date`) {
			t.Errorf("problem 1 = %q", got)
		}
		res, err := st.Query(ctx, store.Query{Name: "t", SQL: "SELECT ticket_id, category, source, satisfaction FROM tickets FINAL ORDER BY ticket_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(res.Rows) != "[[17 howto generic 4] [18 billing generic <nil>]]" {
			t.Errorf("rows %v", res.Rows)
		}
	})
}

func TestUserCategoryMap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(path, []byte("account_id,ticket_id,created_at,category,subject\nA,1,2026-01-05,Licence Desk,Need help\nA,2,2026-01-05,Refund Request,x\nA,3,2026-01-05,Zzz,How do I pin a chat?\n"), 0o600)
	cats, err := ingest.ParseCategoryMap("Licence Desk=billing, Zzz = updates")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.ParseCategoryMap("Foo=bar"); err == nil || !strings.Contains(err.Error(), "howto") {
		t.Fatalf("bad target: %v", err)
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := mustLoader(t, st).File(ctx, path, ingest.Options{CategoryMap: cats}); err != nil {
			t.Fatal(err)
		}
		res, err := st.Query(ctx, store.Query{Name: "c", SQL: "SELECT ticket_id, category, category_inferred, source_category FROM tickets FINAL ORDER BY ticket_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "[[1 billing 0 Licence Desk] [2 other 1 Refund Request] [3 updates 0 Zzz]]"
		if fmt.Sprint(res.Rows) != want {
			t.Fatalf("got %v, want %v", res.Rows, want)
		}
	})
}

func TestGenericFixtureVariants(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)

		r, err := l.File(ctx, "testdata/usage_reordered_bom.csv", ingest.Options{Privacy: ingest.Privacy{KeepUserNames: true}})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, r)
		res, err := st.Query(ctx, store.Query{Name: "u", SQL: "SELECT toString(day), account_id, user_id, workload, activity_count FROM usage FINAL ORDER BY user_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "[[2026-04-01 ACC-1 anna@contoso.example Teams 4] [2026-04-01 ACC-1 ben@contoso.example Exchange 0] [2026-04-02 ACC-2 cara@contoso.example SharePoint 2]]"
		if fmt.Sprint(res.Rows) != want {
			t.Errorf("reordered, BOM, ';', three date shapes: %v, want %v", res.Rows, want)
		}

		r, err = l.File(ctx, "testdata/accounts_cp1252.csv", ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Encoding != "windows-1252" || r.Loaded != 2 {
			t.Fatalf("Windows-1252: %+v", r)
		}
		res, err = st.Query(ctx, store.Query{Name: "a", SQL: "SELECT name FROM accounts FINAL ORDER BY account_id"}, nil)
		if err != nil || fmt.Sprint(res.Rows) != "[[Café Zürich AG] [Société Générale Test]]" {
			t.Errorf("Windows-1252 names: %v %v", res.Rows, err)
		}

		if _, err := l.File(ctx, "testdata/tickets_truncated.csv", ingest.Options{}); !errors.Is(err, ingest.ErrTooManyBadRows) {
			t.Fatalf("by default a truncated file with 1 bad row of 2 is refused: %v", err)
		}
		r, err = l.File(ctx, "testdata/tickets_truncated.csv", ingest.Options{MaxBad: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkIdentity(t, r)
		if r.Loaded != 1 || r.Quarantined != 1 || !strings.HasPrefix(r.Problems[0].String(), "line 3: the CSV structure is broken here") {
			t.Fatalf("truncated file: %+v", r)
		}
	})
}

func TestSameSizeDifferentContentLoads(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("account_id,name\nA,Alpha\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "b.csv"), []byte("account_id,name\nB,Omega\n"), 0o600)
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		for _, f := range []string{"a.csv", "b.csv", "a.csv"} {
			r, err := l.File(ctx, filepath.Join(dir, f), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkIdentity(t, r)
		}
		rows, _ := st.TableRows(ctx)
		if rows["accounts"] != 2 || rows["ingest_ledger"] != 2 {
			t.Fatalf("stored %v, want both accounts and two ledger entries", rows)
		}
	})
}
