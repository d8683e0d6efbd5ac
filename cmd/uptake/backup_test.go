package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The sample data backed up with `uptake backup` and restored with `uptake
// restore` into a new store gives the same report, on both engines; the
// commands refuse a used folder and a store holding data, and --replace
// overwrites it.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	if code, out := uptake(t, dir, nil, "generate", "--scale", "small", "--out", "sample", "--end", "2026-06-30"); code != 0 {
		t.Fatalf("generate: %s", out)
	}
	type pair struct{ src, dst string }
	stores := map[string]pair{"embedded": {"embedded:" + filepath.Join(dir, "src"), "embedded:" + filepath.Join(dir, "dst")}}
	if raw := os.Getenv("UPTAKE_TEST_CLICKHOUSE"); raw != "" {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		db := func(name string) string {
			v := *u
			v.Path = fmt.Sprintf("/backup_%s_%d", name, time.Now().UnixNano()%1e9)
			return v.String()
		}
		stores["server"] = pair{db("src"), db("dst")}
		t.Cleanup(func() {
			dropServerDatabase(t, stores["server"].src)
			dropServerDatabase(t, stores["server"].dst)
		})
	} else if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
		t.Fatal("UPTAKE_TEST_CLICKHOUSE is required")
	}
	for _, engine := range []string{"embedded", "server"} {
		p, ok := stores[engine]
		t.Run(engine, func(t *testing.T) {
			if !ok {
				t.Skip("set UPTAKE_TEST_CLICKHOUSE (make test does) to run the server-engine tests")
			}
			requireChDB(t)
			code, out := uptake(t, dir, nil, "ingest", "--store", p.src, "--pseudonym-key", "k", "--log-level", "error",
				"sample/accounts.csv", "sample/courses.csv", "sample/subscriptions.csv", "sample/usage.csv", "sample/tickets.csv", "sample/trainings.csv")
			if code != 0 {
				t.Fatalf("ingest: %d\n%s", code, out)
			}
			backup := filepath.Join(dir, "backup-"+engine)
			code, out = uptake(t, dir, nil, "backup", "--store", p.src, "--out", backup)
			if code != 0 || !regexpMatch(out, `(?m)^usage\s+\d{6}$`) || !regexpMatch(out, `(?m)^accounts\s+40$`) || !strings.Contains(out, "schema 00") {
				t.Fatalf("backup: %d\n%s", code, out)
			}
			t.Logf("uptake backup:\n%s", out)

			code, out = uptake(t, dir, nil, "backup", "--store", p.src, "--out", backup)
			if code != 1 || !strings.Contains(out, "already holds a backup; choose an empty folder") {
				t.Fatalf("backup into a backup: %d\n%s", code, out)
			}

			code, out = uptake(t, dir, nil, "restore", "--store", p.dst, "--from", backup)
			if code != 0 || !regexpMatch(out, `(?m)^accounts\s+40$`) || !strings.Contains(out, "row counts checked") {
				t.Fatalf("restore: %d\n%s", code, out)
			}
			if a, b := reportBody(t, dir, p.src), reportBody(t, dir, p.dst); a != b || !strings.Contains(a, "DATA LOADED") {
				t.Fatalf("the report of the restored store differs (first at %q):\n--- original\n%s\n--- restored\n%s", firstDifference(a, b), a, b)
			}

			code, out = uptake(t, dir, nil, "restore", "--store", p.dst, "--from", backup)
			if code != 1 || !strings.Contains(out, "already holds data") || !strings.Contains(out, "add --replace") {
				t.Fatalf("restore over data: %d\n%s", code, out)
			}
			code, out = uptake(t, dir, nil, "restore", "--store", p.dst, "--from", backup, "--replace")
			if code != 0 || !regexpMatch(out, `(?m)^accounts\s+40$`) {
				t.Fatalf("restore --replace: %d\n%s", code, out)
			}
			os.Remove(filepath.Join(backup, "tickets.native"))
			code, out = uptake(t, dir, nil, "restore", "--store", p.dst, "--from", backup, "--replace")
			if code != 1 || !strings.Contains(out, "tickets.native (table tickets) is missing") {
				t.Fatalf("restore of an incomplete backup: %d\n%s", code, out)
			}
		})
	}
}

// reportBody is `uptake report` without its first line, which names the store.
func reportBody(t *testing.T, dir, store string) string {
	t.Helper()
	code, out := uptake(t, dir, nil, "report", "--store", store)
	if code != 0 {
		t.Fatalf("report: %d\n%s", code, out)
	}
	_, body, _ := strings.Cut(out, "\n")
	return regexp.MustCompile(`(?m)^time=.*\n`).ReplaceAllString(body, "") // log lines
}

func firstDifference(a, b string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[max(0, i-40):min(len(a), i+40)] + " | " + b[max(0, i-40):min(len(b), i+40)]
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}

func TestBackupCommandMistakes(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"backup"}, "uptake backup --out FOLDER"},
		{[]string{"backup", "somewhere"}, "name the folder with --out"},
		{[]string{"restore"}, "uptake restore --from FOLDER"},
		{[]string{"restore", "--from", "x", "extra"}, "name the backup folder with --from"},
	} {
		code, _, errOut := runInProcess(t, nil, c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("uptake %s: exit %d, %s", strings.Join(c.args, " "), code, errOut)
		}
	}
}
