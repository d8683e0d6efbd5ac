package dashboard

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

// pageSize is the portfolio table's rows per page.
const pageSize = 50

// portfolioFilter is the portfolio's URL query: shareable as a link.
type portfolioFilter struct {
	Query, Segment, Country, Health, Manager, Workload, Sort string
	Page                                                     int
}

// sortKeys are the accepted sort values, each with its column label.
var sortKeys = []struct{ Key, Label string }{
	{"name", "Account"}, {"health", "Health"}, {"seats", "Seats"}, {"howto", "How-to tickets / 100 seats / month"},
	{"csat", "CSAT"}, {"upsell", "Upsell value / year"},
}

func parsePortfolioFilter(q url.Values) (portfolioFilter, error) {
	f := portfolioFilter{Query: strings.TrimSpace(q.Get("q")), Segment: q.Get("segment"), Country: q.Get("country"), Health: q.Get("health"),
		Manager: q.Get("manager"), Workload: q.Get("workload"), Sort: q.Get("sort"), Page: 1}
	if f.Sort == "" {
		f.Sort = "-upsell"
	}
	if !slices.ContainsFunc(sortKeys, func(k struct{ Key, Label string }) bool { return k.Key == strings.TrimPrefix(f.Sort, "-") }) {
		return f, echo.NewHTTPError(http.StatusBadRequest, "sort must be one of name, health, seats, howto, csat, upsell, each optionally with a leading - for descending")
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return f, echo.NewHTTPError(http.StatusBadRequest, "page must be a whole number from 1")
		}
		f.Page = n
	}
	if !slices.Contains(healthValues, f.Health) && f.Health != "" {
		return f, echo.NewHTTPError(http.StatusBadRequest, "health must be one of "+strings.Join(healthValues, ", "))
	}
	for name, v := range map[string]string{"q": f.Query, "segment": f.Segment, "country": f.Country, "manager": f.Manager, "workload": f.Workload} {
		if err := checkText(name, v, maxTextParam); err != nil {
			return f, err
		}
	}
	return f, nil
}

// checkChoices refuses filter values that match none of the user's accounts,
// naming the values that exist.
func (f portfolioFilter) checkChoices(v portfolioView) error {
	for _, c := range []struct {
		name, value string
		choices     []string
	}{{"segment", f.Segment, v.Segments}, {"country", f.Country, v.Countries}, {"manager", f.Manager, v.Managers}, {"workload", f.Workload, v.Workloads}} {
		if err := checkOneOf(c.name, c.value, c.choices); err != nil {
			return err
		}
	}
	return nil
}

var healthValues = []string{analytics.HealthRed, analytics.HealthAmber, analytics.HealthGreen, analytics.HealthNone}

func (f portfolioFilter) keep(r analytics.PortfolioRow) bool {
	if f.Query != "" && !strings.Contains(strings.ToLower(r.Name), strings.ToLower(f.Query)) && !strings.EqualFold(r.AccountID, f.Query) {
		return false
	}
	if f.Workload != "" && !slices.ContainsFunc(r.Workloads, func(w analytics.WorkloadUsage) bool { return w.Workload == f.Workload }) {
		return false
	}
	return (f.Segment == "" || r.Segment == f.Segment) && (f.Country == "" || r.Country == f.Country) && (f.Health == "" || r.Health == f.Health) &&
		(f.Manager == "" || r.Manager == f.Manager)
}

var healthRank = map[string]int{analytics.HealthRed: 0, analytics.HealthAmber: 1, analytics.HealthGreen: 2, analytics.HealthNone: 3}

func (f portfolioFilter) sort(rows []analytics.PortfolioRow) {
	key, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	slices.SortStableFunc(rows, func(a, b analytics.PortfolioRow) int {
		var c int
		switch key {
		case "name":
			c = cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
		case "health":
			c = cmp.Compare(healthRank[a.Health], healthRank[b.Health])
		case "seats":
			c = cmp.Compare(a.Seats, b.Seats)
		case "howto":
			c = cmp.Compare(a.HowToPerHundredSeats, b.HowToPerHundredSeats)
		case "csat":
			c = cmp.Compare(a.CSAT.Estimate, b.CSAT.Estimate)
		case "upsell":
			c = cmp.Compare(a.UpsellValue, b.UpsellValue)
		}
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.AccountID, b.AccountID))
	})
}

