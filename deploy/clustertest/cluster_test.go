package clustertest_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/ingest/generate"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest"
)

var env *storetest.Env

func TestMain(m *testing.M) { storetest.Main(m, &env) }

const password = "a long test password"

// The generated small data set, loaded into one server and into a
// cluster of two shards (one replicated), gives the same answer to every API call of every
// role, and the cluster really spreads the rows over both shards.
func TestOnClusterAnswersLikeOneServer(t *testing.T) {
	dir := t.TempDir()
	if _, err := generate.Write(dir, generate.Scales[0], 11, time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	one := env.Open(t, storetest.Server)
	many := env.Open(t, storetest.Cluster)
	if many.Cluster() == "" {
		t.Fatal("the cluster store has no cluster")
	}
	oneSvc := analyticstest.LoadDir(t, one, dir)
	manySvc := analyticstest.LoadDir(t, many, dir)

	checkSpread(t, many, "usage", "tickets", "accounts", "workload_weekly")

	oneURL, manyURL := serve(t, one, oneSvc), serve(t, many, manySvc)
	paths := apiPaths(t, one, oneURL)
	if len(paths) < 40 {
		t.Fatalf("only %d API calls to compare; the portfolio should list 40 accounts", len(paths))
	}
	compared := 0
	for _, p := range paths {
		oneCode, oneBody := getAs(t, oneURL, p.user, p.path)
		manyCode, manyBody := getAs(t, manyURL, p.user, p.path)
		if oneCode != http.StatusOK {
			t.Errorf("%s as %s: one server answered %d: %s", p.path, p.user, oneCode, oneBody)
			continue
		}
		if manyCode != oneCode {
			t.Errorf("%s as %s: the cluster answered %d, one server %d: %s", p.path, p.user, manyCode, oneCode, manyBody)
			continue
		}
		if diff := difference("", decode(t, oneBody), decode(t, manyBody)); diff != "" {
			t.Errorf("%s as %s: the cluster's answer differs from one server's: %s", p.path, p.user, diff)
			continue
		}
		compared++
	}
	t.Logf("%d API answers identical on one server and on cluster %s", compared, many.Cluster())

	exported := 0
	for _, p := range exportPaths(paths) {
		oneCode, oneBody := getAs(t, oneURL, p.user, p.path)
		manyCode, manyBody := getAs(t, manyURL, p.user, p.path)
		if oneCode != http.StatusOK || manyCode != http.StatusOK {
			t.Errorf("%s as %s: one server answered %d, the cluster %d: %.300s", p.path, p.user, oneCode, manyCode, manyBody)
			continue
		}
		if diff := csvDifference(t, oneBody, manyBody); diff != "" {
			t.Errorf("%s as %s: the cluster's export differs from one server's: %s", p.path, p.user, diff)
			continue
		}
		exported++
	}
	t.Logf("%d CSV exports identical on one server and on cluster %s", exported, many.Cluster())
}

// exportPaths lists every CSV export, with three accounts' own exports.
func exportPaths(api []call) []call {
	var out []call
	for _, r := range []string{"portfolio", "themes", "ticket-themes", "plan", "satisfaction", "kpis", "sla", "segments", "countries", "quarantine", "status"} {
		out = append(out, call{"admin", "/export/" + r + "?format=csv"})
	}
	accounts := 0
	for _, c := range api {
		if id, ok := strings.CutPrefix(c.path, "/api/v1/accounts/"); ok && accounts < 3 {
			out = append(out, call{"admin", "/export/account?format=csv&id=" + id})
			accounts++
		}
	}
	return out
}

// csvDifference compares two CSV exports cell by cell; a column whose
// header says median may differ by medianTolerance.
func csvDifference(t *testing.T, a, b string) string {
	t.Helper()
	ra, err := csv.NewReader(strings.NewReader(a)).ReadAll()
	if err != nil {
		t.Fatalf("one server's export is not CSV: %v", err)
	}
	rb, err := csv.NewReader(strings.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("the cluster's export is not CSV: %v", err)
	}
	if len(ra) != len(rb) || len(ra) == 0 {
		return fmt.Sprintf("%d lines, cluster %d", len(ra), len(rb))
	}
	header := ra[0]
	for i := range ra {
		if len(ra[i]) != len(rb[i]) {
			return fmt.Sprintf("line %d: %d cells, cluster %d", i+1, len(ra[i]), len(rb[i]))
		}
		for j := range ra[i] {
			x, y := ra[i][j], rb[i][j]
			if x == y {
				continue
			}
			fx, errx := strconv.ParseFloat(x, 64)
			fy, erry := strconv.ParseFloat(y, 64)
			if errx == nil && erry == nil && strings.Contains(strings.ToLower(header[j]), "median") &&
				math.Abs(fx-fy) <= medianTolerance*math.Max(math.Abs(fx), math.Abs(fy)) {
				continue
			}
			return fmt.Sprintf("line %d, column %q: one server %q, cluster %q", i+1, header[j], x, y)
		}
	}
	return ""
}

// checkSpread counts each table's rows on every node: every shard holds
// some, the replicas of a shard hold the same rows, and the shards
// together hold exactly what the Distributed table shows.
func checkSpread(t *testing.T, st *store.Store, tables ...string) {
	t.Helper()
	ctx := context.Background()
	res, err := st.Query(ctx, store.Query{Name: "cluster_nodes", SQL: "SELECT shard_num, host_name, port FROM system.clusters WHERE cluster = @cluster ORDER BY shard_num, replica_num"},
		store.Args{"cluster": st.Cluster()})
	if err != nil {
		t.Fatal(err)
	}
	shards := map[string][]string{}
	for _, r := range res.Rows {
		shard := fmt.Sprint(r[0])
		shards[shard] = append(shards[shard], fmt.Sprintf("%s:%d", r[1], r[2]))
	}
	if len(shards) < 2 || len(res.Rows) < 3 {
		t.Fatalf("cluster %s has %d shards and %d nodes; the test cluster has two shards, one of two replicas", st.Cluster(), len(shards), len(res.Rows))
	}
	for _, table := range tables {
		total := count(t, st, "SELECT count() FROM "+table)
		var sum uint64
		for shard, nodes := range shards {
			var rows []uint64
			for _, addr := range nodes {
				loc := st.Location()
				loc.Cluster, loc.Addr = "", addr
				node, err := store.Open(ctx, loc, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				rows = append(rows, count(t, node, "SELECT count() FROM "+table+"_local"))
				_ = node.Close()
			}
			if rows[0] == 0 {
				t.Errorf("shard %s holds no rows of %s: the rows are not spread", shard, table)
			}
			for i, n := range rows {
				if n != rows[0] {
					t.Errorf("%s: replica %s of shard %s holds %d rows, replica %s %d", table, nodes[i], shard, n, nodes[0], rows[0])
				}
			}
			sum += rows[0]
		}
		if sum != total {
			t.Errorf("%s: the shards hold %d rows together, the Distributed table shows %d", table, sum, total)
		}
		t.Logf("%s: %d rows over %d shards", table, total, len(shards))
	}
}

func count(t *testing.T, st *store.Store, sql string) uint64 {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "count", SQL: sql}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Rows[0][0].(uint64)
}

// serve starts the dashboard over st with one user per role, and a
// manager for each account manager of the data.
func serve(t *testing.T, st *store.Store, svc *analytics.Service) string {
	t.Helper()
	ctx := context.Background()
	users, err := dashboard.NewUsers(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []dashboard.User{{Username: "admin", Role: "admin"}, {Username: "exec", Role: "executive"}, {Username: "trainer", Role: "trainer"}} {
		if err := users.Add(ctx, u, password); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range managers(t, st) {
		if err := users.Add(ctx, dashboard.User{Username: managerUser(m), Role: "manager", Manager: m}, password); err != nil {
			t.Fatal(err)
		}
	}
	dash, err := dashboard.New(ctx, svc, st, slog.New(slog.NewTextHandler(io.Discard, nil)), dashboard.Options{PseudonymKey: "test-key"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(dash.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

func managers(t *testing.T, st *store.Store) []string {
	t.Helper()
	res, err := st.Query(context.Background(), store.Query{Name: "managers", SQL: "SELECT DISTINCT account_manager FROM accounts FINAL ORDER BY account_manager"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res.Rows {
		out = append(out, r[0].(string))
	}
	return out
}

func managerUser(manager string) string {
	return "m_" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, manager)
}

type call struct{ user, path string }

// apiPaths lists the calls to compare: every API route for each role that
// may use it, the portfolio with each filter and sort, and every account.
func apiPaths(t *testing.T, st *store.Store, base string) []call {
	t.Helper()
	calls := []call{
		{"admin", "/api/v1/status"},
		{"exec", "/api/v1/executive"},
		{"exec", "/api/v1/executive?weeks=13"},
		{"exec", "/api/v1/executive?weeks=52"},
		{"admin", "/api/v1/themes"},
		{"trainer", "/api/v1/themes"},
	}
	for _, q := range []string{"", "?sort=name", "?sort=-upsell", "?segment=SMB", "?health=red", "?workload=Teams", "?q=a"} {
		calls = append(calls, call{"exec", "/api/v1/portfolio" + q})
	}
	for _, m := range managers(t, st) {
		calls = append(calls, call{managerUser(m), "/api/v1/portfolio"})
	}
	code, body := getAs(t, base, "exec", "/api/v1/portfolio") // 50 rows a page: all 40 accounts
	if code != http.StatusOK {
		t.Fatalf("portfolio: %d %s", code, body)
	}
	for _, id := range accountIDs(t, body) {
		calls = append(calls, call{"exec", "/api/v1/accounts/" + url.PathEscape(id)})
	}
	return calls
}

// accountIDs finds every "AccountID" in a portfolio answer.
func accountIDs(t *testing.T, body string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if id, ok := e.(string); ok && k == "AccountID" {
					seen[id] = true
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// clients keeps one signed-in client per dashboard and user: a sign-in
// checks a bcrypt hash, which is slow on purpose.
var clients = map[string]*http.Client{}

func getAs(t *testing.T, base, user, path string) (int, string) {
	t.Helper()
	c, ok := clients[base+" "+user]
	if !ok {
		jar, _ := cookiejar.New(nil)
		c = &http.Client{Jar: jar, Timeout: time.Minute}
		resp, err := c.PostForm(base+"/login", url.Values{"username": {user}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		clients[base+" "+user] = c
	}
	resp, err := c.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// byFile sorts a list of ingests by file name.
func byFile(v any) {
	list, _ := v.([]any)
	name := func(i int) string { m, _ := list[i].(map[string]any); return fmt.Sprint(m["File"]) }
	sort.SliceStable(list, func(i, j int) bool { return name(i) < name(j) })
}

func decode(t *testing.T, body string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("not JSON: %s", body)
	}
	return v
}

// medianTolerance is how far apart the two medians may be. They are
// t-digests merged week by week (refresh_ticket_weekly.sql), whose result
// depends on the order of the merges, which differs between one server and
// the shards; the t-digest's own error is of this order.
const medianTolerance = 0.02

// difference describes the first place where b differs from a, or "" when
// they hold the same data. Fields that say when something ran are skipped;
// medians may differ by medianTolerance.
func difference(path string, a, b any) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s: %v, cluster %v", path, a, b)
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "At" || strings.HasSuffix(k, "_at") || strings.HasSuffix(k, "At") {
				continue // when it ran, not what the data is
			}
			if k == "Ingests" { // newest first: the order of the loading times, which differ
				byFile(x[k])
				byFile(y[k])
			}
			if d := difference(path+"."+k, x[k], y[k]); d != "" {
				return d
			}
		}
		return ""
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s: %d items, cluster %v", path, len(x), b)
		}
		for i := range x {
			if d := difference(fmt.Sprintf("%s[%d]", path, i), x[i], y[i]); d != "" {
				return d
			}
		}
		return ""
	case float64:
		y, ok := b.(float64)
		if ok && strings.Contains(path[strings.LastIndex(path, ".")+1:], "Median") && math.Abs(x-y) <= medianTolerance*math.Max(math.Abs(x), math.Abs(y)) {
			return ""
		}
		if !ok || x != y {
			return fmt.Sprintf("%s: one server %v, cluster %v", path, a, b)
		}
		return ""
	}
	if a != b {
		return fmt.Sprintf("%s: one server %v, cluster %v", path, a, b)
	}
	return ""
}
