package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// connectTimeout bounds how long an unreachable server can keep a command waiting.
const connectTimeout = 4 * time.Second

// serverBatchRows is how many rows go in one native-protocol insert block.
const serverBatchRows = 200_000

// server is a ClickHouse server reached over the native protocol, and over
// its HTTP interface for whole-table dumps and loads (backup and restore).
type server struct {
	conn driver.Conn
	addr string
	http httpInterface
	// cluster: the tables are Distributed over this cluster (see clusterSQL).
	cluster string
}

func openServer(ctx context.Context, loc Location) (*server, error) {
	// The database may not exist yet: connect without it, create it, reconnect.
	admin, err := dialServer(ctx, loc, "default")
	if err != nil {
		return nil, err
	}
	defer admin.close()
	create := "CREATE DATABASE IF NOT EXISTS " + loc.Database
	if loc.Cluster != "" {
		if err := checkCluster(ctx, admin, loc); err != nil {
			return nil, err
		}
		// ON CLUSTER waits for every node: only when the database is new,
		// so that reads go on while a node is down.
		exists, err := admin.read(ctx, "SELECT name FROM system.databases WHERE name = "+quoteString(loc.Database))
		if err != nil {
			return nil, fmt.Errorf("looking for database %s on %s: %w", loc.Database, loc.Addr, explainUnreachable(ctx, loc.Addr, err))
		}
		if len(exists.Rows) > 0 {
			return dialServer(ctx, loc, loc.Database)
		}
		create += " ON CLUSTER " + loc.Cluster
	}
	if err := admin.conn.Exec(ctx, create); err != nil {
		return nil, fmt.Errorf("creating database %s on %s: %w", loc.Database, loc.Addr, explainUnreachable(ctx, loc.Addr, explainClusterDDL(loc.Cluster, create, err)))
	}
	return dialServer(ctx, loc, loc.Database)
}

// clusterSettings make a cluster behave like one server for Uptake. An
// insert returns once every shard has stored its rows (not when they are
// queued for sending), so a page read just after an ingest or a refresh
// sees them. The shard on the server answering is queried over the
// network like the others: 18.16 reading its own shard in-process loses
// the version column of a SELECT … FINAL ("Cannot find column … in source
// stream").
//
// One more setting is in clusterSQL, because an 18.16 server takes only
// numbers as connection settings from clickhouse-go.
func clusterSettings() clickhouse.Settings {
	return clickhouse.Settings{
		"insert_distributed_sync":  1,
		"prefer_localhost_replica": 0,
	}
}

func dialServer(ctx context.Context, loc Location, database string) (*server, error) {
	var settings clickhouse.Settings
	if loc.Cluster != "" {
		settings = clusterSettings()
	}
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:         []string{loc.Addr},
		Auth:         clickhouse.Auth{Database: database, Username: loc.User, Password: loc.Password},
		DialTimeout:  connectTimeout,
		ReadTimeout:  10 * time.Minute,
		MaxOpenConns: 8,
		Compression:  &clickhouse.Compression{Method: clickhouse.CompressionLZ4},
		Settings:     settings,
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
	return &server{conn: conn, addr: loc.Addr, http: newHTTPInterface(loc, database), cluster: loc.Cluster}, nil
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
	ctx, err := limitExecution(ctx)
	if err != nil {
		return err
	}
	return explainUnreachable(ctx, s.addr, explainClusterDDL(s.cluster, sql, s.conn.Exec(ctx, s.clusterSQL(sql))))
}

// limitExecution has the server itself stop a query at ctx's deadline
// (max_execution_time), so an abandoned query does not keep it busy.
func limitExecution(ctx context.Context) (context.Context, error) {
	limit, ok := executionLimit(ctx)
	if !ok {
		return ctx, context.DeadlineExceeded
	}
	if limit == 0 {
		return ctx, nil
	}
	return clickhouse.Context(ctx, clickhouse.WithSettings(clickhouse.Settings{"max_execution_time": limit})), nil
}

