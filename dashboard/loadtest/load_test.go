package loadtest

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/ingest"
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

func countRows(t *testing.T, st *store.Store, table string) uint64 {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "loadtest_count_" + table, SQL: "SELECT count() FROM " + table + " FINAL"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Rows[0][0].(uint64)
}

// ---- the ingest ----

// ingestRun is what the ingest during the run did, with times from the
// start of the run.
type ingestRun struct {
	results           []*ingest.Result
	took              map[string]time.Duration // by file name
	errs              []error
	started, finished time.Duration
	refresh, themes   time.Duration
	themesN           string
}

// runIngest loads the files with the Loader `uptake ingest` uses, then
// refreshes the rollups over the months they touched and assigns new
// tickets to the stored themes, as refreshAfter in cmd/uptake does. On the
// server engine it has its own connection, as a separate `uptake ingest`
// process would; the embedded engine is the dashboard's own (chDB serves
// one process), as for an upload through the dashboard.
func runIngest(ctx context.Context, st *store.Store, files []string, runStart time.Time) (run ingestRun) {
	run.started, run.took = time.Since(runStart), map[string]time.Duration{}
	defer func() { run.finished = time.Since(runStart) }()
	fail := func(err error) ingestRun { run.errs = append(run.errs, err); return run }
	if st.Kind() == "server" {
		own, err := store.Open(ctx, st.Location(), store.Options{})
		if err != nil {
			return fail(err)
		}
		defer own.Close()
		st = own
	}
	loader, err := ingest.NewLoader(st)
	if err != nil {
		return fail(err)
	}
	svc, err := analytics.New(st, analytics.Defaults())
	if err != nil {
		return fail(err)
	}
	changes := analytics.Changes{}
	for _, f := range files {
		start := time.Now()
		res, err := loader.File(ctx, f, ingest.Options{Privacy: ingest.Privacy{PseudonymKey: pseudonymKey}})
		run.took[filepath.Base(f)] = time.Since(start)
		if err != nil {
			run.errs = append(run.errs, err)
		}
		if res != nil {
			run.results = append(run.results, res)
			changes.Add(res.Table, res.Partitions)
		}
	}
	start := time.Now()
	_, err = svc.Refresh(ctx, changes)
	run.refresh = time.Since(start)
	if err != nil {
		return fail(fmt.Errorf("refreshing the rollups after the ingest: %w", err))
	}
	if len(changes["tickets"]) > 0 {
		start := time.Now()
		tr, ran, err := svc.UpdateThemes(ctx)
		run.themes = time.Since(start)
		if err != nil {
			return fail(fmt.Errorf("assigning the new tickets to the themes: %w", err))
		}
		if ran {
			run.themesN = fmt.Sprintf("%d of %d how-to tickets assigned to %d themes", tr.Themed, tr.Tickets, tr.Themes)
		}
	}
	return run
}

