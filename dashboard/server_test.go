package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

const testPassword = "a long test password"

// client is a browser-like HTTP client with its own cookie jar that does
// not follow redirects, so tests see them.
func client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// post sends a form and returns the status and body.
func post(t *testing.T, c *http.Client, url string, form url.Values) (int, string) {
	t.Helper()
	resp, err := c.PostForm(url, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func signIn(t *testing.T, c *http.Client, base, user, password string) int {
	t.Helper()
	resp, err := c.PostForm(base+"/login", url.Values{"username": {user}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// newDashboard starts the dashboard over st with three accounts of two
// account managers and one user per role; opts, when given, replaces the
// default options (the pseudonym key stays set).
func newDashboard(t *testing.T, st *store.Store, opts ...dashboard.Options) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	in, err := st.NewInserter(ctx, "accounts", "account_id", "name", "segment", "country", "account_manager")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range [][]string{{"A1", "Alpha <b>Ltd</b>", "SMB", "FR", "Ann"}, {"A2", "Acme", "Enterprise", "DE", "Ann"}, {"B1", "Beta", "SMB", "FR", "Bob"}} {
		if err := in.Append(a[0], a[1], a[2], a[3], a[4]); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	// A1 has 20 Teams seats and 10 active users in October 2026 (50 %: red).
	dir := t.TempDir()
	subs := "account_id,subscription_id,snapshot_date,seats_purchased,seats_assigned,product,workload\nA1,S1,2026-10-01,20,18,Microsoft 365 Teams,Teams\n"
	usage := "day,account_id,user_id,workload,activity_count\n"
	for day := 1; day <= 28; day++ {
		for u := 0; u < 10; u++ {
			usage += fmt.Sprintf("2026-10-%02d,A1,user%d,Teams,%d\n", day, u, 1+u%3)
		}
	}
	for name, content := range map[string]string{"subscriptions.csv": subs, "usage.csv": usage} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	svc := analyticstest.LoadDir(t, st, dir)
	users, err := dashboard.NewUsers(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []dashboard.User{{Username: "admin", Role: "admin"}, {Username: "exec", Role: "executive"}, {Username: "trainer", Role: "trainer"},
		{Username: "ann", Role: "manager", Manager: "Ann"}, {Username: "bob", Role: "manager", Manager: "Bob"}} {
		if err := users.Add(ctx, u, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	opt := dashboard.Options{}
	if len(opts) > 0 {
		opt = opts[0]
	}
	opt.PseudonymKey = "test-key"
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(io.Discard, nil)), opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(dash.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func TestHealthReadinessAndSignInRequired(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		if code, body := get(t, c, srv.URL+"/healthz"); code != 200 || body != "ok\n" {
			t.Errorf("/healthz: %d %q", code, body)
		}
		if code, body := get(t, c, srv.URL+"/readyz"); code != 200 || body != "ready\n" {
			t.Errorf("/readyz: %d %q", code, body)
		}
		if code, _ := get(t, c, srv.URL+"/portfolio"); code != http.StatusSeeOther {
			t.Errorf("portfolio without sign-in: %d, want a redirect to /login", code)
		}
		if code, body := get(t, c, srv.URL+"/api/v1/portfolio"); code != http.StatusUnauthorized || !strings.Contains(body, "Sign in") {
			t.Errorf("API without sign-in: %d %s", code, body)
		}
		if code := signIn(t, c, srv.URL, "ann", "wrong password!"); code != http.StatusUnauthorized {
			t.Errorf("wrong password: %d", code)
		}
		if code, _ := get(t, c, srv.URL+"/portfolio"); code != http.StatusSeeOther {
			t.Errorf("a refused sign-in opened the portfolio: %d", code)
		}
	})
}

func TestEachRoleOpensItsPagesOnly(t *testing.T) {
	pages := map[string]map[string]int{
		"admin":   {"/status": 200, "/portfolio": 200, "/themes": 200, "/plan": 200, "/accounts/B1": 200},
		"exec":    {"/portfolio": 200, "/accounts/A1": 200, "/status": 403, "/themes": 403},
		"trainer": {"/themes": 200, "/plan": 200, "/portfolio": 403, "/status": 403},
		"ann":     {"/portfolio": 200, "/accounts/A1": 200, "/accounts/B1": 404, "/status": 403, "/plan": 403},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		for user, want := range pages {
			c := client(t)
			if code := signIn(t, c, srv.URL, user, testPassword); code != http.StatusSeeOther {
				t.Fatalf("%s: sign-in answered %d", user, code)
			}
			for path, status := range want {
				if code, body := get(t, c, srv.URL+path); code != status {
					t.Errorf("%s %s: %d, want %d\n%.300s", user, path, code, status, body)
				}
			}
		}
	})
}

func TestAccountManagerSeesOnlyOwnAccounts(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "ann", testPassword)
		code, body := get(t, c, srv.URL+"/portfolio")
		if code != 200 || !strings.Contains(body, "/accounts/A1") || !strings.Contains(body, "/accounts/A2") || strings.Contains(body, "B1") {
			t.Errorf("Ann's portfolio page: %d\n%s", code, body)
		}
		if strings.Contains(body, "<b>Ltd</b>") || !strings.Contains(body, "Alpha &lt;b&gt;Ltd&lt;/b&gt;") {
			t.Error("an account name was not escaped")
		}
		code, body = get(t, c, srv.URL+"/api/v1/portfolio")
		var api struct {
			Total int `json:"total"`
			Rows  []struct{ AccountID string }
		}
		if err := json.Unmarshal([]byte(body), &api); err != nil || code != 200 {
			t.Fatalf("portfolio API: %d %v %s", code, err, body)
		}
		if api.Total != 2 || len(api.Rows) != 2 || api.Rows[0].AccountID == "B1" || api.Rows[1].AccountID == "B1" {
			t.Errorf("Ann's portfolio API: %+v", api)
		}
		for _, path := range []string{"/accounts/B1", "/api/v1/accounts/B1"} {
			if code, body := get(t, c, srv.URL+path); code != 404 || strings.Contains(body, "Beta") {
				t.Errorf("Ann reached Bob's account at %s: %d %s", path, code, body)
			}
		}
		if code, body := get(t, c, srv.URL+"/portfolio?q=beta"); code != 200 || strings.Contains(body, "B1") || !strings.Contains(body, "No account matches") {
			t.Errorf("search found another manager's account: %d", code)
		}
		if code, _ := get(t, c, srv.URL+"/export/account?id=B1&format=csv"); code != 404 {
			t.Errorf("Ann exported Bob's account: %d", code)
		}
		if code, body := get(t, c, srv.URL+"/export/portfolio?format=csv"); code != 200 || strings.Contains(body, "B1") || !strings.Contains(body, "A1") {
			t.Errorf("Ann's portfolio export: %d\n%s", code, body)
		}
		resp, err := c.Get(srv.URL + "/export/portfolio?format=xlsx&segment=SMB")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := fmt.Sprintf(`attachment; filename="uptake-portfolio-%s.xlsx"`, time.Now().Format("2006-01-02"))
		if cd := resp.Header.Get("Content-Disposition"); cd != want || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
			t.Errorf("workbook download headers: %q, %q", cd, resp.Header.Get("Content-Type"))
		}
		resp, err = c.Get(srv.URL + "/export/dashboard")
		if err != nil {
			t.Fatal(err)
		}
		whole, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		wb, err := excelize.OpenReader(bytes.NewReader(whole))
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("whole-dashboard workbook: %d %v", resp.StatusCode, err)
		}
		if got := strings.Join(wb.GetSheetList(), "|"); got != "Portfolio|About" {
			t.Errorf("an account manager's dashboard workbook has sheets %s", got)
		}
		if rows, _ := wb.GetRows("Portfolio"); len(rows) != 3 || rows[1][0] == "B1" || rows[2][0] == "B1" {
			t.Errorf("an account manager's dashboard workbook rows: %v", rows)
		}
		wb.Close()
		if code, _ := get(t, c, srv.URL+"/export/quarantine?format=csv"); code != 403 {
			t.Errorf("Ann exported the quarantine: %d", code)
		}
		if code, _ := get(t, c, srv.URL+"/portfolio?sort=evil"); code != 400 {
			t.Errorf("bad sort: %d, want 400", code)
		}
	})
}

func TestSignOutEndsTheSession(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "exec", testPassword)
		if code, _ := get(t, c, srv.URL+"/portfolio"); code != 200 {
			t.Fatalf("after sign-in: %d", code)
		}
		if code, _ := post(t, c, srv.URL+"/logout", nil); code != http.StatusForbidden {
			t.Errorf("sign-out without the form token: %d, want 403", code)
		}
		_, page := get(t, c, srv.URL+"/portfolio")
		post(t, c, srv.URL+"/logout", url.Values{"csrf": {csrfFrom(t, page)}})
		if code, _ := get(t, c, srv.URL+"/portfolio"); code != http.StatusSeeOther {
			t.Errorf("after sign-out: %d, want a redirect to /login", code)
		}
	})
}

