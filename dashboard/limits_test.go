package dashboard_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

// An upload over the limit is refused with the limit named, and loads
// nothing.
func TestUploadOverTheLimitIsRefused(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st, dashboard.Options{MaxUploadBytes: 4 << 10})
		c := client(t)
		signIn(t, c, srv.URL, "admin", testPassword)
		_, page := get(t, c, srv.URL+"/admin/upload")
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("csrf", csrfFrom(t, page))
		fw, _ := mw.CreateFormFile("file", "big-upload.csv")
		_, _ = fw.Write([]byte("day,account_id,user_id,workload,activity_count\n" + strings.Repeat("2026-04-01,A1,u1,Teams,3\n", 400)))
		mw.Close()
		resp, err := c.Post(srv.URL+"/admin/upload", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(out), "larger than 4 KB") {
			t.Fatalf("upload over the limit: %d\n%.600s", resp.StatusCode, out)
		}
		if _, s := get(t, c, srv.URL+"/status"); strings.Contains(s, "big-upload.csv") {
			t.Error("a refused upload shows in the data status")
		}
	})
}

// A browser's form post from another site is refused, sign-in included
// (it has no session token yet); the same post from Uptake's own pages,
// or from a client that names no origin, passes.
func TestCrossSitePostsAreRefused(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		host := strings.TrimPrefix(srv.URL, "http://")
		login := func(origin, referer string) int {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/login", strings.NewReader(url.Values{"username": {"ann"}, "password": {testPassword}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			if referer != "" {
				req.Header.Set("Referer", referer)
			}
			resp, err := client(t).Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		for _, c := range []struct {
			origin, referer string
			want            int
		}{
			{"https://evil.example", "", http.StatusForbidden},
			{"null", "", http.StatusForbidden},
			{"", "https://evil.example/page", http.StatusForbidden},
			{"http://" + host, "", http.StatusSeeOther},
			{"", "http://" + host + "/login", http.StatusSeeOther},
			{"", "", http.StatusSeeOther},
		} {
			if got := login(c.origin, c.referer); got != c.want {
				t.Errorf("sign-in with Origin %q, Referer %q: %d, want %d", c.origin, c.referer, got, c.want)
			}
		}
	})
}
