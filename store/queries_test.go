package store

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadQueries(t *testing.T) {
	fsys := fstest.MapFS{
		"q/a.sql": {Data: []byte("-- counts\nSELECT 1;\n")},
		"q/b.sql": {Data: []byte("SELECT 2")},
	}
	var dst struct {
		A Query `sql:"a"`
		B Query `sql:"b"`
	}
	if err := LoadQueries(fsys, "q", &dst); err != nil {
		t.Fatal(err)
	}
	if dst.A.Name != "a" || dst.A.SQL != "-- counts\nSELECT 1" || dst.B.SQL != "SELECT 2" {
		t.Fatalf("loaded %+v", dst)
	}
}

func TestLoadQueriesFailsAtStartUp(t *testing.T) {
	var missing struct {
		A Query `sql:"a"`
		C Query `sql:"c"`
	}
	err := LoadQueries(fstest.MapFS{"q/a.sql": {Data: []byte("SELECT 1")}}, "q", &missing)
	if err == nil || !strings.Contains(err.Error(), "query c") {
		t.Fatalf("missing file: %v", err)
	}
	var few struct {
		A Query `sql:"a"`
	}
	err = LoadQueries(fstest.MapFS{"q/a.sql": {Data: []byte("SELECT 1")}, "q/orphan.sql": {Data: []byte("SELECT 2")}}, "q", &few)
	if err == nil || !strings.Contains(err.Error(), "orphan.sql is not used") {
		t.Fatalf("unused file: %v", err)
	}
}

func TestMigrationsAreOrderedAndSplit(t *testing.T) {
	ms, err := Migrations(Layout{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil || len(ms) != len(files) || len(ms) < 14 {
		t.Fatalf("%d migrations from %d files (%v)", len(ms), len(files), err)
	}
	for i, m := range ms {
		if m.Version != i+1 || len(m.Statements) == 0 {
			t.Errorf("migration %d = %d %s %q", i, m.Version, m.Name, m.Statements)
		}
		for _, st := range m.Statements {
			if !strings.HasPrefix(st, "CREATE TABLE IF NOT EXISTS") && !strings.HasPrefix(st, "ALTER TABLE") {
				t.Errorf("migration %s: statement %q is neither a CREATE TABLE IF NOT EXISTS nor an ALTER TABLE", m.Name, st)
			}
			if strings.Contains(st, "{{") || strings.Contains(st, ";") {
				t.Errorf("migration %s not rendered or not split: %q", m.Name, st)
			}
		}
	}
}