func (r ingestRun) describe() string {
	var b strings.Builder
	var loaded int64
	for _, res := range r.results {
		loaded += res.Loaded
	}
	fmt.Fprintf(&b, "Ingest during the run: %d rows loaded, from +%.1fs to +%.1fs (%s): ", loaded, r.started.Seconds(), r.finished.Seconds(), (r.finished - r.started).Round(time.Millisecond))
	for _, res := range r.results {
		fmt.Fprintf(&b, "%s read %d = loaded %d + quarantined %d + duplicates %d in %s; ", res.File, res.Read, res.Loaded, res.Quarantined, res.Duplicates, r.took[res.File].Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "rollups refreshed in %s", r.refresh.Round(time.Millisecond))
	if r.themesN != "" {
		fmt.Fprintf(&b, "; themes %s (%s)", r.themes.Round(time.Millisecond), r.themesN)
	}
	b.WriteString(".\n")
	for _, err := range r.errs {
		fmt.Fprintf(&b, "Ingest error: %v\n", err)
	}
	return b.String()
}

// checkIngest compares what the ingest reported with the tables, the
// ledger and the quarantine.
func checkIngest(t *testing.T, st *store.Store, run ingestRun, data dataSets, before map[string]uint64) []string {
	ctx := context.Background()
	var problems []string
	for _, err := range run.errs {
		problems = append(problems, fmt.Sprintf("ingest: %v", err))
	}
	if len(run.results) != len(data.files) {
		problems = append(problems, fmt.Sprintf("ingest: %d of %d files gave a result", len(run.results), len(data.files)))
	}
	ledgerQ := store.Query{Name: "loadtest_ledger", SQL: "SELECT status, rows_read, rows_loaded, rows_quarantined, rows_duplicate FROM ingest_ledger FINAL WHERE file_name = @file"}
	quarantineQ := store.Query{Name: "loadtest_quarantine", SQL: "SELECT count() FROM quarantine FINAL WHERE file_name = @file"}
	for _, res := range run.results {
		if res.Read != res.Loaded+res.Quarantined+res.Duplicates || res.Duplicates != 0 || res.HeldBack != 0 {
			problems = append(problems, fmt.Sprintf("%s: read %d = loaded %d + quarantined %d + duplicates %d (held back %d): new content should have no duplicates", res.File, res.Read, res.Loaded, res.Quarantined, res.Duplicates, res.HeldBack))
		}
		if want := int64(data.bad[res.File]); res.Quarantined != want {
			problems = append(problems, fmt.Sprintf("%s: %d rows quarantined, %d were broken on purpose", res.File, res.Quarantined, want))
		}
		if after := countRows(t, st, res.Table); after != before[res.Table]+uint64(res.Loaded) {
			problems = append(problems, fmt.Sprintf("%s: table %s holds %d rows, %d before + %d loaded = %d expected: %d rows lost",
				res.File, res.Table, after, before[res.Table], res.Loaded, before[res.Table]+uint64(res.Loaded), int64(before[res.Table]+uint64(res.Loaded))-int64(after)))
		}
		l, err := st.Query(ctx, ledgerQ, store.Args{"file": res.File})
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: reading the ledger: %v", res.File, err))
		case len(l.Rows) != 1:
			problems = append(problems, fmt.Sprintf("%s: %d ledger entries, want 1", res.File, len(l.Rows)))
		default:
			r := l.Rows[0]
			got := fmt.Sprintf("%v read %v loaded %v quarantined %v duplicates %v", r[0], r[1], r[2], r[3], r[4])
			want := fmt.Sprintf("complete read %d loaded %d quarantined %d duplicates %d", res.Read, res.Loaded, res.Quarantined, res.Duplicates)
			if got != want {
				problems = append(problems, fmt.Sprintf("%s: ledger says %s, the ingest reported %s", res.File, got, want))
			}
		}
		q, err := st.Query(ctx, quarantineQ, store.Args{"file": res.File})
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: reading the quarantine: %v", res.File, err))
		} else if n := q.Rows[0][0].(uint64); n != uint64(res.Quarantined) {
			problems = append(problems, fmt.Sprintf("%s: the quarantine holds %d rows, the ingest reported %d", res.File, n, res.Quarantined))
		}
	}
	return problems
}

// ---- answers after the run ----

