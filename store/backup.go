package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A backup is a folder holding one file per table in ClickHouse's Native
// format (<table>.native) and manifest.json, written last, which describes
// them. Both engines write and read the same folder.
const (
	// BackupFormat is the version of the folder layout this build writes;
	// it reads this one and older ones.
	BackupFormat = 1
	// ManifestFile is the name of the manifest in a backup folder.
	ManifestFile = "manifest.json"
	// BackupFileSuffix ends the name of every table file.
	BackupFileSuffix = ".native"
)

// dumpAttempts is how many times a table that changes while it is dumped
// is dumped again before the backup gives up.
const dumpAttempts = 3

// Manifest describes a backup.
type Manifest struct {
	Format          int           `json:"format"`
	CreatedAt       time.Time     `json:"created_at"`       // UTC
	Engine          string        `json:"engine"`           // "embedded" or "server"
	EngineVersion   string        `json:"engine_version"`   // ClickHouse version, e.g. "18.16.1"
	Database        string        `json:"database"`         // the database backed up
	SchemaVersion   int           `json:"schema_version"`   // newest migration applied, e.g. 17
	SchemaMigration string        `json:"schema_migration"` // its name, e.g. "0017_users"
	Tables          []BackupTable `json:"tables"`
}

// BackupTable is one table of a backup.
type BackupTable struct {
	Name    string         `json:"name"`
	File    string         `json:"file"` // <name>.native, in the backup folder
	Columns []BackupColumn `json:"columns"`
	Rows    uint64         `json:"rows"` // rows in the file (stored rows, before deduplication)
	Bytes   int64          `json:"bytes"`
	SHA256  string         `json:"sha256"`
}

// BackupColumn is one column of a backed-up table.
type BackupColumn struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// RestoreOptions tunes Restore.
type RestoreOptions struct {
	// Replace deletes the data of the store's tables before loading the
	// backup. Without it Restore refuses a store that holds any data.
	Replace bool
}

var (
	backupTablesQuery = Query{Name: "backup_tables", SQL: "SELECT name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name"}
	schemaQuery       = Query{Name: "schema_version", SQL: "SELECT toUInt64(max(version)) AS latest, argMax(name, version) AS latest_name FROM schema_migrations FINAL"}
	settingsQuery     = Query{Name: "known_settings", SQL: "SELECT name FROM system.settings WHERE has(@names, name)"}
)

// restoreSettings make a load store exactly the rows of the file: no
// deduplication on insert (26.x collapses duplicate keys within a block
// otherwise) and no limit on the months one block may touch. Only the
// settings the engine knows are sent (18.16 has neither).
var restoreSettings = []setting{{"optimize_on_insert", "0"}, {"max_partitions_per_insert_block", "0"}}

