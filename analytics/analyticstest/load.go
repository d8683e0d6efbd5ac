// Package analyticstest loads data the way `uptake ingest` does, for the
// tests of the packages that read it (analytics, dashboard).
package analyticstest

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

// LoadDir ingests every CSV file of dir into st, in name order, refreshes
// the rollups over the months they touched, and returns the analytics
// service with the default rules.
func LoadDir(t testing.TB, st *store.Store, dir string) *analytics.Service {
	t.Helper()
	ctx := context.Background()
	loader, err := ingest.NewLoader(st)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := analytics.New(st, analytics.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	sort.Strings(files)
	changes := analytics.Changes{"accounts": nil} // recount the tables even for no file
	for _, f := range files {
		res, err := loader.File(ctx, f, ingest.Options{Privacy: ingest.Privacy{PseudonymKey: "test-key"}})
		if err != nil {
			t.Fatalf("ingesting %s: %v", f, err)
		}
		changes.Add(res.Table, res.Partitions)
	}
	if _, err := svc.Refresh(ctx, changes); err != nil {
		t.Fatalf("refreshing rollups: %v", err)
	}
	return svc
}
