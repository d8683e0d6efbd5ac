package main

import (
	"strings"
	"testing"
)

// migrate --print --cluster writes the cluster DDL without touching a store,
// and --cluster alone is refused with the reason.
func TestMigratePrintsClusterDDL(t *testing.T) {
	dir := t.TempDir()
	code, out := uptake(t, dir, nil, "migrate", "--print", "--cluster", "main", "--store", "clickhouse://u:p@127.0.0.1:1/uptake")
	if code != 0 || !strings.Contains(out, "CREATE TABLE IF NOT EXISTS usage_local ON CLUSTER main") ||
		!strings.Contains(out, "ENGINE = Distributed(main, uptake, usage_local, cityHash64(account_id));") {
		t.Fatalf("exit %d:\n%.2000s", code, out)
	}
	code, out = uptake(t, dir, nil, "migrate", "--cluster", "main", "--store", "clickhouse://u:p@127.0.0.1:1/uptake")
	if code == 0 || !strings.Contains(out, "not supported yet") {
		t.Fatalf("--cluster without --print: exit %d: %s", code, out)
	}
}
