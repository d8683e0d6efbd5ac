package deploy

import (
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction, its continuation lines joined.
type instruction struct {
	cmd  string // upper case: FROM, RUN, …
	args string
	line int
}

// stage is one FROM and what follows it.
type stage struct {
	image, name string
	instrs      []instruction
}

// parseDockerfile reads the instructions of a Dockerfile: comments and blank
// lines dropped, lines ending in a backslash joined to the next.
func parseDockerfile(t *testing.T, src string) []stage {
	t.Helper()
	var stages []stage
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		start := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			next := strings.TrimSpace(lines[i])
			if strings.HasPrefix(next, "#") {
				continue // a comment inside a continued instruction
			}
			line = strings.TrimSuffix(line, `\`) + " " + next
		}
		cmd, args, _ := strings.Cut(line, " ")
		in := instruction{cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args), line: start}
		if in.cmd == "FROM" {
			f := strings.Fields(in.args)
			var image, name string
			for _, w := range f {
				if !strings.HasPrefix(w, "--") {
					image = w
					break
				}
			}
			if n := len(f); n >= 3 && strings.EqualFold(f[n-2], "AS") {
				name = f[n-1]
			}
			stages = append(stages, stage{image: image, name: name})
			continue
		}
		if len(stages) == 0 {
			if in.cmd != "ARG" {
				t.Fatalf("Dockerfile line %d: %s before the first FROM", start, in.cmd)
			}
			continue
		}
		stages[len(stages)-1].instrs = append(stages[len(stages)-1].instrs, in)
	}
	return stages
}

func (s stage) all(cmd string) []instruction {
	var out []instruction
	for _, in := range s.instrs {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// last is the last cmd instruction of the stage (the one in force).
func (s stage) last(cmd string) (instruction, bool) {
	all := s.all(cmd)
	if len(all) == 0 {
		return instruction{}, false
	}
	return all[len(all)-1], true
}

// execForm reads an instruction's JSON array form, as Docker does.
func execForm(t *testing.T, in instruction) []string {
	t.Helper()
	var out []string
	if err := json.Unmarshal([]byte(in.args), &out); err != nil {
		t.Errorf("Dockerfile line %d: %s %s is not a JSON array (Docker would run it through a shell): %v", in.line, in.cmd, in.args, err)
	}
	return out
}

func dockerfile(t *testing.T) []stage {
	t.Helper()
	stages := parseDockerfile(t, readFile(t, "Dockerfile"))
	if len(stages) < 2 {
		t.Fatalf("Dockerfile has %d stage(s), want a build stage and a small final stage", len(stages))
	}
	return stages
}

// makeRules maps each target of the Makefile's rules to its prerequisites.
func makeRules(t *testing.T) map[string][]string {
	t.Helper()
	rules := map[string][]string{}
	rule := regexp.MustCompile(`^([A-Za-z0-9_./-]+(?:\s+[A-Za-z0-9_./-]+)*)\s*:([^=].*|)$`)
	for _, line := range strings.Split(readFile(t, "Makefile"), "\n") {
		if m := rule.FindStringSubmatch(line); m != nil {
			prereqs, _, _ := strings.Cut(m[2], "#")
			for _, target := range strings.Fields(m[1]) {
				rules[target] = append(rules[target], strings.Fields(prereqs)...)
			}
		}
	}
	return rules
}

// reachable lists the targets make builds for goals, goals included.
func reachable(rules map[string][]string, goals ...string) []string {
	var out []string
	for len(goals) > 0 {
		g := goals[0]
		goals = goals[1:]
		if !slices.Contains(out, g) {
			out = append(out, g)
			goals = append(goals, rules[g]...)
		}
	}
	return out
}

// goVersion is the go line of go.mod.
func goVersion(t *testing.T) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^go\s+(\S+)\s*$`).FindStringSubmatch(readFile(t, "go.mod"))
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	return m[1]
}

func TestDockerfileStages(t *testing.T) {
	stages := dockerfile(t)
	build, final := stages[0], stages[len(stages)-1]
	if want := "golang:" + goVersion(t) + "-bookworm"; build.image != want {
		t.Errorf("build stage FROM %s, want %s (go.mod's Go: the golang image builds with GOTOOLCHAIN=local)", build.image, want)
	}
	if strings.HasPrefix(final.image, "golang") || strings.Contains(final.image, "/golang") {
		t.Errorf("final stage FROM %s: want a small runtime image, not the Go toolchain", final.image)
	}
	// The binary links the C library of the build stage's Debian: the final
	// stage must be the same release.
	release := build.image[strings.LastIndex(build.image, "-")+1:]
	if !strings.HasPrefix(final.image, "debian:"+release) {
		t.Errorf("final stage FROM %s, want debian:%s… like the build stage (%s)", final.image, release, build.image)
	}
	copies := final.all("COPY")
	if len(copies) == 0 || !slices.ContainsFunc(copies, func(in instruction) bool {
		return strings.Contains(in.args, "--from="+build.name) && strings.HasSuffix(in.args, " /usr/local/")
	}) {
		t.Errorf("final stage does not copy the build stage's /out/ into /usr/local/ (the binary into /usr/local/bin, libchdb into /usr/local/lib): %v", copies)
	}
	for _, in := range final.all("RUN") {
		if strings.Contains(in.args, "apt-get install") && !strings.Contains(in.args, "ca-certificates") {
			t.Errorf("final stage line %d installs packages but not ca-certificates (single sign-on needs HTTPS)", in.line)
		}
	}
	if !slices.ContainsFunc(final.all("RUN"), func(in instruction) bool { return strings.Contains(in.args, "ca-certificates") }) {
		t.Errorf("final stage does not install ca-certificates (single sign-on talks HTTPS to the provider)")
	}
}

func TestDockerfileNonRootUser(t *testing.T) {
	stages := dockerfile(t)
	final := stages[len(stages)-1]
	user, ok := final.last("USER")
	if !ok {
		t.Fatal("final stage sets no USER: the container would run as root")
	}
	uid, _, _ := strings.Cut(user.args, ":")
	if !regexp.MustCompile(`^[1-9][0-9]*$`).MatchString(uid) {
		t.Errorf("USER %s: want a fixed numeric uid other than 0 (so runAsNonRoot and file ownership can rely on it)", user.args)
	}
	if !slices.ContainsFunc(final.all("RUN"), func(in instruction) bool { return strings.Contains(in.args, "--uid "+uid) }) {
		t.Errorf("final stage creates no user with uid %s (useradd --uid %s)", uid, uid)
	}
}

func TestDockerfileBuildsWithMake(t *testing.T) {
	stages := dockerfile(t)
	rules := makeRules(t)
	// What a developer (make build) and CI (make test) build.
	targets := reachable(rules, "build", "test")
	for _, want := range []string{"build", "binary", "assets", "libchdb"} {
		if _, ok := rules[want]; !ok || !slices.Contains(targets, want) {
			t.Fatalf("Makefile: no %s target that make build or make test builds (they build %v)", want, targets)
		}
	}
	if slices.Contains(reachable(rules, "binary"), "libchdb") {
		t.Errorf("make binary also fetches libchdb: %v", reachable(rules, "binary"))
	}
	invocation := regexp.MustCompile(`(?:^|[;&|(]|\bthen|\bdo)\s*make\s+([^;&|)]*)`)
	var called []string
	for _, s := range stages {
		for _, in := range s.all("RUN") {
			if regexp.MustCompile(`\bgo\s+(build|install)\b`).MatchString(in.args) {
				t.Errorf("Dockerfile line %d runs go build itself: build with the Makefile's targets, as a developer and CI do", in.line)
			}
			for _, m := range invocation.FindAllStringSubmatch(in.args, -1) {
				for _, arg := range strings.Fields(m[1]) {
					if strings.HasPrefix(arg, "-") || strings.Contains(arg, "=") {
						continue
					}
					if !slices.Contains(targets, arg) {
						t.Errorf("Dockerfile line %d: make %s, which neither make build nor make test builds", in.line, arg)
					}
					called = append(called, arg)
				}
			}
		}
	}
	for _, want := range []string{"assets", "binary", "libchdb"} {
		if !slices.Contains(called, want) {
			t.Errorf("the Dockerfile never runs make %s (it runs %v)", want, called)
		}
	}
}

func TestDockerfileWithChDB(t *testing.T) {
	build := dockerfile(t)[0]
	if !slices.ContainsFunc(build.all("ARG"), func(in instruction) bool { return regexp.MustCompile(`^WITH_CHDB(=|$)`).MatchString(in.args) }) {
		t.Fatal("build stage has no ARG WITH_CHDB")
	}
	if !slices.ContainsFunc(build.all("RUN"), func(in instruction) bool {
		return strings.Contains(in.args, "WITH_CHDB") && strings.Contains(in.args, "make libchdb") && strings.Contains(in.args, "/out/lib/libchdb.so")
	}) {
		t.Error("no RUN fetches libchdb (make libchdb) into /out/lib/libchdb.so when WITH_CHDB is set")
	}
	// /out/ is copied to /usr/local/: uptake must look for the library there.
	if !strings.Contains(readFile(t, "store/chdb.go"), `"/usr/local/lib/libchdb.so"`) {
		t.Error("store.FindChDBLibrary no longer looks in /usr/local/lib/libchdb.so, where the image puts libchdb")
	}
}

func TestDockerfileRuntime(t *testing.T) {
	stages := dockerfile(t)
	final := stages[len(stages)-1]
	entry, ok := final.last("ENTRYPOINT")
	if e := execForm(t, entry); !ok || len(e) != 1 || (e[0] != "uptake" && !strings.HasSuffix(e[0], "/uptake")) {
		t.Errorf(`ENTRYPOINT %s, want ["uptake"]`, entry.args)
	}
	cmd, ok := final.last("CMD")
	if c := execForm(t, cmd); !ok || len(c) == 0 || c[0] != "serve" || !slices.Equal(flagValue(c, "--addr"), []string{":8080"}) {
		t.Errorf(`CMD %s, want ["serve", "--addr", ":8080"]`, cmd.args)
	}
	if expose, ok := final.last("EXPOSE"); !ok || !slices.Contains(strings.Fields(expose.args), "8080") {
		t.Errorf("final stage does not EXPOSE 8080")
	}
	if hc, ok := final.last("HEALTHCHECK"); ok {
		_, form, _ := strings.Cut(hc.args, "CMD ")
		c := execForm(t, instruction{cmd: "HEALTHCHECK CMD", args: form, line: hc.line})
		if len(c) == 0 || !strings.Contains(strings.Join(c, " "), "/healthz") {
			t.Errorf("HEALTHCHECK %s: want it to ask /healthz", hc.args)
		}
		// No extra tool: the shells of debian:*-slim, or uptake itself.
		if len(c) > 0 && !slices.Contains([]string{"bash", "sh", "/bin/bash", "/bin/sh", "uptake"}, c[0]) {
			t.Errorf("HEALTHCHECK runs %s, which the final image does not have", c[0])
		}
	}
	if !slices.ContainsFunc(final.all("ENV"), func(in instruction) bool {
		return regexp.MustCompile(`^UPTAKE_STORE=clickhouse://[^:@/]*@clickhouse:9000/`).MatchString(in.args)
	}) {
		t.Errorf("final stage: want ENV UPTAKE_STORE=clickhouse://USER@clickhouse:9000/… (the server engine by default, no password)")
	}
}

func TestDockerIgnore(t *testing.T) {
	ignored := strings.Fields(readFile(t, ".dockerignore"))
	for _, want := range []string{".git", ".env", "bin", "artifacts", "node_modules", "dashboard/web/node_modules", "dashboard/static/vendor", "demo-data", "uptake-data", "**/*.test"} {
		if !slices.Contains(ignored, want) {
			t.Errorf(".dockerignore does not leave out %s", want)
		}
	}
}

// TestMakeBinaryIsBuild checks that `make binary`, which the image runs,
// builds with the same go build command as `make build`, without libchdb.
func TestMakeBinaryIsBuild(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	dryRun := func(target string) (goBuild []string, all string) {
		cmd := exec.Command("make", "-n", "--no-print-directory", "-C", root, target)
		// Not the make flags of a make that runs these tests (make test).
		for _, kv := range os.Environ() {
			if k, _, _ := strings.Cut(kv, "="); k != "MAKEFLAGS" && k != "MFLAGS" && k != "MAKELEVEL" {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("make -n %s: %v\n%s", target, err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if regexp.MustCompile(`\bgo build\b`).MatchString(line) {
				goBuild = append(goBuild, line)
			}
		}
		return goBuild, string(out)
	}
	binary, binaryAll := dryRun("binary")
	build, buildAll := dryRun("build")
	if len(binary) != 1 || !strings.Contains(binary[0], "-o bin/uptake ./cmd/uptake") {
		t.Fatalf("make -n binary: want one go build of bin/uptake, got %q", binary)
	}
	if !slices.Equal(binary, build) {
		t.Errorf("make binary runs %q, make build %q: want the same go build", binary, build)
	}
	if strings.Contains(binaryAll, "libchdb") {
		t.Errorf("make binary fetches libchdb:\n%s", binaryAll)
	}
	if !strings.Contains(buildAll, "scripts/libchdb.sh") {
		t.Errorf("make build no longer fetches libchdb:\n%s", buildAll)
	}
}
