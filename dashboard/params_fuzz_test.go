package dashboard

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/stats"
)

// badRequest fails unless err is a 400 whose message is UTF-8 text of a
// readable length (it quotes the user's value, shortened).
func badRequest(t *testing.T, what string, err error) {
	t.Helper()
	var he *echo.HTTPError
	if !errors.As(err, &he) || he.Code != http.StatusBadRequest {
		t.Fatalf("%s: %v is not a 400", what, err)
	}
	if msg := fmt.Sprint(he.Message); !utf8.ValidString(msg) || msg == "" || len(msg) > 400 {
		t.Fatalf("%s: message %q", what, msg)
	}
}

// fuzzRows are portfolio rows for the filter's keep and sort.
var fuzzRows = []analytics.PortfolioRow{
	{AccountID: "A1", Name: "Alpha", Segment: "SMB", Country: "FR", Manager: "Ann", Health: analytics.HealthRed, Seats: 20,
		Workloads: []analytics.WorkloadUsage{{Workload: "Teams", Seats: 20, UsagePct: 50}}, CSAT: stats.Interval{Estimate: 0.8, Valid: true}},
	{AccountID: "a1", Name: "ÄLPHA", Segment: "Enterprise", Country: "DE", Manager: "O'Brien\\", Health: analytics.HealthNone, UpsellValue: math.Inf(1)},
	{AccountID: "B1", Name: "", Health: analytics.HealthGreen, HowToPerHundredSeats: math.NaN(), Seats: -1},
}

// The portfolio filter accepts only values the page can show, and the
// links it builds (paging, sorting) read back as the same filter.
func FuzzPortfolioFilter(f *testing.F) {
	for _, s := range []string{
		"", "q=alpha&segment=SMB&country=FR&health=red&manager=Ann&workload=Teams&sort=-name&page=2",
		"sort=evil", "sort=--name", "sort=-", "page=0", "page=-1", "page=%2B3", "page=9223372036854775807", "page=99999999999999999999",
		"health=no+usage+data", "health=Red", "q=%FF", "q=+%09trim+me%0A+", "q=a%00b", "q=" + strings.Repeat("é", 101),
		"sort=-upsell&sort=name", "manager=O%27Brien%5C&workload=Teams%22%3E%3Cimg+src%3Dx%3E", "q=%E2%80%8B%C2%85", ";", "a=%zz&q=x",
		"q=%27+OR+1%3D1+--&segment=%7Bx%3AString%7D", "lang=fr&q=x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		q, _ := url.ParseQuery(input) // malformed pairs are dropped, as net/url does for a request
		pf, err := parsePortfolioFilter(q)
		if err != nil {
			badRequest(t, fmt.Sprintf("parsePortfolioFilter(%q)", input), err)
			return
		}
		if pf.Page < 1 || !slices.ContainsFunc(sortKeys, func(k struct{ Key, Label string }) bool { return k.Key == strings.TrimPrefix(pf.Sort, "-") }) ||
			pf.Health != "" && !slices.Contains(healthValues, pf.Health) || pf.Query != strings.TrimSpace(pf.Query) {
			t.Fatalf("parsePortfolioFilter(%q) accepted %+v", input, pf)
		}
		for name, v := range map[string]string{"q": pf.Query, "segment": pf.Segment, "country": pf.Country, "manager": pf.Manager, "workload": pf.Workload} {
			if err := checkText(name, v, maxTextParam); err != nil {
				t.Fatalf("parsePortfolioFilter(%q) accepted %s %q: %v", input, name, v, err)
			}
		}
		pages := []int{1, pf.Page}
		if pf.Page < math.MaxInt {
			pages = append(pages, pf.Page+1)
		}
		for _, sort := range []string{pf.Sort, "name", "-seats"} {
			for _, page := range pages {
				link := pf.link(sort, page)
				u, err := url.Parse(link)
				if err != nil || u.Path != "/portfolio" {
					t.Fatalf("link %q of %+v: %v", link, pf, err)
				}
				back, err := parsePortfolioFilter(u.Query())
				want := pf
				want.Sort, want.Page = sort, page
				if err != nil || back != want {
					t.Fatalf("link %q of %+v reads back as %+v (%v)", link, want, back, err)
				}
			}
		}
		var kept []analytics.PortfolioRow
		for _, r := range fuzzRows {
			if pf.keep(r) {
				kept = append(kept, r)
			}
		}
		pf.sort(kept)
		if len(kept) > len(fuzzRows) {
			t.Fatalf("keep and sort grew the rows")
		}
	})
}

// portfolioParams are the portfolio's parameters, as in Handler.
var portfolioParams = []string{"q", "segment", "country", "health", "manager", "workload", "sort", "page"}

// onlyParams lets a request through only when every parameter is one the
// route takes, given once, as short UTF-8 text without control
// characters, and lang is en or fr; anything else is a 400 before the
// handler runs.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{
		"", "q=alpha&sort=-name&page=2&lang=fr", "lang=de", "lang=en&lang=fr", "qq=1", "Q=1", "q=%00", "q=a%0Ab", "q=%FF%FE",
		"q=" + strings.Repeat("x", 201), "q=" + strings.Repeat("x", 200), "%3Cscript%3E=1", strings.Repeat("k", 300) + "=1",
		"q", "q=&q=", "a=%zz", "q=1;sort=name", "=1", "&&&", "q=%E2%80%AE", "sort=%C0%AF", "page=1&page=1",
	} {
		f.Add(s)
	}
	e := echo.New()
	mw := onlyParams(portfolioParams...)
	f.Fuzz(func(t *testing.T, rawQuery string) {
		req := httptest.NewRequest(http.MethodGet, "/portfolio", nil)
		req.URL.RawQuery = rawQuery
		c := e.NewContext(req, httptest.NewRecorder())
		called := false
		err := mw(func(echo.Context) error { called = true; return nil })(c)
		params := req.URL.Query()
		if err != nil {
			badRequest(t, fmt.Sprintf("onlyParams(%q)", rawQuery), err)
			if called {
				t.Fatalf("onlyParams(%q) refused the request after running the handler", rawQuery)
			}
			return
		}
		if !called {
			t.Fatalf("onlyParams(%q) neither refused nor ran the handler", rawQuery)
		}
		for k, vs := range params {
			if k != "lang" && !slices.Contains(portfolioParams, k) || len(vs) != 1 {
				t.Fatalf("onlyParams(%q) let %q = %q through", rawQuery, k, vs)
			}
			if err := checkText(k, vs[0], maxTextParam); err != nil {
				t.Fatalf("onlyParams(%q) let %q through: %v", rawQuery, vs[0], err)
			}
		}
		if l := params.Get("lang"); l != "" && l != langEN && l != langFR {
			t.Fatalf("onlyParams(%q) let lang=%q through", rawQuery, l)
		}
		if _, err := parsePortfolioFilter(params); err != nil {
			badRequest(t, fmt.Sprintf("parsePortfolioFilter after onlyParams(%q)", rawQuery), err)
		}
	})
}
