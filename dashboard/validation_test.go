package dashboard_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptake/uptake/store"
)

// paramCase is one request and what it must answer: its status and the
// words its message must hold (what the parameter accepts).
type paramCase struct {
	user   string // "" for no sign-in
	path   string
	status int
	want   []string
	api    bool // the same query is also sent to /api/v1 + path, which answers JSON
}

// errorMessage reads the message of an error answer: the JSON "error" of
// an API call, the alert paragraph of a page (unescaped).
func errorMessage(t *testing.T, body string, api bool) string {
	t.Helper()
	if api {
		var v struct {
			Error string `json:"error"`
		}
		if err := json.Unmarshal([]byte(body), &v); err != nil || v.Error == "" {
			t.Errorf("an API error is not JSON {\"error\": …}: %v\n%.300s", err, body)
		}
		return v.Error
	}
	_, rest, ok := strings.Cut(body, `role="alert">`)
	if !ok {
		t.Errorf("an error page without its alert paragraph:\n%.500s", body)
		return ""
	}
	msg, _, _ := strings.Cut(rest, "</p>")
	return html.UnescapeString(msg)
}

// long is a value one byte over the 200-byte limit of text parameters.
var long = strings.Repeat("x", 201)

// portfolioTakes is the unknown-parameter message of the portfolio.
var portfolioTakes = []string{"this page takes lang, q, segment, country, health, manager, workload, sort, page"}

