package dashboard_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/uptake/uptake/store"
)

// Sign-ins (good and refused), exports and sign-outs land in the audit log,
// which only an admin reads.
func TestAuditLogRecordsSignInsAndExports(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := newDashboard(t, st)
		if code := signIn(t, client(t), srv.URL, "bob", "not the password"); code != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", code)
		}
		ann := client(t)
		signIn(t, ann, srv.URL, "ann", testPassword)
		if code, _ := get(t, ann, srv.URL+"/export/portfolio?format=csv&segment=SMB"); code != 200 {
			t.Fatalf("export: %d", code)
		}
		if code, _ := get(t, ann, srv.URL+"/admin/audit"); code != http.StatusForbidden {
			t.Errorf("a manager opened the audit log: %d", code)
		}
		admin := client(t)
		signIn(t, admin, srv.URL, "admin", testPassword)
		code, body := get(t, admin, srv.URL+"/admin/audit")
		if code != 200 {
			t.Fatalf("audit page: %d\n%s", code, body)
		}
		for _, want := range []string{"bob", "wrong user name or password", "portfolio as csv, 1 rows; filters segment=SMB", "ann"} {
			if !strings.Contains(body, want) {
				t.Errorf("audit page lacks %q\n%s", want, body)
			}
		}
		entries, err := st.AuditLog(t.Context(), "ann", store.AuditExport, 10)
		if err != nil || len(entries) != 1 || entries[0].Role != "manager" || entries[0].RequestID == "" || entries[0].IP == "" {
			t.Errorf("ann's exports: %v %+v", err, entries)
		}
		if code, body := get(t, admin, srv.URL+"/admin/audit?action=delete"); code != 400 || !strings.Contains(body, "sign-in, sign-out, export") {
			t.Errorf("unknown action: %d %s", code, body)
		}
	})
}
