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

// Default time limits: a page's queries stop at the request's deadline and
// the visitor gets a 504; an upload may take longer, since it loads a file.
const (
	defaultRequestTimeout = 30 * time.Second
	defaultUploadTimeout  = 30 * time.Minute
)

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
	metrics  *metrics
	oidc     *oidcClient // nil without single sign-on
	// ipExtractor finds the visitor's address (see Options.TrustedProxies).
	ipExtractor echo.IPExtractor
}

// Options are the dashboard's settings from the configuration.
type Options struct {
	// PseudonymKey pseudonymises user names in uploaded files, as
	// `uptake ingest` does (config pseudonym-key); uploads of files with
	// user names are refused without it.
	PseudonymKey string
	// RequestTimeout bounds a request and its queries (default 30 s);
	// UploadTimeout bounds an upload with its ingest (default 30 min).
	RequestTimeout, UploadTimeout time.Duration
	// MaxUploadBytes bounds one uploaded file (default 2 GB).
	MaxUploadBytes int64
	// OIDC, when set, offers single sign-on; NoLocalUsers then turns off
	// sign-in with the local users' passwords.
	OIDC         *OIDCOptions
	NoLocalUsers bool
	// TrustedProxies are the addresses (CIDR ranges) of reverse proxies
	// whose X-Forwarded-For names the visitor. Without them the visitor's
	// address is the connection's own, so no client can pick the address
	// that sign-in throttling and the audit log see.
	TrustedProxies []string
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
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = defaultRequestTimeout
	}
	if opts.UploadTimeout <= 0 {
		opts.UploadTimeout = defaultUploadTimeout
	}
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = defaultMaxUploadBytes
	}
	proxies, err := trustedRanges(opts.TrustedProxies)
	if err != nil {
		return nil, err
	}
	var sso *oidcClient
	if opts.OIDC != nil {
		if sso, err = newOIDCClient(ctx, *opts.OIDC); err != nil {
			return nil, err
		}
	} else if opts.NoLocalUsers {
		return nil, errors.New("sign-in with local users is turned off but single sign-on is not set up: nobody could sign in")
	}
	m := newMetrics(svc)
	st.Observe(m.observeQuery)
	return &Server{svc: svc, store: st, users: users, sessions: sessions{key: key}, pages: pages, log: log, now: time.Now,
		cache: newViewCache(svc.DataVersion), loader: loader, opts: opts, throttle: newLoginThrottle(), metrics: m, oidc: sso,
		ipExtractor: ipExtractor(proxies)}, nil
}

