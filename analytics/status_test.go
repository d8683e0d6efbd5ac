package analytics_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

func TestDataStatusEmptyThenLoaded(t *testing.T) {
	dir := t.TempDir()
	usage := "day,account_id,user_id,workload,activity_count\n2026-04-01,A,u1,Teams,3\n2026-04-09,B,u1,Teams,1\n2026-04-09,B,u1,Teams,1\n"
	if err := os.WriteFile(filepath.Join(dir, "usage.csv"), []byte(usage), 0o600); err != nil {
		t.Fatal(err)
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc, err := analytics.New(st, analytics.Defaults())
		if err != nil {
			t.Fatal(err)
		}
		empty, err := svc.DataStatus(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		if !empty.Empty() || len(empty.Tables) != 6 || len(empty.Ingests) != 0 || !empty.Tables[2].FirstDay.IsZero() {
			t.Fatalf("fresh store status: %+v", empty)
		}
		loader, err := ingest.NewLoader(st)
		if err != nil {
			t.Fatal(err)
		}
		res, err := loader.File(ctx, filepath.Join(dir, "usage.csv"), ingest.Options{Privacy: ingest.Privacy{PseudonymKey: "test-key"}})
		if err != nil {
			t.Fatal(err)
		}
		// The counts are taken by the refresh every ingest ends with.
		if _, err := svc.Refresh(ctx, analytics.Changes{res.Table: res.Partitions}); err != nil {
			t.Fatal(err)
		}
		status, err := svc.DataStatus(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		u := status.Tables[2]
		if status.Empty() || u.Table != "usage" || u.Rows != 2 || u.Accounts != 2 ||
			!u.FirstDay.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) || !u.LastDay.Equal(time.Date(2026, 4, 9, 0, 0, 0, 0, time.UTC)) || u.CountedAt.IsZero() {
			t.Fatalf("usage status: %+v", u)
		}
		if len(status.Ingests) != 1 || status.Ingests[0].Read != 3 || status.Ingests[0].Loaded != 3 || status.Ingests[0].File != "usage.csv" {
			t.Fatalf("ingests: %+v", status.Ingests)
		}
	})
}
