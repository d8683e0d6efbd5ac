package dashboard_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/ingest/generate"
	"github.com/uptake/uptake/store"
)

// chromiumPath is Debian's Chromium; scripts/chromium.sh installs it.
const chromiumPath = "/usr/bin/chromium"

// sampleDir is one generated small data set shared by the browser tests.
var sample struct {
	once sync.Once
	dir  string
	err  error
}

func sampleData(t *testing.T) string {
	sample.once.Do(func() {
		sample.dir, sample.err = os.MkdirTemp("", "uptake-browser-")
		if sample.err == nil {
			_, sample.err = generate.Write(sample.dir, generate.Scales[0], 11, time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC))
		}
	})
	if sample.err != nil {
		t.Fatalf("generating sample data: %v", sample.err)
	}
	return sample.dir
}

// loadedDashboard loads the small sample data set into st as `uptake
// ingest` and `uptake themes` do, adds one user per role, and serves the
// dashboard. Ann manages the accounts of the sample's first manager.
func loadedDashboard(t *testing.T, st *store.Store) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	svc := analyticstest.LoadDir(t, st, sampleData(t))
	if _, err := svc.RunThemes(ctx, analytics.ThemeOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := svc.Portfolio(ctx, analytics.Scope{})
	if err != nil || len(rows) == 0 {
		t.Fatalf("portfolio of the sample: %d rows, %v", len(rows), err)
	}
	manager := rows[0].Manager
	var other string
	for _, r := range rows {
		if r.Manager != manager {
			other = r.AccountID
			break
		}
	}
	users, err := dashboard.NewUsers(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []dashboard.User{{Username: "admin", Role: "admin"}, {Username: "exec", Role: "executive"}, {Username: "trainer", Role: "trainer"},
		{Username: "ann", Role: "manager", Manager: manager}} {
		if err := users.Add(ctx, u, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})), dashboard.Options{PseudonymKey: "test-key"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(dash.Handler())
	t.Cleanup(srv.Close)
	return srv, other
}

// browserWatch collects what went wrong in the page: console errors,
// uncaught exceptions, failed or refused requests.
type browserWatch struct {
	mu       sync.Mutex
	problems []string
}

func (w *browserWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *browserWatch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

func newBrowser(t *testing.T) (context.Context, *browserWatch) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
			t.Fatalf("Chromium is missing at %s: run scripts/chromium.sh (make test does)", chromiumPath)
		}
		t.Skipf("Chromium is missing at %s: run scripts/chromium.sh", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	w := &browserWatch{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				w.add("console error: %s", strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			w.add("uncaught exception: %s", e.ExceptionDetails.Text)
		case *network.EventLoadingFailed:
			if !e.Canceled {
				w.add("request failed: %s", e.ErrorText)
			}
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				w.add("HTTP %d for %s", int(e.Response.Status), e.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, w
}

// chartsDrawn checks every chart on the page: drawn by charts.js, with a
// canvas that has non-blank pixels.
// pageBytes is what loading the page cost in compressed bytes, the document
// and every resource, as if the browser cache were empty.
const pageBytes = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return [nav, ...performance.getEntriesByType("resource")].reduce((n, e) => n + (e.encodedBodySize || 0), 0);
})()`

// maxFirstLoad is the most a page may weigh on its first load.
const maxFirstLoad = 1_500_000

const chartsDrawn = `(() => {
  const charts = [...document.querySelectorAll("div.chart[data-options]")];
  const bad = charts.filter(el => {
    const c = el.querySelector("canvas");
    if (el.getAttribute("data-drawn") !== "true" || !c || c.width === 0) return true;
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) return false; }
    return true;
  }).map(el => el.id);
  return JSON.stringify({count: charts.length, bad: bad});
})()`

type chartCheck struct {
	Count int      `json:"count"`
	Bad   []string `json:"bad"`
}

// waitCharts polls until every chart of the page is drawn, or 15 s pass.
func waitCharts(ctx context.Context) (chartCheck, error) {
	var check chartCheck
	deadline := time.Now().Add(15 * time.Second)
	for {
		drawn, err := chromedp.Run(ctx, chromedp.Evaluate[string](chartsDrawn))
		if err != nil {
			return check, err
		}
		if err := jsonUnmarshal(drawn, &check); err != nil {
			return check, err
		}
		if len(check.Bad) == 0 || time.Now().After(deadline) {
			return check, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	dir := os.Getenv("UPTAKE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "uptake-artifacts")
	}
	dir = filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserEveryRoleAndPage(t *testing.T) {
	pages := map[string][]string{
		"admin":   {"/status", "/executive", "/portfolio", "/themes", "/plan", "/admin/users", "/admin/quarantine", "/admin/upload"},
		"exec":    {"/executive", "/portfolio"},
		"trainer": {"/themes", "/plan"},
		"ann":     {"/portfolio"},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv, otherAccount := loadedDashboard(t, st)
		for _, user := range []string{"admin", "exec", "trainer", "ann"} {
			ctx, watch := newBrowser(t)
			err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/login"),
				chromedp.SendKeys(chromedp.ID("username"), user),
				chromedp.SendKeys(chromedp.ID("password"), testPassword),
				chromedp.Submit(chromedp.ID("password")),
				chromedp.WaitVisible(chromedp.CSS("header nav")),
			)
			if err != nil {
				t.Fatalf("%s: signing in: %v", user, err)
			}
			for _, path := range pages[user] {
				var check chartCheck
				err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("main h1")), chromedp.Sleep(300*time.Millisecond))
				if err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				check, err = waitCharts(ctx)
				if err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				bytes, err := chromedp.Run(ctx, chromedp.Evaluate[float64](pageBytes))
				if err != nil {
					t.Fatal(err)
				}
				if bytes > maxFirstLoad || bytes == 0 {
					t.Errorf("%s %s: first load %.0f bytes, want at most %d", user, path, bytes, maxFirstLoad)
				}
				if user == "admin" {
					t.Logf("%s first load: %.0f kB", path, bytes/1000)
				}
				if len(check.Bad) > 0 {
					t.Errorf("%s %s: charts not drawn: %v", user, path, check.Bad)
				}
				if (path == "/executive" || path == "/themes") && check.Count == 0 {
					t.Errorf("%s %s: no chart on the page", user, path)
				}
				if p := watch.take(); len(p) > 0 {
					t.Errorf("%s %s: %s", user, path, strings.Join(p, "; "))
				}
				screenshot(t, ctx, fmt.Sprintf("%s-%s-%s", st.Kind(), user, strings.ReplaceAll(strings.Trim(path, "/"), "/", "-")))
			}
			if user == "admin" {
				tabletAndKeyboard(t, ctx, srv.URL, st.Kind())
			}
			if user == "ann" {
				annCannotReach(t, ctx, srv.URL, otherAccount)
				watch.take() // the refusals above are expected
				filterAndDrillDown(t, ctx, srv.URL, watch, st.Kind())
				downloadExport(t, ctx, srv.URL)
			}
		}
	})
}

// annCannotReach checks that another manager's account is a 404 by URL and
// by API, and does not show its data.
func annCannotReach(t *testing.T, ctx context.Context, base, account string) {
	t.Helper()
	for _, path := range []string{"/accounts/" + account, "/api/v1/accounts/" + account} {
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(base+path))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if status := resp.Status; status != http.StatusNotFound {
			t.Errorf("the account manager reached %s: HTTP %d", path, status)
		}
	}
}

// filterAndDrillDown filters the portfolio by health, checks the URL keeps
// the filter, and follows the first account to its page.
func filterAndDrillDown(t *testing.T, ctx context.Context, base string, watch *browserWatch, kind string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/portfolio")); err != nil {
		t.Fatal(err)
	}
	// The segment of the first account listed, so the filter keeps a row.
	segment, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("table.portfolio tbody tr th small").textContent.split(" · ")[1]`))
	if err != nil || segment == "" {
		t.Fatalf("reading a segment to filter by: %q, %v", segment, err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("segment"), segment),
		chromedp.Click(chromedp.CSS("form.filters button")),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	if err != nil {
		t.Fatalf("filtering: %v", err)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "segment="+segment) {
		t.Errorf("the filter is not in the URL: %s", url)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("table.portfolio tbody tr th a")),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("drill-down: %v", err)
	}
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
	if err != nil {
		t.Fatal(err)
	}
	if url, err = chromedp.Run(ctx, chromedp.Location()); err != nil {
		t.Fatal(err)
	}
	check, err := waitCharts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "/accounts/") || title == "" || check.Count == 0 || len(check.Bad) > 0 {
		t.Errorf("drill-down to %s (%q): %d charts, not drawn %v", url, title, check.Count, check.Bad)
	}
	if p := watch.take(); len(p) > 0 {
		t.Errorf("account page: %s", strings.Join(p, "; "))
	}
	screenshot(t, ctx, kind+"-ann-account")
}

