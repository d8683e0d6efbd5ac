package analyticstest

import (
	"context"
	"os"
	"runtime/debug"
	"testing"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/store"
)

// OpenLarge opens the --scale large store named by UPTAKE_BENCH_LARGE
// (prepared by scripts/bench-large.sh; make bench sets it), migrated, with
// the garbage-collector setting `uptake serve` uses; it skips the
// benchmark when the variable is not set. The store closes at cleanup.
func OpenLarge(b *testing.B) (*store.Store, *analytics.Service) {
	raw := os.Getenv("UPTAKE_BENCH_LARGE")
	if raw == "" {
		b.Skip("set UPTAKE_BENCH_LARGE to the store prepared by scripts/bench-large.sh (make bench does)")
	}
	debug.SetGCPercent(analytics.ServerGCPercent)
	ctx := context.Background()
	loc, err := store.ParseURL(raw)
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, loc, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	svc, err := analytics.New(st, analytics.Defaults())
	if err != nil {
		b.Fatal(err)
	}
	return st, svc
}
