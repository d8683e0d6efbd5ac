package dashboard

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"

	"github.com/uptake/uptake/store"
)

// OIDCOptions configure single sign-on with an OpenID Connect provider
// (Microsoft Entra ID, Keycloak, …). The provider's claim RoleClaim holds
// app roles or groups; Roles maps those values to Uptake roles.
type OIDCOptions struct {
	Issuer       string // e.g. https://login.microsoftonline.com/TENANT/v2.0
	ClientID     string
	ClientSecret string
	RedirectURL  string // this dashboard's /login/oidc/callback, as registered at the provider
	// RoleClaim names the claim with the roles or groups, a dotted path for
	// nested ones: "roles" (Entra app roles), "groups", or
	// "realm_access.roles" (Keycloak). Default "roles".
	RoleClaim string
	// Roles maps claim values (case-insensitive) to Uptake roles. When a
	// person holds several, the widest wins: admin, executive, trainer,
	// then manager.
	Roles map[string]string
	// ManagerClaim holds an account manager's account_manager value
	// (default "email").
	ManagerClaim string
	// Label names the provider on the sign-in button (default "single sign-on").
	Label string
}

// oidcCookie holds the state, nonce and PKCE verifier of a sign-in in
// progress, signed like the session, for ten minutes.
const (
	oidcCookie   = "uptake_oidc"
	oidcLifetime = 10 * time.Minute
)

type oidcLogin struct {
	State, Nonce, Verifier, Next string
	Expires                      time.Time
}

type oidcClient struct {
	opts       OIDCOptions
	config     oauth2.Config
	verifier   *oidc.IDTokenVerifier
	endSession string
}

// newOIDCClient reads the provider's discovery document: a wrong issuer or
// an unreachable provider stops `uptake serve` at start-up, with the reason.
func newOIDCClient(ctx context.Context, o OIDCOptions) (*oidcClient, error) {
	if o.Issuer == "" || o.ClientID == "" || o.RedirectURL == "" {
		return nil, errors.New("single sign-on needs --oidc-issuer, --oidc-client-id and --oidc-redirect-url")
	}
	if len(o.Roles) == 0 {
		return nil, errors.New("single sign-on needs --oidc-roles: which claim values give which Uptake role, e.g. Uptake.Admin=admin,Uptake.Manager=manager")
	}
	if o.RoleClaim == "" {
		o.RoleClaim = "roles"
	}
	if o.ManagerClaim == "" {
		o.ManagerClaim = "email"
	}
	if o.Label == "" {
		o.Label = "single sign-on"
	}
	provider, err := oidc.NewProvider(ctx, o.Issuer)
	if err != nil {
		return nil, fmt.Errorf("reading the OpenID Connect provider at %s: %w; check --oidc-issuer and that this server can reach it", o.Issuer, err)
	}
	var extra struct {
		EndSession string `json:"end_session_endpoint"`
	}
	_ = provider.Claims(&extra)
	return &oidcClient{
		opts: o,
		config: oauth2.Config{ClientID: o.ClientID, ClientSecret: o.ClientSecret, RedirectURL: o.RedirectURL, Endpoint: provider.Endpoint(),
			Scopes: []string{oidc.ScopeOpenID, "profile", "email"}},
		verifier:   provider.Verifier(&oidc.Config{ClientID: o.ClientID}),
		endSession: extra.EndSession,
	}, nil
}

// ParseRoleMap reads "value=role,value=role" (the --oidc-roles setting).
func ParseRoleMap(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		value, role, ok := strings.Cut(pair, "=")
		value, role = strings.TrimSpace(value), strings.TrimSpace(role)
		if !ok || value == "" {
			return nil, fmt.Errorf("role mapping %q: write CLAIM_VALUE=ROLE, e.g. Uptake.Admin=admin", pair)
		}
		if !slices.Contains(Roles(), role) {
			return nil, fmt.Errorf("role mapping %q: the role must be one of %s", pair, strings.Join(Roles(), ", "))
		}
		out[strings.ToLower(value)] = role
	}
	return out, nil
}

// oidcStart sends the browser to the provider with a fresh state, nonce
// and PKCE challenge, remembered in a signed cookie.
func (s *Server) oidcStart(c echo.Context) error {
	if s.oidc == nil {
		return echo.NewHTTPError(http.StatusNotFound, "Single sign-on is not set up on this server; sign in with your user name and password.")
	}
	login := oidcLogin{State: newNonce(), Nonce: newNonce(), Verifier: oauth2.GenerateVerifier(), Next: safeNext(c.QueryParam("next")),
		Expires: s.now().Add(oidcLifetime)}
	c.SetCookie(s.oidcCookie(c, s.sessions.seal(login), login.Expires))
	return c.Redirect(http.StatusFound, s.oidc.config.AuthCodeURL(login.State, oidc.Nonce(login.Nonce), oauth2.S256ChallengeOption(login.Verifier)))
}

