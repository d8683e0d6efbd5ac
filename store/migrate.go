package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed sql/*.sql
var storeSQL embed.FS

// storeQueries are the store's own named queries.
type storeQueries struct {
	CreateMigrationsTable Query `sql:"create_migrations_table"`
	AppliedMigrations     Query `sql:"applied_migrations"`
	RecordMigration       Query `sql:"record_migration"`
	TableRows             Query `sql:"table_rows"`
	StaleStagingTables    Query `sql:"stale_staging_tables"`
	StagingPartitions     Query `sql:"staging_partitions"`
	InsertAudit           Query `sql:"insert_audit"`
	AuditEntries          Query `sql:"audit_entries"`
}

func loadStoreQueries() (*storeQueries, error) {
	var q storeQueries
	if err := LoadQueries(storeSQL, "sql", &q); err != nil {
		return nil, fmt.Errorf("loading the store's queries: %w", err)
	}
	return &q, nil
}

// Migration is one versioned schema change, NNNN_name.sql.
type Migration struct {
	Version    int
	Name       string
	Checksum   string
	Statements []string
}

// Migrations returns the embedded migrations in version order, rendered for layout.
func Migrations(layout Layout) ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	shardKeys := map[string]string{}
	for _, e := range entries {
		base := strings.TrimSuffix(e.Name(), ".sql")
		num, name, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s must be named NNNN_name.sql", e.Name())
		}
		text, err := fs.ReadFile(migrationFS, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ddl, err := render(e.Name(), string(text), layout)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(text)
		out = append(out, Migration{Version: version, Name: name, Checksum: hex.EncodeToString(sum[:8]), Statements: layout.distribute(splitStatements(ddl), shardKeys)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("two migrations have version %d", out[i].Version)
		}
	}
	return out, nil
}

// createMigrationsTable creates schema_migrations if it is missing. On a
// cluster it first looks: a statement ON CLUSTER waits for every node, and
// a command on an up-to-date store should run while a node is down.
func (s *Store) createMigrationsTable(ctx context.Context, q *storeQueries, layout Layout) error {
	if layout.Cluster != "" {
		res, err := s.eng.query(ctx, "SELECT name FROM system.tables WHERE database = currentDatabase() AND name = 'schema_migrations'")
		if err != nil {
			return fmt.Errorf("looking for the migrations table: %w", err)
		}
		if len(res.Rows) > 0 {
			return nil
		}
	}
	create, err := render("create_migrations_table", q.CreateMigrationsTable.SQL, layout)
	if err != nil {
		return err
	}
	for _, stmt := range layout.distribute(splitStatements(create), map[string]string{}) {
		if err := s.eng.exec(ctx, stmt); err != nil {
			return fmt.Errorf("creating the migrations table: %w", err)
		}
	}
	return nil
}

// render fills in a DDL template's layout functions ({{on_cluster}}, {{engine …}}).
func render(name, text string, layout Layout) (string, error) {
	tmpl, err := template.New(name).Funcs(layout.funcs()).Parse(text)
	if err != nil {
		return "", fmt.Errorf("migration %s: %w", name, err)
	}
	var ddl bytes.Buffer
	if err := tmpl.Execute(&ddl, nil); err != nil {
		return "", fmt.Errorf("migration %s: %w", name, err)
	}
	return ddl.String(), nil
}

// splitStatements cuts a migration at lines ending in ';' and drops comment-only lines.
func splitStatements(text string) []string {
	var stmts []string
	var cur strings.Builder
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "--") || trimmed == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			stmts = append(stmts, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		stmts = append(stmts, s)
	}
	return stmts
}

// Migrate applies the migrations not yet recorded in schema_migrations and
// returns them. Every statement is idempotent (IF NOT EXISTS), so a run that
// stopped half-way is completed by the next one. A recorded migration whose
// file has since changed is an error: schema history must not be rewritten.
func (s *Store) Migrate(ctx context.Context) ([]Migration, error) {
	return s.migrateTo(ctx, -1)
}

// migrateTo is Migrate stopping after migration version upTo (-1: all);
// tests use it to build a database as an older release left it.
func (s *Store) migrateTo(ctx context.Context, upTo int) ([]Migration, error) {
	q, err := loadStoreQueries()
	if err != nil {
		return nil, err
	}
	layout := s.Layout()
	all, err := Migrations(layout)
	if err != nil {
		return nil, err
	}
	if err := s.createMigrationsTable(ctx, q, layout); err != nil {
		return nil, err
	}
	res, err := s.Query(ctx, q.AppliedMigrations, nil)
	if err != nil {
		return nil, err
	}
	type applied struct {
		Version  uint64 `ch:"version"`
		Name     string `ch:"name"`
		Checksum string `ch:"checksum"`
	}
	done, err := Scan[applied](res)
	if err != nil {
		return nil, err
	}
	seen := map[int]applied{}
	for _, a := range done {
		seen[int(a.Version)] = a
	}
	var ran []Migration
	for _, m := range all {
		if upTo >= 0 && m.Version > upTo {
			break
		}
		if a, ok := seen[m.Version]; ok {
			if a.Checksum != m.Checksum {
				return ran, fmt.Errorf("migration %04d_%s was changed after it was applied (checksum %s, now %s); add a new migration instead of editing an old one", m.Version, m.Name, a.Checksum, m.Checksum)
			}
			continue
		}
		for _, stmt := range m.Statements {
			if err := s.eng.exec(ctx, stmt); err != nil {
				return ran, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
			}
		}
		err := s.Exec(ctx, q.RecordMigration, Args{"version": uint32(m.Version), "name": m.Name, "checksum": m.Checksum, "applied_at": time.Now()})
		if err != nil {
			return ran, fmt.Errorf("recording migration %04d_%s: %w", m.Version, m.Name, err)
		}
		ran = append(ran, m)
	}
	return ran, nil
}

// TableRows counts the deduplicated rows of each Uptake table.
func (s *Store) TableRows(ctx context.Context) (map[string]uint64, error) {
	q, err := loadStoreQueries()
	if err != nil {
		return nil, err
	}
	res, err := s.Query(ctx, q.TableRows, nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]uint64, len(res.Rows))
	for _, r := range res.Rows {
		out[r[0].(string)] = r[1].(uint64)
	}
	return out, nil
}
