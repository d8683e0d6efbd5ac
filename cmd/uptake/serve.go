package main

import (
	"runtime/debug"

	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
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
		return func(ctx context.Context, env *runEnv, args []string) error {
			st, svc, err := env.openAnalytics(ctx, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			debug.SetGCPercent(analytics.ServerGCPercent)
			dash, err := dashboard.New(ctx, svc, st, env.log, dashboard.Options{PseudonymKey: *pseudonymKey})
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
			shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("stopping the server: %w", err)
			}
			return nil
		}
	},
}

func displayPort(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return addr
}
