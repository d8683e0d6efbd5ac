package dashboard

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// The dashboard keeps the answers it computed until the data changes: many
// people open the same pages between two ingests, and the embedded engine
// runs one query at a time. The data version (analytics.DataVersion) is
// checked at most every stampTTL, so a page shows new data at most that
// long after a refresh.
const (
	stampTTL        = 2 * time.Second
	maxCacheEntries = 512
)

type cacheEntry struct {
	done  chan struct{} // closed when val and err are set
	val   any
	err   error
	stamp uint64
}

// viewCache holds computed page data by user scope and URL.
type viewCache struct {
	version func(context.Context) (uint64, error)

	mu        sync.Mutex
	stamp     uint64
	checkedAt time.Time
	entries   map[string]*cacheEntry
	order     []string // insertion order, for eviction
}

func newViewCache(version func(context.Context) (uint64, error)) *viewCache {
	return &viewCache{version: version, entries: map[string]*cacheEntry{}}
}

// currentStamp returns the data version, asking the store when the last
// answer is older than stampTTL.
func (vc *viewCache) currentStamp(ctx context.Context, now time.Time) (uint64, error) {
	vc.mu.Lock()
	if now.Sub(vc.checkedAt) < stampTTL {
		s := vc.stamp
		vc.mu.Unlock()
		return s, nil
	}
	vc.mu.Unlock()
	v, err := vc.version(ctx)
	if err != nil {
		return 0, err
	}
	vc.mu.Lock()
	defer vc.mu.Unlock()
	if v != vc.stamp {
		vc.entries, vc.order = map[string]*cacheEntry{}, nil
	}
	vc.stamp, vc.checkedAt = v, now
	return v, nil
}

// get returns the cached answer for key, or computes it once while other
// requests for the same key wait. Errors are not kept.
func (vc *viewCache) get(ctx context.Context, key string, now time.Time, compute func() (any, error)) (any, error) {
	stamp, err := vc.currentStamp(ctx, now)
	if err != nil {
		return nil, err
	}
	vc.mu.Lock()
	e, ok := vc.entries[key]
	if ok && e.stamp == stamp {
		vc.mu.Unlock()
		select {
		case <-e.done:
			return e.val, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e = &cacheEntry{done: make(chan struct{}), stamp: stamp}
	vc.entries[key] = e
	vc.order = append(vc.order, key)
	for len(vc.order) > maxCacheEntries {
		delete(vc.entries, vc.order[0])
		vc.order = vc.order[1:]
	}
	vc.mu.Unlock()
	func() {
		defer close(e.done) // also when compute panics, so waiters do not hang
		e.val, e.err = compute()
	}()
	if e.err != nil {
		vc.mu.Lock()
		if vc.entries[key] == e {
			delete(vc.entries, key)
		}
		vc.mu.Unlock()
	}
	return e.val, e.err
}

// cacheKey identifies what a request shows: the user's role and scope, the
// language, the page (an API call shares the page's key) and its query.
func cacheKey(c echo.Context) string {
	sess := currentSession(c)
	path := strings.TrimPrefix(c.Request().URL.Path, "/api/v1")
	q := c.Request().URL.Query()
	q.Del("format")
	q.Del("lang")
	return sess.Role + "\x1f" + sess.Manager + "\x1f" + languageOf(c) + "\x1f" + path + "?" + url.Values(q).Encode()
}

// cachedView computes a page's data through the cache.
func cachedView[T any](s *Server, c echo.Context, compute func() (T, error)) (T, error) {
	v, err := s.cache.get(c.Request().Context(), cacheKey(c), s.now(), func() (any, error) { return compute() })
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
