package dashboard_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/store"
)

// Markup and script payloads, stored as data and shown on the pages.
const (
	xssScript   = `<script>alert(1)</script>`
	xssImg      = `"><img src=x onerror=alert(2)>`
	xssClose    = `</script><script>alert(3)</script>`
	xssJS       = `javascript:alert(4)`
	xssTemplate = `{{.}}`
)

// sqlPayloads try to end a string literal, add a condition, stack a
// statement or look like a parameter of either binding syntax.
var sqlPayloads = []string{
	`' OR 1=1 --`, `A1' UNION SELECT name, account_id FROM accounts --`, `\' OR 1=1 --`, `A1\`,
	`'; DROP TABLE accounts; --`, `@manager`, `{manager:String}`, `/* x */ -- x`, `%' OR '%'='`,
	`Ann' OR account_manager = 'Bob`,
}

// hostile is what hostileDashboard stored, for the checks.
type hostile struct {
	// Account names, segments, countries and the workload, with payloads.
	Names      map[string]string // by account id
	Workload   string            // a usage workload with markup (a chart series name)
	Label      string            // the subject of most how-to tickets, with markup
	Subjects   []string          // ticket subjects with payloads
	Bodies     []string          // ticket bodies with payloads
	Segment    string
	Country    string
	AnnDisplay string // ann's display name
	// Quoted is an account id with a quote, a !, a space and an accented letter.
	Quoted string
}

