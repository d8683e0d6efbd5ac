package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/store/storetest/chserver"
)

// TestServerCrashDuringIngestThenRerun crashes the ClickHouse server
// (SIGKILL) while `uptake ingest` sends a file to it: the ingest must stop
// soon with a message that names the server and says what to do, commands
// started while the server is down must fail at once the same way, and once
// the server runs again the same ingest must load exactly the file's rows.
func TestServerCrashDuringIngestThenRerun(t *testing.T) {
	const rows = 600_000 // three insert blocks of 200,000 rows: about 2 s of ingest
	srv := chserver.New(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "usage.csv")
	writeBigUsage(t, file, rows)
	const db = "fault_ingest"
	storeURL := srv.URL(db)
	if code, out := uptake(t, dir, nil, "migrate", "--store", storeURL); code != 0 {
		t.Fatalf("migrate: %s", out)
	}

	cmd := exec.Command(binary, "ingest", "--store", storeURL, "--pseudonym-key", "k", file)
	cmd.Dir = dir
	var out lockedBuffer // read while the ingest may still write
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var waitErr error
	exited := make(chan struct{})
	go func() { waitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-exited })
	// Crash the server once the first block of rows has reached it.
	started := time.Now()
	for staged := ""; staged == "" || staged == "0"; {
		select {
		case <-exited:
			t.Fatalf("the ingest ended (%v) before the server could be stopped; make the file bigger\n%s", waitErr, out.String())
		case <-time.After(20 * time.Millisecond):
		}
		var err error
		staged, err = srv.Query("SELECT sum(rows) FROM system.parts WHERE database = '" + db + "' AND table LIKE 'staging\\_%' AND active")
		if err != nil {
			t.Fatalf("asking the server how far the ingest is: %v", err)
		}
		if time.Since(started) > 30*time.Second {
			t.Fatalf("no rows reached the staging table within 30 s\n%s", out.String())
		}
	}
	staged := time.Since(started)
	srv.Kill()
	killed := time.Now()
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("the ingest still ran 30 s after the server was killed\n%s", out.String())
	}
	took := time.Since(killed)
	t.Logf("server killed %s into the ingest, after the first rows were staged; the ingest exited %s later (%v):\n%s", staged.Round(time.Millisecond), took.Round(time.Millisecond), waitErr, out.String())
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("the interrupted ingest exited with %d, want 1", code)
	}
	checkClearMessage(t, "the interrupted ingest", out.String(), srv.Addr(), "check that it runs")

	// Commands started while the server is down fail at once.
	for _, args := range [][]string{
		{"report", "--store", storeURL},
		{"migrate", "--store", storeURL},
		{"ingest", "--store", storeURL, "--pseudonym-key", "k", file},
	} {
		start := time.Now()
		code, out := uptake(t, dir, nil, args...)
		took := time.Since(start)
		t.Logf("uptake %s while the server is down: exit %d after %s", args[0], code, took.Round(time.Millisecond))
		if code != 1 || took > 5*time.Second {
			t.Errorf("uptake %s while the server is down: exit %d after %s, want 1 within 5 s\n%s", args[0], code, took, out)
		}
		checkClearMessage(t, "uptake "+args[0]+" while the server is down", out, srv.Addr(), "check that it runs")
	}

	srv.Start()
	leftover, err := srv.Query("SELECT name FROM system.tables WHERE database = '" + db + "' AND name LIKE 'staging\\_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := srv.Query("SELECT count() FROM " + db + ".usage"); err != nil || n != "0" {
		t.Fatalf("after the crash %s rows of the file are visible (%v); an ingest is all or nothing", n, err)
	}
	start := time.Now()
	code, rerun := uptake(t, dir, nil, "ingest", "--store", storeURL, "--pseudonym-key", "k", file)
	want := fmt.Sprintf("read %d = loaded %d + quarantined 0 + duplicates skipped 0", rows, rows)
	if code != 0 || !strings.Contains(rerun, want) {
		t.Fatalf("rerun after the restart: exit %d, want 0 and %q\n%s", code, want, rerun)
	}
	t.Logf("rerun after the restart loaded the file in %s", time.Since(start).Round(time.Millisecond))
	// Exactly the file's rows: none twice (even before merges), none lost.
	for query, want := range map[string]string{
		"SELECT count() FROM " + db + ".usage":                                                                   fmt.Sprint(rows),
		"SELECT count() FROM " + db + ".usage FINAL":                                                             fmt.Sprint(rows),
		"SELECT uniqExact(account_id, user_id, day) FROM " + db + ".usage":                                       fmt.Sprint(rows),
		"SELECT status, rows_read, rows_loaded FROM " + db + ".ingest_ledger FINAL":                              fmt.Sprintf("complete\t%d\t%d", rows, rows),
		"SELECT name FROM system.tables WHERE database = '" + db + "' AND name LIKE 'staging\\_%' ORDER BY name": leftover,
	} {
		if got, err := srv.Query(query); err != nil || got != want {
			t.Errorf("%s: %q (%v), want %q", query, got, err, want)
		}
	}
	if leftover != "" {
		t.Logf("the killed ingest left its staging table %s (dropped by an ingest a day later)", leftover)
	}
	if code, report := uptake(t, dir, nil, "report", "--store", storeURL); code != 0 || !regexp.MustCompile(fmt.Sprintf(`usage\s+%d\s+500`, rows)).MatchString(report) {
		t.Errorf("report after the rerun: exit %d\n%s", code, report)
	}
}

// checkClearMessage fails unless out names the server's address, says what
// to do, and shows no Go internals.
func checkClearMessage(t *testing.T, what, out, addr, advice string) {
	t.Helper()
	if !strings.Contains(out, addr) || !strings.Contains(out, advice) {
		t.Errorf("%s: the message does not name the server %s and say to %q:\n%s", what, addr, advice, out)
	}
	for _, internal := range []string{"panic", "goroutine ", ".go:", "runtime."} {
		if strings.Contains(out, internal) {
			t.Errorf("%s: the output shows Go internals (%q):\n%s", what, internal, out)
		}
	}
}

// lockedBuffer is an output buffer safe to read while a process writes it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
