package deploy

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/uptake/uptake/store"
)

// The secrets .env.example leaves empty, filled in as a user would.
const (
	testPassword = "T3stOnlyPassw0rdNotReal"
	testKey      = "test-only-pseudonym-key"
)

var uptakeServices = []string{"migrate", "uptake", "ingest"}

// exampleEnv is .env.example as docker compose reads a .env file.
func exampleEnv(t *testing.T) map[string]string {
	t.Helper()
	env, err := dotenv.Read(filepath.Join(root, ".env.example"))
	if err != nil {
		t.Fatalf("reading .env.example: %v", err)
	}
	return env
}

// filledEnv is .env.example with its secrets set.
func filledEnv(t *testing.T) map[string]string {
	env := exampleEnv(t)
	env["CLICKHOUSE_PASSWORD"] = testPassword
	env["UPTAKE_PSEUDONYM_KEY"] = testKey
	return env
}

// loadCompose loads, interpolates and validates docker-compose.yml as
// docker compose does, with env as the whole environment.
func loadCompose(t *testing.T, env map[string]string) (*types.Project, error) {
	t.Helper()
	return loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  root,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(root, "docker-compose.yml")}},
		Environment: env,
	}, func(o *loader.Options) { o.SetProjectName("uptake", true) })
}

func project(t *testing.T) *types.Project {
	t.Helper()
	p, err := loadCompose(t, filledEnv(t))
	if err != nil {
		t.Fatalf("docker-compose.yml does not load with .env.example and its secrets set: %v", err)
	}
	return p
}

func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, ok := p.Services[name]
	if !ok {
		t.Fatalf("docker-compose.yml has no service %q (has %v)", name, slices.Sorted(func(yield func(string) bool) {
			for n := range p.Services {
				if !yield(n) {
					return
				}
			}
		}))
	}
	return s
}

func env(s types.ServiceConfig, key string) string {
	if v := s.Environment[key]; v != nil {
		return *v
	}
	return ""
}

func TestComposeServicesAndDependencies(t *testing.T) {
	p := project(t)
	if len(p.Services) != 4 {
		t.Errorf("services: got %d, want clickhouse, migrate, uptake and ingest", len(p.Services))
	}
	wantDeps := map[string]map[string]string{
		"clickhouse": {},
		"migrate":    {"clickhouse": types.ServiceConditionHealthy},
		"uptake":     {"clickhouse": types.ServiceConditionHealthy, "migrate": types.ServiceConditionCompletedSuccessfully},
		"ingest":     {"clickhouse": types.ServiceConditionHealthy, "migrate": types.ServiceConditionCompletedSuccessfully},
	}
	for name, want := range wantDeps {
		s := service(t, p, name)
		if len(s.DependsOn) != len(want) {
			t.Errorf("%s depends on %v, want %v", name, s.DependsOn, want)
		}
		for dep, cond := range want {
			if got := s.DependsOn[dep].Condition; got != cond {
				t.Errorf("%s: depends_on %s condition %q, want %q", name, dep, got, cond)
			}
		}
	}
	for name, want := range map[string]string{"clickhouse": "unless-stopped", "uptake": "unless-stopped", "ingest": "unless-stopped", "migrate": "no"} {
		if got := service(t, p, name).Restart; got != want {
			t.Errorf("%s: restart %q, want %q", name, got, want)
		}
	}
}

