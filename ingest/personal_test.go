package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

// testPrivacy is the default treatment of personal data, with a test key.
var testPrivacy = ingest.Privacy{PseudonymKey: "test-key"}

func TestUserNamesArePseudonymisedConsistently(t *testing.T) {
	dir := t.TempDir()
	a := "day,account_id,user_id,workload\n2026-05-01,A,Anna.Berg@Contoso.example,Teams\n"
	b := "day,account_id,user_id,workload\n2026-05-02,A,anna.berg@contoso.example ,Teams\n2026-05-02,A,,Teams\n"
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte(a), 0o600)
	os.WriteFile(filepath.Join(dir, "b.csv"), []byte(b), 0o600)
	users := store.Query{Name: "users", SQL: "SELECT DISTINCT user_id FROM usage FINAL"}
	bad := store.Query{Name: "bad", SQL: "SELECT raw FROM quarantine FINAL"}
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		l := mustLoader(t, st)
		if _, err := l.File(ctx, filepath.Join(dir, "a.csv"), ingest.Options{}); !errors.Is(err, ingest.ErrNoPseudonymKey) {
			t.Fatalf("no key: %v", err)
		}
		for _, f := range []string{"a.csv", "b.csv"} {
			if _, err := l.File(ctx, filepath.Join(dir, f), ingest.Options{Privacy: testPrivacy, MaxBad: 1}); err != nil {
				t.Fatal(err)
			}
		}
		res, err := st.Query(ctx, users, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 1 || !strings.HasPrefix(res.Rows[0][0].(string), "u-") || len(res.Rows[0][0].(string)) != 18 {
			t.Fatalf("stored user ids %v, want one pseudonym for both spellings", res.Rows)
		}
		res, err = st.Query(ctx, bad, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 1 || strings.Contains(res.Rows[0][0].(string), "@") {
			t.Fatalf("quarantined raw text %v keeps an e-mail address", res.Rows)
		}
	})
}

func TestKeepUserNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "u.csv")
	os.WriteFile(path, []byte("day,account_id,user_id,workload\n2026-05-01,A,anna@contoso.example,Teams\n"), 0o600)
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := mustLoader(t, st).File(ctx, path, ingest.Options{Privacy: ingest.Privacy{KeepUserNames: true}}); err != nil {
			t.Fatal(err)
		}
		res, err := st.Query(ctx, store.Query{Name: "u", SQL: "SELECT user_id FROM usage FINAL"}, nil)
		if err != nil || res.Rows[0][0] != "anna@contoso.example" {
			t.Fatalf("%v %v", res, err)
		}
	})
}

func TestContactDetailsInTicketTextAreMasked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.csv")
	content := "account_id,ticket_id,created_at,subject,body\n" +
		"A,1,2026-05-01,Call me back,\"Please call +49 (0)30 1234-5678 or mail jan.kowalski@fabrikam.example about invoice 2026-05-01, amount 1200.\"\n"
	os.WriteFile(path, []byte(content), 0o600)
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := mustLoader(t, st).File(ctx, path, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
		res, err := st.Query(ctx, store.Query{Name: "b", SQL: "SELECT body FROM tickets FINAL"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "Please call [phone] or mail [email] about invoice 2026-05-01, amount 1200."
		if res.Rows[0][0] != want {
			t.Fatalf("body = %q, want %q", res.Rows[0][0], want)
		}
	})
}
