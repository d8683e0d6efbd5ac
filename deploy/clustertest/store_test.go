package clustertest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

// On a cluster: a file with bad rows loads its good rows and quarantines
// the bad ones; loading it again skips it whole; no staging table is left
// on any node; a backup of the cluster restores on one server, and back
// onto the cluster over its data, with every table's rows.
func TestOnClusterIngestAgainBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	st := env.Open(t, storetest.Cluster)
	dir := t.TempDir()
	csv := "ticket_id,account_id,created_at,subject,category\n" +
		"T1,A1,2026-09-01 10:00:00,How do I share a calendar,howto\n" +
		"T2,A2,2026-10-02 11:00:00,Invoice question,billing\n" +
		"T3,B1,not a date,Teams is slow,performance\n" +
		"T4,B2,2026-10-03 09:30:00,Set up a new starter,deployment\n"
	file := filepath.Join(dir, "tickets.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	loader := mustLoader(t, st)
	res, err := loader.File(ctx, file, ingest.Options{MaxBad: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 4 || res.Loaded != 3 || res.Quarantined != 1 || len(res.Partitions) != 2 {
		t.Fatalf("first load: read %d, loaded %d, quarantined %d, partitions %v; want 4, 3, 1, two months", res.Read, res.Loaded, res.Quarantined, res.Partitions)
	}
	again, err := loader.File(ctx, file, ingest.Options{MaxBad: 1})
	if err != nil {
		t.Fatal(err)
	}
	if again.AlreadyLoaded == "" || again.Loaded != 0 {
		t.Fatalf("second load: loaded %d, already loaded %q; want it skipped", again.Loaded, again.AlreadyLoaded)
	}
	rows, err := st.TableRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rows["tickets"] != 3 || rows["quarantine"] != 1 {
		t.Fatalf("tickets %d, quarantine %d; want 3 and 1", rows["tickets"], rows["quarantine"])
	}
	left := count(t, st, "SELECT count() FROM cluster('"+st.Cluster()+"', system, tables) WHERE database = currentDatabase() AND startsWith(name, 'staging_')")
	if left != 0 {
		t.Errorf("%d staging tables left on the cluster's nodes", left)
	}

	backup := filepath.Join(t.TempDir(), "backup")
	if _, err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(backup, "*_local.native"))
	if len(files) > 0 {
		t.Errorf("the backup holds the shards' local tables too (%d files), which would double every row on restore", len(files))
	}
	one := env.Open(t, storetest.Server)
	if _, err := one.Restore(ctx, backup, store.RestoreOptions{}); err != nil {
		t.Fatalf("restoring the cluster's backup on one server: %v", err)
	}
	if got, _ := one.TableRows(ctx); got["tickets"] != 3 || got["quarantine"] != 1 {
		t.Errorf("restored on one server: tickets %d, quarantine %d; want 3 and 1", got["tickets"], got["quarantine"])
	}
	if _, err := st.Restore(ctx, backup, store.RestoreOptions{Replace: true}); err != nil {
		t.Fatalf("restoring onto the cluster with --replace: %v", err)
	}
	if got, _ := st.TableRows(ctx); got["tickets"] != 3 || got["quarantine"] != 1 {
		t.Errorf("restored on the cluster: tickets %d, quarantine %d; want 3 and 1", got["tickets"], got["quarantine"])
	}
}

// A cluster the server does not define, and the embedded store with a
// cluster, are refused with what to do.
func TestOnClusterWrongSettingsAreExplained(t *testing.T) {
	loc, err := env.ServerLocation()
	if err != nil {
		t.Skip(err)
	}
	cl := env.OpenUnmigrated(t, storetest.Cluster).Location()
	cl.Cluster = "no_such_cluster"
	_, err = store.Open(context.Background(), cl, store.Options{})
	if err == nil || !strings.Contains(err.Error(), `no cluster "no_such_cluster"`) || !strings.Contains(err.Error(), "uptake_test") {
		t.Errorf("unknown cluster: %v", err)
	}
	loc.Cluster = "uptake_test" // the single test server defines no cluster
	_, err = store.Open(context.Background(), loc, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "remote_servers") {
		t.Errorf("server without clusters: %v", err)
	}
	_, err = store.Open(context.Background(), store.Location{Embedded: true, Path: t.TempDir(), Database: "uptake", Cluster: "c"}, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "embedded store") {
		t.Errorf("embedded with a cluster: %v", err)
	}
}
