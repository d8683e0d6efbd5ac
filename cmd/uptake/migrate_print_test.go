package main

import (
	"strings"
	"testing"
)

// migrate --print --cluster writes the cluster DDL without touching a store;
// --cluster with the embedded store is refused with the reason.
func TestMigratePrintsClusterDDL(t *testing.T) {
	dir := t.TempDir()
	code, out := uptake(t, dir, nil, "migrate", "--print", "--cluster", "main", "--store", "clickhouse://u:p@127.0.0.1:1/uptake")
	if code != 0 || !strings.Contains(out, "CREATE TABLE IF NOT EXISTS uptake.usage_local ON CLUSTER main") ||
		!strings.Contains(out, "ENGINE = Distributed(main, uptake, usage_local, cityHash64(account_id));") {
		t.Fatalf("exit %d:\n%.2000s", code, out)
	}
	code, out = uptake(t, dir, nil, "migrate", "--print", "--store", "clickhouse://u:p@127.0.0.1:1/uptake?cluster=main")
	if code != 0 || !strings.Contains(out, "ON CLUSTER main") {
		t.Fatalf("cluster in the store URL: exit %d:\n%.2000s", code, out)
	}
	code, out = uptake(t, dir, nil, "migrate", "--cluster", "main", "--store", "embedded:"+dir+"/data")
	if code == 0 || !strings.Contains(out, "--cluster main needs a clickhouse:// store") {
		t.Fatalf("--cluster with the embedded store: exit %d: %s", code, out)
	}
	code, out = uptake(t, dir, nil, "migrate", "--cluster", "main", "--store", "clickhouse://u:p@127.0.0.1:1/uptake?cluster=other")
	if code == 0 || !strings.Contains(out, "disagree") {
		t.Fatalf("two cluster names: exit %d: %s", code, out)
	}
}