// validationCases covers every route and every parameter it takes: a bad
// value of each, unknown and repeated parameters, over-long values,
// control characters and invalid UTF-8, then good values.
func validationCases() []paramCase {
	bad := http.StatusBadRequest
	text := func(name string) []paramCase {
		return []paramCase{
			{"", "", bad, []string{name + " is too long: at most 200 characters"}, false},
			{"", "", bad, []string{name + " must not hold control characters"}, false},
			{"", "", bad, []string{name + " must not hold control characters"}, false},
			{"", "", bad, []string{name + " must be UTF-8 text"}, false},
			{"", "", bad, []string{"parameter " + name + " is given more than once; give it once"}, false},
		}
	}
	// textChecks applies the checks every text parameter gets to name on
	// base (a path with or without a query).
	textChecks := func(user, base, name string, api bool) []paramCase {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		values := []string{long, "a%01b", "a%0Ab", "%FF%FE", "x&" + name + "=y"}
		var out []paramCase
		for i, c := range text(name) {
			c.user, c.path, c.api = user, base+sep+name+"="+values[i], api
			out = append(out, c)
		}
		return out
	}
	cases := []paramCase{
		// Sign-in page: next and lang.
		{"", "/login?nxt=/portfolio", bad, []string{`unknown parameter "nxt"`, "this page takes lang, next"}, false},
		{"", "/login?lang=de", bad, []string{"lang must be en or fr"}, false},
		// Home: no parameter.
		{"ann", "/?page=2", bad, []string{`unknown parameter "page"`, "this page takes lang"}, false},

		// Portfolio, page and API.
		{"ann", "/portfolio?sort=evil", bad, []string{"sort must be one of name, health, seats, howto, csat, upsell", "leading - for descending"}, true},
		{"ann", "/portfolio?sort=--name", bad, []string{"sort must be one of name, health, seats, howto, csat, upsell"}, true},
		{"ann", "/portfolio?sort=", 200, nil, true},
		{"ann", "/portfolio?page=0", bad, []string{"page must be a whole number from 1"}, true},
		{"ann", "/portfolio?page=-3", bad, []string{"page must be a whole number from 1"}, true},
		{"ann", "/portfolio?page=1.5", bad, []string{"page must be a whole number from 1"}, true},
		{"ann", "/portfolio?page=two", bad, []string{"page must be a whole number from 1"}, true},
		{"ann", "/portfolio?page=99999999999999999999999", bad, []string{"page must be a whole number from 1"}, true},
		{"ann", "/portfolio?health=purple", bad, []string{"health must be one of red, amber, green, no usage data"}, true},
		{"ann", "/portfolio?segment=Retail", bad, []string{`segment "Retail" is not one of the values in your data: Enterprise, SMB`}, true},
		{"ann", "/portfolio?country=XX", bad, []string{`country "XX" is not one of the values in your data: DE, FR`}, true},
		{"ann", "/portfolio?workload=Yammer", bad, []string{`workload "Yammer" is not one of the values in your data: Teams`}, true},
		// An account manager is told only about their own managers' values.
		{"ann", "/portfolio?manager=Bob", bad, []string{`manager "Bob" is not one of the values in your data: Ann`}, true},
		{"admin", "/portfolio?manager=Zed", bad, []string{`manager "Zed" is not one of the values in your data: Ann, Bob`}, true},
		{"ann", "/portfolio?qq=alpha", bad, append([]string{`unknown parameter "qq"`}, portfolioTakes...), true},
		{"ann", "/portfolio?Sort=name", bad, append([]string{`unknown parameter "Sort"`}, portfolioTakes...), true},
		{"ann", "/portfolio?lang=es", bad, []string{"lang must be en or fr"}, true},
		{"ann", "/portfolio?lang=en&lang=fr", bad, []string{"parameter lang is given more than once"}, true},

		// Account, page and API (:id in the path), and its export (?id=).
		{"ann", "/accounts/A1?tab=history", bad, []string{`unknown parameter "tab"`, "this page takes lang"}, true},
		{"ann", "/accounts/A%2FB", bad, []string{"an account id is 1 to 200 characters of text, without slashes or control characters"}, true},
		{"ann", "/accounts/A%5CB", bad, []string{"an account id is 1 to 200 characters"}, true},
		{"ann", "/accounts/A%00B", bad, []string{"an account id is 1 to 200 characters"}, true},
		{"ann", "/accounts/A%0AB", bad, []string{"an account id is 1 to 200 characters"}, true},
		{"ann", "/accounts/%FF%FE", bad, []string{"an account id is 1 to 200 characters"}, true},
		{"ann", "/accounts/" + long, bad, []string{"an account id is 1 to 200 characters"}, true},
		{"ann", "/accounts/NOPE", http.StatusNotFound, []string{"There is no such account in your portfolio."}, true},
		{"ann", "/accounts/B1", http.StatusNotFound, []string{"There is no such account in your portfolio."}, true},
		{"ann", "/export/account?format=csv", bad, []string{"an account id is 1 to 200 characters"}, false},
		{"ann", "/export/account?format=csv&id=A%2F1", bad, []string{"an account id is 1 to 200 characters"}, false},
		{"ann", "/export/account?format=csv&id=A%5C1", bad, []string{"an account id is 1 to 200 characters"}, false},
		{"ann", "/export/account?format=csv&id=B1", http.StatusNotFound, []string{"There is no such account in your portfolio."}, false},

		// Exports: the format, the report, unknown parameters.
		{"ann", "/export/portfolio?format=pdf", bad, []string{"format must be xlsx or csv"}, false},
		{"ann", "/export/portfolio?format=csv&sort=evil", bad, []string{"sort must be one of name, health, seats, howto, csat, upsell"}, false},
		{"ann", "/export/portfolio?format=csv&page=0", bad, []string{"page must be a whole number from 1"}, false},
		{"ann", "/export/portfolio?format=csv&health=blue", bad, []string{"health must be one of red, amber, green, no usage data"}, false},
		{"ann", "/export/nothing?format=csv", http.StatusNotFound, []string{"No such export: choose portfolio, account, themes, plan, satisfaction, quarantine or status."}, false},
		{"ann", "/export/portfolio?fmt=csv", bad, []string{`unknown parameter "fmt"`, "this page takes lang, format, id, q, segment, country, health, manager, workload, sort, page, weeks, language, month"}, false},
		{"exec", "/export/satisfaction?format=csv&weeks=12", bad, []string{"weeks must be 13, 26 or 52"}, false},
		{"trainer", "/export/plan?format=csv&month=2026-13", bad, []string{"month must be written YYYY-MM, e.g. 2026-12"}, false},

		// Status, users, quarantine, upload, themes: no parameter.
		{"admin", "/status?verbose=1", bad, []string{`unknown parameter "verbose"`, "this page takes lang"}, true},
		{"admin", "/admin/users?role=admin", bad, []string{`unknown parameter "role"`, "this page takes lang"}, false},
		{"admin", "/admin/quarantine?file=x", bad, []string{`unknown parameter "file"`, "this page takes lang"}, false},
		{"admin", "/admin/upload?entity=usage", bad, []string{`unknown parameter "entity"`, "this page takes lang"}, false},
		{"trainer", "/themes?scope=all", bad, []string{`unknown parameter "scope"`, "this page takes lang"}, true},

		// Executive overview, page and API: weeks.
		{"exec", "/executive?weeks=12", bad, []string{"weeks must be 13, 26 or 52"}, true},
		{"exec", "/executive?weeks=013", bad, []string{"weeks must be 13, 26 or 52"}, true},
		{"exec", "/executive?weeks=-52", bad, []string{"weeks must be 13, 26 or 52"}, true},
		{"exec", "/executive?week=13", bad, []string{`unknown parameter "week"`, "this page takes lang, weeks"}, true},

		// Audit log: user and action.
		{"admin", "/admin/audit?action=delete", bad, []string{"action must be one of sign-in, sign-out, export, upload, ingest, user-change, or empty for all"}, false},
		{"admin", "/admin/audit?who=ann", bad, []string{`unknown parameter "who"`, "this page takes lang, user, action"}, false},

		// Course plan: language, month, page.
		{"trainer", "/plan?month=2026-13", bad, []string{"month must be written YYYY-MM, e.g. 2026-12"}, false},
		{"trainer", "/plan?month=December", bad, []string{"month must be written YYYY-MM, e.g. 2026-12"}, false},
		{"trainer", "/plan?month=2026-1", bad, []string{"month must be written YYYY-MM, e.g. 2026-12"}, false},
		{"trainer", "/plan?page=0", bad, []string{"page must be a whole number from 1"}, false},
		{"trainer", "/plan?page=x", bad, []string{"page must be a whole number from 1"}, false},
		{"trainer", "/plan?language=klingon", bad, []string{`language "klingon"`}, false},
		{"trainer", "/plan?lang=fr&langue=fr", bad, []string{`unknown parameter "langue"`, "this page takes lang, language, month, page"}, false},
	}
	// Every text parameter of every route: too long, control characters
	// (including a line break), invalid UTF-8, given twice.
	for _, p := range []string{"q", "segment", "country", "health", "manager", "workload", "sort", "page", "lang"} {
		cases = append(cases, textChecks("ann", "/portfolio", p, true)...)
	}
	cases = append(cases, textChecks("", "/login", "next", false)...)
	cases = append(cases, textChecks("exec", "/executive", "weeks", true)...)
	for _, p := range []string{"user", "action"} {
		cases = append(cases, textChecks("admin", "/admin/audit", p, false)...)
	}
	for _, p := range []string{"language", "month", "page"} {
		cases = append(cases, textChecks("trainer", "/plan", p, false)...)
	}
	for _, p := range []string{"format", "id", "q", "segment", "weeks", "month"} {
		cases = append(cases, textChecks("ann", "/export/portfolio", p, false)...)
	}
	// Good values still work.
	cases = append(cases, []paramCase{
		{"", "/login?next=/portfolio&lang=fr", 200, nil, false},
		{"ann", "/portfolio?q=alpha&segment=SMB&country=FR&health=red&workload=Teams&sort=-name&page=1&lang=en", 200, nil, true},
		{"ann", "/portfolio?page=7", 200, nil, true}, // past the last page: the last page
		{"ann", "/portfolio?q=" + strings.Repeat("é", 100), 200, nil, true},
		{"admin", "/portfolio?manager=Bob&sort=seats", 200, nil, true},
		{"ann", "/accounts/A1?lang=fr", 200, nil, true},
		{"ann", "/export/account?format=csv&id=A1", 200, nil, false},
		{"ann", "/export/portfolio?format=csv&q=alpha&sort=name", 200, nil, false},
		{"admin", "/status", 200, nil, true},
		{"exec", "/executive?weeks=13", 200, nil, true},
		{"exec", "/executive?weeks=26&lang=fr", 200, nil, true},
		{"trainer", "/themes", 200, nil, true},
		{"trainer", "/plan?month=2026-12&page=1", 200, nil, false},
		{"admin", "/admin/audit?user=ann&action=sign-in", 200, nil, false},
		{"admin", "/admin/users", 200, nil, false},
		{"admin", "/admin/quarantine", 200, nil, false},
		{"admin", "/admin/upload", 200, nil, false},
	}...)
	return cases
}