// Handler registers every route in one place, each with the roles it serves.
func (s *Server) Handler() http.Handler {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = s.ipExtractor
	e.HTTPErrorHandler = s.handleError
	e.Use(s.observeRequests, s.withTimeout, securityHeaders, sameOrigin)
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
	e.GET("/metrics", s.serveMetrics)
	all := []string{RoleAdmin, RoleExecutive, RoleTrainer, RoleManager}
	e.GET("/login", s.loginPage, onlyParams("next"))
	e.POST("/login", s.login)
	e.GET("/login/oidc", s.oidcStart, onlyParams("next"))
	e.GET("/login/oidc/callback", s.oidcCallback, onlyParams("code", "state", "error", "error_description", "session_state", "iss"))
	e.POST("/logout", s.logout, s.signedIn(all...), s.checkCSRF)

	portfolio := []string{RoleAdmin, RoleExecutive, RoleManager}
	portfolioParams := onlyParams("q", "segment", "country", "health", "manager", "workload", "sort", "page")
	planParams, none := onlyParams("language", "month", "page"), onlyParams()
	e.GET("/", s.home, s.signedIn(all...), none)
	e.GET("/portfolio", s.portfolioPage, s.signedIn(portfolio...), portfolioParams)
	e.GET("/accounts/:id", s.accountPage, s.signedIn(portfolio...), none)
	e.GET("/status", s.statusPage, s.signedIn(RoleAdmin), none)
	e.GET("/executive", s.executivePage, s.signedIn(RoleAdmin, RoleExecutive), onlyParams("weeks"))
	e.GET("/admin/users", s.usersPage, s.signedIn(RoleAdmin), none)
	e.GET("/admin/audit", s.auditPage, s.signedIn(RoleAdmin), onlyParams("user", "action"))
	e.POST("/admin/users", s.saveUser, s.signedIn(RoleAdmin), s.checkCSRF)
	e.GET("/admin/quarantine", s.quarantinePage, s.signedIn(RoleAdmin), none)
	e.GET("/admin/upload", s.uploadPage, s.signedIn(RoleAdmin), none)
	e.POST("/admin/upload", s.upload, s.signedIn(RoleAdmin), s.limitUpload, s.checkCSRF)
	e.GET("/themes", s.themesPage, s.signedIn(RoleAdmin, RoleTrainer), none)
	e.GET("/plan", s.planPage, s.signedIn(RoleAdmin, RoleTrainer), planParams)

	e.GET("/export/:report", s.export, s.signedIn(all...),
		onlyParams("format", "id", "q", "segment", "country", "health", "manager", "workload", "sort", "page", "weeks", "language", "month"))

	e.GET("/api/v1/openapi.json", func(c echo.Context) error { return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPI) })
	api := e.Group("/api/v1")
	api.GET("/portfolio", s.portfolioAPI, s.signedIn(portfolio...), portfolioParams)
	api.GET("/accounts/:id", s.accountAPI, s.signedIn(portfolio...), none)
	api.GET("/status", s.statusAPI, s.signedIn(RoleAdmin), none)
	api.GET("/executive", s.executiveAPI, s.signedIn(RoleAdmin, RoleExecutive), onlyParams("weeks"))
	api.GET("/themes", s.themesAPI, s.signedIn(RoleAdmin, RoleTrainer), none)
	return e
}

// withTimeout gives each request its deadline, which the store turns into
// ClickHouse's max_execution_time.
func (s *Server) withTimeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		limit := s.opts.RequestTimeout
		if c.Request().Method == http.MethodPost && c.Request().URL.Path == "/admin/upload" {
			limit = s.opts.UploadTimeout
		}
		ctx, cancel := context.WithTimeout(c.Request().Context(), limit)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// handleError shows people a message they can act on, with the request id
// to quote, and keeps details in the log; API callers get the same as JSON.
func (s *Server) handleError(err error, c echo.Context) {
	status := statusOf(err)
	msg := "Something went wrong while preparing this page. The details are in the server log."
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		msg = fmt.Sprint(he.Message)
	case status == http.StatusNotFound:
		msg = "There is no such account in your portfolio."
	case status == http.StatusGatewayTimeout:
		msg = "The data store took too long to answer, so the page was stopped. Try again, or narrow the filters."
	case status == http.StatusServiceUnavailable:
		msg = "The data store is not answering right now. Try again in a minute; if it persists, ask your administrator to check ClickHouse (/readyz)."
	}
	if status >= 500 {
		s.logger(c).Error("request failed", "path", c.Request().URL.Path, "status", status, "err", err)
	}
	if c.Response().Committed {
		return
	}
	if id := requestID(c); id != "" && status >= 500 {
		msg += " (Reference: " + id + ")"
	}
	if isAPI(c) {
		_ = c.JSON(status, map[string]string{"error": msg}) // the id is in the X-Request-ID header
		return
	}
	_ = s.render(c, status, "error", "Error", msg)
}

func (s *Server) ready(c echo.Context) error {
	if err := s.store.Ping(c.Request().Context()); err != nil {
		s.log.Warn("store not ready", "err", err)
		return c.String(http.StatusServiceUnavailable, "store unavailable\n")
	}
	return c.String(http.StatusOK, "ready\n")
}