func TestComposeCommands(t *testing.T) {
	p := project(t)
	if got := []string(service(t, p, "migrate").Command); !slices.Equal(got, []string{"migrate"}) {
		t.Errorf("migrate runs %q, want [migrate]", got)
	}
	serve := []string(service(t, p, "uptake").Command)
	if len(serve) == 0 || serve[0] != "serve" || !slices.Equal(flagValue(serve, "--addr"), []string{":8080"}) {
		t.Errorf("uptake runs %q, want serve --addr :8080 (the port the image exposes and the compose file publishes)", serve)
	}
	ingest := []string(service(t, p, "ingest").Command)
	if len(ingest) == 0 || ingest[0] != "ingest" || !slices.Equal(flagValue(ingest, "--watch"), []string{"/incoming"}) {
		t.Errorf("ingest runs %q, want ingest --watch /incoming …", ingest)
	}
	interval := flagValue(ingest, "--watch-interval")
	if want := exampleEnv(t)["INGEST_INTERVAL"]; !slices.Equal(interval, []string{want}) {
		t.Errorf("ingest --watch-interval is %q, want INGEST_INTERVAL from .env.example (%q)", interval, want)
	} else if d, err := time.ParseDuration(want); err != nil || d <= 0 {
		t.Errorf("INGEST_INTERVAL=%q in .env.example is not a Go duration: %v", want, err)
	}
}

// flagValue is the value after flag in args (nil when absent).
func flagValue(args []string, flag string) []string {
	i := slices.Index(args, flag)
	if i < 0 || i+1 >= len(args) {
		return nil
	}
	return args[i+1 : i+2]
}

func TestComposeStoreAndKey(t *testing.T) {
	p := project(t)
	ch := service(t, p, "clickhouse")
	var stores []string
	for _, name := range uptakeServices {
		s := service(t, p, name)
		stores = append(stores, env(s, "UPTAKE_STORE"))
		if got := env(s, "UPTAKE_PSEUDONYM_KEY"); got != testKey {
			t.Errorf("%s: UPTAKE_PSEUDONYM_KEY is %q, want the one from .env", name, got)
		}
	}
	if unique := slices.Compact(slices.Clone(stores)); len(unique) != 1 {
		t.Fatalf("the uptake services use different stores: %q", stores)
	}
	loc, err := store.ParseURL(stores[0])
	if err != nil {
		t.Fatalf("UPTAKE_STORE is not a store URL uptake accepts: %v", err)
	}
	if loc.Embedded || loc.Addr != "clickhouse:9000" || loc.HTTPPort != 8123 {
		t.Errorf("UPTAKE_STORE points at %s (HTTP port %d), want the clickhouse service's ports 9000 and 8123", loc, loc.HTTPPort)
	}
	if want := env(ch, "CLICKHOUSE_USER"); want == "" || loc.User != want {
		t.Errorf("UPTAKE_STORE user %q, clickhouse's CLICKHOUSE_USER %q: want the same, not empty", loc.User, want)
	}
	if loc.Password != testPassword || env(ch, "CLICKHOUSE_PASSWORD") != testPassword {
		t.Errorf("UPTAKE_STORE and clickhouse's CLICKHOUSE_PASSWORD must both be CLICKHOUSE_PASSWORD from .env")
	}
	if env(ch, "CLICKHOUSE_DB") != "" {
		t.Errorf("clickhouse sets CLICKHOUSE_DB: the image then answers its healthcheck from a localhost-only first-start server; uptake migrate creates the database")
	}
}

func TestComposeImages(t *testing.T) {
	p := project(t)
	image := service(t, p, "clickhouse").Image
	if !regexp.MustCompile(`^clickhouse/clickhouse-server:\d+\.\d+\.\d+\.\d+$`).MatchString(image) {
		t.Errorf("clickhouse image %q: want the official clickhouse/clickhouse-server at a full version tag (e.g. 25.3.14.14), not latest or a branch", image)
	}
	want := service(t, p, "uptake")
	if want.Build == nil || filepath.Clean(want.Build.Context) != filepath.Clean(root) {
		t.Fatalf("uptake is not built from the repository's Dockerfile: build %+v", want.Build)
	}
	for _, name := range uptakeServices {
		s := service(t, p, name)
		if s.Image != want.Image || s.Build == nil || s.Build.Context != want.Build.Context {
			t.Errorf("%s runs image %q built from %+v; want the same image as uptake (%q)", name, s.Image, s.Build, want.Image)
		}
	}
}

