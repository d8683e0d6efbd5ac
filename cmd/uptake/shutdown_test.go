package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// An interrupted ingest keeps the files it finished, drops the one it was
// loading (nothing of it visible), and still refreshes the rollups for
// what it stored.
func TestInterruptedIngestKeepsWholeFilesAndRefreshes(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	small, big := filepath.Join(dir, "usage-jan.csv"), filepath.Join(dir, "usage-feb.csv")
	if err := os.WriteFile(small, []byte("day,account_id,user_id,workload,activity_count\n2026-01-05,ACC-0001,u1,Teams,3\n2026-01-06,ACC-0002,u2,Teams,4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	writeBigUsage(t, big, 3_000_000)
	storeURL := "embedded:" + filepath.Join(dir, "store")
	cmd := exec.Command(binary, "ingest", "--store", storeURL, "--pseudonym-key", "k", small, big)
	cmd.Dir = dir
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the first file is stored and the second is loading.
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), "usage-jan.csv") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	// It once waited forever for a chunk no worker would prepare (see
	// ingest's TestCancelledLoadReturnsAndStoresNothing): fail, not hang.
	hung := time.AfterFunc(2*time.Minute, func() { _ = cmd.Process.Kill() })
	err := cmd.Wait()
	if !hung.Stop() {
		t.Fatalf("the interrupted ingest had not exited 2 minutes later:\n%s", out.String())
	}
	if cmd.ProcessState.ExitCode() != 1 || strings.Contains(out.String(), "goroutine ") {
		t.Fatalf("interrupted ingest: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Reports updated") {
		t.Errorf("the rollups were not refreshed for the stored file:\n%s", out.String())
	}
	_, report := uptake(t, dir, nil, "report", "--store", storeURL)
	if !regexp.MustCompile(`usage\s+2\s+2`).MatchString(report) {
		t.Fatalf("after the interrupt the report should count the first file's 2 rows (and nothing of the second):\n%s\ningest said:\n%s", report, out.String())
	}
}

// Stopping `uptake serve` lets an upload in flight finish: the visitor gets
// the result page, the rows are stored, and the process exits cleanly.
func TestServeFinishesRequestsInFlightWhenStopped(t *testing.T) {
	requireChDB(t)
	dir := t.TempDir()
	storeURL := "embedded:" + filepath.Join(dir, "store")
	add := exec.Command(binary, "users", "add", "admin", "--role", "admin", "--password-stdin", "--store", storeURL)
	add.Dir, add.Stdin = dir, strings.NewReader("a long test password\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("users add: %v\n%s", err, out)
	}
	const rows = 400_000
	file := filepath.Join(dir, "usage.csv")
	writeBigUsage(t, file, rows)

	addr := freeAddr(t)
	serve := exec.Command(binary, "serve", "--addr", addr, "--store", storeURL, "--pseudonym-key", "k")
	serve.Dir = dir
	var log syncBuffer
	serve.Stdout, serve.Stderr = &log, &log
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Process.Kill() //nolint:errcheck // already gone when the test passes
	base := "http://" + addr
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 60 * time.Second}
	waitFor(t, base+"/healthz")
	resp, err := c.PostForm(base+"/login", url.Values{"username": {"admin"}, "password": {"a long test password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	page := fetch(t, c, base+"/admin/upload")
	token := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if token == nil {
		t.Fatalf("no CSRF token on the upload page:\n%s", page)
	}

	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	_ = form.WriteField("csrf", token[1])
	part, _ := form.CreateFormFile("file", "usage.csv")
	src, _ := os.Open(file)
	_, _ = io.Copy(part, src)
	src.Close()
	form.Close()
	done := make(chan string, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, base+"/admin/upload", &body)
		req.Header.Set("Content-Type", form.FormDataContentType())
		resp, err := c.Do(req)
		if err != nil {
			done <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		done <- fmt.Sprintf("%d %s", resp.StatusCode, b)
	}()
	time.Sleep(700 * time.Millisecond) // the upload is being loaded
	select {
	case a := <-done:
		t.Fatalf("the upload ended before the stop, so nothing was in flight; make the file bigger: %.300s", a)
	default:
	}
	if err := serve.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var answer string
	select {
	case answer = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the upload in flight got no answer")
	}
	if !strings.HasPrefix(answer, "200 ") || !regexp.MustCompile(`400(,|\s|&#8239;|&nbsp;| )?000`).MatchString(answer) {
		t.Fatalf("the upload in flight: %.1500s\nserver log:\n%s", answer, log.String())
	}
	exited := make(chan error, 1)
	go func() { exited <- serve.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve did not exit cleanly: %v\n%s", err, log.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("serve did not stop")
	}
	_, report := uptake(t, dir, nil, "report", "--store", storeURL)
	if !regexp.MustCompile(fmt.Sprintf(`usage\s+%d\s`, rows)).MatchString(report) {
		t.Fatalf("after the stop:\n%s", report)
	}
}

// syncBuffer collects a subprocess's output while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitFor(t *testing.T, u string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(u); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s did not answer", u)
}

func fetch(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
