package themes

import (
	"sync"
	"sync/atomic"
)

// forChunks runs fn over [0, n) in chunks on up to workers goroutines.
// Each call gets its worker number (for per-worker buffers) and a range;
// callers write results by index, so the outcome does not depend on which
// worker ran which chunk.
func forChunks(n, workers, chunk int, fn func(worker, lo, hi int)) {
	if n == 0 {
		return
	}
	chunks := (n + chunk - 1) / chunk
	workers = max(1, min(workers, chunks))
	if workers == 1 {
		for lo := 0; lo < n; lo += chunk {
			fn(0, lo, min(n, lo+chunk))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				c := int(next.Add(1)) - 1
				if c >= chunks {
					return
				}
				lo := c * chunk
				fn(w, lo, min(n, lo+chunk))
			}
		}()
	}
	wg.Wait()
}
