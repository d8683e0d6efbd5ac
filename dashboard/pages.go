package dashboard

import (
	"net/http"

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

// planPage shows the trainers' course plan from this month
// (analytics.CoursePlan).
func (s *Server) planPage(c echo.Context) error {
	plan, err := cachedView(s, c, func() ([]courses.PlanLine, error) {
		return s.svc.CoursePlan(c.Request().Context(), s.now(), analytics.DefaultSessionsPerMonth)
	})
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "plan", "Course plan", plan)
}
