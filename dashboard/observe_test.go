package dashboard_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

// /metrics counts requests by route and code, times named queries, and
// reports the stored rows; each answer carries a request id.
func TestMetricsAndRequestIDs(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "ann", testPassword)
		for range 3 {
			get(t, c, srv.URL+"/portfolio")
		}
		get(t, c, srv.URL+"/portfolio?health=purple")
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/portfolio", nil)
		req.Header.Set("X-Request-ID", "trace-42.a_b")
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Request-ID"); got != "trace-42.a_b" {
			t.Errorf("a proxy's request id was not kept: %q", got)
		}
		req.Header.Set("X-Request-ID", "bad id <script>")
		if resp, err = c.Do(req); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Request-ID"); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(got) {
			t.Errorf("an unusable request id was not replaced: %q", got)
		}

		code, body := get(t, client(t), srv.URL+"/metrics")
		if code != 200 {
			t.Fatalf("/metrics: %d", code)
		}
		for _, want := range []string{
			`uptake_http_requests_total{code="200",method="GET",route="/portfolio"} 3`,
			`uptake_http_requests_total{code="400",method="GET",route="/portfolio"} 1`,
			`uptake_http_request_duration_seconds_count{route="/portfolio"} 4`,
			`uptake_table_rows{table="accounts"} 3`,
			`uptake_store_up 1`,
			`uptake_store_query_duration_seconds_count{query="portfolio"}`,
			`go_goroutines`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
	})
}

// A request whose queries outlast the request timeout answers 504 with a
// message saying what to do, and /readyz checks the store.
func TestSlowRequestAnswers504(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "exec", testPassword)
		// A second server on the same store (same session key) whose
		// requests may last only a microsecond.
		svc, err := analytics.New(st, analytics.Defaults())
		if err != nil {
			t.Fatal(err)
		}
		dash, err := dashboard.New(context.Background(), svc, st, slog.New(slog.NewTextHandler(io.Discard, nil)), dashboard.Options{RequestTimeout: time.Microsecond})
		if err != nil {
			t.Fatal(err)
		}
		quick := httptest.NewServer(dash.Handler())
		defer quick.Close()
		for _, path := range []string{"/portfolio", "/api/v1/executive"} {
			start := time.Now()
			code, body := get(t, c, quick.URL+path)
			if code != http.StatusGatewayTimeout || !strings.Contains(body, "took too long") || time.Since(start) > 5*time.Second {
				t.Errorf("%s: %d after %s\n%.300s", path, code, time.Since(start), body)
			}
		}
		if code, body := get(t, c, srv.URL+"/readyz"); code != 200 || body != "ready\n" {
			t.Errorf("/readyz: %d %q", code, body)
		}
	})
}
