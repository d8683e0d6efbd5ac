package dashboard

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

// executiveView is the executives' page: KPIs, trends and comparisons.
type executiveView struct {
	Empty                          bool
	Weeks                          int // the period of the trends: 13, 26 or 52 weeks
	Quarter                        analytics.Period
	CSAT                           []analytics.CSATPoint
	KPI                            []analytics.KPIWeek
	SLA                            []analytics.SLA
	Segments, Countries            []analytics.CSATPoint
	Impact                         *analytics.Impact
	CSATChart, SupportChart, Usage chart
	LastCSAT                       *analytics.CSATPoint
	PerHundredSeats, UsagePct      float64
}

// executive gathers the page (analytics.CSATTrend, KPITrend,
// SLAAttainment, TrainingImpact).
func (s *Server) executive(c echo.Context) (executiveView, error) {
	ctx := c.Request().Context()
	v := executiveView{Weeks: 52}
	switch w := c.QueryParam("weeks"); w {
	case "", "52":
	case "13", "26":
		v.Weeks, _ = strconv.Atoi(w)
	default:
		return v, echo.NewHTTPError(http.StatusBadRequest, "weeks must be 13, 26 or 52")
	}
	year, err := s.lastWeeks(ctx, "tickets", v.Weeks)
	var noData analytics.ErrNoData
	if errors.As(err, &noData) {
		return executiveView{Empty: true, Weeks: v.Weeks}, nil
	}
	if err != nil {
		return v, err
	}
	if v.Quarter, err = s.lastWeeks(ctx, "tickets", 13); err != nil {
		return v, err
	}
	if v.CSAT, err = s.svc.CSATTrend(ctx, year, analytics.Overall, false); err != nil {
		return v, err
	}
	if v.KPI, err = s.svc.KPITrend(ctx, analytics.Scope{}, year); err != nil {
		return v, err
	}
	if v.SLA, err = s.svc.SLAAttainment(ctx, v.Quarter); err != nil {
		return v, err
	}
	if v.Segments, err = s.svc.CSATTrend(ctx, v.Quarter, analytics.BySegment, true); err != nil {
		return v, err
	}
	if v.Countries, err = s.svc.CSATTrend(ctx, v.Quarter, analytics.ByCountry, true); err != nil {
		return v, err
	}
	v.Segments, v.Countries = latestPeriod(v.Segments), latestPeriod(v.Countries)
	impact, err := s.trainingImpact(ctx)
	if err != nil {
		return v, err
	}
	if len(impact.Units) > 0 {
		v.Impact = &impact
	}
	v.buildCharts(languageOf(c))
	return v, nil
}

func (v *executiveView) buildCharts(lang string) {
	var months []string
	var csat series
	b := band{Name: tr(lang, "95 % interval")}
	csat.Name = "CSAT %"
	for i := range v.CSAT {
		p := v.CSAT[i]
		if !p.CSAT.Valid {
			continue
		}
		months = append(months, p.Period.Format("2006-01"))
		csat.Values = append(csat.Values, 100*p.CSAT.Estimate)
		b.Lo, b.Hi = append(b.Lo, 100*p.CSAT.Lo), append(b.Hi, 100*p.CSAT.Hi)
		v.LastCSAT = &v.CSAT[i]
	}
	v.CSATChart = lineChart("chart-csat", tr(lang, "Satisfaction by month"), tr(lang, "% good ratings"),
		trf(lang, "Share of good ratings (4–5 of 5) per month over %d months, with its 95 %% confidence interval.", len(months)), months, []series{csat}, &b)
	var weeks []string
	support := series{Name: tr(lang, "tickets per 100 seats a month")}
	usage := series{Name: tr(lang, "seats active over 28 days (%)")}
	for _, k := range v.KPI {
		weeks = append(weeks, k.Week.Format("2006-01-02"))
		support.Values = append(support.Values, k.PerHundredSeats)
		usage.Values = append(usage.Values, k.UsagePct)
		v.PerHundredSeats, v.UsagePct = k.PerHundredSeats, k.UsagePct
	}
	v.SupportChart = lineChart("chart-support", tr(lang, "Support volume per 100 seats"), tr(lang, "tickets / 100 seats / month"),
		trf(lang, "Tickets per 100 seats as a monthly rate, week by week over %d weeks.", len(weeks)), weeks, []series{support}, nil)
	v.Usage = lineChart("chart-adoption", tr(lang, "Adoption"), tr(lang, "% of seats active"),
		trf(lang, "Users active over 28 days as a share of seats purchased, all accounts and workloads, over %d weeks.", len(weeks)), weeks, []series{usage}, nil)
}

func (s *Server) executivePage(c echo.Context) error {
	v, err := cachedView(s, c, func() (executiveView, error) { return s.executive(c) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "executive", "Executive overview", v)
}

func (s *Server) executiveAPI(c echo.Context) error {
	v, err := cachedView(s, c, func() (executiveView, error) { return s.executive(c) })
	if err != nil {
		return err
	}
	// The impact's matched units (thousands) stay out: the estimates and
	// sample sizes are in HowTo and Adoption; exports carry the units.
	var impact any
	if v.Impact != nil {
		impact = map[string]any{"weeks": v.Impact.Weeks, "howto": v.Impact.HowTo, "adoption": v.Impact.Adoption}
	}
	return c.JSON(http.StatusOK, map[string]any{"weeks": v.Weeks, "csat_by_month": v.CSAT, "weekly": v.KPI, "sla": v.SLA, "csat_by_segment": v.Segments,
		"csat_by_country": v.Countries, "training_impact": impact})
}

// latestPeriod keeps the points of the newest quarter.
func latestPeriod(points []analytics.CSATPoint) []analytics.CSATPoint {
	var last time.Time
	for _, p := range points {
		if p.Period.After(last) {
			last = p.Period
		}
	}
	var out []analytics.CSATPoint
	for _, p := range points {
		if p.Period.Equal(last) {
			out = append(out, p)
		}
	}
	return out
}
