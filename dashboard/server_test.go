package dashboard_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestStatusPageHealthAndReadiness(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		svc, err := analytics.New(st, analytics.Defaults())
		if err != nil {
			t.Fatal(err)
		}
		dash, err := dashboard.New(svc, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(dash.Handler())
		defer srv.Close()
		if code, body := get(t, srv.URL+"/healthz"); code != 200 || body != "ok\n" {
			t.Errorf("/healthz: %d %q", code, body)
		}
		if code, body := get(t, srv.URL+"/readyz"); code != 200 || body != "ready\n" {
			t.Errorf("/readyz: %d %q", code, body)
		}
		code, body := get(t, srv.URL+"/")
		if code != 200 || !strings.Contains(body, "No data is loaded yet") || !strings.Contains(body, "uptake ingest") {
			t.Errorf("empty status page: %d %s", code, body)
		}
		// A name that tries to break out of the page is shown as text.
		in, err := st.NewInserter(context.Background(), "ingest_ledger", "file_checksum", "file_name", "entity", "status", "started_at", "updated_at", "rows_read")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		if err := in.Append("x", "<script>alert(1)</script>.csv", "usage", "complete", now, now, 1); err != nil {
			t.Fatal(err)
		}
		if err := in.Close(); err != nil {
			t.Fatal(err)
		}
		_, body = get(t, srv.URL+"/")
		if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;.csv") {
			t.Errorf("file name not escaped:\n%s", body)
		}
		if code, _ := get(t, srv.URL+"/no-such-page"); code != 404 {
			t.Errorf("unknown page: %d", code)
		}
	})
}
