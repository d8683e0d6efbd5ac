package loadtest

// The ingest that runs during the load, and the check that it lost nothing.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

func countRows(t *testing.T, st *store.Store, table string) uint64 {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "loadtest_count_" + table, SQL: "SELECT count() FROM " + table + " FINAL"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Rows[0][0].(uint64)
}

// ---- the ingest ----

// ingestRun is what the ingest during the run did, with times from the
// start of the run.
type ingestRun struct {
	results           []*ingest.Result
	took              map[string]time.Duration // by file name
	errs              []error
	started, finished time.Duration
	refresh, themes   time.Duration
	themesN           string
}

// runIngest loads the files with the Loader `uptake ingest` uses, then
// refreshes the rollups over the months they touched and assigns new
// tickets to the stored themes, as refreshAfter in cmd/uptake does. On the
// server engine it has its own connection, as a separate `uptake ingest`
// process would; the embedded engine is the dashboard's own (chDB serves
// one process), as for an upload through the dashboard.
func runIngest(ctx context.Context, st *store.Store, files []string, runStart time.Time) (run ingestRun) {
	run.started, run.took = time.Since(runStart), map[string]time.Duration{}
	defer func() { run.finished = time.Since(runStart) }()
	fail := func(err error) ingestRun { run.errs = append(run.errs, err); return run }
	if st.Kind() == "server" {
		own, err := store.Open(ctx, st.Location(), store.Options{})
		if err != nil {
			return fail(err)
		}
		defer own.Close()
		st = own
	}
	loader, err := ingest.NewLoader(st)
	if err != nil {
		return fail(err)
	}
	svc, err := analytics.New(st, analytics.Defaults())
	if err != nil {
		return fail(err)
	}
	changes := analytics.Changes{}
	for _, f := range files {
		start := time.Now()
		res, err := loader.File(ctx, f, ingest.Options{Privacy: ingest.Privacy{PseudonymKey: pseudonymKey}})
		run.took[filepath.Base(f)] = time.Since(start)
		if err != nil {
			run.errs = append(run.errs, err)
		}
		if res != nil {
			run.results = append(run.results, res)
			changes.Add(res.Table, res.Partitions)
		}
	}
	start := time.Now()
	_, err = svc.Refresh(ctx, changes)
	run.refresh = time.Since(start)
	if err != nil {
		return fail(fmt.Errorf("refreshing the rollups after the ingest: %w", err))
	}
	if len(changes["tickets"]) > 0 {
		start := time.Now()
		tr, ran, err := svc.UpdateThemes(ctx)
		run.themes = time.Since(start)
		if err != nil {
			return fail(fmt.Errorf("assigning the new tickets to the themes: %w", err))
		}
		if ran {
			run.themesN = fmt.Sprintf("%d of %d how-to tickets assigned to %d themes", tr.Themed, tr.Tickets, tr.Themes)
		}
	}
	return run
}

func (r ingestRun) describe() string {
	var b strings.Builder
	var loaded int64
	for _, res := range r.results {
		loaded += res.Loaded
	}
	fmt.Fprintf(&b, "Ingest during the run: %d rows loaded, from +%.1fs to +%.1fs (%s): ", loaded, r.started.Seconds(), r.finished.Seconds(), (r.finished - r.started).Round(time.Millisecond))
	for _, res := range r.results {
		fmt.Fprintf(&b, "%s read %d = loaded %d + quarantined %d + duplicates %d in %s; ", res.File, res.Read, res.Loaded, res.Quarantined, res.Duplicates, r.took[res.File].Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "rollups refreshed in %s", r.refresh.Round(time.Millisecond))
	if r.themesN != "" {
		fmt.Fprintf(&b, "; themes %s (%s)", r.themes.Round(time.Millisecond), r.themesN)
	}
	b.WriteString(".\n")
	for _, err := range r.errs {
		fmt.Fprintf(&b, "Ingest error: %v\n", err)
	}
	return b.String()
}

// checkIngest compares what the ingest reported with the tables, the
// ledger and the quarantine.
func checkIngest(t *testing.T, st *store.Store, run ingestRun, data dataSets, before map[string]uint64) []string {
	ctx := context.Background()
	var problems []string
	for _, err := range run.errs {
		problems = append(problems, fmt.Sprintf("ingest: %v", err))
	}
	if len(run.results) != len(data.files) {
		problems = append(problems, fmt.Sprintf("ingest: %d of %d files gave a result", len(run.results), len(data.files)))
	}
	ledgerQ := store.Query{Name: "loadtest_ledger", SQL: "SELECT status, rows_read, rows_loaded, rows_quarantined, rows_duplicate FROM ingest_ledger FINAL WHERE file_name = @file"}
	quarantineQ := store.Query{Name: "loadtest_quarantine", SQL: "SELECT count() FROM quarantine FINAL WHERE file_name = @file"}
	for _, res := range run.results {
		if res.Read != res.Loaded+res.Quarantined+res.Duplicates || res.Duplicates != 0 || res.HeldBack != 0 {
			problems = append(problems, fmt.Sprintf("%s: read %d = loaded %d + quarantined %d + duplicates %d (held back %d): new content should have no duplicates", res.File, res.Read, res.Loaded, res.Quarantined, res.Duplicates, res.HeldBack))
		}
		if want := int64(data.bad[res.File]); res.Quarantined != want {
			problems = append(problems, fmt.Sprintf("%s: %d rows quarantined, %d were broken on purpose", res.File, res.Quarantined, want))
		}
		if after := countRows(t, st, res.Table); after != before[res.Table]+uint64(res.Loaded) {
			problems = append(problems, fmt.Sprintf("%s: table %s holds %d rows, %d before + %d loaded = %d expected: %d rows lost",
				res.File, res.Table, after, before[res.Table], res.Loaded, before[res.Table]+uint64(res.Loaded), int64(before[res.Table]+uint64(res.Loaded))-int64(after)))
		}
		l, err := st.Query(ctx, ledgerQ, store.Args{"file": res.File})
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: reading the ledger: %v", res.File, err))
		case len(l.Rows) != 1:
			problems = append(problems, fmt.Sprintf("%s: %d ledger entries, want 1", res.File, len(l.Rows)))
		default:
			r := l.Rows[0]
			got := fmt.Sprintf("%v read %v loaded %v quarantined %v duplicates %v", r[0], r[1], r[2], r[3], r[4])
			want := fmt.Sprintf("complete read %d loaded %d quarantined %d duplicates %d", res.Read, res.Loaded, res.Quarantined, res.Duplicates)
			if got != want {
				problems = append(problems, fmt.Sprintf("%s: ledger says %s, the ingest reported %s", res.File, got, want))
			}
		}
		q, err := st.Query(ctx, quarantineQ, store.Args{"file": res.File})
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: reading the quarantine: %v", res.File, err))
		} else if n := q.Rows[0][0].(uint64); n != uint64(res.Quarantined) {
			problems = append(problems, fmt.Sprintf("%s: the quarantine holds %d rows, the ingest reported %d", res.File, n, res.Quarantined))
		}
	}
	return problems
}

// ---- answers after the run ----
