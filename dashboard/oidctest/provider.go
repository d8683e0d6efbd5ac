// Package oidctest is a small OpenID Connect provider for tests: discovery,
// a key set, an authorization endpoint that signs in whoever the test
// names, a token endpoint issuing RS256-signed ID tokens, and an end-session
// endpoint. It runs on loopback (httptest) and can be told to misbehave:
// a bad signature, an expired token, another audience or issuer, or a
// nonce other than the one asked for.
package oidctest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"
)

// Fault is a way for the provider to misbehave in the ID token it issues.
type Fault int

// The faults a test can ask for.
const (
	None          Fault = iota
	BadSignature        // signed with a key that is not in the key set
	Expired             // exp an hour ago
	WrongAudience       // aud is another client
	WrongIssuer         // iss is another provider
	WrongNonce          // nonce is not the one the client sent
)

// Claims are the claims of the person the next authorization signs in.
type Claims map[string]any

// Provider is a running test provider.
type Provider struct {
	server       *httptest.Server
	ClientID     string
	ClientSecret string

	key, stranger *rsa.PrivateKey

	mu      sync.Mutex
	user    Claims
	fault   Fault
	grants  map[string]grant
	logouts []url.Values
}

// grant is an issued authorization code waiting to be exchanged.
type grant struct {
	claims      Claims
	nonce       string
	redirectURI string
	challenge   string
}

// New starts a provider with one registered client.
func New(clientID, clientSecret string) (*Provider, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	stranger, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	p := &Provider{ClientID: clientID, ClientSecret: clientSecret, key: key, stranger: stranger, grants: map[string]grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /keys", p.keys)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("GET /logout", p.logout)
	p.server = httptest.NewServer(mux)
	return p, nil
}

// Issuer is the provider's issuer URL.
func (p *Provider) Issuer() string { return p.server.URL }

// Close stops the provider.
func (p *Provider) Close() { p.server.Close() }

// SignInAs sets who the next authorizations sign in.
func (p *Provider) SignInAs(c Claims) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = c
}

// SetFault makes the next ID tokens misbehave (None to stop).
func (p *Provider) SetFault(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fault = f
}

// Logouts lists the query of each end-session request received.
func (p *Provider) Logouts() []url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]url.Values(nil), p.logouts...)
}

func (p *Provider) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, map[string]any{
		"issuer":                                p.Issuer(),
		"authorization_endpoint":                p.Issuer() + "/authorize",
		"token_endpoint":                        p.Issuer() + "/token",
		"jwks_uri":                              p.Issuer() + "/keys",
		"end_session_endpoint":                  p.Issuer() + "/logout",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
		"scopes_supported":                      []string{"openid", "profile", "email"},
	})
}

func (p *Provider) keys(w http.ResponseWriter, _ *http.Request) {
	pub := p.key.PublicKey
	writeJSON(w, map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "test-key",
		"n": b64(pub.N.Bytes()), "e": b64(big.NewInt(int64(pub.E)).Bytes()),
	}}})
}

// authorize signs in the configured person at once (no login form) and
// sends the browser back with a code.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.ClientID || q.Get("response_type") != "code" || q.Get("redirect_uri") == "" {
		http.Error(w, "unknown client, or not a code request", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	if p.user == nil {
		p.mu.Unlock()
		http.Error(w, "nobody to sign in: call SignInAs", http.StatusBadRequest)
		return
	}
	code := randomString()
	p.grants[code] = grant{claims: p.user, nonce: q.Get("nonce"), redirectURI: q.Get("redirect_uri"), challenge: q.Get("code_challenge")}
	p.mu.Unlock()
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	bq := back.Query()
	bq.Set("code", code)
	bq.Set("state", q.Get("state"))
	back.RawQuery = bq.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token exchanges a code (once) for an ID token, checking the client's
// secret, the redirect URI and the PKCE verifier.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, "invalid_request")
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.ClientID || subtle.ConstantTimeCompare([]byte(secret), []byte(p.ClientSecret)) != 1 {
		tokenError(w, "invalid_client")
		return
	}
	p.mu.Lock()
	g, found := p.grants[r.PostForm.Get("code")]
	delete(p.grants, r.PostForm.Get("code"))
	fault := p.fault
	p.mu.Unlock()
	if !found || r.PostForm.Get("grant_type") != "authorization_code" || r.PostForm.Get("redirect_uri") != g.redirectURI {
		tokenError(w, "invalid_grant")
		return
	}
	if g.challenge != "" {
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		if b64(sum[:]) != g.challenge {
			tokenError(w, "invalid_grant")
			return
		}
	}
	now := time.Now()
	claims := map[string]any{"iss": p.Issuer(), "aud": p.ClientID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "nonce": g.nonce}
	for k, v := range g.claims {
		claims[k] = v
	}
	key := p.key
	switch fault {
	case BadSignature:
		key = p.stranger
	case Expired:
		claims["iat"], claims["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix()
	case WrongAudience:
		claims["aud"] = "another-client"
	case WrongIssuer:
		claims["iss"] = "https://other-provider.example"
	case WrongNonce:
		claims["nonce"] = "not-the-nonce-sent"
	}
	idToken, err := sign(key, claims)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]any{"access_token": randomString(), "token_type": "Bearer", "expires_in": 3600, "id_token": idToken})
}

func (p *Provider) logout(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.logouts = append(p.logouts, r.URL.Query())
	p.mu.Unlock()
	if back := r.URL.Query().Get("post_logout_redirect_uri"); back != "" {
		http.Redirect(w, r, back, http.StatusFound)
		return
	}
	fmt.Fprintln(w, "signed out")
}

// sign makes a compact JWS (RS256) of claims.
func sign(key *rsa.PrivateKey, claims map[string]any) (string, error) {
	header, err := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "kid": "test-key"})
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signing := b64(header) + "." + b64(body)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return signing + "." + b64(sig), nil
}

func tokenError(w http.ResponseWriter, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func randomString() string {
	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	return b64(buf)
}