func (f portfolioFilter) link(sort string, page int) string {
	q := url.Values{}
	for k, v := range map[string]string{"q": f.Query, "segment": f.Segment, "country": f.Country, "health": f.Health, "manager": f.Manager,
		"workload": f.Workload, "sort": sort} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	return "/portfolio?" + q.Encode()
}

// portfolioView is the portfolio page and API answer.
type portfolioView struct {
	Filter              portfolioFilter          `json:"filter"`
	Rows                []analytics.PortfolioRow `json:"rows"`
	Total, Matching     int                      `json:"-"`
	Page, Pages         int                      `json:"-"`
	Scoped              bool                     `json:"-"`
	Red, Amber          float64                  `json:"-"`
	Segments, Countries []string                 `json:"-"`
	Managers, Workloads []string                 `json:"-"`
	Healths             []string                 `json:"-"`
	Columns             []column                 `json:"-"`
	PrevLink, NextLink  string                   `json:"-"`
}

type column struct{ Label, Link, Sorted string }

// portfolio reads the user's accounts (analytics.Portfolio, scoped in SQL)
// and filters, sorts and pages them as the URL says.
func (s *Server) portfolio(c echo.Context) (portfolioView, error) {
	f, err := parsePortfolioFilter(c.QueryParams())
	if err != nil {
		return portfolioView{}, err
	}
	sess := currentSession(c)
	all, err := s.portfolioRows(c.Request().Context(), scopeOf(sess))
	if err != nil {
		return portfolioView{}, err
	}
	rules := s.svc.Rules()
	v := portfolioView{Filter: f, Total: len(all), Scoped: sess.Role == RoleManager, Red: rules.Red, Amber: rules.Amber,
		Healths: healthValues}
	var kept []analytics.PortfolioRow
	for _, r := range all {
		v.Segments, v.Countries, v.Managers = appendNew(v.Segments, r.Segment), appendNew(v.Countries, r.Country), appendNew(v.Managers, r.Manager)
		for _, w := range r.Workloads {
			v.Workloads = appendNew(v.Workloads, w.Workload)
		}
		if f.keep(r) {
			kept = append(kept, r)
		}
	}
	for _, list := range [][]string{v.Segments, v.Countries, v.Managers, v.Workloads} {
		slices.Sort(list)
	}
	if err := f.checkChoices(v); err != nil {
		return portfolioView{}, err
	}
	f.sort(kept)
	v.Matching = len(kept)
	v.Pages = max(1, (len(kept)+pageSize-1)/pageSize)
	v.Page = min(f.Page, v.Pages)
	lo := (v.Page - 1) * pageSize
	v.Rows = kept[lo:min(lo+pageSize, len(kept))]
	if v.Page > 1 {
		v.PrevLink = f.link(f.Sort, v.Page-1)
	}
	if v.Page < v.Pages {
		v.NextLink = f.link(f.Sort, v.Page+1)
	}
	for _, k := range sortKeys {
		col := column{Label: k.Label, Link: f.link(k.Key, 1)}
		switch f.Sort {
		case k.Key:
			col.Sorted, col.Link = "ascending", f.link("-"+k.Key, 1)
		case "-" + k.Key:
			col.Sorted = "descending"
		}
		v.Columns = append(v.Columns, col)
	}
	return v, nil
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

func (s *Server) portfolioPage(c echo.Context) error {
	v, err := cachedView(s, c, func() (portfolioView, error) { return s.portfolio(c) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "portfolio", "Portfolio", v)
}

func (s *Server) portfolioAPI(c echo.Context) error {
	v, err := cachedView(s, c, func() (portfolioView, error) { return s.portfolio(c) })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"filter": v.Filter, "total": v.Total, "matching": v.Matching, "page": v.Page, "pages": v.Pages, "rows": v.Rows})
}
