package dashboard

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

//go:embed openapi.json
var openAPI []byte

// requestTimeout bounds every request, including its queries.
const requestTimeout = 30 * time.Second

// Server holds the dashboard's dependencies.
type Server struct {
	svc      *analytics.Service
	store    *store.Store
	users    *Users
	sessions sessions
	pages    map[string]*template.Template
	log      *slog.Logger
	now      func() time.Time
	cache    *viewCache
	loader   *ingest.Loader
	opts     Options
	throttle *loginThrottle
}

// Options are the dashboard's settings from the configuration.
type Options struct {
	// PseudonymKey pseudonymises user names in uploaded files, as
	// `uptake ingest` does (config pseudonym-key); uploads of files with
	// user names are refused without it.
	PseudonymKey string
}

// New parses the templates and loads the session key; a broken template or
// an unreachable store fails here, at start-up.
func New(ctx context.Context, svc *analytics.Service, st *store.Store, log *slog.Logger, opts Options) (*Server, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	users, err := NewUsers(st)
	if err != nil {
		return nil, err
	}
	key, err := loadSessionKey(ctx, st, users.q)
	if err != nil {
		return nil, err
	}
	loader, err := ingest.NewLoader(st)
	if err != nil {
		return nil, err
	}
	return &Server{svc: svc, store: st, users: users, sessions: sessions{key: key}, pages: pages, log: log, now: time.Now,
		cache: newViewCache(svc.DataVersion), loader: loader, opts: opts, throttle: newLoginThrottle()}, nil
}

// Handler registers every route in one place, each with the roles it serves.
func (s *Server) Handler() http.Handler {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Use(withTimeout, securityHeaders)
	// Pages, JSON and ECharts (1.1 MB, 0.36 MB compressed) go out compressed.
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{MinLength: 1024}))
	static, _ := fs.Sub(staticFiles, "static")
	files := http.StripPrefix("/static/", http.FileServer(http.FS(static)))
	e.GET("/static/*", echo.WrapHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})))
	e.GET("/favicon.ico", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	e.GET("/readyz", s.ready)
	all := []string{RoleAdmin, RoleExecutive, RoleTrainer, RoleManager}
	e.GET("/login", s.loginPage)
	e.POST("/login", s.login)
	e.POST("/logout", s.logout, s.signedIn(all...), s.checkCSRF)

	portfolio := []string{RoleAdmin, RoleExecutive, RoleManager}
	e.GET("/", s.home, s.signedIn(all...))
	e.GET("/portfolio", s.portfolioPage, s.signedIn(portfolio...))
	e.GET("/accounts/:id", s.accountPage, s.signedIn(portfolio...))
	e.GET("/status", s.statusPage, s.signedIn(RoleAdmin))
	e.GET("/executive", s.executivePage, s.signedIn(RoleAdmin, RoleExecutive))
	e.GET("/admin/users", s.usersPage, s.signedIn(RoleAdmin))
	e.POST("/admin/users", s.saveUser, s.signedIn(RoleAdmin), s.checkCSRF)
	e.GET("/admin/quarantine", s.quarantinePage, s.signedIn(RoleAdmin))
	e.GET("/admin/upload", s.uploadPage, s.signedIn(RoleAdmin))
	e.POST("/admin/upload", s.upload, s.signedIn(RoleAdmin), s.checkCSRF)
	e.GET("/themes", s.themesPage, s.signedIn(RoleAdmin, RoleTrainer))
	e.GET("/plan", s.planPage, s.signedIn(RoleAdmin, RoleTrainer))

	e.GET("/export/:report", s.export, s.signedIn(all...))

	e.GET("/api/v1/openapi.json", func(c echo.Context) error { return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPI) })
	api := e.Group("/api/v1")
	api.GET("/portfolio", s.portfolioAPI, s.signedIn(portfolio...))
	api.GET("/accounts/:id", s.accountAPI, s.signedIn(portfolio...))
	api.GET("/status", s.statusAPI, s.signedIn(RoleAdmin))
	api.GET("/executive", s.executiveAPI, s.signedIn(RoleAdmin, RoleExecutive))
	api.GET("/themes", s.themesAPI, s.signedIn(RoleAdmin, RoleTrainer))
	return e
}

func withTimeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), requestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// handleError shows people a message they can act on and keeps details in
// the log; API callers get the same message as JSON.
func (s *Server) handleError(err error, c echo.Context) {
	status, msg := http.StatusInternalServerError, "Something went wrong while preparing this page. The details are in the server log."
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status, msg = he.Code, fmt.Sprint(he.Message)
	case errors.Is(err, analytics.ErrNotFound):
		status, msg = http.StatusNotFound, "There is no such account in your portfolio."
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusGatewayTimeout, "The data store took too long to answer. Try again, or narrow the filters."
	}
	if status >= 500 {
		s.log.Error("request failed", "path", c.Request().URL.Path, "err", err)
	}
	if c.Response().Committed {
		return
	}
	if isAPI(c) {
		_ = c.JSON(status, map[string]string{"error": msg})
		return
	}
	_ = s.render(c, status, "error", "Error", msg)
}

func (s *Server) ready(c echo.Context) error {
	if _, err := s.store.Version(c.Request().Context()); err != nil {
		s.log.Warn("store not ready", "err", err)
		return c.String(http.StatusServiceUnavailable, "store unavailable\n")
	}
	return c.String(http.StatusOK, "ready\n")
}
