package dashboard

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/store"
)

// sessionKey is where signedIn puts the session for handlers.
const sessionKey = "session"

// signedIn lets through only signed-in users with one of roles: others go
// to the sign-in page (pages) or get 401 (API); a signed-in user with
// another role gets 403.
func (s *Server) signedIn(roles ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ck, err := c.Cookie(sessionCookie)
			var sess session
			if err == nil {
				sess, err = s.sessions.decode(ck.Value, s.now())
			}
			if err != nil {
				if isAPI(c) {
					return echo.NewHTTPError(http.StatusUnauthorized, "Sign in first (POST /login), then send the session cookie.")
				}
				return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
			}
			if !slices.Contains(roles, sess.Role) {
				return echo.NewHTTPError(http.StatusForbidden, "Your role ("+sess.Role+") does not give access to this page.")
			}
			c.Set(sessionKey, sess)
			return next(c)
		}
	}
}

func currentSession(c echo.Context) session {
	sess, _ := c.Get(sessionKey).(session)
	return sess
}

// scopeOf is what a user may see: an account manager their own accounts,
// everyone else all accounts.
func scopeOf(sess session) analytics.Scope {
	if sess.Role == RoleManager {
		return analytics.Scope{Manager: sess.Manager}
	}
	return analytics.Scope{}
}

func isAPI(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, "/api/") }

type loginData struct {
	Error, Username, Next string
	SSO                   string // the single sign-on button's label; empty without it
	Local                 bool   // sign-in with a local password is offered
}

// loginView completes d with the ways to sign in this server offers.
func (s *Server) loginView(d loginData) loginData {
	d.Local = !s.opts.NoLocalUsers
	if s.oidc != nil {
		d.SSO = s.oidc.opts.Label
	}
	return d
}

func (s *Server) loginPage(c echo.Context) error {
	return s.render(c, http.StatusOK, "login", "Sign in", s.loginView(loginData{Next: safeNext(c.QueryParam("next"))}))
}

// login checks the password and starts a new session (a new signed value
// at every sign-in).
func (s *Server) login(c echo.Context) error {
	if s.opts.NoLocalUsers {
		return echo.NewHTTPError(http.StatusForbidden, "Sign-in with a password is turned off on this server: use single sign-on.")
	}
	username, next := strings.TrimSpace(c.FormValue("username")), safeNext(c.FormValue("next"))
	keys := []string{"user:" + strings.ToLower(username), "ip:" + c.RealIP()}
	if s.throttle.locked(s.now(), keys...) {
		s.logger(c).Warn("sign-in locked", "user", username, "ip", c.RealIP())
		s.audit(c, username, "", store.AuditSignIn, "refused", "paused after repeated wrong passwords")
		return s.render(c, http.StatusTooManyRequests, "login", "Sign in", s.loginView(loginData{Error: "Too many wrong passwords: sign-in is paused for 15 minutes.", Username: username, Next: next}))
	}
	u, err := s.users.Check(c.Request().Context(), username, c.FormValue("password"))
	if errors.Is(err, ErrBadCredentials) {
		s.throttle.fail(s.now(), keys...)
		s.logger(c).Info("sign-in refused", "user", username, "ip", c.RealIP())
		s.audit(c, username, "", store.AuditSignIn, "refused", "wrong user name or password")
		return s.render(c, http.StatusUnauthorized, "login", "Sign in", s.loginView(loginData{Error: "Wrong user name or password.", Username: username, Next: next}))
	}
	if err != nil {
		return err
	}
	s.throttle.succeed(keys[0])
	return s.startSession(c, session{Username: u.Username, Name: u.DisplayName, Role: u.Role, Manager: u.Manager}, "password", next)
}

// startSession signs sess in with a new cookie (a fresh nonce: a session
// value is never reused) and sends the user on.
func (s *Server) startSession(c echo.Context, sess session, method, next string) error {
	sess.Expires, sess.Nonce = s.now().Add(sessionLifetime), newNonce()
	c.SetCookie(s.sessions.cookie(c.Request(), s.sessions.encode(sess), sess.Expires))
	s.logger(c).Info("signed in", "user", sess.Username, "role", sess.Role, "method", method, "ip", c.RealIP())
	s.audit(c, sess.Username, sess.Role, store.AuditSignIn, "ok", method)
	if next == "" {
		next = homeOf(sess.Role)
	}
	return c.Redirect(http.StatusSeeOther, next)
}

// logout ends the session; a single-sign-on user is also signed out at
// the provider, which sends them back to the sign-in page.
func (s *Server) logout(c echo.Context) error {
	s.audit(c, "", "", store.AuditSignOut, "ok", currentSession(c).Method)
	c.SetCookie(s.sessions.cookie(c.Request(), "", s.now()))
	if target := s.oidc.logoutTarget(); target != "" && currentSession(c).Method == "oidc" {
		return c.Redirect(http.StatusSeeOther, target)
	}
	return c.Redirect(http.StatusSeeOther, "/login")
}

// safeNext keeps only local paths, so the sign-in page cannot send people
// to another site. Spaces and control characters are refused too: a
// browser drops tabs and line breaks from a Location, so "/\t/evil.example"
// would lead to //evil.example.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") ||
		strings.IndexFunc(next, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return ""
	}
	return next
}

// homeOf is the first page of each role.
func homeOf(role string) string {
	switch role {
	case RoleAdmin:
		return "/status"
	case RoleTrainer:
		return "/themes"
	case RoleExecutive:
		return "/executive"
	}
	return "/portfolio"
}

func (s *Server) home(c echo.Context) error {
	return c.Redirect(http.StatusSeeOther, homeOf(currentSession(c).Role))
}
