package loadtest

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/ingest/generate"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

var loadFlag = flag.Bool("loadtest", false, "run the dashboard load test (make loadtest; or UPTAKE_LOADTEST=1)")

// env is this process's pair of engines (chDB allows one per process).
var env *storetest.Env

// TestMain opens the engines only for a load test run: `go test ./...`
// skips it without loading chDB.
func TestMain(m *testing.M) {
	flag.Parse()
	if !enabled() {
		os.Exit(m.Run())
	}
	storetest.Main(m, &env)
}

func enabled() bool { return *loadFlag || os.Getenv("UPTAKE_LOADTEST") == "1" }

const (
	// requestTimeout is the dashboard's bound on every request
	// (dashboard.requestTimeout, not exported): slower answers fail the test.
	requestTimeout = 30 * time.Second
	// clientTimeout turns a hung request into a transport error.
	clientTimeout = requestTimeout + 30*time.Second
	maxThink      = 200 * time.Millisecond
	password      = "a long load-test password"
	// pseudonymKey is the key analyticstest.LoadDir ingests with; the
	// ingest during the run uses it too, so user pseudonyms match.
	pseudonymKey = "test-key"
	seed         = 1
)

// config is the run's size, from the environment.
type config struct {
	users    int
	duration time.Duration
	scale    generate.Scale
}

func readConfig(t *testing.T) config {
	cfg := config{users: 50, duration: 60 * time.Second}
	if v := os.Getenv("UPTAKE_LOADTEST_USERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("UPTAKE_LOADTEST_USERS=%q: want a whole number from 1", v)
		}
		cfg.users = n
	}
	if v := os.Getenv("UPTAKE_LOADTEST_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if n, nerr := strconv.Atoi(v); err != nil && nerr == nil {
			d, err = time.Duration(n)*time.Second, nil // plain seconds
		}
		if err != nil || d <= 0 {
			t.Fatalf("UPTAKE_LOADTEST_DURATION=%q: want a duration such as 60s or 2m", v)
		}
		cfg.duration = d
	}
	name := os.Getenv("UPTAKE_LOADTEST_SCALE")
	if name == "" {
		name = "small"
	}
	scale, err := generate.ScaleByName(name)
	if err != nil {
		t.Fatalf("UPTAKE_LOADTEST_SCALE: %v", err)
	}
	cfg.scale = scale
	return cfg
}

// TestLoad has cfg.users signed-in users of every role browse the pages
// and API calls their role may see, with think times of 0–200 ms, for
// cfg.duration, while a second data set (tickets and usage) is ingested
// and the rollups refreshed as `uptake ingest` does. It fails on any 5xx,
// transport error, request past the request timeout, unexpected status or
// body, and on any row the ingest reported loaded but the tables lack.
func TestLoad(t *testing.T) {
	if !enabled() {
		t.Skip("the load test runs with UPTAKE_LOADTEST=1 or -loadtest (make loadtest)")
	}
	cfg := readConfig(t)
	// As `uptake serve` does.
	old := debug.SetGCPercent(analytics.ServerGCPercent)
	t.Cleanup(func() { debug.SetGCPercent(old) })
	data := prepareData(t, cfg.scale)
	env.Each(t, func(t *testing.T, st *store.Store) { loadTest(t, cfg, data, st) })
}

// ---- data ----

// dataSets are the two generated data sets: the first is loaded before
// the run, the second's tickets and usage files during it.
type dataSets struct {
	initial   string
	files     []string       // tickets, then usage, as `uptake ingest` orders *.csv
	bad       map[string]int // rows made unreadable on purpose, by file name
	newFrom   time.Time      // first day of the second set
	generated time.Duration
}

// prepareData writes the first data set, covering the scale's days up to
// one such span ago, and the second, covering the span up to today, with
// the same accounts and users. Ticket ids of the second set continue the
// first set's numbering (the generator starts each set at T-0000001), so
// its rows are all new, and a few of its rows are broken on purpose, so
// the quarantine has something to count.
func prepareData(t *testing.T, scale generate.Scale) dataSets {
	start := time.Now()
	dir := t.TempDir()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	d := dataSets{initial: filepath.Join(dir, "initial"), bad: map[string]int{}, newFrom: today.AddDate(0, 0, -scale.Days)}
	sum, err := generate.Write(d.initial, scale, seed, d.newFrom)
	if err != nil {
		t.Fatal(err)
	}
	raw, next := filepath.Join(dir, "raw"), filepath.Join(dir, "next")
	if _, err := generate.Write(raw, scale, seed, today); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(next, 0o755); err != nil {
		t.Fatal(err)
	}
	offset := sum.Files["tickets.csv"]
	tickets := filepath.Join(next, "tickets-next.csv")
	d.bad[filepath.Base(tickets)], err = rewriteCSV(filepath.Join(raw, "tickets.csv"), tickets, func(col map[string]int, i int, rec []string) bool {
		id := rec[col["ticket_id"]]
		if n, err := strconv.Atoi(strings.TrimPrefix(id, "T-")); err == nil {
			rec[col["ticket_id"]] = fmt.Sprintf("T-%07d", n+offset)
		}
		if i%1500 == 777 {
			rec[col["created_at"]] = "not a date"
			return true
		}
		return false
	})
	if err != nil {
		t.Fatal(err)
	}
	usage := filepath.Join(next, "usage-next.csv")
	d.bad[filepath.Base(usage)], err = rewriteCSV(filepath.Join(raw, "usage.csv"), usage, func(col map[string]int, i int, rec []string) bool {
		if i%40000 == 12345 {
			rec[col["activity_count"]] = "n/a"
			return true
		}
		return false
	})
	if err != nil {
		t.Fatal(err)
	}
	d.files = []string{tickets, usage}
	d.generated = time.Since(start)
	return d
}

