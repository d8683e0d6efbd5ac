package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/ebitengine/purego"
)

// ChDBVersion is the chDB library release this build is tested with; the
// project script scripts/libchdb.sh fetches exactly this one.
const ChDBVersion = "26.5.3"

// ErrNoChDB is returned when embedded mode is asked for but libchdb.so is not installed.
var ErrNoChDB = errors.New("the embedded store needs the chDB library (libchdb.so), which is not installed: run `make libchdb` (or scripts/libchdb.sh) to download it, set CHDB_LIB_PATH to its location, or use --store clickhouse://USER:PASSWORD@HOST:9000/DATABASE for a ClickHouse server")

// ChDB is the in-process ClickHouse engine. A process may open only one
// data folder, so one ChDB is shared by every Store on it. Queries go through
// one connection, one at a time, and each Store re-selects its database.
type ChDB struct {
	lib     chdbLib
	conn    unsafe.Pointer // chdb_connection
	connPtr unsafe.Pointer // chdb_connection*, for chdb_close_conn
	path    string
	tmp     string // folder for bulk-insert chunk files

	sem     chan struct{} // one query at a time; waiting for it respects the caller's deadline
	current string        // database selected with USE
	limit   int           // the session's max_execution_time, seconds (0: none)
}

// chdbLib holds the C functions of libchdb.so, bound with purego (no cgo).
type chdbLib struct {
	connect   func(argc int32, argv **byte) unsafe.Pointer
	closeConn func(conn unsafe.Pointer)
	queryN    func(conn unsafe.Pointer, query *byte, queryLen uintptr, format *byte, formatLen uintptr) unsafe.Pointer
	buffer    func(result unsafe.Pointer) *byte
	length    func(result unsafe.Pointer) uintptr
	errorText func(result unsafe.Pointer) *byte
	destroy   func(result unsafe.Pointer)
}

// FindChDBLibrary returns the path of libchdb.so: CHDB_LIB_PATH, then the
// cache folder scripts/libchdb.sh fills, then lib/ beside the binary and the
// system library folders.
func FindChDBLibrary() (string, error) {
	if p := os.Getenv("CHDB_LIB_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHDB_LIB_PATH is %q but there is no file there; unset it or point it at libchdb.so (scripts/libchdb.sh downloads it)", p)
		}
		return p, nil
	}
	var candidates []string
	if cache, err := os.UserCacheDir(); err == nil {
		candidates = append(candidates, filepath.Join(cache, "uptake", "chdb-"+ChDBVersion, "libchdb.so"))
	}
	if exe, err := os.Executable(); err == nil {
		candidates = append(candidates, filepath.Join(filepath.Dir(exe), "..", "lib", "libchdb.so"), filepath.Join(filepath.Dir(exe), "libchdb.so"))
	}
	candidates = append(candidates, "/usr/local/lib/libchdb.so", "/usr/lib/libchdb.so")
	for _, p := range candidates {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChDB
}

// OpenChDB loads libchdb.so and opens (or creates) the data folder path;
// bulkLoad is Options.BulkLoad. Only the first call of a process loads the
// library, so only its bulkLoad counts.
func OpenChDB(path string, bulkLoad bool) (*ChDB, error) {
	libPath, err := FindChDBLibrary()
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("embedded store folder %q: %w", path, err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return nil, fmt.Errorf("creating the embedded store folder: %w", err)
	}
	if bulkLoad {
		returnMemoryPromptly()
	}
	handle, err := purego.Dlopen(libPath, purego.RTLD_NOW|purego.RTLD_GLOBAL)
	if err != nil {
		return nil, fmt.Errorf("loading the chDB library %s: %v; delete it and run scripts/libchdb.sh again", libPath, err)
	}
	c := &ChDB{path: abs, sem: make(chan struct{}, 1)}
	purego.RegisterLibFunc(&c.lib.connect, handle, "chdb_connect")
	purego.RegisterLibFunc(&c.lib.closeConn, handle, "chdb_close_conn")
	purego.RegisterLibFunc(&c.lib.queryN, handle, "chdb_query_n")
	purego.RegisterLibFunc(&c.lib.buffer, handle, "chdb_result_buffer")
	purego.RegisterLibFunc(&c.lib.length, handle, "chdb_result_length")
	purego.RegisterLibFunc(&c.lib.errorText, handle, "chdb_result_error")
	purego.RegisterLibFunc(&c.lib.destroy, handle, "chdb_destroy_query_result")

	args := []*byte{cString("clickhouse"), cString("--path=" + abs)}
	c.connPtr = c.lib.connect(int32(len(args)), &args[0])
	if c.connPtr == nil {
		return nil, fmt.Errorf("chDB could not open the embedded store folder %s; check that no other uptake process is using it and that it is writable", abs)
	}
	c.conn = *(*unsafe.Pointer)(c.connPtr)
	if c.tmp, err = os.MkdirTemp("", "uptake-insert-"); err != nil {
		c.lib.closeConn(c.connPtr)
		return nil, fmt.Errorf("creating a folder for insert files: %w", err)
	}
	return c, nil
}