func TestComposePortsOnLoopback(t *testing.T) {
	p := project(t)
	e := exampleEnv(t)
	published := map[string]map[uint32]string{}
	for name, s := range p.Services {
		for _, port := range s.Ports {
			if port.HostIP != "127.0.0.1" {
				t.Errorf("%s publishes port %d on %q: publish on 127.0.0.1 only", name, port.Target, port.HostIP)
			}
			if published[name] == nil {
				published[name] = map[uint32]string{}
			}
			published[name][port.Target] = port.Published
		}
	}
	want := map[string]map[uint32]string{
		"uptake":     {8080: e["UPTAKE_PORT"]},
		"clickhouse": {9000: e["CLICKHOUSE_NATIVE_PORT"], 8123: e["CLICKHOUSE_HTTP_PORT"]},
	}
	for name, ports := range want {
		for target, host := range ports {
			if got, ok := published[name][target]; !ok || got != host {
				t.Errorf("%s: port %d published on %q, want 127.0.0.1:%s (from .env.example)", name, target, got, host)
			}
		}
	}
	for _, name := range []string{"migrate", "ingest"} {
		if len(published[name]) > 0 {
			t.Errorf("%s publishes ports %v; it serves nothing", name, published[name])
		}
	}
}

func TestComposeVolumes(t *testing.T) {
	p := project(t)
	mount := func(service types.ServiceConfig, target string) *types.ServiceVolumeConfig {
		for i, v := range service.Volumes {
			if v.Target == target {
				return &service.Volumes[i]
			}
		}
		return nil
	}
	for _, target := range []string{"/var/lib/clickhouse", "/var/log/clickhouse-server"} {
		v := mount(service(t, p, "clickhouse"), target)
		if v == nil || v.Type != types.VolumeTypeVolume {
			t.Errorf("clickhouse: want a named volume on %s, got %+v", target, v)
			continue
		}
		if _, ok := p.Volumes[v.Source]; !ok {
			t.Errorf("clickhouse: volume %q on %s is not declared under volumes:", v.Source, target)
		}
	}
	e := exampleEnv(t)
	for _, m := range []struct {
		service, target, envVar string
		readOnly                bool
	}{
		{"ingest", "/incoming", "INCOMING_DIR", true},
		{"uptake", "/backups", "BACKUP_DIR", false},
	} {
		v := mount(service(t, p, m.service), m.target)
		if v == nil || v.Type != types.VolumeTypeBind {
			t.Errorf("%s: want a folder of the host mounted on %s, got %+v", m.service, m.target, v)
			continue
		}
		if want := filepath.Join(root, e[m.envVar]); v.Source != want {
			t.Errorf("%s: %s comes from %q, want %s from .env.example (%q)", m.service, m.target, v.Source, m.envVar, want)
		}
		if v.ReadOnly != m.readOnly {
			t.Errorf("%s: %s read-only is %v, want %v", m.service, m.target, v.ReadOnly, m.readOnly)
		}
	}
}

func TestComposeClickHouseHealthAndLimits(t *testing.T) {
	p := project(t)
	ch := service(t, p, "clickhouse")
	hc := ch.HealthCheck
	if hc == nil || hc.Disable || len(hc.Test) < 2 || hc.Interval == nil || hc.Retries == nil {
		t.Fatalf("clickhouse: want a healthcheck with a test, interval and retries, got %+v", hc)
	}
	test := strings.Join(hc.Test, " ")
	if !strings.Contains(test, "$CLICKHOUSE_PASSWORD") || strings.Contains(test, testPassword) {
		t.Errorf("clickhouse healthcheck %q: want it to sign in with $CLICKHOUSE_PASSWORD from the container's environment ($$ in the file), not the password written in", test)
	}
	nofile := ch.Ulimits["nofile"]
	if nofile == nil || nofile.Soft < 262144 || nofile.Hard < 262144 {
		t.Errorf("clickhouse: ulimits nofile %+v, want 262144 as the image's documentation says", nofile)
	}
	for _, name := range []string{"migrate", "ingest"} {
		if hc := service(t, p, name).HealthCheck; hc == nil || !hc.Disable {
			t.Errorf("%s: the image's healthcheck (uptake serve's /healthz) must be disabled, got %+v", name, hc)
		}
	}
	if hc := service(t, p, "uptake").HealthCheck; hc != nil && hc.Disable {
		t.Errorf("uptake: the image's healthcheck is disabled")
	}
}