func TestEmptyStatusAndEchartsServed(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "admin", testPassword)
		code, body := get(t, c, srv.URL+"/status")
		if code != 200 || !strings.Contains(body, "accounts") || !strings.Contains(body, "counted at the last refresh") {
			t.Errorf("status page: %d %s", code, body)
		}
		code, js := get(t, c, srv.URL+"/static/vendor/echarts.min.js")
		if code != 200 || len(js) < 100_000 {
			t.Errorf("ECharts is not served from the binary (%d, %d bytes): run make assets", code, len(js))
		}
	})
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func TestFrenchFromTheBrowserAndSwitchable(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "ann", testPassword)
		req, _ := http.NewRequest("GET", srv.URL+"/portfolio", nil)
		req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), "<h1>Portefeuille</h1>") || !strings.Contains(string(body), `lang="fr"`) || !strings.Contains(string(body), "Recherche") {
			t.Errorf("French browser did not get French:\n%.600s", body)
		}
		// The switch link sets the language for later pages.
		if code, body := get(t, c, srv.URL+"/portfolio?lang=en"); code != 200 || !strings.Contains(body, "<h1>Portfolio</h1>") {
			t.Errorf("?lang=en: %d", code)
		}
		if _, body := get(t, c, srv.URL+"/portfolio"); !strings.Contains(body, "<h1>Portfolio</h1>") || !strings.Contains(body, "Français") {
			t.Error("the chosen language did not stick")
		}
		if _, body := get(t, c, srv.URL+"/portfolio?lang=fr"); !strings.Contains(body, "<h1>Portefeuille</h1>") || !strings.Contains(body, "English") {
			t.Error("switching to French failed")
		}
	})
}

