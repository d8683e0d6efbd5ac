package dashboard_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest/chserver"
)

// The dashboard's request timeout in the fault test: no answer may take
// longer, give or take faultMargin.
const (
	faultRequestTimeout = 5 * time.Second
	faultMargin         = 1500 * time.Millisecond
	// cacheStampTTL is how often the dashboard's cache checks the data version
	// (dashboard/cache.go): after it, cached pages ask the store too.
	cacheStampTTL = 2 * time.Second
)

// The messages people get when the store is away (dashboard.handleError).
const (
	unavailableMessage = "The data store is not answering right now"
	timeoutMessage     = "The data store took too long to answer"
)

// TestServerOutageDuringPageLoads takes the ClickHouse server away twice
// while signed-in people load pages and API calls: once stopped as a
// service manager does (SIGTERM), once crashed (SIGKILL), each time for
// about 5 s, then started again. While it is away every request must end
// within the request timeout with a 503 (or 504) that says what is wrong
// (cached pages too, once their data version check is due), /readyz must
// say 503, /healthz 200, and signing in must give the same message; once
// it is back every page must answer 200 with the same data within a few
// seconds, without a restart of the dashboard.
func TestServerOutageDuringPageLoads(t *testing.T) {
	start := time.Now()
	srv := chserver.New(t)
	ctx := context.Background()
	st, err := store.Open(ctx, srv.Location("fault_dashboard"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	newDashboard(t, st) // the data and users; the dashboard under test is the one below, with a short timeout
	svc, err := analytics.New(st, analytics.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	logs := &faultLog{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the dashboard's log:\n%s", logs.String())
		}
	})
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(logs, nil)),
		dashboard.Options{PseudonymKey: "test-key", RequestTimeout: faultRequestTimeout})
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(dash.Handler())
	t.Cleanup(web.Close)

	admin, ann := faultClient(t), faultClient(t)
	for user, c := range map[string]*http.Client{"admin": admin, "ann": ann} {
		if code := signIn(t, c, web.URL, user, testPassword); code != http.StatusSeeOther {
			t.Fatalf("%s: sign-in answered %d", user, code)
		}
	}
	// Pages, API calls and the uncached audit log; the browsing below also
	// makes a search nobody made before at each round, which the cache
	// cannot answer.
	pages := []string{"/status", "/portfolio", "/accounts/A1", "/executive", "/themes", "/plan", "/admin/audit", "/admin/quarantine",
		"/api/v1/portfolio", "/api/v1/accounts/A1", "/api/v1/status", "/api/v1/executive"}
	managerPages := []string{"/portfolio", "/api/v1/portfolio", "/api/v1/accounts/A2"}
	// What each person's pages answer before any fault: API answers must
	// be the same whenever they succeed later.
	before := map[string]string{}
	for who, c := range map[string]*http.Client{"admin": admin, "ann": ann} {
		for _, p := range map[string][]string{"admin": pages, "ann": managerPages}[who] {
			code, body := get(t, c, web.URL+p)
			if code != http.StatusOK {
				t.Fatalf("%s %s before the fault: %d\n%.500s", who, p, code, body)
			}
			before[who+" "+p] = body
		}
	}

	annScope := analytics.Scope{Manager: "Ann"}
	annRows, err := svc.Portfolio(ctx, annScope)
	if err != nil || len(annRows) == 0 {
		t.Fatalf("Ann's portfolio before the fault: %v, %d rows", err, len(annRows))
	}
	t.Logf("server, data and dashboard ready in %s", time.Since(start).Round(time.Millisecond))
	for _, fault := range []struct {
		name string
		stop func()
	}{{"stopped (SIGTERM)", srv.Stop}, {"crashed (SIGKILL)", srv.Kill}} {
		t.Logf("— server %s", fault.name)
		// Two people load pages one after the other until told to stop.
		var (
			mu      sync.Mutex
			answers []faultAnswer
			wg      sync.WaitGroup
		)
		quit := make(chan struct{})
		browse := func(c *http.Client, who string, paths []string) {
			defer wg.Done()
			for round := 0; ; round++ {
				search := fmt.Sprintf("q=%s-%s-%d", who, fault.name[:4], round)
				for _, p := range append(paths, "/api/v1/portfolio?"+search, "/portfolio?"+search) {
					select {
					case <-quit:
						return
					case <-time.After(5 * time.Millisecond): // busy, but leaving the two cores some air
					}
					a := timedGet(c, web.URL, p)
					a.who = who
					mu.Lock()
					answers = append(answers, a)
					mu.Unlock()
				}
			}
		}
		wg.Add(2)
		go browse(admin, "admin", pages)
		go browse(ann, "ann", managerPages)
		time.Sleep(time.Second)

		stopAt := time.Now()
		fault.stop()
		down := time.Now()
		t.Logf("server gone %s after the signal", down.Sub(stopAt).Round(time.Millisecond))

		// A portfolio computed while the server goes and comes back (below
		// every page's cache, which keeps what it gets until the data
		// changes) must fail or be right: never made of the queries that
		// happened to answer.
		type portfolioAnswer struct {
			rows []analytics.PortfolioRow
			err  error
			took time.Duration
		}
		inFlight := make(chan portfolioAnswer, 1)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			start := time.Now()
			rows, err := svc.Portfolio(ctx, annScope)
			inFlight <- portfolioAnswer{rows, err, time.Since(start)}
		}()

		// While it is away: readiness, liveness, metrics, sign-in and the
		// audit log, all at once.
		var checks sync.WaitGroup
		checks.Go(func() {
			if a := timedGet(admin, web.URL, "/readyz"); a.err != nil || a.status != http.StatusServiceUnavailable || a.took() > faultRequestTimeout+faultMargin {
				t.Errorf("/readyz while the server is down: %s", a)
			} else {
				t.Logf("/readyz while down: %d in %s", a.status, a.took().Round(time.Millisecond))
			}
		})
		checks.Go(func() {
			if a := timedGet(admin, web.URL, "/healthz"); a.err != nil || a.status != http.StatusOK || a.took() > time.Second {
				t.Errorf("/healthz while the server is down: %s", a)
			}
		})
		checks.Go(func() {
			if a := timedGet(admin, web.URL, "/metrics"); a.status != http.StatusOK || !strings.Contains(a.body, "\nuptake_store_up 0\n") {
				t.Errorf("/metrics while the server is down does not say uptake_store_up 0: %d after %s", a.status, a.took())
			}
		})
		checks.Go(func() {
			start := time.Now()
			resp, err := faultClient(t).PostForm(web.URL+"/login", url.Values{"username": {"exec"}, "password": {testPassword}})
			if err != nil {
				t.Errorf("sign-in while the server is down: %v", err)
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if took := time.Since(start); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), unavailableMessage) || took > faultRequestTimeout+faultMargin {
				t.Errorf("sign-in while the server is down: %d in %s\n%.2000s", resp.StatusCode, took, body)
			} else {
				t.Logf("sign-in while down: %d in %s", resp.StatusCode, took.Round(time.Millisecond))
			}
		})
		checks.Go(func() {
			if a := timedGet(admin, web.URL, "/admin/audit?user=nobody"); a.status != http.StatusServiceUnavailable || !strings.Contains(a.body, unavailableMessage) {
				t.Errorf("audit log while the server is down: %s", a)
			}
		})
		checks.Wait()
		// Past the cache's data version check every page asks the store:
		// pages cached before the fault, the API, and searches never made.
		for time.Since(down) < cacheStampTTL+200*time.Millisecond {
			time.Sleep(20 * time.Millisecond)
		}
		for _, probe := range []struct {
			c    *http.Client
			path string
		}{{admin, "/portfolio"}, {admin, "/accounts/A1"}, {admin, "/api/v1/status"}, {ann, "/api/v1/portfolio"},
			{admin, "/api/v1/portfolio?q=never-" + fault.name[:4]}, {admin, "/admin/audit"}} {
			checks.Go(func() {
				a := timedGet(probe.c, web.URL, probe.path)
				if a.err != nil || a.took() > faultRequestTimeout+faultMargin ||
					!(a.status == http.StatusServiceUnavailable && strings.Contains(a.body, unavailableMessage) ||
						a.status == http.StatusGatewayTimeout && strings.Contains(a.body, timeoutMessage)) {
					t.Errorf("%s while the server is down, past the cache check: %s", probe.path, a)
					return
				}
				t.Logf("%s while down: %d in %s", probe.path, a.status, a.took().Round(time.Millisecond))
			})
		}
		checks.Wait()

		restartAt := time.Now()
		srv.Start()
		up := time.Now()
		t.Logf("server answering again %s after its start", up.Sub(restartAt).Round(time.Millisecond))

		// Back: every page answers 200 again, with the same data.
		recovered := map[string]time.Duration{}
		deadline := up.Add(10 * time.Second)
		for len(recovered) < len(pages) && time.Now().Before(deadline) {
			for _, p := range pages {
				if _, ok := recovered[p]; ok {
					continue
				}
				if a := timedGet(admin, web.URL, p); a.status == http.StatusOK {
					recovered[p] = a.end.Sub(up)
					if strings.HasPrefix(p, "/api/") && a.body != before["admin "+p] {
						t.Errorf("%s after the restart differs from before:\nbefore %.400s\nafter  %.400s", p, before["admin "+p], a.body)
					}
				}
			}
			if len(recovered) < len(pages) {
				time.Sleep(100 * time.Millisecond)
			}
		}
		slowest := time.Duration(0)
		for _, p := range pages {
			took, ok := recovered[p]
			if !ok {
				t.Errorf("%s did not answer 200 within 10 s of the restart", p)
			}
			slowest = max(slowest, took)
		}
		t.Logf("every page answered 200 again %s after the server was back", slowest.Round(time.Millisecond))
		if a := timedGet(admin, web.URL, "/readyz"); a.status != http.StatusOK {
			t.Errorf("/readyz after the restart: %s", a)
		}
		if code := signIn(t, faultClient(t), web.URL, "exec", testPassword); code != http.StatusSeeOther {
			t.Errorf("sign-in after the restart: %d", code)
		}
		switch p := <-inFlight; {
		case p.err != nil && !errors.Is(p.err, store.ErrUnavailable):
			t.Errorf("the portfolio computed while the server was away failed after %s with an error not marked store.ErrUnavailable: %v", p.took, p.err)
		case p.err != nil:
			t.Logf("the portfolio computed while the server was away failed after %s: %v", p.took.Round(time.Millisecond), p.err)
		case !reflect.DeepEqual(p.rows, annRows):
			t.Errorf("the portfolio computed while the server went and came back answered after %s with other data than before (a failed query taken for no data?):\n%+v\nbefore:\n%+v", p.took, p.rows, annRows)
		default:
			t.Logf("the portfolio computed while the server went and came back answered the right data after %s", p.took.Round(time.Millisecond))
		}
		// The browsing goes on until each person had a few answers from
		// the recovered server (a request that began while it was away may
		// take up to the retries' last pause, 1.5 s, to see it back).
		for recoveredAt, waited := up.Add(slowest), time.Now(); ; time.Sleep(50 * time.Millisecond) {
			after := map[string]int{}
			mu.Lock()
			for _, a := range answers {
				if a.start.After(recoveredAt) {
					after[a.who]++
				}
			}
			mu.Unlock()
			if after["admin"] >= 3 && after["ann"] >= 3 {
				break
			}
			if time.Since(waited) > 10*time.Second {
				t.Errorf("the browsing did not go on after the recovery: %v answers", after)
				break
			}
		}
		close(quit)
		wg.Wait()

		// What the browsing saw: no 500, no transport error, nothing past
		// the timeout, failures that say what is wrong, and all well after.
		statuses := map[string]map[int]int{"before": {}, "outage": {}, "after": {}}
		wrong := map[string]int{} // other data than before the faults, by person, path and phase
		var slowestAnswer time.Duration
		problems := 0
		problem := func(format string, args ...any) {
			if problems++; problems <= 5 {
				t.Errorf(format, args...)
			}
		}
		for _, a := range answers {
			phase := "before"
			switch {
			case a.start.After(up.Add(slowest)):
				phase = "after"
			case a.end.After(stopAt):
				phase = "outage"
			}
			statuses[phase][a.status]++
			slowestAnswer = max(slowestAnswer, a.took())
			switch {
			case a.err != nil:
				problem("transport error: %s", a)
			case a.took() > faultRequestTimeout+faultMargin:
				problem("answered after the request timeout: %s", a)
			case a.status == http.StatusServiceUnavailable && !strings.Contains(a.body, unavailableMessage),
				a.status == http.StatusGatewayTimeout && !strings.Contains(a.body, timeoutMessage):
				problem("a failure without the clear message: %s", a)
			case a.status != http.StatusOK && a.status != http.StatusServiceUnavailable && a.status != http.StatusGatewayTimeout:
				problem("unexpected status: %s", a)
			case (phase == "before" || phase == "after") && a.status != http.StatusOK:
				problem("failed while the server was up (%s): %s", phase, a)
			case a.status == http.StatusOK && before[a.who+" "+a.path] != "" && strings.HasPrefix(a.path, "/api/") && a.body != before[a.who+" "+a.path]:
				wrong[a.who+" "+a.path+" ("+phase+")"]++
				if wrong[a.who+" "+a.path+" ("+phase+")"] == 1 {
					problem("%s answered other data to %s than before the faults (%s, started %s after the fault):\n%.700s\nbefore:\n%.700s",
						a.path, a.who, phase, a.start.Sub(stopAt).Round(time.Millisecond), a.body, before[a.who+" "+a.path])
				}
			}
		}
		t.Logf("browsing: %d requests; statuses before the fault %v, from the fault to recovery %v, after recovery %v; slowest answer %s",
			len(answers), statuses["before"], statuses["outage"], statuses["after"], slowestAnswer.Round(time.Millisecond))
		if problems > 5 {
			t.Errorf("… %d problems in all", problems)
		}
		if len(wrong) > 0 {
			t.Errorf("answers with other data than before the faults, by person, path and phase: %v", wrong)
		}
	}
}