func TestComposeSecretsOnlyFromEnvironment(t *testing.T) {
	e := exampleEnv(t)
	for _, secret := range []string{"CLICKHOUSE_PASSWORD", "UPTAKE_PSEUDONYM_KEY", "UPTAKE_OIDC_CLIENT_SECRET"} {
		if v, ok := e[secret]; !ok || v != "" {
			t.Errorf(".env.example: %s must be listed and left empty (no secret in the repository), got %q", secret, v)
		}
	}

	// Loading with a required secret unset or empty stops with its :? message.
	for _, secret := range []string{"CLICKHOUSE_PASSWORD", "UPTAKE_PSEUDONYM_KEY"} {
		for _, unset := range []bool{true, false} {
			e := filledEnv(t)
			if unset {
				delete(e, secret)
			} else {
				e[secret] = ""
			}
			_, err := loadCompose(t, e)
			if err == nil || !strings.Contains(err.Error(), "set "+secret+" in .env") {
				t.Errorf("loading with %s unset=%v: got %v, want the ${%s:?set %s in .env …} message", secret, unset, err, secret, secret)
			}
		}
	}

	// In the file, every password is a ${…} reference.
	raw := readFile(t, "docker-compose.yml")
	stripped := regexp.MustCompile(`\$\{[^}]*\}`).ReplaceAllString(raw, "")
	for _, m := range regexp.MustCompile(`(?im)^[ \t]*[\w.-]*(password|secret|_key)[\w.-]*[ \t]*:[ \t]*(\S.*)$`).FindAllStringSubmatch(stripped, -1) {
		t.Errorf("docker-compose.yml sets a secret in the file: %q", strings.TrimSpace(m[0]))
	}
	for _, m := range regexp.MustCompile(`://([^@/\s"]*)@`).FindAllStringSubmatch(stripped, -1) {
		if strings.Trim(m[1], ":") != "" {
			t.Errorf("docker-compose.yml has a URL with user information written in: %q", m[0])
		}
	}

	// Loaded, the password is only in the two variables that carry it.
	p := project(t)
	for name, s := range p.Services {
		s.Environment = without(s.Environment, "CLICKHOUSE_PASSWORD", "UPTAKE_STORE")
		out, err := yamlOf(s)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, testPassword) {
			t.Errorf("%s: the password appears outside CLICKHOUSE_PASSWORD and UPTAKE_STORE:\n%s", name, out)
		}
	}
}

// without is m without the keys drop.
func without(m types.MappingWithEquals, drop ...string) types.MappingWithEquals {
	out := types.MappingWithEquals{}
	for k, v := range m {
		if !slices.Contains(drop, k) {
			out[k] = v
		}
	}
	return out
}

func yamlOf(s types.ServiceConfig) (string, error) {
	p := types.Project{Name: "check", Services: types.Services{s.Name: s}}
	b, err := p.MarshalYAML()
	return string(b), err
}