// csrfFrom reads the CSRF token of a page's form.
func csrfFrom(t *testing.T, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `name="csrf" value="`)
	if !ok {
		t.Fatalf("no CSRF field on the page")
	}
	token, _, _ := strings.Cut(rest, `"`)
	return token
}

func TestAdminAddsUsersOnlyWithTheFormToken(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "admin", testPassword)
		code, page := get(t, c, srv.URL+"/admin/users")
		if code != 200 || !strings.Contains(page, "ann") {
			t.Fatalf("users page: %d", code)
		}
		form := url.Values{"username": {"carol"}, "role": {"trainer"}, "password": {"carol's long password"}}
		if code, _ := post(t, c, srv.URL+"/admin/users", form); code != http.StatusForbidden {
			t.Errorf("a form without the CSRF token: %d, want 403", code)
		}
		form.Set("csrf", csrfFrom(t, page))
		if code, body := post(t, c, srv.URL+"/admin/users", form); code != 200 || !strings.Contains(body, "User carol saved") {
			t.Fatalf("adding carol: %d\n%.500s", code, body)
		}
		if code := signIn(t, client(t), srv.URL, "carol", "carol's long password"); code != http.StatusSeeOther {
			t.Errorf("carol cannot sign in: %d", code)
		}
		form.Set("password", "short")
		if code, body := post(t, c, srv.URL+"/admin/users", form); code != 400 || !strings.Contains(body, "at least 12 characters") {
			t.Errorf("a short password: %d", code)
		}
		// A manager cannot reach the admin pages.
		m := client(t)
		signIn(t, m, srv.URL, "ann", testPassword)
		for _, p := range []string{"/admin/users", "/admin/upload", "/admin/quarantine"} {
			if code, _ := get(t, m, srv.URL+p); code == 200 {
				t.Errorf("a manager opened %s", p)
			}
		}
	})
}

