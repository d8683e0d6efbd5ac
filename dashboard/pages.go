package dashboard

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

// accountPage shows one account within the user's scope
// (analytics.Account); another manager's account is a 404.
func (s *Server) accountPage(c echo.Context) error {
	v, err := s.svc.Account(c.Request().Context(), scopeOf(currentSession(c)), c.Param("id"))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "account", v.Name, v)
}

func (s *Server) accountAPI(c echo.Context) error {
	v, err := s.svc.Account(c.Request().Context(), scopeOf(currentSession(c)), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// statusPage shows what is loaded (analytics.DataStatus).
func (s *Server) statusPage(c echo.Context) error {
	status, err := s.svc.DataStatus(c.Request().Context(), 10)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "status", "Data status", status)
}

func (s *Server) statusAPI(c echo.Context) error {
	status, err := s.svc.DataStatus(c.Request().Context(), 10)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, status)
}

// themesPage lists the how-to themes (analytics.Themes).
func (s *Server) themesPage(c echo.Context) error {
	list, err := s.svc.Themes(c.Request().Context(), "howto")
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "themes", "How-to themes", list)
}

// planPage shows the trainers' course plan from this month
// (analytics.CoursePlan).
func (s *Server) planPage(c echo.Context) error {
	plan, err := s.svc.CoursePlan(c.Request().Context(), s.now(), analytics.DefaultSessionsPerMonth)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "plan", "Course plan", plan)
}
