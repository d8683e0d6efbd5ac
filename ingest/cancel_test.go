package ingest_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store/storetest"
)

// A load cancelled at any moment (Ctrl-C, a browser leaving an upload)
// returns promptly with the cancellation and stores nothing of the file.
// The cancel lands at a different point of the file each time: while the
// reader waits for a free worker it once left a chunk no worker would
// prepare, and the load waited for it forever.
func TestCancelledLoadReturnsAndStoresNothing(t *testing.T) {
	st := env.Open(t, storetest.Embedded)
	path := filepath.Join(t.TempDir(), "usage.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "day,account_id,user_id,workload,activity_count")
	for i := 0; i < 400_000; i++ {
		fmt.Fprintf(w, "2026-01-%02d,ACC-%04d,user%d,Teams,%d\n", 1+i%28, i%50, i%997, 1+i%9)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	l := mustLoader(t, st)
	for i := 0; i < 25; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		delay := time.Duration(i*i) * time.Millisecond // 0 to 576 ms into the file
		time.AfterFunc(delay, cancel)
		done := make(chan error, 1)
		go func() {
			_, err := l.File(ctx, path, ingest.Options{Privacy: testPrivacy})
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled after %s: %v", delay, err)
			}
			if err == nil {
				t.Logf("after %s the file was already stored", delay)
				return // later cancels land after the end too
			}
		case <-time.After(time.Minute):
			t.Fatalf("a load cancelled after %s has not returned a minute later", delay)
		}
		cancel()
	}
	rows, err := st.TableRows(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rows["usage"] != 0 {
		t.Fatalf("%d usage rows stored by cancelled loads", rows["usage"])
	}
}
