package store_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/uptake/uptake/store"
)

var updateGolden = flag.Bool("update-ddl", false, "rewrite store/testdata/cluster/*.sql from the current migrations")

// The cluster DDL of every migration is reviewed as a golden file: a
// change to a migration or to the cluster layout shows in the diff.
func TestClusterDDLMatchesGoldenFiles(t *testing.T) {
	layout, err := store.NewLayout("uptake_cluster", "uptake")
	if err != nil {
		t.Fatal(err)
	}
	migrations, err := store.Migrations(layout)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "cluster")
	for _, m := range migrations {
		got := strings.Join(m.Statements, ";\n\n") + ";\n"
		path := filepath.Join(dir, filepathName(m))
		if *updateGolden {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./store/ -run ClusterDDL -update-ddl to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from its golden file (rerun with -update-ddl if the change is intended):\n%s", path, got)
		}
	}
}

func filepathName(m store.Migration) string { return fmt.Sprintf("%04d_%s.sql", m.Version, m.Name) }

// Every table of the single-server schema becomes a replicated local table
// and a Distributed table sharded by a column of its sort key, all ON
// CLUSTER; every ALTER reaches both. The cluster DDL names the database.
func TestClusterLayoutCoversEveryTable(t *testing.T) {
	single, err := store.Migrations(store.Layout{})
	if err != nil {
		t.Fatal(err)
	}
	layout, _ := store.NewLayout("c1", "db1")
	cluster, err := store.Migrations(layout)
	if err != nil {
		t.Fatal(err)
	}
	create := regexp.MustCompile(`^CREATE TABLE IF NOT EXISTS (?:db1\.)?(\w+)`)
	for i, m := range single {
		var tables, alters int
		for _, st := range m.Statements {
			if create.MatchString(st) {
				tables++
			} else {
				alters++
			}
		}
		// A table: its local and Distributed tables. An ALTER: of the local
		// table, then the Distributed one dropped and created again.
		stmts := cluster[i].Statements
		if len(stmts) != 2*tables+3*alters {
			t.Errorf("%s: %d statements for a cluster, want %d", m.Name, len(stmts), 2*tables+3*alters)
		}
		for _, st := range stmts {
			if !strings.Contains(st, "ON CLUSTER c1") {
				t.Errorf("%s: not ON CLUSTER:\n%s", m.Name, st)
			}
			name := create.FindStringSubmatch(st)
			switch {
			case name == nil:
			case strings.HasSuffix(name[1], "_local"):
				if !regexp.MustCompile(`ENGINE = Replicated\w*MergeTree\('/clickhouse/tables/\{shard\}/db1/` + name[1] + `', '\{replica\}'`).MatchString(st) {
					t.Errorf("%s: local table without its replicated engine:\n%s", m.Name, st)
				}
			default:
				if !regexp.MustCompile(`AS db1\.` + name[1] + `_local\nENGINE = Distributed\(c1, db1, ` + name[1] + `_local, cityHash64\(\w+\)\)$`).MatchString(st) {
					t.Errorf("%s: not a Distributed table over its local one:\n%s", m.Name, st)
				}
			}
		}
	}
	if _, err := store.NewLayout("bad name", "db"); err == nil {
		t.Error("a cluster name with a space was accepted")
	}
}
