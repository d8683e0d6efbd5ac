package dashboard

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/exports"
	"github.com/uptake/uptake/store"
)

// exportTable builds the table behind a page, with the page's filters and
// the user's scope: an account manager's export holds only their accounts.
func (s *Server) exportTable(c echo.Context, report string) (exports.Table, error) {
	ctx := c.Request().Context()
	role := currentSession(c).Role
	allowed := func(roles ...string) error {
		for _, r := range roles {
			if r == role {
				return nil
			}
		}
		return echo.NewHTTPError(http.StatusForbidden, "Your role ("+role+") does not give access to this export.")
	}
	switch report {
	case "portfolio":
		if err := allowed(RoleAdmin, RoleExecutive, RoleManager); err != nil {
			return exports.Table{}, err
		}
		// The page's filters and sort, every page of rows.
		f, err := parsePortfolioFilter(c.QueryParams())
		if err != nil {
			return exports.Table{}, err
		}
		all, err := s.portfolioRows(ctx, scopeOf(currentSession(c)))
		var kept []analytics.PortfolioRow
		for _, r := range all {
			if f.keep(r) {
				kept = append(kept, r)
			}
		}
		f.sort(kept)
		return exports.PortfolioTable(kept), err
	case "themes":
		if err := allowed(RoleAdmin, RoleTrainer); err != nil {
			return exports.Table{}, err
		}
		list, err := s.svc.Themes(ctx, "howto")
		return exports.ThemesTable(list), err
	case "plan":
		if err := allowed(RoleAdmin, RoleTrainer); err != nil {
			return exports.Table{}, err
		}
		v, err := s.plan(c)
		return exports.CoursePlanTable(v.Lines), err
	case "satisfaction":
		if err := allowed(RoleAdmin, RoleExecutive); err != nil {
			return exports.Table{}, err
		}
		v, err := s.executive(c)
		return exports.SatisfactionTable(v.CSAT), err
	case "account":
		if err := allowed(RoleAdmin, RoleExecutive, RoleManager); err != nil {
			return exports.Table{}, err
		}
		// Scoped like the page: another manager's account is a 404.
		if !validAccountID(c.QueryParam("id")) {
			return exports.Table{}, errBadAccountID
		}
		v, err := s.svc.Account(ctx, scopeOf(currentSession(c)), c.QueryParam("id"))
		if err != nil {
			return exports.Table{}, err
		}
		t := exports.RecommendationsTable(v.Recommendations)
		t.Sheet = "Account " + v.AccountID
		return t, nil
	case "quarantine":
		if err := allowed(RoleAdmin); err != nil {
			return exports.Table{}, err
		}
		rows, err := s.svc.Quarantine(ctx, "", 100_000)
		return exports.QuarantineTable(rows), err
	case "ticket-themes":
		if err := allowed(RoleAdmin, RoleTrainer); err != nil {
			return exports.Table{}, err
		}
		rows, err := s.svc.ThemeAssignments(ctx, "howto")
		return exports.ThemeAssignmentsTable(rows), err
	case "kpis", "sla", "segments", "countries":
		if err := allowed(RoleAdmin, RoleExecutive); err != nil {
			return exports.Table{}, err
		}
		v, err := s.executive(c)
		if err != nil {
			return exports.Table{}, err
		}
		switch report {
		case "kpis":
			return exports.KPITable(v.KPI), nil
		case "sla":
			return exports.SLATable(v.SLA), nil
		case "segments":
			t := exports.SatisfactionTable(v.Segments)
			t.Sheet, t.Chart = "By segment", nil // one quarter: no trend to draw
			return t, nil
		}
		t := exports.SatisfactionTable(v.Countries)
		t.Sheet, t.Chart = "By country", nil
		return t, nil
	case "status":
		if err := allowed(RoleAdmin); err != nil {
			return exports.Table{}, err
		}
		st, err := s.svc.DataStatus(ctx, 10)
		return exports.DataStatusTable(st), err
	}
	return exports.Table{}, echo.NewHTTPError(http.StatusNotFound, "No such export: choose portfolio, account, themes, plan, satisfaction, quarantine or status.")
}