// Every route refuses bad parameters with a 400 that says what it
// accepts, as a page and as JSON, and still answers good ones.
func TestParameterValidation(t *testing.T) {
	cases := validationCases()
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		clients := map[string]*http.Client{"": client(t)}
		for _, user := range []string{"admin", "exec", "trainer", "ann"} {
			clients[user] = client(t)
			if code := signIn(t, clients[user], srv.URL, user, testPassword); code != http.StatusSeeOther {
				t.Fatalf("%s: sign-in answered %d", user, code)
			}
		}
		for _, c := range cases {
			paths := []string{c.path}
			if c.api {
				paths = append(paths, "/api/v1"+c.path)
			}
			for _, path := range paths {
				api := strings.HasPrefix(path, "/api/")
				code, body := get(t, clients[c.user], srv.URL+path)
				if code != c.status {
					t.Errorf("%s %s: %d, want %d\n%.400s", c.user, path, code, c.status, body)
					continue
				}
				if c.status == 200 {
					if api && !json.Valid([]byte(body)) {
						t.Errorf("%s %s: the API answered something other than JSON", c.user, path)
					}
					continue
				}
				if strings.HasPrefix(path, "/export/") && c.status != 200 {
					api = false // downloads answer errors as pages
				}
				msg := errorMessage(t, body, api)
				for _, w := range c.want {
					if !strings.Contains(msg, w) {
						t.Errorf("%s %s: message %q lacks %q", c.user, path, msg, w)
					}
				}
				if c.user == "ann" && (strings.Contains(msg, "Beta") || strings.Contains(msg, "Bob") && !strings.Contains(c.path, "Bob")) {
					t.Errorf("%s %s: the message names another manager's data: %q", c.user, path, msg)
				}
			}
		}
	})
}

