package dashboard

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

// sparkWeeks is how many weeks a theme's sparkline covers.
const sparkWeeks = 26

// themeRow is one theme in the explorer, with its weekly sparkline.
type themeRow struct {
	analytics.Theme
	Spark chart
}

// themesPage lists the how-to themes, recurring first by size
// (analytics.Themes, ThemeSparklines).
func (s *Server) themesPage(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := s.svc.Themes(ctx, "howto")
	if err != nil {
		return err
	}
	weeks, err := s.svc.ThemeSparklines(ctx, "howto", sparkWeeks)
	if err != nil {
		return err
	}
	rows := make([]themeRow, len(list))
	for i, t := range list {
		counts := weeks.Tickets[t.ID]
		if counts == nil {
			counts = make([]int, len(weeks.Weeks))
		}
		total := 0
		for _, n := range counts {
			total += n
		}
		rows[i] = themeRow{Theme: t, Spark: sparkline(fmt.Sprintf("spark-%d", i), fmt.Sprintf("%s: %d tickets over the last %d weeks, %s.", t.Label, total, len(counts), t.Trend), counts)}
	}
	return s.render(c, http.StatusOK, "themes", "How-to themes", rows)
}

func (s *Server) themesAPI(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := s.svc.Themes(ctx, "howto")
	if err != nil {
		return err
	}
	weeks, err := s.svc.ThemeSparklines(ctx, "howto", sparkWeeks)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"themes": list, "weeks": weeks.Weeks, "weekly_tickets": weeks.Tickets})
}
