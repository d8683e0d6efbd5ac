package main

import (
	"context"
	"flag"
	"fmt"
	"os/user"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/uptake/uptake/store"
)

// auditCLI records a command's export or ingest in the audit log, under
// the operating-system account that ran it ("cli:NAME"). A failure to
// write it is reported, not fatal: the work is done.
func auditCLI(ctx context.Context, env *runEnv, st *store.Store, action, detail string) {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if err := st.Audit(ctx, store.AuditEntry{Username: "cli:" + name, Role: "command line", Action: action, Outcome: "ok", Detail: detail}); err != nil {
		env.log.Warn("audit entry not written", "action", action, "err", err)
	}
}

// filterList writes filters as "; filters a=b, c=d" for an audit entry.
func filterList(filters map[string]string) string {
	if len(filters) == 0 {
		return ""
	}
	var parts []string
	for k, v := range filters {
		parts = append(parts, k+"="+v)
	}
	sort.Strings(parts)
	return fmt.Sprintf("; filters %s", strings.Join(parts, ", "))
}

var auditCommand = command{
	name:    "audit",
	summary: "list the audit log: sign-ins, exports, uploads, ingests and user changes",
	help: `Lists the audit log, newest first: who (a dashboard user, or cli:NAME for
the operating-system account that ran a command), their role, what they
did, how it ended, and from which address. The dashboard shows the same
log to admins (Audit log).

Examples:
  uptake audit
  uptake audit --user ann --action export --limit 200`,
	define: func(fs *flag.FlagSet) func(context.Context, *runEnv, []string) error {
		username := fs.String("user", "", "only this user's entries")
		action := fs.String("action", "", "only this action: sign-in, sign-out, export, upload, ingest or user-change")
		limit := fs.Int("limit", 50, "how many entries to list")
		return func(ctx context.Context, env *runEnv, args []string) error {
			if *limit < 1 {
				return fmt.Errorf("--limit %d must be at least 1", *limit)
			}
			if *action != "" && !slices.Contains(store.AuditActions, *action) {
				return fmt.Errorf("--action %q: choose one of %s", *action, strings.Join(store.AuditActions, ", "))
			}
			st, err := env.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			entries, err := st.AuditLog(ctx, *username, *action, *limit)
			if err != nil {
				return err
			}
			if len(entries) == 0 {
				fmt.Fprintln(env.stdout, "The audit log has no such entries.")
				return nil
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "when (UTC)\tuser\trole\taction\toutcome\tdetail\taddress")
			for _, e := range entries {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.At.UTC().Format("2006-01-02 15:04:05"), e.Username, e.Role, e.Action, e.Outcome, e.Detail, e.IP)
			}
			return tw.Flush()
		}
	},
}
