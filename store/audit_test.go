package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// The audit log keeps entries and reads them back newest first, filtered.
func TestAuditLog(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		at := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		for i, e := range []store.AuditEntry{
			{Username: "ann", Role: "manager", Action: store.AuditSignIn, Outcome: "ok", Detail: "password", IP: "10.0.0.1", RequestID: "r1"},
			{Username: "ann", Role: "manager", Action: store.AuditExport, Outcome: "ok", Detail: "portfolio as xlsx, 2 rows", IP: "10.0.0.1", RequestID: "r2"},
			{Username: "eve", Action: store.AuditSignIn, Outcome: "refused", Detail: "wrong user name or password; ' OR 1=1 --", IP: "10.0.0.9"},
		} {
			e.At = at.Add(time.Duration(i) * time.Minute)
			if err := st.Audit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		all, err := st.AuditLog(ctx, "", "", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 3 || all[0].Username != "eve" || all[0].Detail != "wrong user name or password; ' OR 1=1 --" || !all[2].At.Equal(at) {
			t.Fatalf("all entries: %+v", all)
		}
		ann, err := st.AuditLog(ctx, "ann", store.AuditSignIn, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(ann) != 1 || ann[0].RequestID != "r1" || ann[0].IP != "10.0.0.1" {
			t.Fatalf("ann's sign-ins: %+v", ann)
		}
		if one, err := st.AuditLog(ctx, "", "", 1); err != nil || len(one) != 1 {
			t.Fatalf("limit 1: %v %+v", err, one)
		}
	})
}