// export sends a page's table as a workbook or CSV file named after the
// report and the day, e.g. uptake-portfolio-2026-12-01.xlsx.
func (s *Server) export(c echo.Context) error {
	format := c.QueryParam("format")
	if format == "" {
		format = "xlsx"
	}
	if format != "xlsx" && format != "csv" {
		return echo.NewHTTPError(http.StatusBadRequest, "format must be xlsx or csv")
	}
	report := c.Param("report")
	if report == "dashboard" {
		return s.exportDashboard(c, nil)
	}
	if format == "xlsx" && (report == "themes" || report == "satisfaction") {
		// Several sheets: the themes with every ticket's theme; the
		// executive summary behind the overview page.
		return s.exportDashboard(c, map[string][]string{"themes": {"themes", "ticket-themes"}, "satisfaction": {"kpis", "satisfaction", "sla", "segments", "countries"}}[report])
	}
	t, err := s.exportTable(c, report)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	mime := "text/csv; charset=utf-8"
	if format == "xlsx" {
		mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		about, err2 := s.about(c, report)
		if err2 != nil {
			return err2
		}
		err = exports.Workbook{Sheets: []exports.Table{exports.Localize(t, about.Lang)}, About: about}.WriteXLSX(&buf)
	} else {
		err = t.WriteCSV(&buf)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", report, err)
	}
	name := fmt.Sprintf("uptake-%s-%s.%s", report, s.now().Format("2006-01-02"), format)
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("attachment; filename=%q", name))
	s.logger(c).Info("export", "user", currentSession(c).Username, "report", report, "format", format, "rows", len(t.Rows))
	s.audit(c, "", "", store.AuditExport, "ok", fmt.Sprintf("%s as %s, %d rows%s", report, format, len(t.Rows), filterText(c)))
	return c.Blob(http.StatusOK, mime, buf.Bytes())
}

// about is a download's About sheet: the page's filters, when the data
// was refreshed, and the report's definitions, in the interface language.
func (s *Server) about(c echo.Context, report string) (*exports.About, error) {
	status, err := s.svc.DataStatus(c.Request().Context(), 0)
	if err != nil {
		return nil, err
	}
	filters := map[string]string{}
	for k, v := range c.QueryParams() {
		if k != "format" && k != "lang" && len(v) > 0 && v[0] != "" {
			filters[k] = v[0]
		}
	}
	if sess := currentSession(c); sess.Role == RoleManager {
		filters["account manager"] = sess.Manager
	}
	lang := languageOf(c)
	return &exports.About{Title: "Uptake · " + report, Lang: lang, Filters: filters, Created: s.now(), Refreshed: status.CountedAt(),
		Definitions: exports.LocalizedDefinitions(report, lang)}, nil
}

// exportDashboard sends one workbook with a sheet per panel: the given
// ones, or (nil) every panel of the pages the user's role opens.
func (s *Server) exportDashboard(c echo.Context, panels []string) error {
	role := currentSession(c).Role
	name := "dashboard"
	if panels == nil {
		panels = map[string][]string{
			RoleAdmin:     {"portfolio", "kpis", "satisfaction", "sla", "themes", "plan", "status"},
			RoleExecutive: {"portfolio", "kpis", "satisfaction", "sla"},
			RoleTrainer:   {"themes", "plan"},
			RoleManager:   {"portfolio"},
		}[role]
	} else {
		name = c.Param("report")
	}
	about, err := s.about(c, name)
	if err != nil {
		return err
	}
	wb := exports.Workbook{About: about}
	for _, p := range panels {
		t, err := s.exportTable(c, p)
		if err != nil {
			return fmt.Errorf("dashboard export, %s: %w", p, err)
		}
		wb.Sheets = append(wb.Sheets, exports.Localize(t, about.Lang))
	}
	var buf bytes.Buffer
	if err := wb.WriteXLSX(&buf); err != nil {
		return fmt.Errorf("%s export: %w", name, err)
	}
	file := fmt.Sprintf("uptake-%s-%s.xlsx", name, s.now().Format("2006-01-02"))
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("attachment; filename=%q", file))
	s.logger(c).Info("export", "user", currentSession(c).Username, "report", name, "sheets", len(wb.Sheets))
	s.audit(c, "", "", store.AuditExport, "ok", fmt.Sprintf("%s as xlsx, %d sheets%s", name, len(wb.Sheets), filterText(c)))
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buf.Bytes())
}

// filterText lists a download's URL filters for the audit log.
func filterText(c echo.Context) string {
	q := url.Values{}
	for k, v := range c.QueryParams() {
		if k != "format" && k != "lang" {
			q[k] = v
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "; filters " + q.Encode()
}
