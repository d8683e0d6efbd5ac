package dashboard

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// pageNames are the templates that fill the layout's "content".
var pageNames = []string{"login", "status", "portfolio", "account", "themes", "plan", "executive", "users", "quarantine", "upload", "audit", "error"}

// exportPages offer their table as a download: page → export report.
var exportPages = map[string]string{"portfolio": "portfolio", "account": "account", "themes": "themes", "plan": "plan", "executive": "satisfaction",
	"status": "status", "quarantine": "quarantine"}

// chartPages load ECharts and the script that draws their charts.
var chartPages = map[string]bool{"account": true, "themes": true, "executive": true}

// parsePages parses each page with the layout, as its own template set.
func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"t":   tr,
		"trf": trf,
		"num": func(lang string, decimals int, v any) string { return formatNumber(lang, decimals, toFloat(v)) },
		// pctn writes a share (0–1) as a percentage.
		"pctn":     func(lang string, share float64) string { return formatNumber(lang, 0, 100*share) + " %" },
		"date":     formatDate,
		"datetime": formatDateTime,
		"month":    formatMonth,
		"join":     func(s []string) string { return strings.Join(s, ", ") },
		// pathPart escapes a value for one segment of a URL path (an
		// account id may hold '?', '#' or '/').
		"pathPart": url.PathEscape,
		"list":     func(v ...int) []int { return v },
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/chart.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("dashboard template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// navItem is one link of the main navigation.
type navItem struct {
	Path, Label string
	Current     bool
}

// navFor lists the pages a role may open.
func navFor(role, current string) []navItem {
	var items []navItem
	add := func(path, label string, roles ...string) {
		for _, r := range roles {
			if r == role {
				items = append(items, navItem{Path: path, Label: label, Current: path == current})
				return
			}
		}
	}
	add("/executive", "Overview", RoleAdmin, RoleExecutive)
	add("/portfolio", "Portfolio", RoleAdmin, RoleExecutive, RoleManager)
	add("/themes", "How-to themes", RoleAdmin, RoleTrainer)
	add("/plan", "Course plan", RoleAdmin, RoleTrainer)
	add("/status", "Data status", RoleAdmin)
	add("/admin/upload", "Upload", RoleAdmin)
	add("/admin/quarantine", "Quarantine", RoleAdmin)
	add("/admin/users", "Users", RoleAdmin)
	add("/admin/audit", "Audit log", RoleAdmin)
	return items
}

// pageData is what the layout receives.
type pageData struct {
	Lang, LangHref, LangLabel string
	CSRF                      string // the session's token, for the sign-out form
	Title                     string
	Charts                    bool
	// ExportXLSX and ExportCSV download the page's table with its filters.
	ExportXLSX, ExportCSV string
	User                  session
	Nav                   []navItem
	Data                  any
}

// render writes a page: the layout around the named page template. The
// page is executed into a buffer first, so a template error becomes a
// proper error page instead of half a page.
func (s *Server) render(c echo.Context, status int, page, title string, data any) error {
	sess := currentSession(c)
	var buf bytes.Buffer
	lang := languageOf(c)
	pd := pageData{Lang: lang, Title: tr(lang, title), Charts: chartPages[page], User: sess, Nav: navFor(sess.Role, c.Request().URL.Path), Data: data}
	pd.LangHref, pd.LangLabel = langSwitch(c, lang)
	if sess.Username != "" {
		pd.CSRF = s.csrfToken(sess)
	}
	if report, ok := exportPages[page]; ok {
		q := c.Request().URL.Query()
		q.Del("page")
		if page == "account" {
			id, _ := accountParam(c)
			q.Set("id", id)
		}
		q.Set("format", "xlsx")
		pd.ExportXLSX = "/export/" + report + "?" + q.Encode()
		q.Set("format", "csv")
		pd.ExportCSV = "/export/" + report + "?" + q.Encode()
	}
	tmpl, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("no template for page %q", page)
	}
	if err := tmpl.ExecuteTemplate(&buf, "layout", pd); err != nil {
		return fmt.Errorf("rendering %s: %w", page, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}