// faultAnswer is one request made while the server went away and came back.
type faultAnswer struct {
	who, path  string
	start, end time.Time
	status     int
	body       string
	err        error
}

// faultClient is a client that gives up well after the dashboard's
// timeout, so a hang shows as an error instead of blocking the test.
func faultClient(t *testing.T) *http.Client {
	c := client(t)
	c.Timeout = faultRequestTimeout + 10*time.Second
	return c
}

// timedGet requests path and notes how it went.
func timedGet(c *http.Client, base, path string) faultAnswer {
	a := faultAnswer{path: path, start: time.Now()}
	resp, err := c.Get(base + path)
	if err == nil {
		var body []byte
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		a.status, a.body = resp.StatusCode, string(body)
	}
	a.end, a.err = time.Now(), err
	return a
}

func (a faultAnswer) took() time.Duration { return a.end.Sub(a.start) }

func (a faultAnswer) String() string {
	if a.err != nil {
		return fmt.Sprintf("%s after %s: %v", a.path, a.took().Round(time.Millisecond), a.err)
	}
	return fmt.Sprintf("%s: %d after %s\n%.2000s", a.path, a.status, a.took().Round(time.Millisecond), a.body)
}

// faultLog collects the dashboard's log from many goroutines.
type faultLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *faultLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *faultLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
