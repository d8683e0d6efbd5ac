package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// engine is what each ClickHouse form provides. Store adds binding, named
// queries and migrations on top, identically for both.
type engine interface {
	exec(ctx context.Context, sql string) error
	query(ctx context.Context, sql string) (*Result, error)
	// newInsert starts a bulk insert of rows into the named columns.
	newInsert(ctx context.Context, table string, cols []Column) (insertSink, error)
	version(ctx context.Context) (string, error)
	// dumpTable writes every row of the named columns of table to a new
	// file at path (absolute) in ClickHouse's Native format.
	dumpTable(ctx context.Context, table string, cols []Column, path string) error
	// loadTable inserts the Native file at path (absolute) into the named
	// columns of table, with the given query settings.
	loadTable(ctx context.Context, table string, cols []Column, path string, settings []setting) error
	close() error
}

// setting is one ClickHouse query setting, name = value.
type setting struct {
	name, value string
}

// insertSink receives normalized rows in chunks.
type insertSink interface {
	appendRow(row []any) error
	finish() error // sends what is left and waits; the insert is complete when it returns nil
	abort()
}

// Store is one Uptake database on one engine.
type Store struct {
	loc     Location
	eng     engine
	kind    string // "embedded" or "server"
	release func() error
	observe func(query string, took time.Duration, err error)
}

// Observe has fn called after every named query and statement, e.g. to
// count query times for /metrics. Set it before the store is shared.
func (s *Store) Observe(fn func(query string, took time.Duration, err error)) { s.observe = fn }

// Ping checks that the engine answers a query now.
func (s *Store) Ping(ctx context.Context) error {
	_, err := withRetries(ctx, func() (*Result, error) {
		res, err := s.eng.query(ctx, "SELECT 1")
		return res, classify(err)
	})
	if err != nil {
		return fmt.Errorf("the %s store does not answer: %w", s.kind, err)
	}
	return nil
}

// Options tunes Open.
type Options struct {
	// Embedded, when set, is an already open chDB engine to share: chDB allows
	// one data folder per process, so tests open it once and use one database
	// per test. Open otherwise opens chDB itself for embedded locations.
	Embedded *ChDB
	// Database overrides the database named by the location.
	Database string
	// BulkLoad tunes an embedded engine that Open starts for loading files:
	// it returns freed memory to the system at once, which keeps an ingest
	// near 450 MB instead of 600 MB but makes queries two to three times
	// slower. Leave it off for reports and the dashboard.
	BulkLoad bool
}

// Open connects to the store at loc and makes sure its database exists.
// It does not migrate; call Migrate.
func Open(ctx context.Context, loc Location, opt Options) (*Store, error) {
	if opt.Database != "" {
		if !validIdentifier(opt.Database) {
			return nil, fmt.Errorf("database name %q may hold only letters, digits and underscores", opt.Database)
		}
		loc.Database = opt.Database
	}
	if loc.Cluster != "" {
		if loc.Embedded {
			return nil, fmt.Errorf("cluster %s: the embedded store is one process on one machine and cannot spread over a cluster; use a clickhouse:// store for cluster mode, or remove the cluster setting", loc.Cluster)
		}
		if _, err := NewLayout(loc.Cluster, loc.Database); err != nil {
			return nil, err
		}
	}
	if !loc.Embedded {
		eng, err := openServer(ctx, loc)
		if err != nil {
			return nil, err
		}
		return &Store{loc: loc, eng: eng, kind: "server", release: eng.close}, nil
	}
	chdb, release := opt.Embedded, func() error { return nil }
	if chdb == nil {
		var err error
		if chdb, err = OpenChDB(loc.Path, opt.BulkLoad); err != nil {
			return nil, err
		}
		release = chdb.Close
	}
	eng, err := chdb.database(ctx, loc.Database)
	if err != nil {
		_ = release()
		return nil, err
	}
	return &Store{loc: loc, eng: eng, kind: "embedded", release: release}, nil
}

// Close releases the connection (and chDB when Open opened it).
func (s *Store) Close() error { return s.release() }

// Location says where the store is.
func (s *Store) Location() Location { return s.loc }

// Kind is "embedded" or "server".
func (s *Store) Kind() string { return s.kind }

// Version reports the engine and its ClickHouse version, e.g. "server 18.16.1".
func (s *Store) Version(ctx context.Context) (string, error) {
	v, err := s.eng.version(ctx)
	if err != nil {
		return "", fmt.Errorf("reading the ClickHouse version: %w", err)
	}
	return s.kind + " " + v, nil
}

