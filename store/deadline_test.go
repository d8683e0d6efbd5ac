package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

// A query that would run for minutes stops at its caller's deadline, on
// both engines, and says so with store.ErrTimeout.
func TestSlowQueryStopsAtItsDeadline(t *testing.T) {
	slow := store.Query{Name: "slow", SQL: "SELECT count() FROM numbers(1000000000000) WHERE sipHash64(number) % 7 = 3"}
	env.Each(t, func(t *testing.T, st *store.Store) {
		var timings []time.Duration
		st.Observe(func(name string, took time.Duration, err error) {
			if name == "slow" && errors.Is(err, store.ErrTimeout) {
				timings = append(timings, took)
			}
		})
		defer st.Observe(nil)
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := st.Query(ctx, slow, nil)
		took := time.Since(start)
		if !errors.Is(err, store.ErrTimeout) {
			t.Fatalf("error %v, want store.ErrTimeout", err)
		}
		// max_execution_time is whole seconds (2 here) and checked between blocks.
		if took > 5*time.Second {
			t.Errorf("the query ran %s past a 1.5 s deadline", took)
		}
		if len(timings) != 1 {
			t.Errorf("the observer saw %d timed-out queries, want 1", len(timings))
		}
		// The engine is usable at once afterwards.
		res, err := st.Query(context.Background(), store.Query{Name: "one", SQL: "SELECT 1"}, nil)
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("after the timeout: %v", err)
		}
		// A deadline already passed fails before the engine is asked.
		past, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		defer cancel2()
		if _, err := st.Query(past, slow, nil); !errors.Is(err, store.ErrTimeout) {
			t.Errorf("expired context: %v", err)
		}
		if err := st.Ping(context.Background()); err != nil {
			t.Errorf("ping: %v", err)
		}
	})
}