func (s *server) query(ctx context.Context, sql string) (*Result, error) {
	ctx, err := limitExecution(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.read(ctx, s.clusterSQL(sql))
	return res, explainUnreachable(ctx, s.addr, err)
}

// clusterSQL gives a cluster's reads and INSERT … SELECTs two settings:
//
//   - distributed_product_mode = 'global': an IN or JOIN whose subquery
//     reads a sharded table runs that subquery once, over all shards, and
//     sends its result to every shard. That gives one server's answers
//     whatever the join key (the default refuses such queries; 'local'
//     would match each shard with its own rows only, which is wrong for the
//     "latest version of each week" subqueries the pages use).
//   - load_balancing = 'in_order': reads and inserts go to the first replica
//     of each shard that answers, so a read finds what was just written
//     there, without waiting for the other replicas to fetch it.
//
// A SETTINGS clause after a top-level UNION ALL belongs to its last
// SELECT: such queries must not need them.
func (s *server) clusterSQL(sql string) string {
	if s.cluster == "" {
		return sql
	}
	head := strings.ToUpper(strings.TrimLeft(stripComments(sql), " \t\n("))
	if !strings.HasPrefix(head, "SELECT") && !strings.HasPrefix(head, "INSERT") {
		return sql
	}
	return strings.TrimRight(sql, " \t\n;") + "\nSETTINGS distributed_product_mode = 'global', load_balancing = 'in_order'"
}

// stripComments drops the leading "-- …" lines of a statement.
func stripComments(sql string) string {
	for {
		sql = strings.TrimLeft(sql, " \t\n")
		if !strings.HasPrefix(sql, "--") {
			return sql
		}
		_, rest, ok := strings.Cut(sql, "\n")
		if !ok {
			return ""
		}
		sql = rest
	}
}

func (s *server) read(ctx context.Context, sql string) (*Result, error) {
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
	addr  string // for messages
	stmt  string
	batch driver.Batch
	rows  int
	// err is the first failure to send a block. The insert is over then:
	// every later call returns it, so a block the server may not have
	// stored is never taken for sent, and the caller loads nothing.
	err error
}

func (s *server) newInsert(ctx context.Context, table string, cols []Column) (insertSink, error) {
	in := &serverInsert{ctx: ctx, conn: s.conn, addr: s.addr, stmt: "INSERT INTO " + table + " (" + columnList(cols) + ")"}
	return in, in.prepare()
}

func (in *serverInsert) prepare() error {
	b, err := in.conn.PrepareBatch(in.ctx, in.stmt)
	if err != nil {
		return in.fail(err)
	}
	in.batch, in.rows = b, 0
	return nil
}

func (in *serverInsert) appendRow(row []any) error {
	if in.err != nil {
		return in.err
	}
	if err := in.batch.Append(row...); err != nil {
		return err
	}
	in.rows++
	if in.rows < serverBatchRows {
		return nil
	}
	if err := in.batch.Send(); err != nil {
		return in.fail(err)
	}
	return in.prepare()
}

func (in *serverInsert) finish() error {
	if in.err != nil {
		return in.err
	}
	if in.rows == 0 {
		return in.batch.Abort()
	}
	if err := in.batch.Send(); err != nil {
		return in.fail(err)
	}
	return nil
}

// fail ends the insert with err (see serverInsert.err).
func (in *serverInsert) fail(err error) error {
	in.err = explainUnreachable(in.ctx, in.addr, err)
	return in.err
}

func (in *serverInsert) abort() { _ = in.batch.Abort() }

// httpInterface is the server's HTTP interface. Whole tables travel through
// it in Native format as one stream each way, which the native-protocol
// driver cannot do without decoding every row.
type httpInterface struct {
	base     string // http://host:port/
	addr     string // host:port, for messages
	user     string
	password string
	db       string
	client   *http.Client
}

func newHTTPInterface(loc Location, database string) httpInterface {
	host, _, err := net.SplitHostPort(loc.Addr)
	if err != nil {
		host = loc.Addr
	}
	port := loc.HTTPPort
	if port == 0 {
		port = DefaultHTTPPort
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.Proxy = nil // a database is reached directly, like over the native protocol
	transport.DialContext = (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext
	return httpInterface{base: "http://" + addr + "/", addr: addr, user: loc.User, password: loc.Password, db: database, client: &http.Client{Transport: transport}}
}

// post sends one query; body, when not nil, is the data of an INSERT (and
// the query goes in the URL), otherwise the query is the body. A response
// that is not 200 becomes an error with ClickHouse's message.
func (h httpInterface) post(ctx context.Context, query string, body io.Reader, size int64, settings []setting) (*http.Response, error) {
	params := url.Values{"database": {h.db}}
	for _, s := range settings {
		params.Set(s.name, s.value)
	}
	if body == nil {
		body, size = strings.NewReader(query), int64(len(query))
	} else {
		params.Set("query", query)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.base+"?"+params.Encode(), body)
	if err != nil {
		return nil, err
	}
	req.ContentLength = size
	req.Header.Set("X-ClickHouse-User", h.user)
	req.Header.Set("X-ClickHouse-Key", h.password)
	resp, err := h.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("cannot reach the HTTP interface of ClickHouse at %s (%v); backup and restore use the server's HTTP port: check that it is open to this machine, and add ?http_port=PORT to the store URL if it is not %d", h.addr, err, DefaultHTTPPort)
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	defer resp.Body.Close()
	text, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	msg := strings.TrimSpace(string(text))
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden || authFailure.MatchString(msg) {
		return nil, fmt.Errorf("the HTTP interface of ClickHouse at %s refused the sign-in of user %q (%s); check the user name and password in the store URL, and that this user may connect over HTTP", h.addr, h.user, msg)
	}
	if msg == "" {
		msg = resp.Status
	}
	return nil, fmt.Errorf("ClickHouse at %s answered: %s", h.addr, msg)
}

// authFailure matches ClickHouse's sign-in errors: UNKNOWN_USER,
// WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED.
var authFailure = regexp.MustCompile(`^Code: (192|193|194|516)\b`)

// dumpTable streams SELECT … FORMAT Native into the file. The server sends
// rows as it reads them, so neither side holds the table in memory.
func (s *server) dumpTable(ctx context.Context, table string, cols []Column, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = s.http.dumpTo(ctx, "SELECT "+columnList(cols)+" FROM "+s.http.db+"."+table+" FORMAT Native", f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

func (h httpInterface) dumpTo(ctx context.Context, query string, w io.Writer) error {
	resp, err := h.post(ctx, query, nil, 0, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	tail := &tailBuffer{}
	if _, err := io.Copy(io.MultiWriter(w, tail), resp.Body); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("reading the answer of ClickHouse at %s: %w", h.addr, err)
	}
	// Once the first rows are sent the status is 200 whatever happens: a
	// server before 24.x reports an error that stops the query later by
	// appending its message to the data.
	if msg := tail.exception(); msg != "" {
		return fmt.Errorf("ClickHouse at %s stopped sending the table: %s", h.addr, msg)
	}
	return nil
}

// loadTable posts the file as the data of INSERT … FORMAT Native.
func (s *server) loadTable(ctx context.Context, table string, cols []Column, path string, settings []setting) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	resp, err := s.http.post(ctx, "INSERT INTO "+s.http.db+"."+table+" ("+columnList(cols)+") FORMAT Native", f, info.Size(), settings)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return nil
}

// tailBuffer keeps the last tailSize bytes written to it.
type tailBuffer struct{ buf []byte }

const tailSize = 4096

func (t *tailBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) >= tailSize {
		t.buf = append(t.buf[:0], p[len(p)-tailSize:]...)
		return n, nil
	}
	if over := len(t.buf) + len(p) - tailSize; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	t.buf = append(t.buf, p...)
	return n, nil
}

// serverException matches the message ClickHouse appends when a query
// fails after its first rows were sent: "Code: 241, e.displayText() =
// DB::Exception: …" (before 20.x) or "Code: 241. DB::Exception: …".
var serverException = regexp.MustCompile(`Code: \d+(, e\.displayText\(\) =|\.) DB::Exception: [^\x00]*\n?$`)

// exception returns such a message at the end of the data, if there is one.
func (t *tailBuffer) exception() string {
	loc := serverException.FindIndex(t.buf)
	if loc == nil {
		return ""
	}
	return string(bytes.TrimSpace(t.buf[loc[0]:]))
}