// Backup writes every table of the store's database, except staging tables,
// views and schema_migrations (recorded in the manifest instead), to dir,
// which must be empty or not exist. Each table is dumped with its merges
// paused and counted before and after; a table that changes meanwhile (an
// ingest or refresh running) is dumped again. Tables are dumped one after
// the other, so back up while no ingest runs for a backup consistent across
// tables.
func (s *Store) Backup(ctx context.Context, dir string) (Manifest, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Manifest{}, err
	}
	created, err := prepareBackupDir(abs)
	if err != nil {
		return Manifest{}, err
	}
	var written []string
	ok := false
	defer func() {
		if ok {
			return
		}
		for _, p := range written {
			_ = os.Remove(p)
		}
		if created {
			_ = os.Remove(abs)
		}
	}()

	m := Manifest{Format: BackupFormat, CreatedAt: time.Now().UTC().Truncate(time.Second), Engine: s.kind, Database: s.loc.Database}
	if m.EngineVersion, err = s.eng.version(ctx); err != nil {
		return Manifest{}, fmt.Errorf("reading the ClickHouse version: %w", err)
	}
	tables, migrated, err := s.dataTables(ctx)
	if err != nil {
		return Manifest{}, err
	}
	if !migrated {
		return Manifest{}, fmt.Errorf("the store %s holds no Uptake schema (no schema_migrations table), so there is nothing to back up; check the --store setting", s.loc)
	}
	if m.SchemaVersion, m.SchemaMigration, err = s.schemaVersion(ctx); err != nil {
		return Manifest{}, err
	}
	for _, table := range tables {
		cols, err := s.storedColumns(ctx, table)
		if err != nil {
			return Manifest{}, err
		}
		bt := BackupTable{Name: table, File: table + BackupFileSuffix}
		for _, c := range cols {
			bt.Columns = append(bt.Columns, BackupColumn(c))
		}
		path := filepath.Join(abs, bt.File)
		written = append(written, path, path+".part")
		if bt.Rows, err = s.dumpCounted(ctx, table, cols, path); err != nil {
			return Manifest{}, err
		}
		if bt.Bytes, bt.SHA256, err = hashFile(path, true); err != nil {
			return Manifest{}, fmt.Errorf("reading back %s: %w", path, err)
		}
		m.Tables = append(m.Tables, bt)
	}
	manifest := filepath.Join(abs, ManifestFile)
	written = append(written, manifest, manifest+".part")
	if err := writeManifest(manifest, m); err != nil {
		return Manifest{}, err
	}
	ok = true
	return m, nil
}

// prepareBackupDir makes sure dir exists and is empty; created tells
// whether it made it.
func prepareBackupDir(dir string) (created bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, fmt.Errorf("creating the backup folder: %w", err)
		}
		return true, nil
	case err != nil:
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return false, fmt.Errorf("%s is a file, not a folder; choose an empty folder (or a new one) for the backup", dir)
		}
		return false, fmt.Errorf("reading the backup folder: %w", err)
	}
	for _, e := range entries {
		if e.Name() == ManifestFile {
			return false, fmt.Errorf("the folder %s already holds a backup; choose an empty folder (or a new one)", dir)
		}
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("the folder %s is not empty; choose an empty folder (or a new one) for the backup", dir)
	}
	return false, nil
}

// dumpCounted dumps table to path with its merges paused, counting its rows
// before and after; it dumps again when the counts differ.
func (s *Store) dumpCounted(ctx context.Context, table string, cols []Column, path string) (uint64, error) {
	restart, err := s.pauseMerges(ctx, table)
	if err != nil {
		return 0, err
	}
	defer restart()
	part := path + ".part"
	var before, after uint64
	for attempt := 1; attempt <= dumpAttempts; attempt++ {
		if before, err = s.countRows(ctx, table); err != nil {
			return 0, err
		}
		_ = os.Remove(part)
		if err := s.eng.dumpTable(ctx, table, cols, part); err != nil {
			return 0, fmt.Errorf("backing up table %s: %w", table, err)
		}
		if after, err = s.countRows(ctx, table); err != nil {
			return 0, err
		}
		if before == after {
			if _, err := os.Stat(part); errors.Is(err, fs.ErrNotExist) && after == 0 {
				// An engine may write no file for an empty table.
				if err := os.WriteFile(part, nil, 0o600); err != nil {
					return 0, err
				}
			}
			if err := os.Chmod(part, 0o600); err != nil {
				return 0, err
			}
			return after, os.Rename(part, path)
		}
	}
	return 0, fmt.Errorf("table %s changed while it was being backed up (%d rows, then %d), %d times; run the backup again when no ingest, refresh or theme run is in progress", table, before, after, dumpAttempts)
}

// pauseMerges stops background merges of table, so its stored row count
// moves only with inserts; the function returned starts them again.
func (s *Store) pauseMerges(ctx context.Context, table string) (func(), error) {
	if s.loc.Cluster != "" {
		return s.pauseClusterMerges(ctx, table)
	}
	if err := s.eng.exec(ctx, "SYSTEM STOP MERGES "+s.loc.Database+"."+table); err != nil {
		return nil, fmt.Errorf("pausing merges of %s: %w", table, err)
	}
	return func() {
		_ = s.eng.exec(context.WithoutCancel(ctx), "SYSTEM START MERGES "+s.loc.Database+"."+table)
	}, nil
}

