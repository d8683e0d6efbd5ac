package loadtest

// The virtual users: who they are, what they open, and how each answer is checked.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

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
