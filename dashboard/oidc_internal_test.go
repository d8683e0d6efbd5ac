package dashboard

import (
	"strings"
	"testing"
)

// Claims map to roles as Entra ID and Keycloak send them.
func TestClaimsToRoles(t *testing.T) {
	roles, err := ParseRoleMap("Uptake.Admin=admin, 6f1c2d3e-0000-4000-8000-000000000001=manager,uptake-trainers=trainer")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, claim string
		claims      map[string]any
		role, mgr   string
		refused     string
	}{
		{"Entra app role", "roles", map[string]any{"preferred_username": "a@x", "roles": []any{"Uptake.Admin"}}, "admin", "", ""},
		{"Entra group id, any case", "groups", map[string]any{"email": "ann@x", "groups": []any{"6F1C2D3E-0000-4000-8000-000000000001"}}, "manager", "ann@x", ""},
		{"Keycloak realm roles", "realm_access.roles", map[string]any{"preferred_username": "tr", "realm_access": map[string]any{"roles": []any{"offline_access", "uptake-trainers"}}}, "trainer", "", ""},
		{"the widest role wins", "roles", map[string]any{"sub": "s", "email": "e", "roles": []any{"6f1c2d3e-0000-4000-8000-000000000001", "Uptake.Admin"}}, "admin", "", ""},
		{"a single string", "roles", map[string]any{"sub": "s", "roles": "uptake.admin"}, "admin", "", ""},
		{"no mapped role", "roles", map[string]any{"sub": "s", "roles": []any{"Other"}}, "", "", "no Uptake role"},
		{"claim of another shape", "roles", map[string]any{"sub": "s", "roles": 42}, "", "", "no Uptake role"},
		{"manager without the manager claim", "groups", map[string]any{"sub": "s", "groups": []any{"6f1c2d3e-0000-4000-8000-000000000001"}}, "", "", `no "email" claim`},
	} {
		o := &oidcClient{opts: OIDCOptions{RoleClaim: c.claim, Roles: roles, ManagerClaim: "email"}}
		sess, why := o.sessionOf(c.claims)
		if c.refused != "" {
			if !strings.Contains(why, c.refused) {
				t.Errorf("%s: refusal %q, want it to say %q", c.name, why, c.refused)
			}
			continue
		}
		if why != "" || sess.Role != c.role || sess.Manager != c.mgr {
			t.Errorf("%s: %+v %q, want role %s manager %q", c.name, sess, why, c.role, c.mgr)
		}
	}
	for _, bad := range []string{"Uptake.Admin", "=admin", "x=superuser"} {
		if _, err := ParseRoleMap(bad); err == nil {
			t.Errorf("ParseRoleMap(%q) accepted it", bad)
		}
	}
}

func FuzzParseRoleMap(f *testing.F) {
	for _, s := range []string{"Uptake.Admin=admin", "a=manager, b=trainer,", " = ", "x=y=z", "é=admin"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseRoleMap(s)
		if err != nil {
			return
		}
		for k, role := range m {
			if k == "" || k != strings.ToLower(k) {
				t.Fatalf("key %q", k)
			}
			if role != RoleAdmin && role != RoleExecutive && role != RoleTrainer && role != RoleManager {
				t.Fatalf("role %q", role)
			}
		}
	})
}
