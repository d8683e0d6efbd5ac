package dashboard

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/store"
)

// requestIDHeader carries a request's id in and out: a proxy's id is kept,
// otherwise one is made. Error pages show it so people can quote it.
const requestIDHeader = "X-Request-ID"

const requestIDKey = "request_id"

// metrics are the dashboard's Prometheus series, on a registry of its own.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	queries  *prometheus.HistogramVec
	failures *prometheus.CounterVec
	ingested *prometheus.CounterVec
	held     prometheus.Counter
}

func newMetrics(svc *analytics.Service) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "uptake_http_requests_total",
			Help: "HTTP requests answered, by route, method and status code."}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "uptake_http_request_duration_seconds",
			Help: "Time to answer HTTP requests, by route.", Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"route"}),
		queries: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "uptake_store_query_duration_seconds",
			Help: "Time of each named ClickHouse query, by query name.", Buckets: []float64{.001, .005, .01, .025, .05, .1, .25, .5, 1, 5, 30}}, []string{"query"}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "uptake_store_query_errors_total",
			Help: "Named ClickHouse queries that failed, by query and kind (timeout, unavailable, error)."}, []string{"query", "kind"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "uptake_ingest_rows_total",
			Help: "Rows loaded from files uploaded through the dashboard, by table."}, []string{"table"}),
		held: prometheus.NewCounter(prometheus.CounterOpts{Name: "uptake_ingest_quarantined_rows_total",
			Help: "Rows of uploaded files sent to quarantine."}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.queries, m.failures, m.ingested, m.held,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), storeCollector{svc: svc})
	return m
}

// observeQuery is the store's hook: one timing per named query.
func (m *metrics) observeQuery(name string, took time.Duration, err error) {
	m.queries.WithLabelValues(name).Observe(took.Seconds())
	switch {
	case err == nil:
	case errors.Is(err, store.ErrTimeout):
		m.failures.WithLabelValues(name, "timeout").Inc()
	case errors.Is(err, store.ErrUnavailable):
		m.failures.WithLabelValues(name, "unavailable").Inc()
	default:
		m.failures.WithLabelValues(name, "error").Inc()
	}
}

// serveMetrics answers Prometheus scrapes (GET /metrics).
func (s *Server) serveMetrics(c echo.Context) error {
	// The gzip middleware compresses; promhttp must not do it a second time.
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{DisableCompression: true}).ServeHTTP(c.Response(), c.Request())
	return nil
}

// storeCollector reads the stored row counts at each scrape (the
// table_status rollup: one small query), so rows loaded by `uptake ingest`
// in another process show too.
type storeCollector struct{ svc *analytics.Service }

var (
	tableRowsDesc   = prometheus.NewDesc("uptake_table_rows", "Rows stored per data table, as counted at the last refresh.", []string{"table"}, nil)
	quarantinedDesc = prometheus.NewDesc("uptake_quarantined_rows", "Rows held in quarantine by the recorded ingests.", nil, nil)
	refreshedDesc   = prometheus.NewDesc("uptake_refreshed_timestamp_seconds", "When the rollups were last refreshed (Unix time).", nil, nil)
	storeUpDesc     = prometheus.NewDesc("uptake_store_up", "1 when the store answered the scrape's query, 0 otherwise.", nil, nil)
)

func (storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- tableRowsDesc
	ch <- quarantinedDesc
	ch <- refreshedDesc
	ch <- storeUpDesc
}

func (sc storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	status, err := sc.svc.DataStatus(ctx, 0)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(storeUpDesc, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(storeUpDesc, prometheus.GaugeValue, 1)
	for _, t := range status.Tables {
		ch <- prometheus.MustNewConstMetric(tableRowsDesc, prometheus.GaugeValue, float64(t.Rows), t.Table)
	}
	var held uint64
	for _, in := range status.Ingests {
		held += in.Quarantined
	}
	ch <- prometheus.MustNewConstMetric(quarantinedDesc, prometheus.GaugeValue, float64(held))
	if at := status.CountedAt(); !at.IsZero() {
		ch <- prometheus.MustNewConstMetric(refreshedDesc, prometheus.GaugeValue, float64(at.Unix()))
	}
}

// observeRequests gives every request an id and a logger that carries it,
// then logs and counts the answer.
func (s *Server) observeRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(requestIDHeader)
		if !validRequestID(id) {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Response().Header().Set(requestIDHeader, id)
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err) // answers now, so the status below is the one sent
		}
		took, route, status := time.Since(start), c.Path(), c.Response().Status
		if route == "" {
			route = "unmatched"
		}
		s.metrics.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(status)).Inc()
		s.metrics.latency.WithLabelValues(route).Observe(took.Seconds())
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		if route != "/static/*" && route != "/metrics" && route != "/healthz" {
			s.log.LogAttrs(c.Request().Context(), level, "request", slog.String("request_id", id), slog.String("method", c.Request().Method),
				slog.String("path", c.Request().URL.Path), slog.Int("status", status), slog.Duration("took", took),
				slog.String("user", currentSession(c).Username), slog.String("ip", c.RealIP()))
		}
		return nil
	}
}

// logger is the server's logger with the request's id.
func (s *Server) logger(c echo.Context) *slog.Logger {
	return s.log.With("request_id", requestID(c))
}

func requestID(c echo.Context) string {
	id, _ := c.Get(requestIDKey).(string)
	return id
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func newRequestID() string {
	buf := make([]byte, 8)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}

// statusOf is the HTTP status an error will be answered with.
func statusOf(err error) int {
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		return he.Code
	case errors.Is(err, analytics.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, store.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
