package dashboard

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/courses"
)

// statusPage shows what is loaded (analytics.DataStatus).
func (s *Server) statusPage(c echo.Context) error {
	status, err := cachedView(s, c, func() (analytics.DataStatus, error) { return s.svc.DataStatus(c.Request().Context(), 10) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "status", "Data status", status)
}

func (s *Server) statusAPI(c echo.Context) error {
	status, err := cachedView(s, c, func() (analytics.DataStatus, error) { return s.svc.DataStatus(c.Request().Context(), 10) })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, status)
}

// planView is the trainers' course plan, optionally one course language
// or one month (both in the URL).
type planView struct {
	Lines              []courses.PlanLine
	Language, Month    string
	Languages, Months  []string
	Page, Pages        int
	PrevLink, NextLink string
}

// planPageSize is the plan lines shown per page.
const planPageSize = 100

// planPage shows the trainers' course plan from this month
// (analytics.CoursePlan).
func (s *Server) planPage(c echo.Context) error {
	v, err := cachedView(s, c, func() (planView, error) { return s.plan(c) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "plan", "Course plan", v.paged(c))
}

func (s *Server) plan(c echo.Context) (planView, error) {
	v := planView{Language: c.QueryParam("language"), Month: c.QueryParam("month"), Page: 1}
	if p := c.QueryParam("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return v, echo.NewHTTPError(http.StatusBadRequest, "page must be a whole number from 1")
		}
		v.Page = n
	}
	if v.Month != "" {
		if _, err := time.Parse("2006-01", v.Month); err != nil {
			return v, echo.NewHTTPError(http.StatusBadRequest, "month must be written YYYY-MM, e.g. 2026-12")
		}
	}
	all, err := s.svc.CoursePlan(c.Request().Context(), s.now(), analytics.DefaultSessionsPerMonth)
	if err != nil {
		return v, err
	}
	for _, l := range all {
		m := l.Month.Format("2006-01")
		v.Languages, v.Months = appendNew(v.Languages, l.Language), appendNew(v.Months, m)
		if (v.Language == "" || l.Language == v.Language) && (v.Month == "" || m == v.Month) {
			v.Lines = append(v.Lines, l)
		}
	}
	slices.Sort(v.Languages)
	if err := checkOneOf("language", v.Language, v.Languages); err != nil {
		return v, err
	}
	return v, nil
}

// paged keeps one page of the plan's lines and links to its neighbours.
func (v planView) paged(c echo.Context) planView {
	v.Pages = max(1, (len(v.Lines)+planPageSize-1)/planPageSize)
	v.Page = min(v.Page, v.Pages)
	lo := (v.Page - 1) * planPageSize
	v.Lines = v.Lines[lo:min(lo+planPageSize, len(v.Lines))]
	link := func(page int) string {
		q := c.Request().URL.Query()
		q.Set("page", strconv.Itoa(page))
		return "/plan?" + q.Encode()
	}
	if v.Page > 1 {
		v.PrevLink = link(v.Page - 1)
	}
	if v.Page < v.Pages {
		v.NextLink = link(v.Page + 1)
	}
	return v
}
