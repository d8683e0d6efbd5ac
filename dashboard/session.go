package dashboard

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/uptake/uptake/store"
)

// sessionCookie names the sign-in cookie.
const sessionCookie = "uptake_session"

// sessionLifetime is how long a sign-in lasts.
const sessionLifetime = 12 * time.Hour

// session is what the signed cookie carries. The role and scope are
// re-read from it on every request; changing a user takes effect at their
// next sign-in (or after sessionLifetime).
type session struct {
	Username string    `json:"u"`
	Name     string    `json:"n"`
	Role     string    `json:"r"`
	Manager  string    `json:"m,omitempty"`
	Expires  time.Time `json:"e"`
	Nonce    string    `json:"x"`           // new at every sign-in: a session id is never reused
	Method   string    `json:"a,omitempty"` // "oidc" for single sign-on; empty for a password
}

// sessions signs and checks session cookies with an HMAC-SHA256 key.
type sessions struct{ key []byte }

// loadSessionKey reads the signing key from app_secrets, creating it at the
// first start, so sign-ins survive restarts and several processes agree.
func loadSessionKey(ctx context.Context, st *store.Store, q dashboardQueries) ([]byte, error) {
	read := func() (string, error) {
		res, err := st.Query(ctx, q.SecretByName, store.Args{"name": "session"})
		if err != nil || len(res.Rows) == 0 {
			return "", err
		}
		return res.Rows[0][0].(string), nil
	}
	v, err := read()
	if err != nil {
		return nil, fmt.Errorf("reading the session key: %w", err)
	}
	if v == "" {
		buf := make([]byte, 32)
		if _, err := rand.Read(buf); err != nil {
			return nil, err
		}
		if err := st.Exec(ctx, q.SaveSecret, store.Args{"name": "session", "value": hex.EncodeToString(buf), "created_at": time.Now().UTC()}); err != nil {
			return nil, fmt.Errorf("saving the session key: %w", err)
		}
		if v, err = read(); err != nil {
			return nil, fmt.Errorf("reading the session key: %w", err)
		}
	}
	return hex.DecodeString(v)
}

func (s sessions) encode(sess session) string { return s.seal(sess) }

func (s sessions) sign(body string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

var errNoSession = errors.New("not signed in")

func (s sessions) decode(value string, now time.Time) (session, error) {
	var sess session
	if s.open(value, &sess) != nil || now.After(sess.Expires) {
		return session{}, errNoSession
	}
	return sess, nil
}

// seal signs a small value for a cookie (the session, or a single sign-on
// in progress); open checks the signature and reads it back.
func (s sessions) seal(v any) string {
	raw, _ := json.Marshal(v)
	body := base64.RawURLEncoding.EncodeToString(raw)
	return body + "." + s.sign(body)
}

func (s sessions) open(value string, v any) error {
	body, sig, ok := strings.Cut(value, ".")
	if !ok || !hmac.Equal([]byte(sig), []byte(s.sign(body))) {
		return errNoSession
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return errNoSession
	}
	if json.Unmarshal(raw, v) != nil {
		return errNoSession
	}
	return nil
}

// cookie is the session cookie for sess: HttpOnly, SameSite=Lax, and Secure
// when the request came over TLS (directly or via a proxy that says so).
func (s sessions) cookie(r *http.Request, value string, expires time.Time) *http.Cookie {
	secure := r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
	c := &http.Cookie{Name: sessionCookie, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secure, Expires: expires}
	if value == "" {
		c.MaxAge = -1
	}
	return c
}

func newNonce() string {
	buf := make([]byte, 12)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}
