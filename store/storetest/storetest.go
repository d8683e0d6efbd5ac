// Package storetest runs tests against both real ClickHouse engines: the
// embedded chDB library and a ClickHouse server (Debian's 18.16 in CI). Each
// test gets a fresh, migrated database of its own, dropped when it ends.
//
// Environment:
//
//	UPTAKE_TEST_CLICKHOUSE        store URL of a test server (scripts/clickhouse-test-server.sh start prints one)
//	UPTAKE_TEST_CLUSTER           store URL of a test cluster, with ?cluster= (scripts/clickhouse-test-cluster.sh start prints one)
//	UPTAKE_TEST_REQUIRE_ENGINES=1 a missing engine fails the tests instead of skipping them (set by .ci/run)
package storetest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// Env holds the engines of one test process; build it in TestMain with Setup.
type Env struct {
	chdb       *store.ChDB
	chdbErr    error
	server     store.Location
	serverErr  error
	cluster    store.Location
	clusterErr error
	require    bool
	prefix     string
	seq        atomic.Int64
}

// Setup opens chDB in a temporary folder (one per process, as chDB allows)
// and reads the server URL. Call Close after m.Run.
func Setup() *Env {
	env := &Env{require: os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1", prefix: fmt.Sprintf("t%d_%d", os.Getpid(), time.Now().Unix()%100000)}
	dir, err := os.MkdirTemp("", "uptake-chdb-test-")
	if err == nil {
		env.chdb, err = store.OpenChDB(dir, false)
	}
	env.chdbErr = err
	if raw := os.Getenv("UPTAKE_TEST_CLICKHOUSE"); raw != "" {
		env.server, env.serverErr = store.ParseURL(raw)
	} else {
		env.serverErr = fmt.Errorf("no test server: set UPTAKE_TEST_CLICKHOUSE (run `make test`, or `scripts/clickhouse-test-server.sh start` and export the URL it prints) to run the server-engine tests")
	}
	if raw := os.Getenv("UPTAKE_TEST_CLUSTER"); raw != "" {
		env.cluster, env.clusterErr = store.ParseURL(raw)
		if env.clusterErr == nil && env.cluster.Cluster == "" {
			env.clusterErr = fmt.Errorf("UPTAKE_TEST_CLUSTER=%s names no cluster (add ?cluster=NAME)", env.cluster)
		}
	} else {
		env.clusterErr = fmt.Errorf("no test cluster: set UPTAKE_TEST_CLUSTER (run `make test`, or `scripts/clickhouse-test-cluster.sh start` and export the URL it prints) to run the cluster tests")
	}
	return env
}

// Close releases chDB and its folder.
func (env *Env) Close() {
	if env.chdb != nil {
		path := env.chdb.Path()
		_ = env.chdb.Close()
		_ = os.RemoveAll(path)
	}
}

// Engine names one of the two engines.
type Engine string

const (
	Embedded Engine = "embedded"
	Server   Engine = "server"
)

// Cluster is a ClickHouse cluster of server nodes (Location.Cluster set);
// only tests of cluster mode ask for it (OpenCluster).
const Cluster Engine = "cluster"

// Engines are both, in the order tests run.
var Engines = []Engine{Embedded, Server}

// Each runs fn once per engine as a subtest named after the engine and its
// ClickHouse version, each on a fresh migrated database.
func (env *Env) Each(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	t.Helper()
	for _, e := range Engines {
		st, ok := env.open(t, e)
		if !ok {
			continue
		}
		version, _ := st.Version(context.Background())
		t.Run(strings.ReplaceAll(version, " ", "-"), func(t *testing.T) { fn(t, st) })
	}
}

// Open returns a fresh migrated store on engine e, or skips (fails under
// UPTAKE_TEST_REQUIRE_ENGINES=1) when that engine is not available.
func (env *Env) Open(t testing.TB, e Engine) *store.Store {
	t.Helper()
	st, ok := env.open(t, e)
	if !ok {
		t.SkipNow()
	}
	return st
}

// OpenUnmigrated is Open without the migrations: an empty database.
func (env *Env) OpenUnmigrated(t testing.TB, e Engine) *store.Store {
	t.Helper()
	st, ok := env.openDB(t, e, false)
	if !ok {
		t.SkipNow()
	}
	return st
}

func (env *Env) open(t testing.TB, e Engine) (*store.Store, bool) {
	t.Helper()
	return env.openDB(t, e, true)
}

func (env *Env) openDB(t testing.TB, e Engine, migrate bool) (*store.Store, bool) {
	t.Helper()
	loc, opt, unavailable := env.location(e)
	if unavailable != nil {
		if env.require {
			t.Fatalf("%s engine required (UPTAKE_TEST_REQUIRE_ENGINES=1) but unavailable: %v", e, unavailable)
		}
		t.Logf("skipping the %s engine: %v", e, unavailable)
		return nil, false
	}
	opt.Database = fmt.Sprintf("%s_%d", env.prefix, env.seq.Add(1))
	ctx := context.Background()
	st, err := store.Open(ctx, loc, opt)
	if err != nil {
		t.Fatalf("opening the %s engine: %v", e, err)
	}
	if migrate {
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatalf("migrating on the %s engine: %v", e, err)
		}
	}
	t.Cleanup(func() {
		if err := st.DropDatabase(context.Background()); err != nil {
			t.Errorf("dropping test database: %v", err)
		}
		_ = st.Close()
	})
	return st, true
}

func (env *Env) location(e Engine) (store.Location, store.Options, error) {
	if e == Embedded {
		if env.chdbErr != nil {
			return store.Location{}, store.Options{}, env.chdbErr
		}
		return store.Location{Embedded: true, Path: env.chdb.Path(), Database: "uptake"}, store.Options{Embedded: env.chdb}, nil
	}
	if e == Cluster {
		return env.cluster, store.Options{}, env.clusterErr
	}
	return env.server, store.Options{}, env.serverErr
}

// ServerLocation is the test server's location, if one is configured.
func (env *Env) ServerLocation() (store.Location, error) { return env.server, env.serverErr }

// Require reports whether missing engines fail the tests.
func (env *Env) Require() bool { return env.require }

// Main is a package's TestMain: it sets *env up for the tests, runs them,
// releases the engines and exits with the tests' status.
func Main(m *testing.M, env **Env) {
	*env = Setup()
	code := m.Run()
	(*env).Close()
	os.Exit(code)
}
