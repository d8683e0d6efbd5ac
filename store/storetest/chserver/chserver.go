// Package chserver runs a ClickHouse server of a test's own (Debian's
// clickhouse-server, as scripts/clickhouse-test-server.sh starts it) that the
// test may stop, crash and start again: fault tests need a server they can
// take away without disturbing the shared test server on ports 19000/18123.
//
// New starts one; Stop (SIGTERM, then SIGKILL after a few seconds) and
// Kill (SIGKILL at once) take it away, Start brings it back on the same data
// folder and ports. It listens on loopback ports picked free at New (never
// the shared server's), keeps its data in a folder of the test (t.TempDir)
// and is killed when the test ends. Without clickhouse-server installed the
// test is skipped, or fails when UPTAKE_TEST_REQUIRE_ENGINES=1.
package chserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// The account the server lets in, as in scripts/clickhouse-test-server.sh.
const (
	User     = "uptake"
	Password = "uptake-test-password"
)

// packageConfig is the package's own config; the command line overrides
// everything in it that touches the system.
const packageConfig = "/etc/clickhouse-server/config.xml"

// startTimeout bounds how long a start may take before the test fails.
const startTimeout = 60 * time.Second

// stopGrace is how long Stop waits after SIGTERM before it kills.
const stopGrace = 3 * time.Second

// Server is one clickhouse-server process and its data folder; Start and
// Stop may be called again and again, always on the same folder and ports.
type Server struct {
	t        testing.TB
	bin      string
	dir      string
	TCPPort  int // native protocol
	HTTPPort int // HTTP interface (/ping, backup and restore)

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd has exited
}