// composeVariables lists the variables docker-compose.yml interpolates:
// ${NAME…} and $NAME, but not $$NAME (a $ for the container's shell).
func composeVariables(t *testing.T) []string {
	raw := readFile(t, "docker-compose.yml")
	name := regexp.MustCompile(`^\{?([A-Za-z_][A-Za-z0-9_]*)`)
	seen := map[string]bool{}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '$' || i+1 == len(raw) {
			continue
		}
		if raw[i+1] == '$' {
			i++
			continue
		}
		if m := name.FindStringSubmatch(raw[i+1:]); m != nil {
			seen[m[1]] = true
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for n := range seen {
			if !yield(n) {
				return
			}
		}
	})
}

func TestComposeVariablesDocumented(t *testing.T) {
	used := composeVariables(t)
	if len(used) < 5 {
		t.Fatalf("found only %v in docker-compose.yml", used)
	}
	e := exampleEnv(t)
	example := readFile(t, ".env.example")
	for _, v := range used {
		if _, ok := e[v]; !ok {
			t.Errorf("docker-compose.yml uses ${%s}, which .env.example does not list", v)
		}
	}
	for v := range e {
		if !slices.Contains(used, v) {
			t.Errorf(".env.example lists %s, which docker-compose.yml does not use", v)
		}
	}
	// Each setting has a comment somewhere above it.
	lines := strings.Split(example, "\n")
	for i, line := range lines {
		if !regexp.MustCompile(`^[A-Z_]+=`).MatchString(line) {
			continue
		}
		j := i - 1
		for j >= 0 && regexp.MustCompile(`^[A-Z_]+=`).MatchString(lines[j]) {
			j--
		}
		if j < 0 || !strings.HasPrefix(lines[j], "#") {
			t.Errorf(".env.example: %s has no comment above it", strings.SplitN(line, "=", 2)[0])
		}
	}
}

func TestComposeUptakeVariablesAreFlags(t *testing.T) {
	p := project(t)
	flags := binaryFlags(t)
	for name, s := range p.Services {
		for key := range s.Environment {
			if f, ok := strings.CutPrefix(key, "UPTAKE_"); ok {
				flag := strings.ToLower(strings.ReplaceAll(f, "_", "-"))
				if !slices.Contains(flags, flag) {
					t.Errorf("%s: %s names no flag of uptake (no --%s)", name, key, flag)
				}
			}
		}
	}
	// Every flag of uptake serve but --addr (the container's port, fixed)
	// can be set from .env: single sign-on, proxies, timeouts, ….
	uptake := service(t, p, "uptake")
	serveFlags := flagsIn(t, "serve.go")
	if !slices.Contains(serveFlags, "oidc-issuer") || !slices.Contains(serveFlags, "local-users") {
		t.Fatalf("found only %v among the flags of uptake serve", serveFlags)
	}
	for _, flag := range serveFlags {
		key := "UPTAKE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
		if _, ok := uptake.Environment[key]; !ok && flag != "addr" {
			t.Errorf("uptake: --%s of uptake serve is not passed through (%s)", flag, key)
		}
	}
}

// flagDefinition matches a flag defined on a flag.FlagSet named fs.
var flagDefinition = regexp.MustCompile(`fs\.[A-Z][A-Za-z0-9]*\((?:&?[A-Za-z0-9_.]+,\s*)?"([a-z0-9-]+)"`)

// flagsIn lists the flags defined in one file of cmd/uptake.
func flagsIn(t *testing.T, file string) []string {
	t.Helper()
	var flags []string
	for _, m := range flagDefinition.FindAllStringSubmatch(readFile(t, filepath.Join("cmd", "uptake", file)), -1) {
		flags = append(flags, m[1])
	}
	return flags
}

// binaryFlags lists the flags defined in cmd/uptake.
func binaryFlags(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "cmd", "uptake", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var flags []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			flags = append(flags, flagsIn(t, filepath.Base(f))...)
		}
	}
	for _, f := range []string{"store", "pseudonym-key", "log-level", "addr", "watch"} {
		if !slices.Contains(flags, f) {
			t.Fatalf("found no --%s among the flags read from cmd/uptake (%v): update binaryFlags", f, flags)
		}
	}
	return flags
}
