package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

// ticketsNPSMigration adds a column to a table that holds rows: the upgrade
// test stops just before it.
const ticketsNPSMigration = 13

// A database left by an older release (migrated up to 0012, with tickets
// and usage in it) upgrades in place: the new migrations apply, every row
// stays, the new column reads NULL for old rows and takes values for new.
func TestUpgradeKeepsData(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) { checkUpgrade(t, env.OpenUnmigrated(t, e)) })
	}
}

// The same on a cluster, where the ALTER of 0013 reaches every shard's
// local table and the Distributed table is created again over it.
func TestOnClusterUpgradeKeepsData(t *testing.T) {
	checkUpgrade(t, env.OpenUnmigrated(t, storetest.Cluster))
}

func checkUpgrade(t *testing.T, st *store.Store) {
	ctx := context.Background()
	old, err := st.MigrateTo(ctx, ticketsNPSMigration-1)
	if err != nil {
		t.Fatal(err)
	}
	if len(old) != ticketsNPSMigration-1 {
		t.Fatalf("the older release's schema: %d migrations, want %d", len(old), ticketsNPSMigration-1)
	}
	day := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
	tickets, err := st.NewInserter(ctx, "tickets", "account_id", "source", "ticket_id", "created_at", "updated_at", "subject")
	if err != nil {
		t.Fatal(err)
	}
	for i, acc := range []string{"A1", "A2", "B1", "B2", "C1", "C2"} {
		if err := tickets.Append(acc, "csv", "T"+acc, day.AddDate(0, 0, 20*i), day.AddDate(0, 0, 20*i), "How do I share a calendar"); err != nil {
			t.Fatal(err)
		}
	}
	if err := tickets.Close(); err != nil {
		t.Fatal(err)
	}
	insertUsage(t, st, 120)

	ran, err := st.Migrate(ctx)
	if err != nil {
		t.Fatalf("upgrading a database that holds data: %v", err)
	}
	all, err := store.Migrations(st.Layout())
	if err != nil {
		t.Fatal(err)
	}
	if len(ran) != len(all)-len(old) || ran[0].Version != ticketsNPSMigration {
		t.Fatalf("the upgrade applied %d migrations from %d, want the %d from %d", len(ran), ran[0].Version, len(all)-len(old), ticketsNPSMigration)
	}
	got := queryRow(t, st, "SELECT count(), countIf(isNull(nps)) FROM tickets FINAL")
	if got[0] != uint64(6) || got[1] != uint64(6) {
		t.Fatalf("after the upgrade: %v tickets, %v with no NPS; want 6 and 6", got[0], got[1])
	}
	if n := queryRow(t, st, "SELECT count() FROM usage")[0]; n != uint64(120) {
		t.Fatalf("after the upgrade: %v usage rows, want 120", n)
	}
	fresh, err := st.NewInserter(ctx, "tickets", "account_id", "source", "ticket_id", "created_at", "updated_at", "subject", "nps")
	if err != nil {
		t.Fatal(err)
	}
	if err := fresh.Append("A1", "csv", "T-new", day, day, "Rated", uint8(9)); err != nil {
		t.Fatal(err)
	}
	if err := fresh.Close(); err != nil {
		t.Fatal(err)
	}
	got = queryRow(t, st, "SELECT count(), sum(nps) FROM tickets FINAL")
	if got[0] != uint64(7) {
		t.Fatalf("after a new ticket: %v tickets, want 7", got[0])
	}
	if ran, err := st.Migrate(ctx); err != nil || len(ran) != 0 {
		t.Fatalf("migrating again after the upgrade: %d applied, %v", len(ran), err)
	}
}

func queryRow(t *testing.T, st *store.Store, sql string) []any {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "upgrade_check", SQL: sql}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 {
		t.Fatalf("%s: %d rows", sql, len(res.Rows))
	}
	return res.Rows[0]
}
