package dashboard

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// csrfField names the form field (and header, for scripts) that carries
// the token of a state-changing request.
const (
	csrfField  = "csrf"
	csrfHeader = "X-CSRF-Token"
)

// csrfToken is the session's token: an HMAC of its nonce, so it changes at
// every sign-in and a page of another site cannot know it.
func (s *Server) csrfToken(sess session) string {
	m := hmac.New(sha256.New, s.sessions.key)
	m.Write([]byte("csrf\x1f" + sess.Nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkCSRF refuses a signed-in POST without the session's token.
func (s *Server) checkCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		sent := c.Request().Header.Get(csrfHeader)
		if sent == "" {
			sent = c.FormValue(csrfField)
		}
		if !hmac.Equal([]byte(sent), []byte(s.csrfToken(currentSession(c)))) {
			return echo.NewHTTPError(http.StatusForbidden, "This form has expired or did not come from Uptake. Reload the page and try again.")
		}
		return next(c)
	}
}

// sameOrigin refuses a state-changing request that a browser says came
// from another site (its Origin, or failing that its Referer, names another
// host). It covers sign-in, which has no session token yet, and backs the
// token up everywhere else. Clients that send neither header (scripts,
// curl) are not browsers acting for someone else, and pass. Behind a
// reverse proxy, the proxy must pass the Host header on.
func sameOrigin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			return next(c)
		}
		from := r.Header.Get("Origin")
		if from == "" {
			from = r.Header.Get("Referer")
		}
		if from == "" {
			return next(c)
		}
		u, err := url.Parse(from)
		if err != nil || from == "null" || u.Host != r.Host {
			return echo.NewHTTPError(http.StatusForbidden, "This request came from another site, so it was refused. Open Uptake directly and try again.")
		}
		return next(c)
	}
}
