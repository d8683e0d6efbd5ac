package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// binary is uptake built once for the tests that need separate processes
// (chDB opens one data folder per process, so a restart needs a new one).
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "uptake-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "uptake")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runInProcess(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands {
		code, out, _ := runInProcess(t, nil, c.name, "--help")
		if code != 0 || !strings.Contains(out, "Usage: uptake "+c.name) || !strings.Contains(out, "-store") || len(out) < 200 {
			t.Errorf("uptake %s --help: exit %d, output:\n%s", c.name, code, out)
		}
	}
	code, out, _ := runInProcess(t, nil, "--help")
	for _, want := range []string{"migrate", "generate", "ingest", "serve", "export", "report", "UPTAKE_STORE", "config file", "embedded:PATH", "clickhouse://"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("uptake --help lacks %q", want)
		}
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	if code, _, errOut := runInProcess(t, nil, "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %s", code, errOut)
	}
	if code, _, errOut := runInProcess(t, nil, "migrate", "--nope"); code != 2 || !strings.Contains(errOut, "uptake migrate --help") {
		t.Errorf("unknown flag: %d %s", code, errOut)
	}
}

func TestBadStoreURLShowsAcceptedForms(t *testing.T) {
	code, _, errOut := runInProcess(t, nil, "migrate", "--store", "postgres://x@y/z")
	if code != 1 || !strings.Contains(errOut, "accepted forms") || !strings.Contains(errOut, "embedded:PATH") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestSettingsPrecedence(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "uptake.conf")
	if err := os.WriteFile(conf, []byte("# comment\nstore = embedded:/from/file\nlog-level = warn\naddr = :9999\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	parse := func(args []string, env map[string]string) commonFlags {
		t.Helper()
		var c commonFlags
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		addCommonFlags(fs, &c)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		if err := (settings{getenv: func(k string) string { return env[k] }}).resolve(fs, &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := parse([]string{"--config", conf}, nil)
	if c.store != "embedded:/from/file" || c.logLevel != "warn" {
		t.Errorf("file only: %+v", c)
	}
	c = parse([]string{"--config", conf}, map[string]string{"UPTAKE_STORE": "embedded:/from/env"})
	if c.store != "embedded:/from/env" || c.logLevel != "warn" {
		t.Errorf("env over file: %+v", c)
	}
	c = parse([]string{"--config", conf, "--store", "embedded:/from/flag"}, map[string]string{"UPTAKE_STORE": "embedded:/from/env"})
	if c.store != "embedded:/from/flag" {
		t.Errorf("flag over env: %+v", c)
	}
}

func TestConfigFileMistakesNameTheLine(t *testing.T) {
	conf := filepath.Join(t.TempDir(), "bad.conf")
	os.WriteFile(conf, []byte("store = embedded:x\nstroe = typo\n"), 0o600)
	code, _, errOut := runInProcess(t, nil, "migrate", "--config", conf)
	if code != 2 || !strings.Contains(errOut, "line 2") || !strings.Contains(errOut, `"stroe"`) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	code, _, errOut = runInProcess(t, nil, "migrate", "--config", filepath.Join(t.TempDir(), "missing.conf"))
	if code != 2 || !strings.Contains(errOut, "missing.conf") {
		t.Fatalf("a named config file that is missing: exit %d: %s", code, errOut)
	}
}

// uptake runs the built binary.
func uptake(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, string(out)
}

func TestEmbeddedMigrateTwiceAndDataSurvivesRestart(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	code, out := uptake(t, dir, nil, "migrate")
	if m := regexp.MustCompile(`(\d+) of (\d+) migrations applied`).FindStringSubmatch(out); code != 0 || m == nil || m[1] != m[2] || m[1] == "0" {
		t.Fatalf("first migrate: %d %s", code, out)
	}
	code, out = uptake(t, dir, nil, "migrate")
	if code != 0 || !strings.Contains(out, "up to date") || !strings.Contains(out, "nothing changed") {
		t.Fatalf("second migrate: %d %s", code, out)
	}
	code, out = uptake(t, dir, nil, "generate", "--out", "sample", "--end", "2026-06-30")
	if code != 0 {
		t.Fatalf("generate: %s", out)
	}
	code, out = uptake(t, dir, nil, "ingest", "sample/accounts.csv", "sample/tickets.csv")
	if code != 0 || !strings.Contains(out, "accounts.csv (accounts, generic-csv): read 40 = loaded 40 + quarantined 0 + duplicates skipped 0") {
		t.Fatalf("ingest: %d %s", code, out)
	}
	// A new process on the same folder sees the same data.
	code, out = uptake(t, dir, nil, "report")
	if code != 0 || !regexpMatch(out, `accounts\s+40\s+40`) {
		t.Fatalf("report after restart: %d %s", code, out)
	}
}

func TestEmbeddedWithoutLibraryOneSentence(t *testing.T) {
	home := t.TempDir()
	code, out := uptake(t, home, []string{"CHDB_LIB_PATH=", "HOME=" + home, "XDG_CACHE_HOME=" + home}, "report")
	if _, err := os.Stat("/usr/local/lib/libchdb.so"); err == nil {
		t.Skip("a system-wide libchdb.so is installed")
	}
	if code != 1 || !strings.Contains(out, "needs the chDB library") || !strings.Contains(out, "scripts/libchdb.sh") || strings.Contains(out, "goroutine") {
		t.Fatalf("exit %d: %s", code, out)
	}
}

func TestServerOnlyBinaryNeedsNoLibrary(t *testing.T) {
	home := t.TempDir()
	start := time.Now()
	code, out := uptake(t, home, []string{"CHDB_LIB_PATH=", "HOME=" + home, "XDG_CACHE_HOME=" + home}, "migrate", "--store", "clickhouse://u:p@127.0.0.1:1/db")
	if code != 1 || !strings.Contains(out, "cannot reach a ClickHouse server at 127.0.0.1:1") || strings.Contains(out, "chDB") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %s", took)
	}
}

func TestServerWrongPassword(t *testing.T) {
	url := os.Getenv("UPTAKE_TEST_CLICKHOUSE")
	if url == "" {
		if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
			t.Fatal("UPTAKE_TEST_CLICKHOUSE is required")
		}
		t.Skip("set UPTAKE_TEST_CLICKHOUSE (make test does) to run the server-engine tests")
	}
	bad := strings.Replace(url, "://uptake:", "://uptake:wrong", 1)
	code, out := uptake(t, t.TempDir(), nil, "migrate", "--store", bad)
	if code != 1 || !strings.Contains(out, "authentication failed") || strings.Contains(out, "wrong") && strings.Contains(out, "password@") {
		t.Fatalf("exit %d: %s", code, out)
	}
}

func requireChDB(t *testing.T) {
	t.Helper()
	cache, _ := os.UserCacheDir()
	if os.Getenv("CHDB_LIB_PATH") == "" {
		if _, err := os.Stat(filepath.Join(cache, "uptake")); err != nil {
			if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
				t.Fatal("libchdb.so is required (scripts/libchdb.sh)")
			}
			t.Skip("libchdb.so not installed: run scripts/libchdb.sh (make test does)")
		}
	}
}

