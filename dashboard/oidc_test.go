package dashboard_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uptake/uptake/dashboard"
	"github.com/uptake/uptake/dashboard/oidctest"
	"github.com/uptake/uptake/store"
)

// ssoRedirect is the callback address registered at the test provider; the
// test sends the provider's answer on to the real test server.
const ssoRedirect = "http://uptake.test/login/oidc/callback"

func newProvider(t *testing.T) *oidctest.Provider {
	t.Helper()
	p, err := oidctest.New("uptake-dashboard", "client-secret-for-tests")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func ssoOptions(p *oidctest.Provider) dashboard.Options {
	return dashboard.Options{OIDC: &dashboard.OIDCOptions{Issuer: p.Issuer(), ClientID: p.ClientID, ClientSecret: p.ClientSecret,
		RedirectURL: ssoRedirect, Label: "Test ID",
		Roles: map[string]string{"uptake.admin": "admin", "uptake.manager": "manager", "uptake.trainer": "trainer"}}}
}

// ssoSignIn walks the browser's path: dashboard → provider → callback. It
// returns the callback's status, body and redirect.
func ssoSignIn(t *testing.T, c *http.Client, base string) (int, string, string) {
	t.Helper()
	resp, err := c.Get(base + "/login/oidc?next=/portfolio")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("/login/oidc answered %d", resp.StatusCode)
	}
	resp, err = c.Get(resp.Header.Get("Location")) // the provider's authorization endpoint
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.StatusCode != http.StatusFound || !strings.HasPrefix(back.String(), ssoRedirect) {
		t.Fatalf("the provider answered %d, to %q", resp.StatusCode, back)
	}
	return callback(t, c, base, back.RawQuery)
}

