package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Watch ingests every file that appears in dir until ctx ends, checking
// every interval. A file is taken once its size and modification time have
// not changed between two checks, so a file still being copied is left
// alone. Files already loaded are recognised by checksum, so restarting a
// watch is harmless. Hidden files and files ending in .tmp or .part are skipped.
func (l *Loader) Watch(ctx context.Context, dir string, interval time.Duration, opt Options, report func(path string, res *Result, err error)) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("--watch %s: not a folder", dir)
	}
	seen := map[string]fileState{} // name → state at the previous check
	done := map[string]fileState{} // name → state when ingested
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		now, err := listFiles(dir)
		if err != nil {
			return err
		}
		for _, name := range sortedNames(now) {
			state := now[name]
			if prev, ok := seen[name]; !ok || prev != state || done[name] == state {
				continue // new or still changing, or already handled
			}
			done[name] = state
			path := filepath.Join(dir, name)
			res, err := l.File(ctx, path, opt)
			report(path, res, err)
		}
		seen = now
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

type fileState struct {
	size    int64
	modTime time.Time
}

func listFiles(dir string) (map[string]fileState, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	out := map[string]fileState{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".part") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed between listing and stat
		}
		out[name] = fileState{size: info.Size(), modTime: info.ModTime()}
	}
	return out, nil
}

func sortedNames(m map[string]fileState) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