// rewriteCSV copies a CSV file record by record through edit, which
// reports whether it broke the record; it returns how many it broke.
func rewriteCSV(src, dst string, edit func(col map[string]int, i int, rec []string) bool) (int, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return 0, err
	}
	defer out.Close()
	r, w := csv.NewReader(in), csv.NewWriter(out)
	header, err := r.Read()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", src, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	if err := w.Write(header); err != nil {
		return 0, err
	}
	broken := 0
	for i := 0; ; i++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return broken, fmt.Errorf("%s: %w", src, err)
		}
		if edit(col, i, rec) {
			broken++
		}
		if err := w.Write(rec); err != nil {
			return broken, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return broken, err
	}
	return broken, out.Close()
}

// ---- the run ----

func loadTest(t *testing.T, cfg config, data dataSets, st *store.Store) {
	ctx := context.Background()
	version, _ := st.Version(ctx)
	start := time.Now()
	svc := analyticstest.LoadDir(t, st, data.initial)
	if _, err := svc.RunThemes(ctx, analytics.ThemeOptions{}); err != nil { // as `uptake themes`
		t.Fatal(err)
	}
	prepared := time.Since(start)
	portfolio, err := svc.Portfolio(ctx, analytics.Scope{})
	if err != nil || len(portfolio) == 0 {
		t.Fatalf("portfolio after the first load: %d rows, %v", len(portfolio), err)
	}
	users := makeUsers(t, st, cfg.users, portfolio)

	logs := &logLines{}
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn})), dashboard.Options{PseudonymKey: pseudonymKey})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: dash.Handler(), ReadHeaderTimeout: 10 * time.Second} // as `uptake serve`
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	base := "http://" + ln.Addr().String()

	tables := []string{"tickets", "usage"}
	before := map[string]uint64{}
	for _, table := range tables {
		before[table] = countRows(t, st, table)
	}

	// The ingest starts once the users are signed in and browsing, so its
	// refresh empties a warm cache under load.
	rec := newRecorder()
	runStart := time.Now()
	end := runStart.Add(cfg.duration)
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u.run(base, rec, runStart, end)
		}()
	}
	ingestDone := make(chan ingestRun, 1)
	go func() {
		time.Sleep(min(10*time.Second, cfg.duration/6))
		ingestDone <- runIngest(ctx, st, data.files, runStart)
	}()
	wg.Wait()
	elapsed := time.Since(runStart)
	ing := <-ingestDone

	var problems []string
	problems = append(problems, checkIngest(t, st, ing, data, before)...)
	stale := checkServed(base, svc, users)

	report := rec.report(fmt.Sprintf("Load test on %s: %d users (%s), %s of browsing with 0–%s think times, ingest during the run",
		version, len(users), roleCounts(users), cfg.duration, maxThink), elapsed)
	report += fmt.Sprintf("\nFirst data set (%s scale, %d days through %s) loaded, refreshed and themed in %s (data generated in %s).\n",
		cfg.scale.Name, cfg.scale.Days, data.newFrom.AddDate(0, 0, -1).Format("2006-01-02"), prepared.Round(time.Millisecond), data.generated.Round(time.Millisecond))
	report += ing.describe()
	if n := logs.count(); n > 0 {
		report += fmt.Sprintf("Server log: %d warnings or errors (below).\n", n)
	}
	if len(stale) == 0 {
		report += "Answers: after the run, the portfolio and account answers served to each role and scope match a fresh computation.\n"
	} else {
		report += "Answers served after the run differ from a fresh computation (stale cache):\n  " + strings.Join(stale, "\n  ") + "\n"
	}
	if len(problems) == 0 {
		report += "Rows: every row the ingest reported loaded is in its table, the ledger says complete, the quarantine holds the reported rows.\n"
	} else {
		report += "Row checks FAILED:\n  " + strings.Join(problems, "\n  ") + "\n"
	}
	if rec.failed > 0 {
		report += fmt.Sprintf("FAILED requests: %d (%s); the first %d:\n", rec.failed, rec.kindSummary(), len(rec.failures))
		for _, f := range rec.failures {
			report += fmt.Sprintf("  +%.1fs %s, route %s, %s: %s, %s after %s\n    %q\n", f.at.Seconds(), f.user, f.route, f.url, f.kind, f.status, f.took.Round(time.Millisecond), f.excerpt)
		}
	}
	t.Log("\n" + report)
	fmt.Print("\n" + report)
	if dir := os.Getenv("UPTAKE_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Error(err)
		} else if err := os.WriteFile(filepath.Join(dir, "loadtest-"+st.Kind()+".txt"), []byte(report+logs.text(200)), 0o644); err != nil {
			t.Error(err)
		}
	}
	if rec.failed > 0 {
		t.Errorf("%d failed requests (%s): listed at the end of the report above", rec.failed, rec.kindSummary())
	}
	for _, p := range append(problems, stale...) {
		t.Error(p)
	}
	if t.Failed() && logs.count() > 0 {
		t.Log("server log:\n" + logs.text(60))
	}
}

// logLines keeps the server's warnings and errors.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(p))
	return len(p), nil
}

func (l *logLines) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.lines)
}

// text is the first max lines.
func (l *logLines) text(max int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := strings.Join(l.lines[:min(max, len(l.lines))], "")
	if len(l.lines) > max {
		out += fmt.Sprintf("… and %d more\n", len(l.lines)-max)
	}
	return out
}