func (s *Store) countRows(ctx context.Context, table string) (uint64, error) {
	res, err := s.eng.query(ctx, "SELECT count() FROM "+s.loc.Database+"."+table)
	if err != nil {
		return 0, fmt.Errorf("counting the rows of %s: %w", table, err)
	}
	if len(res.Rows) != 1 {
		return 0, fmt.Errorf("counting the rows of %s: no answer", table)
	}
	n, ok := res.Rows[0][0].(uint64)
	if !ok {
		return 0, fmt.Errorf("counting the rows of %s: unexpected answer %v", table, res.Rows[0][0])
	}
	return n, nil
}

// schemaVersion returns the newest migration applied to the store.
func (s *Store) schemaVersion(ctx context.Context) (int, string, error) {
	res, err := s.Query(ctx, schemaQuery, nil)
	if err != nil {
		return 0, "", fmt.Errorf("reading the schema version: %w", err)
	}
	if len(res.Rows) != 1 {
		return 0, "", errors.New("reading the schema version: no answer")
	}
	v, _ := res.Rows[0][0].(uint64)
	name, _ := res.Rows[0][1].(string)
	if v == 0 {
		return 0, "", nil
	}
	return int(v), fmt.Sprintf("%04d_%s", v, name), nil
}

// dataTables lists the tables a backup holds: every table of the database
// but views, staging tables (an ingest's work in progress) and
// schema_migrations; migrated tells whether schema_migrations exists.
func (s *Store) dataTables(ctx context.Context) (tables []string, migrated bool, err error) {
	res, err := s.Query(ctx, backupTablesQuery, nil)
	if err != nil {
		return nil, false, err
	}
	for _, r := range res.Rows {
		name, engine := r[0].(string), r[1].(string)
		if name == "schema_migrations" {
			migrated = true
			continue
		}
		if strings.HasSuffix(engine, "View") || strings.HasPrefix(name, "staging_") || strings.HasPrefix(name, ".") {
			continue
		}
		if s.loc.Cluster != "" && strings.HasSuffix(name, "_local") {
			continue // its rows are read through the Distributed table
		}
		if !validIdentifier(name) {
			return nil, false, fmt.Errorf("table %q of database %s has a name backup cannot handle (only letters, digits and underscores); rename or drop it", name, s.loc.Database)
		}
		tables = append(tables, name)
	}
	return tables, migrated, nil
}

// storedColumns lists the columns of table that hold data, in table order:
// not MATERIALIZED, ALIAS or EPHEMERAL ones, which SELECT * leaves out and
// INSERT cannot name.
func (s *Store) storedColumns(ctx context.Context, table string) ([]Column, error) {
	res, err := s.eng.query(ctx, "DESCRIBE TABLE "+s.loc.Database+"."+table)
	if err != nil {
		return nil, fmt.Errorf("describing table %s: %w", table, err)
	}
	var cols []Column
	for _, r := range res.Rows {
		kind, _ := r[2].(string)
		switch kind {
		case "MATERIALIZED", "ALIAS", "EPHEMERAL":
			continue
		}
		cols = append(cols, Column{Name: r[0].(string), Type: r[1].(string)})
	}
	return cols, nil
}

// hashFile returns a file's size and SHA-256; with sync it also flushes the
// file to disk.
func hashFile(path string, sync bool) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	if sync {
		if err := f.Sync(); err != nil {
			return 0, "", err
		}
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

func writeManifest(path string, m Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	part := path + ".part"
	f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("writing the backup manifest: %w", err)
	}
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, path)
	}
	if err != nil {
		return fmt.Errorf("writing the backup manifest: %w", err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // the renames reach the disk too
		d.Close()
	}
	return nil
}

