package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"reflect"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// connectTimeout bounds how long an unreachable server can keep a command waiting.
const connectTimeout = 4 * time.Second

// serverBatchRows is how many rows go in one native-protocol insert block.
const serverBatchRows = 200_000

// server is a ClickHouse server reached over the native protocol.
type server struct {
	conn driver.Conn
	addr string
}

func openServer(ctx context.Context, loc Location) (*server, error) {
	// The database may not exist yet: connect without it, create it, reconnect.
	admin, err := dialServer(ctx, loc, "default")
	if err != nil {
		return nil, err
	}
	err = admin.conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+loc.Database)
	_ = admin.close()
	if err != nil {
		return nil, fmt.Errorf("creating database %s on %s: %w", loc.Database, loc.Addr, err)
	}
	return dialServer(ctx, loc, loc.Database)
}

func dialServer(ctx context.Context, loc Location, database string) (*server, error) {
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:         []string{loc.Addr},
		Auth:         clickhouse.Auth{Database: database, Username: loc.User, Password: loc.Password},
		DialTimeout:  connectTimeout,
		ReadTimeout:  10 * time.Minute,
		MaxOpenConns: 8,
		Compression:  &clickhouse.Compression{Method: clickhouse.CompressionLZ4},
	})
	if err != nil {
		return nil, fmt.Errorf("connecting to ClickHouse at %s: %w", loc.Addr, err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := conn.Ping(pingCtx); err != nil {
		_ = conn.Close()
		return nil, explainConnectError(loc, err)
	}
	return &server{conn: conn, addr: loc.Addr}, nil
}

// explainConnectError turns a failed first contact into a sentence an admin can act on.
func explainConnectError(loc Location, err error) error {
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		switch ex.Code {
		case 192, 193, 194, 516: // UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED
			return fmt.Errorf("ClickHouse at %s refused the sign-in: authentication failed for user %q; check the user name and password in the store URL", loc.Addr, loc.User)
		case 81: // UNKNOWN_DATABASE
			return fmt.Errorf("ClickHouse at %s has no database %q", loc.Addr, loc.Database)
		}
		return fmt.Errorf("ClickHouse at %s answered with an error: %s", loc.Addr, ex.Message)
	}
	var netErr net.Error
	if errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("cannot reach a ClickHouse server at %s (%v); check that it runs and that the host and native-protocol port (usually 9000) in the store URL are right", loc.Addr, err)
	}
	return fmt.Errorf("cannot connect to ClickHouse at %s: %w; check that it runs and that the store URL is right", loc.Addr, err)
}

func (s *server) exec(ctx context.Context, sql string) error {
	return s.conn.Exec(ctx, sql)
}

func (s *server) query(ctx context.Context, sql string) (*Result, error) {
	rows, err := s.conn.Query(ctx, sql)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types := rows.ColumnTypes()
	res := &Result{Columns: make([]Column, len(types))}
	dest := make([]any, len(types))
	for i, ct := range types {
		res.Columns[i] = Column{Name: ct.Name(), Type: ct.DatabaseTypeName()}
		dest[i] = reflect.New(ct.ScanType()).Interface()
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		row := make([]any, len(dest))
		for i, d := range dest {
			row[i] = fromDriver(reflect.ValueOf(d).Elem().Interface())
		}
		res.Rows = append(res.Rows, row)
	}
	return res, rows.Err()
}

func (s *server) version(ctx context.Context) (string, error) {
	v, err := s.conn.ServerVersion()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d.%d.%d", v.Version.Major, v.Version.Minor, v.Version.Patch), nil
}

func (s *server) close() error { return s.conn.Close() }

// serverInsert sends rows with clickhouse-go's batch API, one block per serverBatchRows.
type serverInsert struct {
	ctx   context.Context
	conn  driver.Conn
	stmt  string
	batch driver.Batch
	rows  int
}

func (s *server) newInsert(ctx context.Context, table string, cols []Column) (insertSink, error) {
	in := &serverInsert{ctx: ctx, conn: s.conn, stmt: "INSERT INTO " + table + " (" + columnList(cols) + ")"}
	return in, in.prepare()
}

func (in *serverInsert) prepare() error {
	b, err := in.conn.PrepareBatch(in.ctx, in.stmt)
	if err != nil {
		return err
	}
	in.batch, in.rows = b, 0
	return nil
}

func (in *serverInsert) appendRow(row []any) error {
	if err := in.batch.Append(row...); err != nil {
		return err
	}
	in.rows++
	if in.rows < serverBatchRows {
		return nil
	}
	if err := in.batch.Send(); err != nil {
		return err
	}
	return in.prepare()
}

func (in *serverInsert) finish() error {
	if in.rows == 0 {
		return in.batch.Abort()
	}
	return in.batch.Send()
}

func (in *serverInsert) abort() { _ = in.batch.Abort() }