// oidcCallback checks the provider's answer (state, code, ID token
// signature, issuer, audience, expiry, nonce), maps the claims to a role
// and starts a session.
func (s *Server) oidcCallback(c echo.Context) error {
	if s.oidc == nil {
		return echo.NewHTTPError(http.StatusNotFound, "Single sign-on is not set up on this server.")
	}
	refuse := func(status int, reason, shown string) error {
		s.logger(c).Warn("single sign-on refused", "reason", reason, "ip", c.RealIP())
		s.audit(c, "", "", store.AuditSignIn, "refused", "single sign-on: "+reason)
		return s.render(c, status, "login", "Sign in", s.loginView(loginData{Error: shown}))
	}
	c.SetCookie(s.oidcCookie(c, "", s.now())) // one use only
	if e := c.QueryParam("error"); e != "" {
		return refuse(http.StatusUnauthorized, "provider error "+e+": "+c.QueryParam("error_description"),
			"The sign-in at your identity provider was not completed. Try again, or ask your administrator.")
	}
	var login oidcLogin
	ck, err := c.Cookie(oidcCookie)
	if err != nil || s.sessions.open(ck.Value, &login) != nil || s.now().After(login.Expires) {
		return refuse(http.StatusBadRequest, "no valid sign-in in progress (missing or expired state cookie)",
			"This sign-in has expired or was started in another browser. Start again.")
	}
	if subtle.ConstantTimeCompare([]byte(c.QueryParam("state")), []byte(login.State)) != 1 {
		return refuse(http.StatusBadRequest, "state does not match", "This sign-in answer does not belong to the sign-in started here. Start again.")
	}
	ctx := c.Request().Context()
	token, err := s.oidc.config.Exchange(ctx, c.QueryParam("code"), oauth2.VerifierOption(login.Verifier))
	if err != nil {
		return refuse(http.StatusUnauthorized, "code exchange failed: "+err.Error(), "Your identity provider did not confirm the sign-in. Start again.")
	}
	raw, _ := token.Extra("id_token").(string)
	if raw == "" {
		return refuse(http.StatusUnauthorized, "no ID token in the token answer", "Your identity provider did not send an ID token. Ask your administrator.")
	}
	idToken, err := s.oidc.verifier.Verify(ctx, raw)
	if err != nil {
		return refuse(http.StatusUnauthorized, "ID token not valid: "+err.Error(), "The sign-in could not be verified (the identity token is not valid). Start again, or ask your administrator.")
	}
	if subtle.ConstantTimeCompare([]byte(idToken.Nonce), []byte(login.Nonce)) != 1 {
		return refuse(http.StatusUnauthorized, "nonce does not match", "The sign-in could not be verified (it does not match the one started here). Start again.")
	}
	var claims map[string]any
	if err := idToken.Claims(&claims); err != nil {
		return refuse(http.StatusUnauthorized, "claims unreadable: "+err.Error(), "The identity token could not be read. Ask your administrator.")
	}
	sess, why := s.oidc.sessionOf(claims)
	if why != "" {
		return refuse(http.StatusForbidden, why, why)
	}
	sess.Method = "oidc"
	return s.startSession(c, sess, "single sign-on", login.Next)
}

// sessionOf maps the ID token's claims to a user and role; why says what is
// missing when the person may not enter.
func (o *oidcClient) sessionOf(claims map[string]any) (session, string) {
	name := firstString(claims, "preferred_username", "email", "upn", "sub")
	var role string
	for _, v := range claimValues(claims, o.opts.RoleClaim) {
		if r, ok := o.opts.Roles[strings.ToLower(v)]; ok && (role == "" || slices.Index(Roles(), r) < slices.Index(Roles(), role)) {
			role = r
		}
	}
	if role == "" {
		return session{}, fmt.Sprintf("Your account %s has no Uptake role at your identity provider (claim %q). Ask your administrator to assign you one.", name, o.opts.RoleClaim)
	}
	sess := session{Username: name, Name: firstString(claims, "name", "preferred_username"), Role: role}
	if role == RoleManager {
		sess.Manager = firstString(claims, o.opts.ManagerClaim)
		if sess.Manager == "" {
			return session{}, fmt.Sprintf("Your account %s is an account manager, but your identity provider sent no %q claim to match your accounts. Ask your administrator.", name, o.opts.ManagerClaim)
		}
	}
	return sess, ""
}

// claimValues reads a string or a list of strings at a dotted path.
func claimValues(claims map[string]any, path string) []string {
	var v any = claims
	for _, part := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[part]
	}
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func firstString(claims map[string]any, names ...string) string {
	for _, n := range names {
		if s, ok := claims[n].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// logoutTarget is where sign-out sends a single-sign-on user: the
// provider's end-session endpoint, which comes back to the sign-in page.
func (o *oidcClient) logoutTarget() string {
	if o == nil || o.endSession == "" {
		return ""
	}
	back, err := url.Parse(o.opts.RedirectURL)
	if err != nil {
		return ""
	}
	back.Path, back.RawQuery = "/login", ""
	q := url.Values{"client_id": {o.opts.ClientID}, "post_logout_redirect_uri": {back.String()}}
	return o.endSession + "?" + q.Encode()
}

func (s *Server) oidcCookie(c echo.Context, value string, expires time.Time) *http.Cookie {
	ck := s.sessions.cookie(c.Request(), value, expires)
	ck.Name, ck.Path = oidcCookie, "/login/oidc"
	return ck
}