// New starts a server for t and registers its removal at the end of t.
func New(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("clickhouse-server")
	if err == nil {
		_, err = os.Stat(packageConfig)
	}
	if err != nil {
		if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
			t.Fatalf("clickhouse-server is required (UPTAKE_TEST_REQUIRE_ENGINES=1) but not installed: %v", err)
		}
		t.Skipf("clickhouse-server is not installed (%v): apt-get install clickhouse-server, or run make test", err)
	}
	s := &Server{t: t, bin: bin, dir: t.TempDir()}
	for _, sub := range []string{"data", "tmp", "user_files", "format_schemas", "log"} {
		if err := os.MkdirAll(filepath.Join(s.dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(s.dir, "users.xml"), []byte(usersXML), 0o600); err != nil {
		t.Fatal(err)
	}
	ports, err := freePorts(2)
	if err != nil {
		t.Fatalf("finding free ports for a test ClickHouse server: %v", err)
	}
	s.TCPPort, s.HTTPPort = ports[0], ports[1]
	t.Cleanup(s.Kill)
	s.Start()
	return s
}

// usersXML is the users file of scripts/clickhouse-test-server.sh.
const usersXML = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <` + User + `>
      <password>` + Password + `</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </` + User + `>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`

// freePorts returns n loopback ports that were free a moment ago, never the
// shared test server's 19000 and 18123.
func freePorts(n int) ([]int, error) {
	var ports []int
	var held []net.Listener
	defer func() {
		for _, l := range held {
			_ = l.Close()
		}
	}()
	for len(ports) < n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		held = append(held, l)
		if p := l.Addr().(*net.TCPAddr).Port; p != 19000 && p != 18123 {
			ports = append(ports, p)
		}
	}
	return ports, nil
}

// Addr is the native protocol's host:port.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.TCPPort)) }

// URL is the store URL of database on this server.
func (s *Server) URL(database string) string {
	return fmt.Sprintf("clickhouse://%s:%s@%s/%s?http_port=%d", User, Password, s.Addr(), database, s.HTTPPort)
}

// Location is the store location of database on this server.
func (s *Server) Location(database string) store.Location {
	loc, err := store.ParseURL(s.URL(database))
	if err != nil {
		s.t.Fatal(err)
	}
	return loc
}

// Dir is the server's folder: data/, log/ (server.log, error.log), users.xml.
func (s *Server) Dir() string { return s.dir }

// Start starts the server (again, on the same folder and ports) and waits
// until it answers /ping; the test fails if it does not within a minute.
// Call it from the test's goroutine.
func (s *Server) Start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		s.t.Fatal("chserver: Start while the server runs")
	}
	logFile, err := os.OpenFile(filepath.Join(s.dir, "log", "stdout.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		s.t.Fatal(err)
	}
	d := s.dir + "/"
	cmd := exec.Command(s.bin, "--config-file="+packageConfig, "--",
		"--path="+d+"data/", "--tmp_path="+d+"tmp/", "--user_files_path="+d+"user_files/",
		"--format_schema_path="+d+"format_schemas/", "--users_config="+d+"users.xml",
		"--logger.log="+d+"log/server.log", "--logger.errorlog="+d+"log/error.log", "--logger.console=0",
		"--tcp_port="+strconv.Itoa(s.TCPPort), "--http_port="+strconv.Itoa(s.HTTPPort), "--interserver_http_port=0",
		"--listen_host=127.0.0.1")
	cmd.Dir = s.dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// The server dies with the test process, even when that one crashes.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		s.t.Fatalf("starting clickhouse-server: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(exited)
	}()
	s.cmd, s.exited = cmd, exited
	deadline := time.Now().Add(startTimeout)
	for !s.answers() {
		select {
		case <-exited:
			s.cmd = nil
			s.t.Fatalf("the test ClickHouse server exited while starting (%v); its log:\n%s", cmd.ProcessState, s.logTail())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the test ClickHouse server did not answer on port %d within %s; its log:\n%s", s.HTTPPort, startTimeout, s.logTail())
		}
	}
}

// answers reports whether the server answers /ping on its HTTP port.
func (s *Server) answers() bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+strconv.Itoa(s.HTTPPort)+"/ping", nil)
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true}}).Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && strings.HasPrefix(string(body), "Ok.")
}

// Stop shuts the server down as a service manager would: SIGTERM, then
// SIGKILL if it has not exited after a few seconds. It returns once the
// process is gone.
func (s *Server) Stop() { s.end(syscall.SIGTERM, stopGrace) }

// Kill crashes the server at once (SIGKILL), as a power cut or the OOM
// killer would, and returns once the process is gone.
func (s *Server) Kill() { s.end(syscall.SIGKILL, 0) }

func (s *Server) end(sig syscall.Signal, grace time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Signal(sig)
	if grace > 0 {
		select {
		case <-s.exited:
		case <-time.After(grace):
			_ = s.cmd.Process.Kill()
		}
	}
	<-s.exited
	s.cmd = nil
}

// Running reports whether the process runs (it may not answer yet).
func (s *Server) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cmd != nil
}

// Query runs sql over the HTTP interface, outside the store under test,
// and returns the answer without its trailing newline: a test's own view
// of what the server holds.
func (s *Server) Query(sql string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://127.0.0.1:"+strconv.Itoa(s.HTTPPort)+"/", strings.NewReader(sql))
	if err != nil {
		return "", err
	}
	req.Header.Set("X-ClickHouse-User", User)
	req.Header.Set("X-ClickHouse-Key", Password)
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true}}).Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(strings.TrimSpace(string(body)))
	}
	return strings.TrimSuffix(string(body), "\n"), nil
}

// logTail is the end of the server's logs, for failure messages.
func (s *Server) logTail() string {
	var b strings.Builder
	for _, name := range []string{"error.log", "stdout.log"} {
		data, _ := os.ReadFile(filepath.Join(s.dir, "log", name))
		if len(data) > 3000 {
			data = data[len(data)-3000:]
		}
		fmt.Fprintf(&b, "== %s ==\n%s\n", name, data)
	}
	return b.String()
}