// ReadManifest reads and checks the manifest of the backup in dir.
func ReadManifest(dir string) (Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dir); serr != nil {
			return Manifest{}, fmt.Errorf("there is no backup folder %s", dir)
		}
		return Manifest{}, fmt.Errorf("%s holds no %s: it is not a backup made by `uptake backup`, or that backup did not finish; choose another folder", dir, ManifestFile)
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("reading the backup manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return Manifest{}, fmt.Errorf("the backup manifest %s is damaged (%v); use another backup", filepath.Join(dir, ManifestFile), err)
	}
	switch {
	case m.Format == 0:
		return Manifest{}, fmt.Errorf("%s is not an uptake backup manifest (it has no format version)", filepath.Join(dir, ManifestFile))
	case m.Format > BackupFormat:
		return Manifest{}, fmt.Errorf("the backup in %s has format %d, newer than this uptake reads (%d): upgrade uptake first", dir, m.Format, BackupFormat)
	}
	for _, t := range m.Tables {
		if !validIdentifier(t.Name) || t.File != t.Name+BackupFileSuffix {
			return Manifest{}, fmt.Errorf("the backup manifest in %s names a table %q (file %q) that is not valid; the manifest was edited or damaged", dir, t.Name, t.File)
		}
		for _, c := range t.Columns {
			if !validIdentifier(c.Name) {
				return Manifest{}, fmt.Errorf("the backup manifest in %s names a column %q of table %s that is not valid; the manifest was edited or damaged", dir, c.Name, t.Name)
			}
		}
	}
	return m, nil
}

// VerifyFiles checks that every table file of the backup in dir is there,
// whole and unchanged (size and SHA-256 as in the manifest).
func VerifyFiles(dir string, m Manifest) error {
	for _, t := range m.Tables {
		path := filepath.Join(dir, t.File)
		size, sum, err := hashFile(path, false)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("the backup in %s is incomplete: %s (table %s) is missing; use another backup", dir, t.File, t.Name)
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		if size != t.Bytes {
			return fmt.Errorf("the backup file %s (table %s) is damaged: it holds %d bytes, the manifest says %d; use another backup", path, t.Name, size, t.Bytes)
		}
		if sum != t.SHA256 {
			return fmt.Errorf("the backup file %s (table %s) is damaged: its checksum differs from the manifest's; use another backup", path, t.Name)
		}
	}
	return nil
}