func regexpMatch(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

func TestQuarantineListsAndExportsBadRows(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "accounts.csv"), []byte("account_id,name,employees\nA,Alpha,12\nB,Beta,many\nC,Gamma,7\n"), 0o600)
	code, out := uptake(t, dir, nil, "ingest", "--max-bad", "50", "accounts.csv")
	if code != 0 || !strings.Contains(out, "read 3 = loaded 2 + quarantined 1") || !strings.Contains(out, `line 3, column employees: "many" is not a whole number`) {
		t.Fatalf("ingest: %d\n%s", code, out)
	}
	code, out = uptake(t, dir, nil, "quarantine")
	if code != 0 || !regexpMatch(out, `accounts\.csv\s+3\s+employees\s+"many" is not a whole number`) {
		t.Fatalf("quarantine: %d\n%s", code, out)
	}
	code, out = uptake(t, dir, nil, "quarantine", "--out", "bad.csv")
	data, _ := os.ReadFile(filepath.Join(dir, "bad.csv"))
	if code != 0 || !strings.HasPrefix(string(data), "File,Line,Column,Reason,Row as read,Data,Quarantined at (UTC)\naccounts.csv,3,employees,") {
		t.Fatalf("quarantine --out: %d %s\n%s", code, out, data)
	}
	os.WriteFile(filepath.Join(dir, "accounts2.csv"), []byte("account_id,name,employees\nD,Delta,x\nE,Epsilon,9\n"), 0o600)
	code, out = uptake(t, dir, nil, "ingest", "--max-bad", "10", "accounts2.csv")
	if code != 1 || !strings.Contains(out, "nothing from this file was loaded") || !strings.Contains(out, "uptake quarantine --file accounts2.csv") {
		t.Fatalf("ingest over --max-bad: %d\n%s", code, out)
	}
}

func TestIngestJSONSummary(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "accounts.csv"), []byte("account_id,name\nA,Alpha\nB,Beta\n"), 0o600)
	code, out := uptake(t, dir, nil, "ingest", "--json", "--log-level", "error", "accounts.csv", "missing.csv")
	var sum struct {
		Files []struct {
			Path   string
			Error  string
			Result *struct{ Read, Loaded int64 }
		}
		Total       struct{ Read, Loaded int64 }
		FailedFiles int `json:"failed_files"`
	}
	if err := json.Unmarshal([]byte(out[:strings.LastIndex(out, "}")+1]), &sum); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if code != 1 || sum.FailedFiles != 1 || sum.Total.Read != 2 || sum.Total.Loaded != 2 || len(sum.Files) != 2 ||
		sum.Files[0].Result == nil || sum.Files[0].Result.Loaded != 2 || !strings.Contains(sum.Files[1].Error, "missing.csv") {
		t.Fatalf("exit %d, summary %+v\n%s", code, sum, out)
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	var c commonFlags
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	addCommonFlags(fs, &c)
	account := fs.String("account", "", "")
	got, err := parseInterspersed(fs, []string{"a.csv", "--account", "contoso", "b.csv", "--", "--not-a-flag.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if *account != "contoso" || strings.Join(got, " ") != "a.csv b.csv --not-a-flag.csv" {
		t.Fatalf("account %q, arguments %q", *account, got)
	}
}
