package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// writeBigUsage writes rows usage rows with distinct keys, big enough that an
// ingest takes a few seconds.
func writeBigUsage(t *testing.T, path string, rows int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("day,account_id,user_id,workload,activity_count\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "2026-02-%02d,ACC-%04d,user%05d,Teams,%d\n", 1+i%28, (i/28)%500, i/(28*500), i%9)
	}
	w.Flush()
	f.Close()
}

// TestKillDuringIngestThenRerun kills an ingest with SIGKILL while it runs,
// checks that nothing of the file is visible, reruns it and checks that
// exactly the file's rows are there — on both engines.
func TestKillDuringIngestThenRerun(t *testing.T) {
	const rows = 3_000_000
	dir := t.TempDir()
	file := filepath.Join(dir, "usage.csv")
	writeBigUsage(t, file, rows)
	stores := map[string]string{"embedded": "embedded:" + filepath.Join(dir, "store")}
	if url := os.Getenv("UPTAKE_TEST_CLICKHOUSE"); url != "" {
		db := fmt.Sprintf("kill_test_%d", time.Now().UnixNano()%1e9)
		stores["server"] = strings.Replace(url, "/default", "/"+db, 1)
		t.Cleanup(func() { dropServerDatabase(t, stores["server"]) })
	} else if os.Getenv("UPTAKE_TEST_REQUIRE_ENGINES") == "1" {
		t.Fatal("UPTAKE_TEST_CLICKHOUSE is required")
	}
	requireChDB(t)
	for engine, storeURL := range stores {
		t.Run(engine, func(t *testing.T) {
			if code, out := uptake(t, dir, nil, "migrate", "--store", storeURL); code != 0 {
				t.Fatalf("migrate: %s", out)
			}
			cmd := exec.Command(binary, "ingest", "--store", storeURL, "--pseudonym-key", "k", file)
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatalf("the ingest finished before it could be killed (%v); make the file bigger", err)
			}
			_, out := uptake(t, dir, nil, "report", "--store", storeURL)
			if !strings.Contains(out, "No data loaded yet") && !regexp.MustCompile(`usage\s+0\s+0`).MatchString(out) {
				t.Fatalf("after kill -9 part of the file is visible:\n%s", out)
			}
			code, out := uptake(t, dir, nil, "ingest", "--store", storeURL, "--pseudonym-key", "k", file)
			want := fmt.Sprintf("read %d = loaded %d + quarantined 0 + duplicates skipped 0", rows, rows)
			if code != 0 || !strings.Contains(out, want) {
				t.Fatalf("rerun: exit %d\n%s", code, out)
			}
			_, out = uptake(t, dir, nil, "report", "--store", storeURL)
			if !regexp.MustCompile(fmt.Sprintf(`usage\s+%d\s+500`, rows)).MatchString(out) {
				t.Fatalf("after the rerun:\n%s", out)
			}
		})
	}
}

func dropServerDatabase(t *testing.T, url string) {
	loc, err := store.ParseURL(url)
	if err != nil {
		t.Error(err)
		return
	}
	st, err := store.Open(context.Background(), loc, store.Options{})
	if err != nil {
		t.Error(err)
		return
	}
	defer st.Close()
	if err := st.DropDatabase(context.Background()); err != nil {
		t.Error(err)
	}
}