// Restore loads the backup in dir into the store. It checks every file
// against the manifest first, migrates the store so every table exists, and
// refuses a store that holds data unless opt.Replace is set, in which case
// it empties every table first. Only the columns the backup holds are
// loaded, so a backup made by an older schema restores into a newer one
// (other columns take their defaults). Each table's row count is then
// checked against the manifest.
func (s *Store) Restore(ctx context.Context, dir string, opt RestoreOptions) (Manifest, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Manifest{}, err
	}
	m, err := ReadManifest(abs)
	if err != nil {
		return Manifest{}, err
	}
	if err := VerifyFiles(abs, m); err != nil {
		return Manifest{}, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		return Manifest{}, fmt.Errorf("updating the schema of %s: %w", s.loc, err)
	}
	version, migration, err := s.schemaVersion(ctx)
	if err != nil {
		return Manifest{}, err
	}
	if m.SchemaVersion > version {
		return Manifest{}, fmt.Errorf("the backup was made with schema %s but this store is at %s: upgrade uptake first", orNone(m.SchemaMigration), orNone(migration))
	}
	tables, _, err := s.dataTables(ctx)
	if err != nil {
		return Manifest{}, err
	}
	present := map[string]bool{}
	for _, t := range tables {
		present[t] = true
	}
	for _, t := range m.Tables {
		if !present[t.Name] {
			return Manifest{}, fmt.Errorf("the backup holds table %s, which this store's schema (%s) lacks; restore it with the uptake version that made it (schema %s)", t.Name, orNone(migration), orNone(m.SchemaMigration))
		}
		cols, err := s.storedColumns(ctx, t.Name)
		if err != nil {
			return Manifest{}, err
		}
		have := map[string]bool{}
		for _, c := range cols {
			have[c.Name] = true
		}
		for _, c := range t.Columns {
			if !have[c.Name] {
				return Manifest{}, fmt.Errorf("the backup's table %s has a column %s, which this store's schema (%s) lacks; restore it with the uptake version that made it (schema %s)", t.Name, c.Name, orNone(migration), orNone(m.SchemaMigration))
			}
		}
	}

	// Merges stay paused until the counts are checked: a merge may drop
	// rows the table's key makes duplicates.
	for _, t := range tables {
		restart, err := s.pauseMerges(ctx, t)
		if err != nil {
			return Manifest{}, err
		}
		defer restart()
	}
	var full []string
	for _, t := range tables {
		n, err := s.countRows(ctx, t)
		if err != nil {
			return Manifest{}, err
		}
		if n > 0 {
			full = append(full, fmt.Sprintf("%s: %d %s", t, n, plural(n, "row", "rows")))
		}
	}
	if len(full) > 0 && !opt.Replace {
		shown := full
		if len(full) > 3 {
			shown = append(full[:3:3], fmt.Sprintf("and %d more tables", len(full)-3))
		}
		return Manifest{}, fmt.Errorf("the store %s already holds data (%s); restore into an empty store (a new folder or database), or add --replace to delete its data first", s.loc, strings.Join(shown, ", "))
	}
	want := restoreSettings
	if s.loc.Cluster != "" { // the rows are on their shards when the insert returns
		want = append(want[:len(want):len(want)], setting{"insert_distributed_sync", "1"})
	}
	settings, err := s.knownSettings(ctx, want)
	if err != nil {
		return Manifest{}, err
	}
	if len(full) > 0 {
		for _, t := range tables {
			truncate := "TRUNCATE TABLE " + s.loc.Database + "." + t
			if s.loc.Cluster != "" {
				truncate = "TRUNCATE TABLE " + s.loc.Database + "." + localTable(t) + " ON CLUSTER " + s.loc.Cluster
			}
			if err := s.eng.exec(ctx, truncate); err != nil {
				return Manifest{}, fmt.Errorf("emptying table %s: %w; the store may now hold only part of its data: run the restore again with --replace", t, err)
			}
		}
	}
	for _, t := range m.Tables {
		if t.Rows == 0 {
			continue
		}
		cols := make([]Column, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = Column(c)
		}
		if err := s.eng.loadTable(ctx, t.Name, cols, filepath.Join(abs, t.File), settings); err != nil {
			return Manifest{}, fmt.Errorf("loading %s into table %s: %w; the store now holds only part of the backup: fix the cause and run the restore again with --replace", t.File, t.Name, err)
		}
		if err := s.syncClusterReplicas(ctx, t.Name); err != nil {
			return Manifest{}, err
		}
	}
	var wrong []string
	for _, t := range m.Tables {
		n, err := s.countRows(ctx, t.Name)
		if err != nil {
			return Manifest{}, err
		}
		if n != t.Rows {
			wrong = append(wrong, fmt.Sprintf("%s has %d rows, the backup %d", t.Name, n, t.Rows))
		}
	}
	if len(wrong) > 0 {
		return Manifest{}, fmt.Errorf("the restore did not load every row (%s); check that no other process writes to the store, then run the restore again with --replace", strings.Join(wrong, "; "))
	}
	return m, nil
}

// knownSettings keeps the settings the engine knows.
func (s *Store) knownSettings(ctx context.Context, want []setting) ([]setting, error) {
	names := make([]string, len(want))
	for i, w := range want {
		names[i] = w.name
	}
	res, err := s.Query(ctx, settingsQuery, Args{"names": names})
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, r := range res.Rows {
		known[r[0].(string)] = true
	}
	var out []setting
	for _, w := range want {
		if known[w.name] {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func plural(n uint64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orNone(migration string) string {
	if migration == "" {
		return "none (no migration applied)"
	}
	return migration
}