// Exec runs a statement that returns no rows.
func (s *Store) Exec(ctx context.Context, q Query, args Args) error {
	sql, err := bind(q.SQL, args)
	if err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	start := time.Now()
	err = classify(s.eng.exec(ctx, sql))
	if err == nil && s.loc.Cluster != "" {
		err = s.syncClusterReplicas(ctx, insertTarget(sql))
	}
	if s.observe != nil {
		s.observe(q.Name, time.Since(start), err)
	}
	if err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	return nil
}

// Query runs a named query and returns its whole result.
func (s *Store) Query(ctx context.Context, q Query, args Args) (*Result, error) {
	sql, err := bind(q.SQL, args)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	start := time.Now()
	res, err := withRetries(ctx, func() (*Result, error) {
		res, err := s.eng.query(ctx, sql)
		return res, classify(err)
	})
	if s.observe != nil {
		s.observe(q.Name, time.Since(start), err)
	}
	if err != nil {
		return nil, fmt.Errorf("query %s (after %s): %w", q.Name, time.Since(start).Round(time.Millisecond), err)
	}
	return res, nil
}

// Columns describes a table's columns.
func (s *Store) Columns(ctx context.Context, table string) ([]Column, error) {
	if !validIdentifier(table) {
		return nil, fmt.Errorf("table name %q is not valid", table)
	}
	res, err := s.eng.query(ctx, "DESCRIBE TABLE "+table)
	if err != nil {
		return nil, fmt.Errorf("describing table %s: %w", table, err)
	}
	cols := make([]Column, 0, len(res.Rows))
	for _, r := range res.Rows {
		cols = append(cols, Column{Name: r[0].(string), Type: r[1].(string)})
	}
	return cols, nil
}

// ErrClosedInsert is returned by an Inserter used after Close.
var ErrClosedInsert = errors.New("insert already closed")

// Inserter loads many rows into one table. Append rows, then Close to send
// what remains and wait until all is stored; Abort drops what is not sent.
type Inserter struct {
	table string
	cols  []Column
	types []colType
	sink  insertSink
	row   []any
	n     int64
	done  bool
	// stored, when set, runs after the rows are stored (on a cluster: wait
	// for the replicas, see syncClusterReplicas).
	stored func() error
}

// NewInserter starts a bulk insert into the given columns of table.
func (s *Store) NewInserter(ctx context.Context, table string, columns ...string) (*Inserter, error) {
	all, err := s.Columns(ctx, table)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]Column, len(all))
	for _, c := range all {
		byName[c.Name] = c
	}
	cols := make([]Column, len(columns))
	types := make([]colType, len(columns))
	for i, name := range columns {
		c, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("table %s has no column %q", table, name)
		}
		cols[i], types[i] = c, parseType(c.Type)
	}
	sink, err := s.eng.newInsert(ctx, table, cols)
	if err != nil {
		return nil, fmt.Errorf("starting insert into %s: %w", table, err)
	}
	in := &Inserter{table: table, cols: cols, types: types, sink: sink, row: make([]any, len(cols))}
	if s.loc.Cluster != "" {
		in.stored = func() error { return s.syncClusterReplicas(ctx, table) }
	}
	return in, nil
}

// Append adds one row, values in the order of the columns given to NewInserter.
func (in *Inserter) Append(values ...any) error {
	if in.done {
		return ErrClosedInsert
	}
	if len(values) != len(in.cols) {
		return fmt.Errorf("insert into %s: row has %d values for %d columns", in.table, len(values), len(in.cols))
	}
	for i, v := range values {
		nv, err := normalize(v, in.types[i])
		if err != nil {
			return fmt.Errorf("insert into %s, column %s: %w", in.table, in.cols[i].Name, err)
		}
		in.row[i] = nv
	}
	in.n++
	return in.sink.appendRow(in.row)
}

// Rows is how many rows were appended.
func (in *Inserter) Rows() int64 { return in.n }

// Close sends the remaining rows and waits for the engine to store them all.
func (in *Inserter) Close() error {
	if in.done {
		return nil
	}
	in.done = true
	if err := in.sink.finish(); err != nil {
		return fmt.Errorf("insert into %s: %w", in.table, err)
	}
	if in.stored != nil {
		return in.stored()
	}
	return nil
}

// Abort drops the rows not yet sent.
func (in *Inserter) Abort() {
	if !in.done {
		in.done = true
		in.sink.abort()
	}
}

func columnList(cols []Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// DropDatabase removes the store's whole database. Tests use it to clean up.
func (s *Store) DropDatabase(ctx context.Context) error {
	if s.loc.Cluster != "" {
		return s.eng.exec(ctx, "DROP DATABASE IF EXISTS "+s.loc.Database+" ON CLUSTER "+s.loc.Cluster)
	}
	return s.eng.exec(ctx, "DROP DATABASE IF EXISTS "+s.loc.Database)
}
