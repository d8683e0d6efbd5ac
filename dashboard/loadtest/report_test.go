package loadtest

// Latencies and failures, per route, and the report printed at the end.

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type failure struct {
	user, route, url, kind, status, excerpt string
	took, at                                time.Duration
}

// recorder gathers every request's time, by route, and the failures.
type recorder struct {
	mu       sync.Mutex
	times    map[string][]time.Duration
	errors   map[string]int
	kinds    map[string]int
	failed   int
	failures []failure // the first maxFailures
}

const maxFailures = 40

func newRecorder() *recorder {
	return &recorder{times: map[string][]time.Duration{}, errors: map[string]int{}, kinds: map[string]int{}}
}

func (r *recorder) add(route string, took time.Duration, f failure) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.times[route] = append(r.times[route], took)
	if f.kind == "" {
		return
	}
	r.errors[route]++
	kind, _, _ := strings.Cut(f.kind, ":")
	r.kinds[kind]++
	r.failed++
	if len(r.failures) < maxFailures {
		r.failures = append(r.failures, f)
	}
}

func (r *recorder) kindSummary() string {
	var parts []string
	for k, n := range r.kinds {
		parts = append(parts, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// report is the summary and a line per route, slowest 99th percentile
// first.
func (r *recorder) report(title string, elapsed time.Duration) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []time.Duration
	routes := make([]string, 0, len(r.times))
	for route, d := range r.times {
		slices.Sort(d)
		all = append(all, d...)
		routes = append(routes, route)
	}
	slices.Sort(all)
	sort.Slice(routes, func(i, j int) bool {
		pi, pj := percentile(r.times[routes[i]], 99), percentile(r.times[routes[j]], 99)
		return pi > pj || pi == pj && routes[i] < routes[j]
	})
	var b strings.Builder
	fmt.Fprintln(&b, title)
	errs := "0 errors"
	if r.failed > 0 {
		errs = fmt.Sprintf("%d errors (%s)", r.failed, r.kindSummary())
	}
	fmt.Fprintf(&b, "%d requests in %s: %.1f requests/s, %s; latency p50 %s, p95 %s, p99 %s, max %s\n",
		len(all), elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(), errs,
		ms(percentile(all, 50)), ms(percentile(all, 95)), ms(percentile(all, 99)), ms(percentile(all, 100)))
	width := len("route")
	for _, route := range routes {
		width = max(width, len(route))
	}
	fmt.Fprintf(&b, "%-*s %9s %7s %9s %9s %9s %9s\n", width, "route", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms")
	line := func(name string, d []time.Duration, errors int) {
		fmt.Fprintf(&b, "%-*s %9d %7d %9s %9s %9s %9s\n", width, name, len(d), errors,
			msNum(percentile(d, 50)), msNum(percentile(d, 95)), msNum(percentile(d, 99)), msNum(percentile(d, 100)))
	}
	for _, route := range routes {
		line(route, r.times[route], r.errors[route])
	}
	line("all", all, r.failed)
	return b.String()
}

// percentile is the nearest-rank p-th percentile of sorted d.
func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := (len(d)*p + 99) / 100
	return d[max(0, min(len(d), i)-1)]
}

func ms(d time.Duration) string { return msNum(d) + " ms" }

func msNum(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}
