package dashboard

import (
	"fmt"
	"net"
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

// trustedRanges reads the --trusted-proxies CIDR ranges (or single addresses).
func trustedRanges(list []string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, v := range list {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !strings.Contains(v, "/") {
			if ip := net.ParseIP(v); ip != nil && ip.To4() != nil {
				v += "/32"
			} else {
				v += "/128"
			}
		}
		_, n, err := net.ParseCIDR(v)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: write an address or a CIDR range, e.g. 10.0.0.0/8", v)
		}
		out = append(out, n)
	}
	return out, nil
}

// ipExtractor takes the visitor's address from X-Forwarded-For only when
// the connection comes from a trusted proxy; otherwise from the connection.
func ipExtractor(proxies []*net.IPNet) echo.IPExtractor {
	if len(proxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range proxies {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}
