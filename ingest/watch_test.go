package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/ingest"
	"github.com/uptake/uptake/store"
)

func TestWatchLoadsFilesAsTheyArrive(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var mu sync.Mutex
		loaded := map[string]int64{}
		got := make(chan struct{}, 10)
		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			err := mustLoader(t, st).Watch(ctx, dir, 50*time.Millisecond, ingest.Options{}, func(path string, res *ingest.Result, err error) {
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if ctx.Err() == nil {
						t.Errorf("%s: %v", path, err)
					}
					return
				}
				loaded[filepath.Base(path)] = res.Loaded
				got <- struct{}{}
			})
			if err != nil {
				t.Error(err)
			}
		}()
		os.WriteFile(filepath.Join(dir, "a.csv"), []byte("account_id,name\nA,Alpha\n"), 0o600)
		os.WriteFile(filepath.Join(dir, "b.csv.part"), []byte("account_id,name\nB,Beta\n"), 0o600)
		select {
		case <-got:
		case <-time.After(10 * time.Second):
			t.Fatal("the watch did not pick up a.csv")
		}
		os.Rename(filepath.Join(dir, "b.csv.part"), filepath.Join(dir, "b.csv"))
		select {
		case <-got:
		case <-time.After(10 * time.Second):
			t.Fatal("the watch did not pick up b.csv")
		}
		cancel()
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		if len(loaded) != 2 || loaded["a.csv"] != 1 || loaded["b.csv"] != 1 {
			t.Fatalf("loaded %v", loaded)
		}
	})
}