func callback(t *testing.T, c *http.Client, base, query string) (int, string, string) {
	t.Helper()
	resp, err := c.Get(base + "/login/oidc/callback?" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		body.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, body.String(), resp.Header.Get("Location")
}

func TestSingleSignOn(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvider(t)
		srv := newDashboard(t, st, ssoOptions(p))

		t.Run("the sign-in page offers both ways", func(t *testing.T) {
			code, body := get(t, client(t), srv.URL+"/login")
			if code != 200 || !strings.Contains(body, `href="/login/oidc"`) || !strings.Contains(body, "Test ID") || !strings.Contains(body, `name="password"`) {
				t.Errorf("%d\n%s", code, body)
			}
		})

		t.Run("an admin by app role", func(t *testing.T) {
			c := client(t)
			p.SignInAs(oidctest.Claims{"sub": "s-1", "preferred_username": "alice@partner.example", "name": "Alice", "roles": []string{"Uptake.Admin"}})
			code, body, next := ssoSignIn(t, c, srv.URL)
			if code != http.StatusSeeOther || next != "/portfolio" {
				t.Fatalf("callback: %d to %q\n%s", code, next, body)
			}
			if code, body := get(t, c, srv.URL+"/admin/audit?action=sign-in"); code != 200 || !strings.Contains(body, "alice@partner.example") || !strings.Contains(body, "single sign-on") {
				t.Errorf("audit log after the sign-in: %d\n%s", code, body)
			}
		})

		t.Run("a manager sees only the accounts the claim names", func(t *testing.T) {
			c := client(t)
			p.SignInAs(oidctest.Claims{"sub": "s-2", "preferred_username": "ann", "email": "Ann", "roles": []string{"Uptake.Manager", "Other.App.Role"}})
			if code, body, _ := ssoSignIn(t, c, srv.URL); code != http.StatusSeeOther {
				t.Fatalf("callback: %d\n%s", code, body)
			}
			code, body := get(t, c, srv.URL+"/portfolio")
			if code != 200 || !strings.Contains(body, "/accounts/A1") || strings.Contains(body, "/accounts/B1") {
				t.Errorf("portfolio: %d\n%s", code, body)
			}
		})

		t.Run("no role, no entry", func(t *testing.T) {
			c := client(t)
			p.SignInAs(oidctest.Claims{"sub": "s-3", "preferred_username": "mallory", "roles": []string{"Other.App.Role"}})
			code, body, _ := ssoSignIn(t, c, srv.URL)
			if code != http.StatusForbidden || !strings.Contains(body, "no Uptake role") {
				t.Errorf("%d\n%s", code, body)
			}
			if code, _ := get(t, c, srv.URL+"/portfolio"); code != http.StatusSeeOther {
				t.Errorf("a refused sign-in opened the portfolio: %d", code)
			}
		})

		for name, fault := range map[string]oidctest.Fault{"bad signature": oidctest.BadSignature, "expired token": oidctest.Expired,
			"wrong audience": oidctest.WrongAudience, "wrong issuer": oidctest.WrongIssuer, "wrong nonce": oidctest.WrongNonce} {
			t.Run(name, func(t *testing.T) {
				c := client(t)
				p.SignInAs(oidctest.Claims{"sub": "s-1", "preferred_username": "alice@partner.example", "roles": []string{"Uptake.Admin"}})
				p.SetFault(fault)
				defer p.SetFault(oidctest.None)
				code, body, _ := ssoSignIn(t, c, srv.URL)
				if code != http.StatusUnauthorized || !strings.Contains(body, "could not be verified") {
					t.Errorf("%d\n%s", code, body)
				}
				if code, _ := get(t, c, srv.URL+"/status"); code != http.StatusSeeOther {
					t.Errorf("a token with a %s opened a page: %d", name, code)
				}
			})
		}

		t.Run("state checks", func(t *testing.T) {
			c := client(t)
			p.SignInAs(oidctest.Claims{"sub": "s-1", "preferred_username": "alice@partner.example", "roles": []string{"Uptake.Admin"}})
			resp, err := c.Get(srv.URL + "/login/oidc")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			resp, err = c.Get(resp.Header.Get("Location"))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			back, _ := url.Parse(resp.Header.Get("Location"))
			q := back.Query()
			good := q.Get("state")
			// The answer taken to another browser (no state cookie there).
			if code, body, _ := callback(t, client(t), srv.URL, back.RawQuery); code != http.StatusBadRequest || !strings.Contains(body, "another browser") {
				t.Errorf("callback without the cookie: %d\n%s", code, body)
			}
			// A forged state in this browser.
			q.Set("state", good+"x")
			if code, body, _ := callback(t, c, srv.URL, q.Encode()); code != http.StatusBadRequest || !strings.Contains(body, "does not belong") {
				t.Errorf("callback with another state: %d\n%s", code, body)
			}
			// The cookie is single-use: the genuine answer now finds no sign-in in progress.
			q.Set("state", good)
			if code, _, _ := callback(t, c, srv.URL, q.Encode()); code != http.StatusBadRequest {
				t.Errorf("callback after the state was used: %d", code)
			}
			// The provider's own refusal.
			if code, body, _ := callback(t, c, srv.URL, "error=access_denied&error_description=denied"); code != http.StatusUnauthorized || !strings.Contains(body, "not completed") {
				t.Errorf("provider error: %d\n%s", code, body)
			}
		})

		t.Run("sign-out ends the session here and at the provider", func(t *testing.T) {
			c := client(t)
			p.SignInAs(oidctest.Claims{"sub": "s-1", "preferred_username": "alice@partner.example", "roles": []string{"Uptake.Admin"}})
			if code, _, _ := ssoSignIn(t, c, srv.URL); code != http.StatusSeeOther {
				t.Fatal("sign-in failed")
			}
			_, page := get(t, c, srv.URL+"/status")
			resp, err := c.PostForm(srv.URL+"/logout", url.Values{"csrf": {csrfFrom(t, page)}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			to, _ := url.Parse(resp.Header.Get("Location"))
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(to.String(), p.Issuer()+"/logout") ||
				to.Query().Get("post_logout_redirect_uri") != "http://uptake.test/login" {
				t.Fatalf("sign-out: %d to %q", resp.StatusCode, to)
			}
			if resp, err = c.Get(to.String()); err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if len(p.Logouts()) == 0 {
				t.Error("the provider saw no sign-out")
			}
			if code, _ := get(t, c, srv.URL+"/status"); code != http.StatusSeeOther {
				t.Errorf("the session outlived the sign-out: %d", code)
			}
		})

		t.Run("local users still sign in", func(t *testing.T) {
			if code := signIn(t, client(t), srv.URL, "ann", testPassword); code != http.StatusSeeOther {
				t.Errorf("password sign-in: %d", code)
			}
		})
	})
}

func TestSingleSignOnOnly(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		p := newProvider(t)
		opts := ssoOptions(p)
		opts.NoLocalUsers = true
		srv := newDashboard(t, st, opts)
		code, body := get(t, client(t), srv.URL+"/login")
		if code != 200 || strings.Contains(body, `name="password"`) || !strings.Contains(body, "/login/oidc") {
			t.Errorf("sign-in page: %d\n%s", code, body)
		}
		if code := signIn(t, client(t), srv.URL, "ann", testPassword); code != http.StatusForbidden {
			t.Errorf("password sign-in when turned off: %d", code)
		}
	})
}
