package dashboard

import (
	"errors"
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

// accountView is the account page: the scoped account, its history and
// the trainings it took with their measured before/after figures.
type accountView struct {
	analytics.AccountView
	History       analytics.AccountHistory
	Trainings     []analytics.ImpactUnit
	AdoptionChart chart
	CategoryChart chart
	HasAdoption   bool
	HasCategories bool
	TicketsPeriod string
	ImpactWeeks   int
}

// account reads one account within the user's scope (analytics.Account
// first: another manager's account is a 404 before anything else is read).
func (s *Server) account(c echo.Context) (accountView, error) {
	ctx := c.Request().Context()
	id, ok := accountParam(c)
	if !ok {
		return accountView{}, errBadAccountID
	}
	base, err := s.svc.Account(ctx, scopeOf(currentSession(c)), id)
	if err != nil {
		return accountView{}, err
	}
	v := accountView{AccountView: base, ImpactWeeks: s.svc.Rules().ImpactWeeks}
	usage, uerr := s.lastWeeks(ctx, "usage", 26)
	tickets, terr := s.lastWeeks(ctx, "tickets", 13)
	var noData analytics.ErrNoData
	for _, err := range []error{uerr, terr} {
		if err != nil && !errors.As(err, &noData) {
			return v, err
		}
	}
	if uerr == nil && terr == nil {
		if v.History, err = s.svc.AccountHistory(ctx, base.AccountID, usage, tickets); err != nil {
			return v, err
		}
		v.TicketsPeriod = tickets.String()
	}
	impact, err := s.trainingImpact(ctx)
	if err != nil {
		return v, err
	}
	for _, u := range impact.Units {
		if u.AccountID == base.AccountID && u.Role == "trained" {
			v.Trainings = append(v.Trainings, u)
		}
	}
	v.buildCharts(languageOf(c))
	return v, nil
}

// accountParam is the URL's account id, decoded, and whether it is valid.
// echo leaves a path parameter percent-encoded when the path is not in
// Go's default encoding (URL.RawPath set): /accounts/A%2FB, or a link
// html/template wrote for an id with a "!" and an accented letter.
func accountParam(c echo.Context) (string, bool) {
	id := c.Param("id")
	if c.Request().URL.RawPath != "" {
		var err error
		if id, err = url.PathUnescape(id); err != nil {
			return "", false
		}
	}
	return id, validAccountID(id)
}

func (v *accountView) buildCharts(lang string) {
	var weeks []string
	byWorkload := map[string][]float64{}
	var workloads []string
	for _, p := range v.History.Adoption {
		w := p.Week.Format("2006-01-02")
		if len(weeks) == 0 || weeks[len(weeks)-1] != w {
			weeks = append(weeks, w)
		}
		if !slices.Contains(workloads, p.Workload) {
			workloads = append(workloads, p.Workload)
		}
	}
	for _, wl := range workloads {
		byWorkload[wl] = make([]float64, len(weeks))
	}
	for _, p := range v.History.Adoption {
		i := slices.Index(weeks, p.Week.Format("2006-01-02"))
		byWorkload[p.Workload][i] = p.UsagePct()
	}
	var lines []series
	for _, wl := range workloads {
		lines = append(lines, series{Name: wl, Values: byWorkload[wl]})
	}
	v.HasAdoption = len(weeks) > 0
	v.AdoptionChart = lineChart("chart-adoption", tr(lang, "Adoption by workload"), tr(lang, "% of seats active"),
		trf(lang, "Share of purchased seats active over 28 days, per workload, over %d weeks.", len(weeks)), weeks, lines, nil)
	var cats []string
	counts := series{Name: tr(lang, "tickets")}
	for _, c := range v.History.Categories {
		cats = append(cats, c.Name)
		counts.Values = append(counts.Values, float64(c.Tickets))
	}
	v.HasCategories = len(cats) > 0
	v.CategoryChart = barChart("chart-categories", tr(lang, "Tickets by category"), tr(lang, "tickets"),
		trf(lang, "Tickets per support category over the last 13 weeks, %d categories.", len(cats)), cats, []series{counts})
}

func (s *Server) accountPage(c echo.Context) error {
	v, err := cachedView(s, c, func() (accountView, error) { return s.account(c) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "account", v.Name, v)
}

func (s *Server) accountAPI(c echo.Context) error {
	v, err := cachedView(s, c, func() (accountView, error) { return s.account(c) })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"account": v.AccountView, "history": v.History, "trainings": v.Trainings})
}