func TestUploadLoadsAFileAndShowsQuarantine(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "admin", testPassword)
		_, page := get(t, c, srv.URL+"/admin/upload")
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("csrf", csrfFrom(t, page))
		fw, _ := mw.CreateFormFile("file", "usage.csv")
		rows := "day,account_id,user_id,workload,activity_count\n2026-04-01,A1,u1,Teams,3\n2026-04-02,A1,u2,Teams,1\n"
		for i := 0; i < 150; i++ {
			rows += fmt.Sprintf("2026-04-%02d,A2,u%d,Teams,2\n", 1+i%28, i)
		}
		rows += "2026-04-03,A1,u3,Teams,not-a-number\n"
		_, _ = fw.Write([]byte(rows))
		mw.Close()
		resp, err := c.Post(srv.URL+"/admin/upload", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(out), "152") || !strings.Contains(string(out), "Reports updated") {
			t.Fatalf("upload: %d\n%s", resp.StatusCode, out)
		}
		code, q := get(t, c, srv.URL+"/admin/quarantine")
		if code != 200 || !strings.Contains(q, "usage.csv") || !strings.Contains(q, "activity_count") || !strings.Contains(q, "not-a-number") {
			t.Errorf("quarantine page: %d\n%.800s", code, q)
		}
		if _, s := get(t, c, srv.URL+"/status"); !strings.Contains(s, "usage.csv") {
			t.Error("the upload is not in the data status")
		}
	})
}

var update = flag.Bool("update", false, "rewrite the golden files of the API tests")

// The API's answers match the golden files on both engines.
func TestAPIGoldenJSON(t *testing.T) {
	cases := []struct{ user, path, golden string }{
		{"ann", "/api/v1/portfolio", "portfolio_ann.json"},
		{"exec", "/api/v1/portfolio?sort=name&segment=SMB", "portfolio_exec_smb.json"},
		{"ann", "/api/v1/accounts/A1", "account_a1_ann.json"},
		{"ann", "/api/v1/accounts/B1", "account_b1_ann.json"},
		{"exec", "/api/v1/portfolio?sort=bad", "portfolio_bad_sort.json"},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		for _, c := range cases {
			hc := client(t)
			signIn(t, hc, srv.URL, c.user, testPassword)
			code, body := get(t, hc, srv.URL+c.path)
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Fatalf("%s: not JSON (%d): %s", c.path, code, body)
			}
			pretty, _ := json.MarshalIndent(map[string]any{"status": code, "body": v}, "", "  ")
			file := filepath.Join("testdata", "golden", c.golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, append(pretty, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./dashboard -run TestAPIGoldenJSON -update)", err)
			}
			if strings.TrimSpace(string(want)) != string(pretty) {
				t.Errorf("%s as %s differs from %s:\n%s", c.path, c.user, file, pretty)
			}
		}
	})
}

// The overview and theme pages download several-sheet workbooks.
func TestExecutiveAndThemeWorkbooks(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		for user, want := range map[string]map[string]string{
			"exec":    {"/export/satisfaction?format=xlsx": "Weekly KPIs|Satisfaction|SLA|By segment|By country|About"},
			"trainer": {"/export/themes?format=xlsx&lang=en": "Themes|Ticket themes|About", "/export/plan?format=xlsx&lang=fr": "Plan de formation|À propos"},
		} {
			c := client(t)
			signIn(t, c, srv.URL, user, testPassword)
			for path, sheets := range want {
				code, body := get(t, c, srv.URL+path)
				f, err := excelize.OpenReader(strings.NewReader(body))
				if code != 200 || err != nil {
					t.Fatalf("%s %s: %d %v", user, path, code, err)
				}
				if got := strings.Join(f.GetSheetList(), "|"); got != sheets {
					t.Errorf("%s %s: sheets %s, want %s", user, path, got, sheets)
				}
				f.Close()
			}
		}
	})
}

func TestSecurityHeadersAndSignInLockout(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		resp, err := c.Get(srv.URL + "/login")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") ||
			!strings.Contains(csp, "frame-ancestors 'none'") || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("security headers: %v", h)
		}
		for i := 0; i < 5; i++ {
			if code := signIn(t, c, srv.URL, "exec", "not the password"); code != http.StatusUnauthorized {
				t.Fatalf("wrong password %d: %d", i+1, code)
			}
		}
		if code := signIn(t, c, srv.URL, "exec", testPassword); code != http.StatusTooManyRequests {
			t.Errorf("after 5 wrong passwords the right one answered %d, want 429", code)
		}
		if code := signIn(t, c, srv.URL, "ann", testPassword); code != http.StatusSeeOther {
			t.Errorf("another user from the same address: %d", code)
		}
	})
}
