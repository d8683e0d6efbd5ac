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

// themesView is the theme explorer: the how-to themes, biggest first, and
// their tickets per week.
type themesView struct {
	Rows  []themeRow
	Weeks analytics.ThemeWeeks
}

// themes reads the explorer (analytics.Themes, ThemeSparklines).
func (s *Server) themes(c echo.Context) (themesView, error) {
	ctx := c.Request().Context()
	list, err := s.svc.Themes(ctx, "howto")
	if err != nil {
		return themesView{}, err
	}
	weeks, err := s.svc.ThemeSparklines(ctx, "howto", sparkWeeks)
	if err != nil {
		return themesView{}, err
	}
	v := themesView{Weeks: weeks, Rows: make([]themeRow, len(list))}
	lang := languageOf(c)
	for i, t := range list {
		counts := weeks.Tickets[t.ID]
		if counts == nil {
			counts = make([]int, len(weeks.Weeks))
		}
		total := 0
		for _, n := range counts {
			total += n
		}
		v.Rows[i] = themeRow{Theme: t, Spark: sparkline(fmt.Sprintf("spark-%d", i),
			trf(lang, "%s: %d tickets over the last %d weeks, %s.", t.Label, total, len(counts), tr(lang, t.Trend)), counts)}
	}
	return v, nil
}

func (s *Server) themesPage(c echo.Context) error {
	v, err := cachedView(s, c, func() (themesView, error) { return s.themes(c) })
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "themes", "How-to themes", v.Rows)
}

func (s *Server) themesAPI(c echo.Context) error {
	v, err := cachedView(s, c, func() (themesView, error) { return s.themes(c) })
	if err != nil {
		return err
	}
	list := make([]analytics.Theme, len(v.Rows))
	for i, r := range v.Rows {
		list[i] = r.Theme
	}
	return c.JSON(http.StatusOK, map[string]any{"themes": list, "weeks": v.Weeks.Weeks, "weekly_tickets": v.Weeks.Tickets})
}
