package clustertest_test

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

// nodeDownPort is the base port of the cluster this test starts and
// breaks (the shared test cluster is on 19200 and up).
const nodeDownPort = 19700

// With a replica down (node 3, of shard 2): reads and an up-to-date
// store's open carry on; an ingest stops with the reason and loads
// nothing; once the node is back, the ingest works and the node holds
// the same rows as its replica. The test breaks a cluster of its own.
func TestOnClusterNodeDown(t *testing.T) {
	env.OpenUnmigrated(t, storetest.Cluster) // skips (or fails in CI) without a test cluster
	dir := t.TempDir()
	script, err := filepath.Abs("../../scripts/clickhouse-test-cluster.sh")
	if err != nil {
		t.Fatal(err)
	}
	clusterEnv := append(os.Environ(), "UPTAKE_TEST_CLUSTER_DIR="+filepath.Join(dir, "cluster"), "UPTAKE_TEST_CLUSTER_PORT="+strconv.Itoa(nodeDownPort))
	start := exec.Command("bash", script, "start")
	start.Env = clusterEnv
	out, err := start.Output()
	if err != nil {
		t.Fatalf("starting a cluster of the test's own: %v", err)
	}
	t.Cleanup(func() {
		stop := exec.Command("bash", script, "stop")
		stop.Env = clusterEnv
		_ = stop.Run()
	})
	loc, err := store.ParseURL(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st := openMigrated(t, loc)
	tickets := writeTickets(t, dir, "tickets-1.csv", "T1", "T2", "T3")
	if _, err := mustLoader(t, st).File(ctx, tickets, ingest.Options{}); err != nil {
		t.Fatal(err)
	}

	node3 := filepath.Join(dir, "cluster", "node3")
	pid, err := os.ReadFile(filepath.Join(node3, "pid"))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(pid)))
	if err := syscall.Kill(n, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for syscall.Kill(n, 0) == nil {
		time.Sleep(50 * time.Millisecond)
	}

	reader := openMigrated(t, loc)
	if got := count(t, reader, "SELECT count() FROM tickets FINAL"); got != 3 {
		t.Fatalf("with node 3 down: %d tickets, want 3", got)
	}
	more := writeTickets(t, dir, "tickets-2.csv", "T4", "T5")
	_, err = mustLoader(t, reader).File(ctx, more, ingest.Options{})
	if err == nil || !strings.Contains(err.Error(), "did not apply a schema change in time") || !strings.Contains(err.Error(), "system.clusters") {
		t.Fatalf("an ingest with node 3 down: %v; want the reason and what to do", err)
	}
	if got := count(t, reader, "SELECT count() FROM tickets FINAL"); got != 3 {
		t.Fatalf("after the refused ingest: %d tickets, want 3 (nothing loaded)", got)
	}

	restart := exec.Command("clickhouse-server", "--config-file="+filepath.Join(node3, "config.xml"))
	if err := restart.Start(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(node3, "pid"), []byte(strconv.Itoa(restart.Process.Pid)), 0o600); err != nil {
		t.Fatal(err)
	}
	go func() { _ = restart.Wait() }()
	waitForPing(t, nodeDownPort+31)
	if _, err := mustLoader(t, reader).File(ctx, more, ingest.Options{}); err != nil {
		t.Fatalf("the same ingest once node 3 is back: %v", err)
	}
	replicaLoc := loc
	replicaLoc.Cluster, replicaLoc.Addr, replicaLoc.Database = "", "127.0.0.1:"+strconv.Itoa(nodeDownPort+30), "nodedown"
	replica, err := store.Open(ctx, replicaLoc, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	if err := replica.Exec(ctx, store.Query{Name: "sync", SQL: "SYSTEM SYNC REPLICA tickets_local"}, nil); err != nil {
		t.Fatal(err)
	}
	shard2 := count(t, replica, "SELECT count() FROM tickets_local")
	if total := count(t, reader, "SELECT count() FROM tickets FINAL"); total != 5 || shard2 == 0 {
		t.Fatalf("after node 3 came back: %d tickets in all (want 5), %d on node 3", total, shard2)
	}
}

func openMigrated(t *testing.T, loc store.Location) *store.Store {
	t.Helper()
	loc.Database = "nodedown"
	st, err := store.Open(context.Background(), loc, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func mustLoader(t *testing.T, st *store.Store) *ingest.Loader {
	t.Helper()
	l, err := ingest.NewLoader(st)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// writeTickets writes a help-desk file of one ticket per id, for accounts
// that hash to both shards.
func writeTickets(t *testing.T, dir, name string, ids ...string) string {
	t.Helper()
	csv := "ticket_id,account_id,created_at,subject,category\n"
	for i, id := range ids {
		csv += id + ",ACC-" + strconv.Itoa(i) + ",2026-10-0" + strconv.Itoa(1+i) + " 10:00:00,How do I share a calendar,howto\n"
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func waitForPing(t *testing.T, httpPort int) {
	t.Helper()
	for i := 0; i < 120; i++ {
		resp, err := http.Get("http://127.0.0.1:" + strconv.Itoa(httpPort) + "/ping")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("node on port %d did not answer within 60 s of its restart", httpPort)
}