// Path is the data folder.
func (c *ChDB) Path() string { return c.path }

// Close closes the connection. chDB cannot be reopened on another folder in
// the same process.
func (c *ChDB) Close() error {
	c.sem <- struct{}{}
	defer func() { <-c.sem }()
	if c.connPtr != nil {
		c.lib.closeConn(c.connPtr)
		c.connPtr, c.conn = nil, nil
	}
	return os.RemoveAll(c.tmp)
}

// run executes one statement in database db and returns its output bytes.
// A query queued behind a slow one gives up at its deadline; a running one
// is stopped by ClickHouse's max_execution_time, set from the same deadline,
// because a chDB call cannot be interrupted from Go.
func (c *ChDB) run(ctx context.Context, db, sql, format string) ([]byte, error) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.sem }()
	if c.conn == nil {
		return nil, errors.New("the embedded store is closed")
	}
	limit, ok := executionLimit(ctx)
	if !ok {
		return nil, context.DeadlineExceeded
	}
	if limit != c.limit {
		if _, err := c.call(fmt.Sprintf("SET max_execution_time = %d", limit), "TabSeparated"); err != nil {
			return nil, err
		}
		c.limit = limit
	}
	if c.current != db {
		if _, err := c.call("USE "+db, "TabSeparated"); err != nil {
			return nil, err
		}
		c.current = db
	}
	return c.call(sql, format)
}

func (c *ChDB) call(sql, format string) ([]byte, error) {
	q := []byte(sql)
	f := []byte(format)
	if len(q) == 0 {
		return nil, errors.New("empty query")
	}
	res := c.lib.queryN(c.conn, &q[0], uintptr(len(q)), &f[0], uintptr(len(f)))
	if res == nil {
		return nil, errors.New("chDB returned no result")
	}
	defer c.lib.destroy(res)
	if e := c.lib.errorText(res); e != nil {
		return nil, errors.New(goString(e))
	}
	n := c.lib.length(res)
	if n == 0 {
		return nil, nil
	}
	out := make([]byte, n)
	copy(out, unsafe.Slice(c.lib.buffer(res), n))
	return out, nil
}

func cString(s string) *byte {
	b := append([]byte(s), 0)
	return &b[0]
}

// goString copies a NUL-terminated C string.
func goString(p *byte) string {
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	return string(unsafe.Slice(p, n))
}

// chdbMallocConf makes chDB's allocator (jemalloc) give freed memory back to
// the system at once instead of keeping it for reuse: bulk loads allocate and
// free a chunk's worth again and again, and kept pages had the process peak
// near 600 MB instead of about 400 MB, for about 5 % more time.
const chdbMallocConf = "dirty_decay_ms:0,muzzy_decay_ms:0"

// returnMemoryPromptly sets JE_MALLOC_CONF in the C environment, where
// jemalloc reads it when the library loads, unless the user set it already.
// Go's os.Setenv does not reach the C environment in a binary without cgo,
// so libc's setenv is called directly.
func returnMemoryPromptly() {
	if _, set := os.LookupEnv("JE_MALLOC_CONF"); set {
		return
	}
	libc, err := purego.Dlopen("libc.so.6", purego.RTLD_NOW|purego.RTLD_GLOBAL)
	if err != nil {
		return // only a memory optimisation
	}
	var setenv func(name, value string, overwrite int32) int32
	purego.RegisterLibFunc(&setenv, libc, "setenv")
	setenv("JE_MALLOC_CONF", chdbMallocConf, 0)
}