// checkServed compares what the dashboard serves once the run and the
// ingest are over (and its cache has seen the last data version) with
// what the analytics compute now: the portfolio of each role and scope,
// and every account as an admin sees it. An answer the
// cache kept from the middle of a refresh shows up here.
func checkServed(base string, svc *analytics.Service, users []*vuser) []string {
	ctx := context.Background()
	time.Sleep(3 * time.Second) // the dashboard checks the data version every 2 s
	var problems []string
	seen := map[string]bool{}
	for _, u := range users {
		scope := u.role + " " + u.manager
		if u.role == dashboard.RoleTrainer || seen[scope] {
			continue
		}
		seen[scope] = true
		hc, err := signedIn(base, u.name)
		if err != nil {
			problems = append(problems, fmt.Sprintf("signing in %s after the run: %v", u.name, err))
			continue
		}
		fresh, err := svc.Portfolio(ctx, analytics.Scope{Manager: u.manager})
		if err != nil {
			problems = append(problems, fmt.Sprintf("fresh portfolio of %s: %v", u.name, err))
			continue
		}
		var served struct{ Rows []json.RawMessage }
		if err := getJSON(hc, base+"/api/v1/portfolio", &served); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", u.name, err))
			continue
		}
		want := map[string]map[string]any{}
		for _, r := range fresh {
			want[r.AccountID] = roundTrip(r)
		}
		var differ []string
		for _, raw := range served.Rows {
			var got map[string]any
			_ = json.Unmarshal(raw, &got)
			id, _ := got["AccountID"].(string)
			if d := diffFields(got, want[id]); d != "" {
				differ = append(differ, id+" ("+d+")")
			}
			delete(want, id)
		}
		for id := range want {
			differ = append(differ, id+" (missing)")
		}
		if len(differ) > 0 {
			sort.Strings(differ)
			problems = append(problems, fmt.Sprintf("GET /api/v1/portfolio as %s (%s): %d of %d accounts differ: %s", u.name, u.role, len(differ), len(fresh), clip(differ, 6)))
		}
		if u.role != dashboard.RoleAdmin { // the account pages of one role: a fresh computation each is slow
			continue
		}
		differ = differ[:0]
		for _, r := range fresh {
			var served struct{ Account map[string]any }
			if err := getJSON(hc, base+"/api/v1/accounts/"+url.PathEscape(r.AccountID), &served); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", u.name, err))
				break
			}
			v, err := svc.Account(ctx, analytics.Scope{}, r.AccountID)
			if err != nil {
				problems = append(problems, fmt.Sprintf("fresh account %s: %v", r.AccountID, err))
				break
			}
			if d := diffFields(served.Account, roundTrip(v)); d != "" {
				differ = append(differ, r.AccountID+" ("+d+")")
			}
		}
		if len(differ) > 0 {
			problems = append(problems, fmt.Sprintf("GET /api/v1/accounts/:id as %s (%s): %d of %d accounts differ: %s", u.name, u.role, len(differ), len(fresh), clip(differ, 6)))
		}
	}
	return problems
}

// signedIn is a new browser session of user.
func signedIn(base, user string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: clientTimeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm(base+"/login", url.Values{"username": {user}, "password": {password}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("sign-in answered %s", resp.Status)
	}
	return hc, nil
}

func getJSON(hc *http.Client, url string, v any) error {
	resp, err := hc.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s %s", url, resp.Status, excerpt(body))
	}
	return json.Unmarshal(body, v)
}

// roundTrip is v as it reads back from JSON.
func roundTrip(v any) map[string]any {
	raw, _ := json.Marshal(v)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out
}

// diffFields names the top-level fields in which a and b differ.
func diffFields(a, b map[string]any) string {
	if b == nil {
		return "not expected"
	}
	var keys []string
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

func clip(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, "; ")
	}
	return strings.Join(list[:n], "; ") + fmt.Sprintf("; … and %d more", len(list)-n)
}

// ---- users ----

// vuser is one person at a browser.
type vuser struct {
	name, role, manager string
	lang                string // Accept-Language
	own                 []string
	others              []string // accounts of other managers, for the scope check
	filters             filterValues
	actions             []action
	weights             int
	hc                  *http.Client
	rng                 *rand.Rand
	rec                 *recorder
	base                string
	runStart            time.Time
	csrf                string
	assets              map[string]bool // static files already in the browser's cache
}

// filterValues are the portfolio filters a user's page offers.
type filterValues struct {
	segments, countries, workloads, managers, names []string
}

// action is one thing a user does: route names its row in the report.
type action struct {
	route  string
	weight int
	next   func(u *vuser) (path string, want int, check checkFunc)
}

type checkFunc func(resp *http.Response, body []byte) string

