package dashboard

import (
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// contentSecurityPolicy allows the app's own scripts, styles and images
// only: no inline script, no other site, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		return next(c)
	}
}

// Sign-in throttling: after maxUserFailures wrong passwords for one user
// name, or maxAddressFailures from one address (many people may share
// one), within failureWindow, sign-in is refused until the window has
// passed since the last failure.
const (
	maxUserFailures    = 5
	maxAddressFailures = 20
	failureWindow      = 15 * time.Minute
)

type loginThrottle struct {
	mu       sync.Mutex
	failures map[string][]time.Time // by "user:NAME" and "ip:ADDR"
}

func newLoginThrottle() *loginThrottle { return &loginThrottle{failures: map[string][]time.Time{}} }

// locked reports whether any of keys has too many recent failures.
func (l *loginThrottle) locked(now time.Time, keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		limit := maxUserFailures
		if strings.HasPrefix(k, "ip:") {
			limit = maxAddressFailures
		}
		if len(l.recent(k, now)) >= limit {
			return true
		}
	}
	return false
}

func (l *loginThrottle) fail(now time.Time, keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		l.failures[k] = append(l.recent(k, now), now)
	}
}

func (l *loginThrottle) succeed(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		delete(l.failures, k)
	}
}

// recent drops failures older than the window (callers hold mu).
func (l *loginThrottle) recent(k string, now time.Time) []time.Time {
	kept := l.failures[k][:0]
	for _, t := range l.failures[k] {
		if now.Sub(t) < failureWindow {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		delete(l.failures, k)
		return nil
	}
	l.failures[k] = kept
	return kept
}