// downloadExport clicks the portfolio's Excel link and checks the file.
func downloadExport(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	dir := t.TempDir()
	yes := true
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes})
	if err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/portfolio"), chromedp.Click(chromedp.CSS(`p.export a[href*="format=xlsx"]`))); err != nil {
		t.Fatalf("export: %v", err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".crdownload") {
				continue
			}
			raw, err := os.ReadFile(f)
			if err != nil || len(raw) < 1000 || string(raw[:2]) != "PK" {
				t.Errorf("downloaded workbook %s: %d bytes, %v (want an xlsx zip)", f, len(raw), err)
			}
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Error("the export did not download within 30 s")
}

// testLogWriter sends the server's warnings and errors to the test log.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// tabletAndKeyboard opens the portfolio at a tablet's size (no page-wide
// horizontal scroll), and checks that the keyboard reaches the skip link
// first and that it leads to the main content.
func tabletAndKeyboard(t *testing.T, ctx context.Context, base, kind string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.EmulateViewport(820, 1180), chromedp.Navigate(base+"/portfolio"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if err != nil {
		t.Fatalf("tablet: %v", err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("at 820 px wide the portfolio scrolls sideways as a whole page")
	}
	screenshot(t, ctx, kind+"-admin-portfolio-tablet")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.className + "|" + document.activeElement.getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	if focused != "skip|#main" {
		t.Errorf("the first Tab focuses %q, want the skip link to #main", focused)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
}