// makeUsers adds one dashboard user per virtual user: of every ten, one
// admin, one executive, one trainer and seven account managers spread
// over the data's managers.
func makeUsers(t *testing.T, st *store.Store, n int, portfolio []analytics.PortfolioRow) []*vuser {
	ctx := context.Background()
	users, err := dashboard.NewUsers(st)
	if err != nil {
		t.Fatal(err)
	}
	byManager := map[string][]analytics.PortfolioRow{}
	var managers, all []string
	for _, r := range portfolio {
		if _, ok := byManager[r.Manager]; !ok {
			managers = append(managers, r.Manager)
		}
		byManager[r.Manager] = append(byManager[r.Manager], r)
		all = append(all, r.AccountID)
	}
	sort.Strings(managers)
	var out []*vuser
	for i := range n {
		u := &vuser{rng: rand.New(rand.NewPCG(seed, uint64(i))), lang: "en-GB,en;q=0.9", assets: map[string]bool{}}
		if i%4 == 3 {
			u.lang = "fr-FR,fr;q=0.9,en;q=0.5"
		}
		rows := portfolio
		switch i % 10 {
		case 0:
			u.role = dashboard.RoleAdmin
		case 1:
			u.role = dashboard.RoleExecutive
		case 2:
			u.role = dashboard.RoleTrainer
		default:
			u.role = dashboard.RoleManager
			u.manager = managers[(i/10*7+i%10-3)%len(managers)]
			rows = byManager[u.manager]
		}
		u.name = fmt.Sprintf("load-%s-%02d", u.role, i)
		for _, r := range rows {
			u.own = append(u.own, r.AccountID)
			u.filters.segments = appendNew(u.filters.segments, r.Segment)
			u.filters.countries = appendNew(u.filters.countries, r.Country)
			u.filters.managers = appendNew(u.filters.managers, r.Manager)
			for _, w := range r.Workloads {
				u.filters.workloads = appendNew(u.filters.workloads, w.Workload)
			}
			if f := strings.Fields(r.Name); len(f) > 0 {
				u.filters.names = appendNew(u.filters.names, f[0])
			}
		}
		for _, id := range all {
			if !slices.Contains(u.own, id) {
				u.others = append(u.others, id)
			}
		}
		u.actions = actionsFor(u)
		for _, a := range u.actions {
			u.weights += a.weight
		}
		if err := users.Add(ctx, dashboard.User{Username: u.name, DisplayName: "Load " + u.role + " " + strconv.Itoa(i), Role: u.role, Manager: u.manager}, password); err != nil {
			t.Fatal(err)
		}
		out = append(out, u)
	}
	return out
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

func roleCounts(users []*vuser) string {
	n := map[string]int{}
	managers := map[string]bool{}
	for _, u := range users {
		n[u.role]++
		if u.manager != "" {
			managers[u.manager] = true
		}
	}
	return fmt.Sprintf("%d admin, %d executive, %d trainer, %d account managers of %d portfolios",
		n[dashboard.RoleAdmin], n[dashboard.RoleExecutive], n[dashboard.RoleTrainer], n[dashboard.RoleManager], len(managers))
}

// actionsFor lists what the user's role may open, with how often a
// person of that role would: their pages most, the API and downloads
// less, and now and then a page of another scope or role, which must be
// refused under load as it is at rest.
func actionsFor(u *vuser) []action {
	page := func(path string) func(*vuser) (string, int, checkFunc) {
		return func(*vuser) (string, int, checkFunc) { return path, http.StatusOK, isHTML }
	}
	api := func(path string) func(*vuser) (string, int, checkFunc) {
		return func(*vuser) (string, int, checkFunc) { return path, http.StatusOK, isJSON }
	}
	portfolio := action{"GET /portfolio", 5, func(u *vuser) (string, int, checkFunc) {
		return "/portfolio" + u.portfolioQuery(), http.StatusOK, isHTML
	}}
	portfolioAPI := action{"GET /api/v1/portfolio", 2, func(u *vuser) (string, int, checkFunc) {
		return "/api/v1/portfolio" + u.portfolioQuery(), http.StatusOK, u.checkPortfolioJSON
	}}
	account := action{"GET /accounts/:id", 4, func(u *vuser) (string, int, checkFunc) {
		return "/accounts/" + url.PathEscape(pick(u.rng, u.own)), http.StatusOK, isHTML
	}}
	accountAPI := action{"GET /api/v1/accounts/:id", 2, func(u *vuser) (string, int, checkFunc) {
		return "/api/v1/accounts/" + url.PathEscape(pick(u.rng, u.own)), http.StatusOK, isJSON
	}}
	executive := action{"GET /executive", 4, func(u *vuser) (string, int, checkFunc) {
		return "/executive" + query("weeks", pick(u.rng, []string{"", "", "13", "26", "52"})), http.StatusOK, isHTML
	}}
	plan := action{"GET /plan", 3, func(u *vuser) (string, int, checkFunc) {
		now := time.Now()
		q := url.Values{}
		if l := pick(u.rng, []string{"", "", "en", "fr", "de"}); l != "" {
			q.Set("language", l)
		}
		if m := pick(u.rng, []string{"", "", now.Format("2006-01"), now.AddDate(0, 1, 0).Format("2006-01")}); m != "" {
			q.Set("month", m)
		}
		if u.rng.IntN(4) == 0 {
			q.Set("page", "2")
		}
		return "/plan" + encode(q), http.StatusOK, isHTML
	}}
	home := action{"GET / (to the role's home)", 1, func(*vuser) (string, int, checkFunc) { return "/", http.StatusSeeOther, redirectsTo(homeOf(u.role)) }}
	export := func(weight int, reports ...string) action {
		return action{"GET /export/:report", weight, func(u *vuser) (string, int, checkFunc) {
			r := pick(u.rng, reports)
			if strings.HasPrefix(r, "account?") {
				r += "&id=" + url.QueryEscape(pick(u.rng, u.own))
			}
			check := isXLSX
			if strings.Contains(r, "format=csv") {
				check = isCSV
			}
			return "/export/" + r, http.StatusOK, check
		}}
	}
	denied := func(path string, status int) action {
		return action{fmt.Sprintf("GET %s (refused, %d)", path, status), 1, func(*vuser) (string, int, checkFunc) { return path, status, nil }}
	}
	switch u.role {
	case dashboard.RoleAdmin:
		return []action{portfolio, account, executive, plan, home,
			{"GET /status", 4, page("/status")},
			{"GET /themes", 3, page("/themes")},
			{"GET /admin/users", 1, page("/admin/users")},
			{"GET /admin/quarantine", 1, page("/admin/quarantine")},
			{"GET /admin/upload", 1, page("/admin/upload")},
			portfolioAPI, accountAPI,
			{"GET /api/v1/status", 1, api("/api/v1/status")},
			{"GET /api/v1/executive", 1, api("/api/v1/executive")},
			{"GET /api/v1/themes", 1, api("/api/v1/themes")},
			export(1, "status?format=csv", "quarantine?format=csv", "portfolio?format=xlsx", "account?format=csv", "plan?format=xlsx"),
		}
	case dashboard.RoleExecutive:
		return []action{executive, portfolio, account, home, portfolioAPI, accountAPI,
			{"GET /api/v1/executive", 2, api("/api/v1/executive")},
			export(1, "satisfaction?format=xlsx", "portfolio?format=csv", "account?format=xlsx"),
			denied("/themes", http.StatusForbidden),
		}
	case dashboard.RoleTrainer:
		return []action{plan, home,
			{"GET /themes", 5, page("/themes")},
			{"GET /api/v1/themes", 2, api("/api/v1/themes")},
			export(1, "themes?format=csv", "plan?format=csv", "plan?format=xlsx"),
			denied("/portfolio", http.StatusForbidden),
		}
	}
	acts := []action{portfolio, account, home, portfolioAPI, accountAPI, export(1, "portfolio?format=csv", "account?format=csv", "portfolio?format=xlsx"), denied("/status", http.StatusForbidden)}
	if len(u.others) > 0 {
		acts = append(acts, action{"GET /accounts/:id (another manager's, 404)", 1, func(u *vuser) (string, int, checkFunc) {
			return "/accounts/" + url.PathEscape(pick(u.rng, u.others)), http.StatusNotFound, nil
		}})
	}
	return acts
}

// homeOf is each role's first page (dashboard's homeOf).
func homeOf(role string) string {
	switch role {
	case dashboard.RoleAdmin:
		return "/status"
	case dashboard.RoleTrainer:
		return "/themes"
	case dashboard.RoleExecutive:
		return "/executive"
	}
	return "/portfolio"
}

var sortKeys = []string{"name", "health", "seats", "howto", "csat", "upsell"}

// portfolioQuery is a filter, sort and page a person would choose from
// the portfolio page's controls, or none.
func (u *vuser) portfolioQuery() string {
	q := url.Values{}
	r, f := u.rng, u.filters
	if r.IntN(3) == 0 {
		q.Set("segment", pick(r, f.segments))
	}
	if r.IntN(4) == 0 {
		q.Set("country", pick(r, f.countries))
	}
	if r.IntN(4) == 0 {
		q.Set("health", pick(r, []string{analytics.HealthRed, analytics.HealthAmber, analytics.HealthGreen, analytics.HealthNone}))
	}
	if r.IntN(5) == 0 {
		q.Set("workload", pick(r, f.workloads))
	}
	if u.role != dashboard.RoleManager && r.IntN(5) == 0 {
		q.Set("manager", pick(r, f.managers))
	}
	if r.IntN(6) == 0 {
		q.Set("q", strings.ToLower(pick(r, f.names)))
	}
	if r.IntN(2) == 0 {
		q.Set("sort", pick(r, []string{"", "-"})+pick(r, sortKeys))
	}
	if r.IntN(5) == 0 {
		q.Set("page", strconv.Itoa(1+r.IntN(3)))
	}
	return encode(q)
}

func pick(r *rand.Rand, list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[r.IntN(len(list))]
}

func query(k, v string) string {
	if v == "" {
		return ""
	}
	return "?" + url.Values{k: {v}}.Encode()
}

func encode(q url.Values) string {
	for k, v := range q {
		if len(v) == 0 || v[0] == "" {
			delete(q, k)
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

func isHTML(_ *http.Response, body []byte) string {
	if !strings.Contains(string(body), "</html>") {
		return "not a whole HTML page"
	}
	return ""
}

func isJSON(_ *http.Response, body []byte) string {
	if !json.Valid(body) {
		return "not valid JSON"
	}
	return ""
}

func isXLSX(resp *http.Response, body []byte) string {
	if !strings.HasPrefix(string(body), "PK") || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		return "not a workbook"
	}
	return ""
}

func isCSV(resp *http.Response, body []byte) string {
	if len(body) == 0 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		return "not a CSV file"
	}
	return ""
}

func redirectsTo(path string) checkFunc {
	return func(resp *http.Response, _ []byte) string {
		if loc := resp.Header.Get("Location"); loc != path {
			return fmt.Sprintf("redirects to %q, want %q", loc, path)
		}
		return ""
	}
}

// checkPortfolioJSON checks the answer is valid and, for an account
// manager, holds their accounts only: the cache must not mix scopes. The
// whole portfolio (no filter) must show usage for some account: the data
// always has some, also while a refresh runs.
func (u *vuser) checkPortfolioJSON(resp *http.Response, body []byte) string {
	var v struct {
		Rows []struct {
			AccountID string
			Workloads []any
		}
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return "not valid JSON: " + err.Error()
	}
	withUsage := 0
	for _, r := range v.Rows {
		if !slices.Contains(u.own, r.AccountID) {
			return fmt.Sprintf("account %s is not in %s's portfolio", r.AccountID, u.name)
		}
		if len(r.Workloads) > 0 {
			withUsage++
		}
	}
	q := resp.Request.URL.Query()
	q.Del("sort")
	q.Del("page")
	if u.role != dashboard.RoleManager && len(q) == 0 && len(v.Rows) > 0 && withUsage == 0 {
		return fmt.Sprintf("none of the %d accounts has usage data", len(v.Rows))
	}
	return ""
}

var (
	staticRef = regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`)
	markup    = regexp.MustCompile(`<[^>]*>|\s+`)
)

// run signs in as a browser would, browses until end, and signs out.
func (u *vuser) run(base string, rec *recorder, runStart, end time.Time) {
	u.base, u.rec, u.runStart = base, rec, runStart
	jar, _ := cookiejar.New(nil)
	transport := &http.Transport{MaxIdleConnsPerHost: 2, IdleConnTimeout: 90 * time.Second}
	defer transport.CloseIdleConnections()
	u.hc = &http.Client{Jar: jar, Transport: transport, Timeout: clientTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	time.Sleep(time.Duration(u.rng.Int64N(int64(2 * time.Second)))) // people arrive over two seconds
	if !u.signIn() {
		return
	}
	for time.Now().Before(end) {
		a := u.pickAction()
		path, want, check := a.next(u)
		u.do(a.route, http.MethodGet, path, nil, want, check)
		think := time.Duration(u.rng.Int64N(int64(maxThink) + 1))
		time.Sleep(min(think, time.Until(end)))
	}
	if u.csrf != "" {
		u.do("POST /logout", http.MethodPost, "/logout", url.Values{"csrf": {u.csrf}}, http.StatusSeeOther, redirectsTo("/login"))
	}
}

func (u *vuser) pickAction() action {
	n := u.rng.IntN(u.weights)
	for _, a := range u.actions {
		if n < a.weight {
			return a
		}
		n -= a.weight
	}
	return u.actions[len(u.actions)-1]
}

// signIn opens the sign-in page, posts the form and follows the redirect
// to the role's home page.
func (u *vuser) signIn() bool {
	if _, ok := u.do("GET /login", http.MethodGet, "/login", nil, http.StatusOK, isHTML); !ok {
		return false
	}
	resp, ok := u.do("POST /login", http.MethodPost, "/login", url.Values{"username": {u.name}, "password": {password}, "next": {""}}, http.StatusSeeOther, redirectsTo(homeOf(u.role)))
	if !ok {
		return false
	}
	_, ok = u.do("GET "+resp.Header.Get("Location")+" (after sign-in)", http.MethodGet, resp.Header.Get("Location"), nil, http.StatusOK, isHTML)
	return ok
}

// do sends one request and records it. A page's static files are then
// fetched once, as a browser's cache would, and its form token kept.
func (u *vuser) do(route, method, path string, form url.Values, want int, check checkFunc) (*http.Response, bool) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u.base+path, body)
	if err != nil {
		panic(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept-Language", u.lang)
	req.Header.Set("User-Agent", "uptake-loadtest")
	start := time.Now()
	resp, err := u.hc.Do(req)
	var data []byte
	if err == nil {
		data, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	took := time.Since(start)
	f := failure{user: u.name, route: route, url: method + " " + path, took: took, at: start.Sub(u.runStart)}
	switch {
	case err != nil:
		f.kind, f.excerpt = "transport error", err.Error()
	case resp.StatusCode >= 500:
		f.kind, f.status = "5xx", resp.Status
	case took > requestTimeout:
		f.kind, f.status = "past the request timeout", resp.Status
	case resp.StatusCode != want:
		f.kind, f.status = fmt.Sprintf("unexpected status (want %d)", want), resp.Status
	case check != nil:
		if msg := check(resp, data); msg != "" {
			f.kind, f.status = "bad answer: "+msg, resp.Status
		}
	}
	if f.kind != "" && f.excerpt == "" {
		f.excerpt = excerpt(data)
	}
	u.rec.add(route, took, f)
	if f.kind != "" {
		return resp, false
	}
	if strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		page := string(data)
		if _, rest, ok := strings.Cut(page, `name="csrf" value="`); ok {
			u.csrf, _, _ = strings.Cut(rest, `"`)
		}
		for _, m := range staticRef.FindAllStringSubmatch(page, -1) {
			if !u.assets[m[1]] {
				u.assets[m[1]] = true
				u.do("GET /static/*", http.MethodGet, m[1], nil, http.StatusOK, nil)
			}
		}
	}
	return resp, true
}

