// Package benchpages times every dashboard page and API call on the
// --scale large data set with 8 concurrent clients (make bench). It is its
// own package because chDB serves one data folder per process, and the
// dashboard tests open another.
package benchpages

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
)

// BenchmarkPagesLarge serves every page and API call of the dashboard on
// the --scale large data set (UPTAKE_BENCH_LARGE, prepared by
// scripts/bench-large.sh) to 8 concurrent signed-in clients on loopback,
// and reports each route's 95th-percentile time with a warm cache, after
// logging each route's cold time (its first request after a refresh).
func BenchmarkPagesLarge(b *testing.B) {
	st, svc := analyticstest.OpenLarge(b)
	ctx := context.Background()
	rows, err := svc.Portfolio(ctx, analytics.Scope{})
	if err != nil || len(rows) == 0 {
		b.Fatalf("portfolio: %d rows, %v", len(rows), err)
	}
	users, err := dashboard.NewUsers(st)
	if err != nil {
		b.Fatal(err)
	}
	for _, u := range []dashboard.User{{Username: "bench-admin", Role: "admin"}, {Username: "bench-manager", Role: "manager", Manager: rows[0].Manager}} {
		if err := users.Add(ctx, u, testPassword); err != nil {
			b.Fatal(err)
		}
	}
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(io.Discard, nil)), dashboard.Options{PseudonymKey: "test-key"})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(dash.Handler())
	defer srv.Close()
	account := "/accounts/" + url.PathEscape(rows[0].AccountID)
	admin := []string{"/status", "/executive", "/portfolio", "/portfolio?sort=-howto&page=3", "/themes", "/plan", account,
		"/api/v1/status", "/api/v1/executive", "/api/v1/portfolio", "/api/v1/themes", "/api/v1" + account}
	manager := []string{"/portfolio", account, "/api/v1/portfolio", "/api/v1" + account}
	// The first request of each page after a refresh computes it (cold);
	// later ones read the dashboard's cache until the data changes.
	for _, set := range []struct {
		user  string
		paths []string
	}{{"bench-admin", admin}, {"bench-manager", manager}} {
		hc := benchClient(b, srv.URL, set.user)
		for _, p := range set.paths {
			start := time.Now()
			resp, err := hc.Get(srv.URL + p)
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			b.Logf("cold %-14s %-36s %6.1f ms, %d bytes", set.user, p, float64(time.Since(start).Microseconds())/1000, n)
		}
	}
	const clients, rounds = 8, 5
	for i := 0; b.Loop(); i++ {
		times := map[string][]time.Duration{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				user, paths := "bench-admin", admin
				if c%2 == 1 {
					user, paths = "bench-manager", manager
				}
				hc := benchClient(b, srv.URL, user)
				for range rounds {
					for _, p := range paths {
						start := time.Now()
						resp, err := hc.Get(srv.URL + p)
						if err != nil {
							b.Error(err)
							return
						}
						_, _ = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != http.StatusOK {
							b.Errorf("%s %s: HTTP %d", user, p, resp.StatusCode)
						}
						mu.Lock()
						times[p] = append(times[p], time.Since(start))
						mu.Unlock()
					}
				}
			}()
		}
		wg.Wait()
		if i == 0 {
			var worst time.Duration
			for p, d := range times {
				slices.Sort(d)
				p95 := d[(len(d)*95+99)/100-1]
				worst = max(worst, p95)
				b.Logf("%-40s p95 %6.1f ms (%d requests)", p, float64(p95.Microseconds())/1000, len(d))
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-p95-ms")
		}
	}
}

const testPassword = "a long benchmark password"

func benchClient(b *testing.B, base, user string) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm(base+"/login", url.Values{"username": {user}, "password": {testPassword}})
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		b.Fatalf("%s: sign-in answered %d", user, resp.StatusCode)
	}
	return hc
}