// hostileData is the data of hostileDashboard.
var hostileData = hostile{
	Names: map[string]string{
		"A1": `Alpha <script>alert(1)</script> & "Sons" O'Neil \ C:\dir\`,
		"A2": `"><img src=x onerror=alert(2)>`,
		"A3": `</script><script>alert(3)</script>`,
		"A4": `javascript:alert(4)`,
		"A5": `' OR 1=1 -- \' \\ {{.}} @manager {x:String}`,
		"B1": "Beta",
		"C1": `Quote's "Co" \`,
	},
	Workload:   `Teams"><img src=x onerror=alert(7)>`,
	Label:      `Share screen <b>Teams</b> "meeting" {{.}} recording`,
	Subjects:   []string{`Share screen in Teams meeting <script>alert(1)</script>`, `Share screen Teams meeting "><img src=x onerror=alert(2)>`, `Share screen Teams meeting </script><script>alert(3)</script>`, `Share screen Teams meeting javascript:alert(4)`, `Share screen Teams meeting '; DROP TABLE tickets; -- \' \\`},
	Bodies:     []string{`When I share my screen <script>alert(1)</script> the others see black.`, `Share fails "><img src=x onerror=alert(2)> in C:\Users\x\ with 'quotes'`, "Two lines\nthen a tab\tand </script><script>alert(3)</script>", `Click javascript:alert(4) then {{.}} and {x:String} @manager`, `' OR 1=1 -- ; DROP TABLE accounts; \' \\`},
	Segment:    `SMB"><svg onload=alert(5)>`,
	Country:    `{{.}}<b>FR</b>`,
	AnnDisplay: `Ann <script>alert(6)</script>`,
	Quoted:     `Q'1! é`,
}

// writeCSV writes rows (the first is the header) to dir/name.
func writeCSV(t *testing.T, dir, name string, rows [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// hostileDashboard serves the dashboard over data full of markup, script
// and SQL: account names, segments, countries, a workload, ticket
// subjects and bodies (so theme labels and examples) and a display name.
// Ann manages A1–A5 and the quoted id, Bob B1 ("Beta"), O'Brien\ C1; the
// users evil and evil2 have managers written like SQL.
func hostileDashboard(t *testing.T, st *store.Store) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	h := hostileData
	dir := t.TempDir()
	accounts := [][]string{{"account_id", "name", "segment", "industry", "country", "account_manager"}}
	ids := []string{"A1", "A2", "A3", "A4", "A5", h.Quoted}
	for _, id := range ids {
		name := h.Names[id]
		if id == h.Quoted {
			name = "Quoted id"
		}
		segment, country := h.Segment, "FR"
		if id == "A2" || id == "A4" {
			segment, country = "Enterprise", h.Country
		}
		accounts = append(accounts, []string{id, name, segment, `Retail <i>&amp;</i>`, country, "Ann"})
	}
	accounts = append(accounts, []string{"B1", "Beta", "SMB", "Banking", "DE", "Bob"}, []string{"C1", h.Names["C1"], "SMB", "Banking", "FR", `O'Brien\`})
	writeCSV(t, dir, "1-accounts.csv", accounts)

	subs := [][]string{{"account_id", "subscription_id", "snapshot_date", "seats_purchased", "seats_assigned", "product", "workload"}}
	usage := [][]string{{"day", "account_id", "user_id", "workload", "activity_count"}}
	for i, id := range append(ids, "B1", "C1") {
		for j, wl := range []string{"Teams", h.Workload} {
			subs = append(subs, []string{id, fmt.Sprintf("S%d-%d", i, j), "2026-09-01", "20", "18", "Microsoft 365 " + wl, wl})
		}
		for day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC); day.Month() < 11; day = day.AddDate(0, 0, 1) {
			for u := 0; u < 6+i; u++ {
				usage = append(usage, []string{day.Format("2006-01-02"), id, fmt.Sprintf("user%d", u), "Teams", "2"})
				if u%2 == 0 {
					usage = append(usage, []string{day.Format("2006-01-02"), id, fmt.Sprintf("user%d", u), h.Workload, "1"})
				}
			}
		}
	}
	writeCSV(t, dir, "2-subscriptions.csv", subs)
	writeCSV(t, dir, "3-usage.csv", usage)

	tickets := [][]string{{"account_id", "ticket_id", "created_at", "updated_at", "channel", "category", "priority", "status", "subject", "body", "language", "workload",
		"first_response_minutes", "resolution_minutes", "satisfaction"}}
	n := 0
	add := func(account, subject, body string, created time.Time) {
		n++
		tickets = append(tickets, []string{account, fmt.Sprintf("T-%03d", n), created.Format(time.RFC3339), created.Add(2 * time.Hour).Format(time.RFC3339),
			"portal", "howto", "normal", "closed", subject, body, "en", "Teams", "30", "120", fmt.Sprint(1 + n%5)})
	}
	start := time.Date(2026, 9, 7, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 30; i++ {
		add(ids[i%5], h.Label, "When I present in a Teams meeting the others see a black window. How do I share the screen?", start.AddDate(0, 0, 2*i))
	}
	for i, s := range h.Subjects {
		for k := 0; k < 3; k++ {
			add(ids[(i+k)%5], s, h.Bodies[i], start.AddDate(0, 0, 7*k+i))
		}
	}
	for i := 0; i < 6; i++ { // Bob's tickets, so his account has data to leak
		add("B1", "Beta secret: share screen Teams meeting", "Beta's confidential body", start.AddDate(0, 0, 5*i))
	}
	writeCSV(t, dir, "4-tickets.csv", tickets)

	svc := analyticstest.LoadDir(t, st, dir)
	if _, err := svc.RunThemes(ctx, analytics.ThemeOptions{MinThemeSize: 5, MinAccounts: 2, MinWeeks: 2}); err != nil {
		t.Fatal(err)
	}
	users, err := dashboard.NewUsers(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []dashboard.User{{Username: "admin", Role: "admin", DisplayName: `Admin "><img src=x onerror=alert(8)>`}, {Username: "exec", Role: "executive"},
		{Username: "trainer", Role: "trainer"}, {Username: "ann", Role: "manager", Manager: "Ann", DisplayName: h.AnnDisplay},
		{Username: "bob", Role: "manager", Manager: "Bob"}, {Username: "obrien", Role: "manager", Manager: `O'Brien\`},
		{Username: "evil", Role: "manager", Manager: `' OR '1'='1`}, {Username: "evil2", Role: "manager", Manager: `\' OR 1=1 --`}} {
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
	return srv
}

// signedIn is a client signed in as user.
func signedIn(t *testing.T, base, user string) *http.Client {
	t.Helper()
	c := client(t)
	if code := signIn(t, c, base, user, testPassword); code != http.StatusSeeOther {
		t.Fatalf("%s: sign-in answered %d", user, code)
	}
	return c
}

// tableCounts counts the rows of the tables an injection could change.
func tableCounts(t *testing.T, st *store.Store) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for _, table := range []string{"accounts", "tickets", "usage", "subscriptions", "users", "themes", "ticket_themes"} {
		res, err := st.Query(context.Background(), store.Query{Name: "count_" + table, SQL: "SELECT toUInt64(count()) AS n FROM " + table + " FINAL"}, nil)
		if err != nil {
			t.Fatalf("counting %s: %v", table, err)
		}
		out[table] = res.Rows[0][0].(uint64)
	}
	return out
}

// annSees checks that a page or API answer for ann holds none of Bob's
// accounts: no link to B1, no "Beta", no API row of another manager.
func annSees(t *testing.T, what string, code int, body string) {
	t.Helper()
	if code >= 500 {
		t.Errorf("%s: %d\n%.400s", what, code, body)
		return
	}
	if strings.Contains(body, "Beta") || strings.Contains(body, "/accounts/B1") || strings.Contains(body, "O&#39;Brien") || strings.Contains(body, "Quote&#39;s") {
		t.Errorf("%s: another manager's account shows: %d\n%.600s", what, code, body)
	}
	var api struct {
		Rows []struct{ AccountID, Manager string }
	}
	if json.Unmarshal([]byte(body), &api) == nil {
		for _, r := range api.Rows {
			if r.Manager != "Ann" {
				t.Errorf("%s: row %s of manager %q", what, r.AccountID, r.Manager)
			}
		}
	}
}

// SQL written into every filter and parameter is only ever a value: no
// 500, no other manager's account, no table changed.
func TestSQLInjectionThroughFiltersAndParameters(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := hostileDashboard(t, st)
		before := tableCounts(t, st)
		ann, exec, trainer, admin := signedIn(t, srv.URL, "ann"), signedIn(t, srv.URL, "exec"), signedIn(t, srv.URL, "trainer"), signedIn(t, srv.URL, "admin")
		statuses := map[int]int{}
		for _, p := range sqlPayloads {
			v := url.QueryEscape(p)
			for _, param := range []string{"q", "segment", "country", "health", "manager", "workload", "sort", "page"} {
				for _, path := range []string{"/portfolio", "/api/v1/portfolio", "/export/portfolio?format=csv&x=1"} {
					u := path + "?" + param + "=" + v
					if strings.Contains(path, "?") {
						u = strings.Replace(path, "x=1", param+"="+v, 1)
					}
					code, body := get(t, ann, srv.URL+u)
					statuses[code]++
					annSees(t, "ann "+u, code, body)
					if code != 200 && code != 400 {
						t.Errorf("ann %s: %d, want 200 or 400", u, code)
					}
				}
			}
			for _, path := range []string{"/accounts/" + url.PathEscape(p), "/api/v1/accounts/" + url.PathEscape(p), "/export/account?format=csv&id=" + v} {
				code, body := get(t, ann, srv.URL+path)
				statuses[code]++
				annSees(t, "ann "+path, code, body)
				if code != 400 && code != 404 {
					t.Errorf("ann %s: %d, want 400 or 404", path, code)
				}
			}
			for _, path := range []string{"/plan?language=" + v, "/plan?month=" + v, "/export/plan?format=csv&language=" + v} {
				if code, body := get(t, trainer, srv.URL+path); code != 200 && code != 400 {
					t.Errorf("trainer %s: %d\n%.300s", path, code, body)
				}
			}
			for _, path := range []string{"/executive?weeks=" + v, "/api/v1/executive?weeks=" + v} {
				if code, body := get(t, exec, srv.URL+path); code != 400 {
					t.Errorf("exec %s: %d, want 400\n%.300s", path, code, body)
				}
			}
			code, body := get(t, admin, srv.URL+"/admin/audit?user="+v)
			if code != 200 || !strings.Contains(body, "No entries.") {
				t.Errorf("admin /admin/audit?user=%s: %d, want 200 and no entries\n%.300s", p, code, body)
			}
			if code, body := get(t, admin, srv.URL+"/admin/audit?action="+v); code != 400 {
				t.Errorf("admin /admin/audit?action=%s: %d, want 400\n%.300s", p, code, body)
			}
		}
		t.Logf("ann's %d injected requests answered %v", len(sqlPayloads)*27, statuses)

		// Managers whose scope is written like SQL see only their accounts.
		for user, want := range map[string][]string{"ann": {"A1", "A2", "A3", "A4", "A5", hostileData.Quoted}, "bob": {"B1"}, "obrien": {"C1"}, "evil": nil, "evil2": nil} {
			c := signedIn(t, srv.URL, user)
			code, body := get(t, c, srv.URL+"/api/v1/portfolio")
			var api struct {
				Total int
				Rows  []struct{ AccountID string }
			}
			if err := json.Unmarshal([]byte(body), &api); err != nil || code != 200 {
				t.Fatalf("%s's portfolio: %d %v", user, code, err)
			}
			var got []string
			for _, r := range api.Rows {
				got = append(got, r.AccountID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || api.Total != len(want) {
				t.Errorf("%s's portfolio: %v (total %d), want %v", user, got, api.Total, want)
			}
			if user == "obrien" {
				if code, body := get(t, c, srv.URL+"/accounts/C1"); code != 200 || !strings.Contains(body, html.EscapeString(hostileData.Names["C1"])) {
					t.Errorf("O'Brien\\ opens C1: %d", code)
				}
				if code, _ := get(t, c, srv.URL+"/accounts/A1"); code != 404 {
					t.Errorf("O'Brien\\ opens A1: %d, want 404", code)
				}
			}
		}

		// The sign-in form, last (refused sign-ins count against this
		// address, which is paused after 20): a user name or password
		// written like SQL is only a wrong one.
		for _, p := range sqlPayloads {
			if code := signIn(t, client(t), srv.URL, p, "x' OR '1'='1"); code != http.StatusUnauthorized && code != http.StatusTooManyRequests {
				t.Errorf("sign-in as %q: %d, want 401 (or 429 once paused)", p, code)
			}
		}
		if code := signIn(t, client(t), srv.URL, "admin", `' OR '1'='1`); code != http.StatusUnauthorized && code != http.StatusTooManyRequests {
			t.Errorf("sign-in as admin with an injected password: %d", code)
		}

		after := tableCounts(t, st)
		for table, n := range before {
			if after[table] != n || n == 0 && table != "users" {
				t.Errorf("table %s: %d rows before the attempts, %d after", table, n, after[table])
			}
		}
	})
}

// upload posts one file to /admin/upload as the signed-in admin c.
func upload(t *testing.T, c *http.Client, base, name, content string) (int, string) {
	t.Helper()
	_, page := get(t, c, base+"/admin/upload")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("csrf", csrfFrom(t, page))
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write([]byte(content))
	mw.Close()
	resp, err := c.Post(base+"/admin/upload", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func csvText(t *testing.T, rows [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Ticket text and account names that look like SQL, with quotes and
// backslashes, uploaded through the dashboard, are stored byte for byte
// and shown escaped.
func TestInjectedTextIsStoredExactlyAndShownEscaped(t *testing.T) {
	names := map[string]string{
		"D1": `O'Reilly & "Partners" \ Ltd`,
		"D2": `\'); DROP TABLE accounts; --`,
		"D3": `Back\\slash\ <b>bold</b> '' "" \n`,
		"D4": `' UNION SELECT password_hash FROM users --`,
	}
	texts := [][2]string{
		{`'; DROP TABLE tickets; --`, `Robert'); DROP TABLE accounts;-- said "hi" \ bye`},
		{`A1' UNION SELECT name FROM accounts --`, "line one\nline two\twith a tab and a \\ backslash and a \\' quote"},
		{`{x:String} @manager @account_id`, `%' OR '%'='  /* comment */ -- dash`},
		{`C:\Users\ann\Documents\`, `"double" 'single' ` + "`back`" + ` \\\\ four backslashes`},
		{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)> {{.}}`},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		admin := signedIn(t, srv.URL, "admin")
		accounts := [][]string{{"account_id", "name", "segment", "country", "account_manager"}}
		for _, id := range []string{"D1", "D2", "D3", "D4"} {
			accounts = append(accounts, []string{id, names[id], "SMB", "FR", "Ann"})
		}
		if code, body := upload(t, admin, srv.URL, "accounts.csv", csvText(t, accounts)); code != 200 || !strings.Contains(body, "Reports updated") {
			t.Fatalf("uploading accounts: %d\n%.800s", code, body)
		}
		tickets := [][]string{{"account_id", "ticket_id", "created_at", "category", "subject", "body", "language"}}
		for i, x := range texts {
			tickets = append(tickets, []string{"D1", fmt.Sprintf("X-%d", i), "2026-10-05T10:00:00Z", "howto", x[0], x[1], "en"})
		}
		if code, body := upload(t, admin, srv.URL, "tickets.csv", csvText(t, tickets)); code != 200 || !strings.Contains(body, "Reports updated") {
			t.Fatalf("uploading tickets: %d\n%.800s", code, body)
		}

		ctx := context.Background()
		res, err := st.Query(ctx, store.Query{Name: "stored_tickets", SQL: "SELECT ticket_id, subject, body FROM tickets FINAL WHERE account_id = @account ORDER BY ticket_id"}, store.Args{"account": "D1"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != len(texts) {
			t.Fatalf("%d tickets stored, want %d", len(res.Rows), len(texts))
		}
		for i, row := range res.Rows {
			if row[1].(string) != texts[i][0] || row[2].(string) != texts[i][1] {
				t.Errorf("ticket %v stored as %q / %q, want %q / %q", row[0], row[1], row[2], texts[i][0], texts[i][1])
			}
		}
		for id, name := range names {
			res, err := st.Query(ctx, store.Query{Name: "stored_account", SQL: "SELECT name FROM accounts FINAL WHERE account_id = @id"}, store.Args{"id": id})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 1 || res.Rows[0][0].(string) != name {
				t.Errorf("account %s stored as %v, want %q", id, res.Rows, name)
			}
		}
		if n := tableCounts(t, st)["accounts"]; n != 7 {
			t.Errorf("%d accounts after the upload, want 7", n)
		}

		// Shown as text: escaped on the pages, exact in the API.
		ann := signedIn(t, srv.URL, "ann")
		_, page := get(t, ann, srv.URL+"/portfolio?sort=name")
		checkEscaped(t, "ann /portfolio", page)
		for id, name := range names {
			if !strings.Contains(page, templateEscape(name)) {
				t.Errorf("the portfolio does not show %s's name %q escaped", id, name)
			}
			code, body := get(t, ann, srv.URL+"/accounts/"+id)
			checkEscaped(t, "ann /accounts/"+id, body)
			if code != 200 || !strings.Contains(body, "<h1>"+templateEscape(name)+"</h1>") {
				t.Errorf("account %s: %d, name not shown escaped as the title", id, code)
			}
			_, body = get(t, ann, srv.URL+"/api/v1/accounts/"+id)
			var api struct{ Account struct{ Name string } }
			if err := json.Unmarshal([]byte(body), &api); err != nil || api.Account.Name != name {
				t.Errorf("API account %s: name %q, want %q (%v)", id, api.Account.Name, name, err)
			}
		}
		code, body := get(t, ann, srv.URL+"/export/portfolio?format=csv")
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if code != 200 || err != nil {
			t.Fatalf("portfolio CSV: %d %v", code, err)
		}
		found := 0
		for _, r := range rows {
			for _, name := range names {
				if slices.Contains(r, name) || slices.Contains(r, "'"+name) { // exports may keep formula-like text as text
					found++
				}
			}
		}
		if found != len(names) {
			t.Errorf("the portfolio CSV holds %d of the %d names exactly:\n%s", found, len(names), body)
		}
	})
}

// templateEscape is html/template's escaping of text.
func templateEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;", "\x00", "\uFFFD").Replace(s)
}

var (
	scriptTag   = regexp.MustCompile(`(?i)<script\b[^>]*>`)
	ownScript   = regexp.MustCompile(`^<script src="/static/[a-z./]+\.js"( defer)?>$`)
	jsURL       = regexp.MustCompile(`(?i)\b(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:`)
	markupTags  = regexp.MustCompile(`(?i)<(img|svg|iframe|object|embed|b|i)\b`)
	eventAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	dataOpts    = regexp.MustCompile(`data-options="([^"]*)"`)
	attrValue   = regexp.MustCompile(`="[^"]*"`)
	accountLink = regexp.MustCompile(`<a href="(/accounts/[^"]*)"`)
	exportLink  = regexp.MustCompile(`<a href="(/export/account\?[^"]*format=csv[^"]*)"`)
)

// checkEscaped fails when a page holds markup or script that is not the
// page's own (escapeProblems).
func checkEscaped(t *testing.T, what, body string) {
	t.Helper()
	for _, p := range escapeProblems(body) {
		t.Errorf("%s: %s", what, p)
	}
}

// escapeProblems lists markup or script on a page that is not the page's
// own: a script other than /static/*.js, an element the templates never
// write (img, svg, b, i…), an event handler attribute, a javascript:
// link, a raw payload, or chart options that are not escaped JSON.
func escapeProblems(body string) []string {
	var out []string
	for _, tag := range scriptTag.FindAllString(body, -1) {
		if !ownScript.MatchString(tag) {
			out = append(out, "a script tag that is not the page's own: "+tag)
		}
	}
	// html/template quotes every attribute value with " and escapes any "
	// inside, so dropping the values leaves the tags as written.
	tags := attrValue.ReplaceAllString(body, `=""`)
	for _, re := range []*regexp.Regexp{markupTags, eventAttr} {
		if m := re.FindString(tags); m != "" {
			out = append(out, fmt.Sprintf("unescaped markup %q", m))
		}
	}
	if m := jsURL.FindString(body); m != "" {
		out = append(out, fmt.Sprintf("a javascript: link %q", m))
	}
	for _, p := range []string{xssScript, xssImg, xssClose, "onerror=alert(2)>", "<b>Teams</b>"} {
		if strings.Contains(body, p) {
			out = append(out, fmt.Sprintf("the raw payload %q", p))
		}
	}
	for _, m := range dataOpts.FindAllStringSubmatch(body, -1) {
		if strings.ContainsAny(m[1], `<>'`) {
			out = append(out, fmt.Sprintf("chart options not escaped in their attribute: %.200s", m[1]))
		}
		if !json.Valid([]byte(html.UnescapeString(m[1]))) {
			out = append(out, fmt.Sprintf("chart options are not JSON once unescaped: %.200s", m[1]))
		}
	}
	return out
}

// The escaping check itself finds what it looks for, and passes the
// escaped forms html/template writes.
func TestEscapeCheckFindsMarkup(t *testing.T) {
	for _, bad := range []string{
		`<p>` + xssScript + `</p>`, `<td>x` + xssImg + `</td>`, `<option value="x">` + xssClose, `<a href="javascript:alert(4)">x</a>`,
		`<a href=" JavaScript:alert(1)">`, `<div title="x" onmouseover="alert(1)">`, `<svg/onload=alert(1)>`, `<p><b>Teams</b></p>`,
		`<script>alert(1)</script>`, `<script src="https://evil.example/x.js"></script>`, `<div class="chart" data-options="{'a':1}">`,
		`<div class="chart" data-options="{&#34;a&#34;:">`,
	} {
		if len(escapeProblems(bad)) == 0 {
			t.Errorf("not caught: %s", bad)
		}
	}
	good := `<script src="/static/charts.js" defer></script><p>` + templateEscape(xssScript+xssImg+xssClose+xssJS+xssTemplate) + `</p>` +
		`<input value="` + templateEscape(xssImg) + `"><a href="/accounts/javascript:alert(4)">` + templateEscape(xssJS) + `</a>` +
		`<div class="chart" data-options="` + templateEscape(`{"legend":{"data":["Teams\"\u003e\u003cimg src=x onerror=alert(7)\u003e"]}}`) + `"></div>`
	if p := escapeProblems(good); len(p) > 0 {
		t.Errorf("escaped text taken for markup: %v", p)
	}
}

// chartStrings are every string in the charts' options on a page.
func chartStrings(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			out = append(out, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		}
	}
	for _, m := range dataOpts.FindAllStringSubmatch(body, -1) {
		var v any
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &v); err != nil {
			t.Errorf("chart options: %v", err)
			continue
		}
		walk(v)
	}
	return out
}

// Pages show payloads stored in the data as text: escaped in HTML,
// literal in the chart options once the attribute is unescaped, and
// exact in the API's JSON.
func TestStoredMarkupIsShownAsText(t *testing.T) {
	h := hostileData
	pages := map[string][]string{
		"admin": {"/portfolio", "/portfolio?workload=" + url.QueryEscape(h.Workload) + "&segment=" + url.QueryEscape(h.Segment), "/accounts/A1", "/accounts/A2",
			"/accounts/A3", "/accounts/A4", "/accounts/A5", "/accounts/" + url.PathEscape(h.Quoted), "/themes", "/plan", "/executive", "/status", "/admin/quarantine",
			"/admin/audit", "/admin/users", "/admin/upload", "/login?next=" + url.QueryEscape(`/portfolio?q="><script>alert(1)</script>`)},
		"ann":     {"/portfolio", "/portfolio?q=" + url.QueryEscape(xssImg), "/portfolio?country=" + url.QueryEscape(h.Country), "/accounts/A1"},
		"exec":    {"/executive", "/executive?weeks=13"},
		"trainer": {"/themes", "/plan"},
	}
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := hostileDashboard(t, st)
		bodies := map[string]string{}
		for user, paths := range pages {
			c := signedIn(t, srv.URL, user)
			for _, p := range paths {
				code, body := get(t, c, srv.URL+p)
				if code != 200 {
					t.Errorf("%s %s: %d\n%.400s", user, p, code, body)
					continue
				}
				checkEscaped(t, user+" "+p, body)
				bodies[user+" "+p] = body
			}
			// Refused values are quoted in the message, escaped too.
			for _, p := range []string{"/portfolio?segment=" + url.QueryEscape(xssScript), "/portfolio?" + url.QueryEscape(xssImg) + "=1", "/accounts/" + url.PathEscape(xssClose)} {
				code, body := get(t, c, srv.URL+p)
				if code != 400 && code != 404 && code != 403 {
					t.Errorf("%s %s: %d", user, p, code)
				}
				checkEscaped(t, user+" "+p, body)
			}
		}
		// The payloads are there, as text.
		wantText := map[string][]string{
			"admin /portfolio":    {h.Names["A1"], h.Names["A2"], h.Names["A3"], h.Names["A4"], h.Names["A5"], h.Workload, h.Segment, h.Country},
			"admin /accounts/A1":  {h.Names["A1"], h.Workload, h.Segment},
			"admin /themes":       {h.Subjects[0]},
			"ann /portfolio":      {h.AnnDisplay, h.Names["A2"]},
			"admin /executive":    {h.Segment, h.Country},
			"admin /admin/users":  {h.AnnDisplay, `O'Brien\`, `' OR '1'='1`},
			"admin /plan":         {},
			"admin /accounts/A5":  {h.Names["A5"]},
			"admin /accounts/A2":  {h.Names["A2"], h.Country},
			"admin /admin/audit":  {},
			"ann /accounts/A1":    {h.Names["A1"]},
			"admin /accounts/A3":  {h.Names["A3"]},
			"admin /accounts/A4":  {h.Names["A4"]},
			"admin /status":       {},
			"admin /admin/upload": {},
		}
		for page, texts := range wantText {
			body, ok := bodies[page]
			if !ok {
				continue
			}
			for _, s := range texts {
				if !strings.Contains(body, templateEscape(s)) {
					t.Errorf("%s does not show %q as text", page, s)
				}
			}
		}
		// Every account link of the portfolio opens its account, and each
		// account page's export link downloads it, whatever the id holds.
		ann := signedIn(t, srv.URL, "ann")
		links := accountLink.FindAllStringSubmatch(bodies["ann /portfolio"], -1)
		if len(links) != 6 {
			t.Errorf("ann's portfolio links to %d accounts, want 6", len(links))
		}
		for _, l := range links {
			code, body := get(t, ann, srv.URL+html.UnescapeString(l[1]))
			if code != 200 {
				t.Errorf("ann follows %s: %d", l[1], code)
				continue
			}
			export := exportLink.FindStringSubmatch(body)
			if export == nil {
				t.Errorf("%s: no CSV export link", l[1])
				continue
			}
			if code, _ := get(t, ann, srv.URL+html.UnescapeString(export[1])); code != 200 {
				t.Errorf("ann follows %s: %d", export[1], code)
			}
		}

		// Chart options hold the workload literally (the adoption chart's
		// series name, shown in its legend and tooltip).
		if !slices.Contains(chartStrings(t, bodies["admin /accounts/A1"]), h.Workload) {
			t.Errorf("the account's adoption chart does not name the workload %q: %v", h.Workload, chartStrings(t, bodies["admin /accounts/A1"]))
		}

		// The API gives the same text exactly, as JSON.
		c := signedIn(t, srv.URL, "admin")
		_, body := get(t, c, srv.URL+"/api/v1/portfolio")
		var pf struct {
			Rows []struct {
				AccountID, Name, Segment, Country string
				Workloads                         []struct{ Workload string }
			}
		}
		if err := json.Unmarshal([]byte(body), &pf); err != nil {
			t.Fatal(err)
		}
		for _, r := range pf.Rows {
			if name, ok := h.Names[r.AccountID]; ok && r.Name != name {
				t.Errorf("API name of %s: %q, want %q", r.AccountID, r.Name, name)
			}
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, "<img") {
			t.Error("the API's JSON holds raw markup; encoding/json escapes < and >")
		}
		_, body = get(t, c, srv.URL+"/api/v1/themes")
		var th struct {
			Themes []struct {
				Label           string
				ExampleSubjects []string
			}
		}
		if err := json.Unmarshal([]byte(body), &th); err != nil || len(th.Themes) == 0 {
			t.Fatalf("themes API: %v %.300s", err, body)
		}
		// Theme labels are phrases of the subjects, markup included: the
		// page shows each label and example as text, and the sparkline's
		// summary (an attribute) names the label, escaped.
		markup := 0
		for _, x := range th.Themes {
			for _, s := range append([]string{x.Label}, x.ExampleSubjects...) {
				if strings.ContainsAny(s, "<>\"") {
					markup++
				}
				if !strings.Contains(bodies["admin /themes"], templateEscape(s)) {
					t.Errorf("the themes page does not show %q as text", s)
				}
			}
			if !strings.Contains(bodies["admin /themes"], `aria-label="`+templateEscape(x.Label)+": ") {
				t.Errorf("no sparkline summary names the label %q, escaped", x.Label)
			}
		}
		if markup == 0 {
			t.Errorf("no theme label or example holds markup, so the test checks nothing: %+v", th.Themes)
		}
	})
}