// excerpt is the start of a body, its text only for an HTML page.
func excerpt(body []byte) string {
	s := string(body)
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	s = markup.ReplaceAllString(s, " ")
	s = strings.TrimSpace(s)
	if len(s) > 240 {
		s = s[:240] + "…"
	}
	return s
}

// ---- results ----

type failure struct {
	user, route, url, kind, status, excerpt string
	took, at                                time.Duration
}

// recorder gathers every request's time, by route, and the failures.
type recorder struct {
	mu       sync.Mutex
	times    map[string][]time.Duration
	errors   map[string]int
	kinds    map[string]int
	failed   int
	failures []failure // the first maxFailures
}

const maxFailures = 40

func newRecorder() *recorder {
	return &recorder{times: map[string][]time.Duration{}, errors: map[string]int{}, kinds: map[string]int{}}
}

func (r *recorder) add(route string, took time.Duration, f failure) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.times[route] = append(r.times[route], took)
	if f.kind == "" {
		return
	}
	r.errors[route]++
	kind, _, _ := strings.Cut(f.kind, ":")
	r.kinds[kind]++
	r.failed++
	if len(r.failures) < maxFailures {
		r.failures = append(r.failures, f)
	}
}

func (r *recorder) kindSummary() string {
	var parts []string
	for k, n := range r.kinds {
		parts = append(parts, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// report is the summary and a line per route, slowest 99th percentile
// first.
func (r *recorder) report(title string, elapsed time.Duration) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []time.Duration
	routes := make([]string, 0, len(r.times))
	for route, d := range r.times {
		slices.Sort(d)
		all = append(all, d...)
		routes = append(routes, route)
	}
	slices.Sort(all)
	sort.Slice(routes, func(i, j int) bool {
		pi, pj := percentile(r.times[routes[i]], 99), percentile(r.times[routes[j]], 99)
		return pi > pj || pi == pj && routes[i] < routes[j]
	})
	var b strings.Builder
	fmt.Fprintln(&b, title)
	errs := "0 errors"
	if r.failed > 0 {
		errs = fmt.Sprintf("%d errors (%s)", r.failed, r.kindSummary())
	}
	fmt.Fprintf(&b, "%d requests in %s: %.1f requests/s, %s; latency p50 %s, p95 %s, p99 %s, max %s\n",
		len(all), elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(), errs,
		ms(percentile(all, 50)), ms(percentile(all, 95)), ms(percentile(all, 99)), ms(percentile(all, 100)))
	width := len("route")
	for _, route := range routes {
		width = max(width, len(route))
	}
	fmt.Fprintf(&b, "%-*s %9s %7s %9s %9s %9s %9s\n", width, "route", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms")
	line := func(name string, d []time.Duration, errors int) {
		fmt.Fprintf(&b, "%-*s %9d %7d %9s %9s %9s %9s\n", width, name, len(d), errors,
			msNum(percentile(d, 50)), msNum(percentile(d, 95)), msNum(percentile(d, 99)), msNum(percentile(d, 100)))
	}
	for _, route := range routes {
		line(route, r.times[route], r.errors[route])
	}
	line("all", all, r.failed)
	return b.String()
}

// percentile is the nearest-rank p-th percentile of sorted d.
func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := (len(d)*p + 99) / 100
	return d[max(0, min(len(d), i)-1)]
}

func ms(d time.Duration) string { return msNum(d) + " ms" }

func msNum(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}
