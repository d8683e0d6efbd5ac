package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/dashboard"
)

var serveCommand = command{
	name:    "serve",
	summary: "run the web dashboard (default http://localhost:8080)",
	help: `Serves the dashboard over HTTP until interrupted (Ctrl-C), finishing
requests in flight before it stops. /healthz answers when the process runs,
/readyz when the store answers too.

Example:
  uptake serve --addr :8080 --store embedded:./uptake-data`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		addr := fs.String("addr", ":8080", "address to listen on, host:port")
		pseudonymKey := fs.String("pseudonym-key", "", "secret key for pseudonymising user names in uploaded files (the same as for uptake ingest)")
		requestTimeout := fs.Duration("request-timeout", 30*time.Second, "longest a page or API call may take, its queries included; a slower one answers 504")
		var sso dashboard.OIDCOptions
		var roles string
		fs.StringVar(&sso.Issuer, "oidc-issuer", "", "single sign-on: the OpenID Connect issuer, e.g. https://login.microsoftonline.com/TENANT_ID/v2.0 or https://keycloak.example/realms/NAME")
		fs.StringVar(&sso.ClientID, "oidc-client-id", "", "single sign-on: this app's client (application) id at the provider")
		fs.StringVar(&sso.ClientSecret, "oidc-client-secret", "", "single sign-on: the client secret (prefer the UPTAKE_OIDC_CLIENT_SECRET environment variable)")
		fs.StringVar(&sso.RedirectURL, "oidc-redirect-url", "", "single sign-on: this dashboard's callback as registered at the provider, e.g. https://uptake.example/login/oidc/callback")
		fs.StringVar(&sso.RoleClaim, "oidc-role-claim", "roles", "single sign-on: the claim holding roles or groups: roles (Entra app roles), groups, or realm_access.roles (Keycloak)")
		fs.StringVar(&roles, "oidc-roles", "", "single sign-on: claim values and the Uptake role each gives, e.g. Uptake.Admin=admin,Uptake.Executive=executive,Uptake.Trainer=trainer,Uptake.Manager=manager")
		fs.StringVar(&sso.ManagerClaim, "oidc-manager-claim", "email", "single sign-on: the claim matching an account manager's account_manager value")
		fs.StringVar(&sso.Label, "oidc-label", "single sign-on", "single sign-on: the provider's name on the sign-in button, e.g. Microsoft")
		proxies := fs.String("trusted-proxies", "", "addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header names the visitor, e.g. 10.0.0.5,172.16.0.0/12 (default: none; the connection's address is used)")
		localUsers := fs.Bool("local-users", true, "also allow sign-in with the local users' passwords (uptake users); false leaves single sign-on only")
		return func(ctx context.Context, env *runEnv, args []string) error {
			opts := dashboard.Options{PseudonymKey: *pseudonymKey, RequestTimeout: *requestTimeout, NoLocalUsers: !*localUsers,
				TrustedProxies: strings.Split(*proxies, ",")}
			if sso.Issuer != "" {
				var err error
				if sso.Roles, err = dashboard.ParseRoleMap(roles); err != nil {
					return fmt.Errorf("--oidc-roles: %w", err)
				}
				opts.OIDC = &sso
			}
			st, svc, err := env.openAnalytics(ctx, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			debug.SetGCPercent(analytics.ServerGCPercent)
			dash, err := dashboard.New(ctx, svc, st, env.log, opts)
			if err != nil {
				return err
			}
			srv := &http.Server{Addr: *addr, Handler: dash.Handler(), ReadHeaderTimeout: 10 * time.Second}
			errc := make(chan error, 1)
			go func() { errc <- srv.ListenAndServe() }()
			env.log.Info("dashboard listening", "addr", *addr, "store", st.Location().String())
			fmt.Fprintf(env.stdout, "Uptake dashboard on http://localhost%s (store %s). Stop with Ctrl-C.\n", displayPort(*addr), st.Location())
			select {
			case err := <-errc:
				return fmt.Errorf("listening on %s: %w", *addr, err)
			case <-ctx.Done():
			}
			// In-flight requests finish; an upload cut short by the limit
			// leaves only a staging table, dropped at the next start.
			env.log.Info("stopping: finishing requests in flight", "limit", shutdownTimeout)
			shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("stopping the server: %w", err)
			}
			return nil
		}
	},
}

// shutdownTimeout bounds how long serve waits for requests in flight.
const shutdownTimeout = 30 * time.Second

func displayPort(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return addr
}
