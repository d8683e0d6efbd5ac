package dashboard

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
)

//go:embed templates/*.html
var templateFiles embed.FS

// requestTimeout bounds every request, including its queries.
const requestTimeout = 30 * time.Second

// Pinger checks that the store answers, for /readyz.
type Pinger interface {
	Version(ctx context.Context) (string, error)
}

// Server holds the dashboard's dependencies.
type Server struct {
	svc   *analytics.Service
	store Pinger
	tmpl  *template.Template
	log   *slog.Logger
}

// New parses the templates; a broken one fails here, at start-up.
func New(svc *analytics.Service, store Pinger, log *slog.Logger) (*Server, error) {
	tmpl, err := template.New("").Funcs(template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "–"
			}
			return t.Format("2006-01-02")
		},
	}).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	return &Server{svc: svc, store: store, tmpl: tmpl, log: log}, nil
}

// Handler registers every route in one place.
func (s *Server) Handler() http.Handler {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Use(withTimeout)
	e.GET("/", s.dataStatus)
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	e.GET("/readyz", s.ready)
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

// handleError shows people a message they can act on and keeps details in the log.
func (s *Server) handleError(err error, c echo.Context) {
	status, msg := http.StatusInternalServerError, "Something went wrong while preparing this page. The details are in the server log."
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status, msg = he.Code, http.StatusText(he.Code)
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusGatewayTimeout, "The data store took too long to answer. Try again, or narrow the filters."
	}
	if status >= 500 {
		s.log.Error("request failed", "path", c.Request().URL.Path, "err", err)
	}
	if !c.Response().Committed {
		_ = c.String(status, msg+"\n")
	}
}

func (s *Server) ready(c echo.Context) error {
	if _, err := s.store.Version(c.Request().Context()); err != nil {
		s.log.Warn("store not ready", "err", err)
		return c.String(http.StatusServiceUnavailable, "store unavailable\n")
	}
	return c.String(http.StatusOK, "ready\n")
}

// dataStatus renders what is loaded (analytics.DataStatus).
func (s *Server) dataStatus(c echo.Context) error {
	status, err := s.svc.DataStatus(c.Request().Context(), 10)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	return s.tmpl.ExecuteTemplate(c.Response(), "status.html", status)
}