// An unknown parameter's name is quoted in the message, shortened and
// escaped: the message never carries markup or a whole long value.
func TestUnknownParameterNameIsQuotedSafely(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		c := client(t)
		signIn(t, c, srv.URL, "ann", testPassword)
		name := "<script>alert(1)</script>" + strings.Repeat("y", 300)
		for _, path := range []string{"/portfolio", "/api/v1/portfolio"} {
			code, body := get(t, c, srv.URL+path+"?"+url.QueryEscape(name)+"=1")
			if code != 400 || strings.Contains(body, "<script>alert") {
				t.Errorf("%s with a hostile parameter name: %d\n%.600s", path, code, body)
			}
			msg := errorMessage(t, body, strings.HasPrefix(path, "/api/"))
			if !strings.Contains(msg, `unknown parameter "<script>alert(1)</script>yyyy`) || strings.Contains(msg, strings.Repeat("y", 100)) {
				t.Errorf("%s: the message does not show the name as text, shortened: %q", path, msg)
			}
		}
	})
}

// After signing in, the next page is one of this site, however the form's
// next is written: a browser drops tabs and line breaks from a redirect,
// so "/\t/evil.example" must not be followed either.
func TestSignInNextStaysOnSite(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		for next, want := range map[string]string{
			"/portfolio?segment=SMB": "/portfolio?segment=SMB", "/\t/evil.example/": "/portfolio", "/\n/evil.example": "/portfolio",
			"//evil.example": "/portfolio", "/\\evil.example": "/portfolio", "https://evil.example/": "/portfolio", " /\t/evil.example": "/portfolio",
		} {
			resp, err := client(t).PostForm(srv.URL+"/login", url.Values{"username": {"ann"}, "password": {testPassword}, "next": {next}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != want {
				t.Errorf("sign-in with next %q: %d to %q, want %q", next, resp.StatusCode, loc, want)
			}
		}
	})
}
