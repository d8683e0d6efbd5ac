package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// ErrTimeout marks a query stopped because it ran past its deadline (the
// caller's context, enforced inside ClickHouse with max_execution_time).
var ErrTimeout = errors.New("the query took longer than allowed")

// ErrUnavailable marks a failure to reach the ClickHouse server: refused,
// reset or dropped connections. Such a query may succeed when retried.
var ErrUnavailable = errors.New("the ClickHouse server is not answering")

// faultError keeps the engine's message and adds the kind callers test
// with errors.Is.
type faultError struct {
	kind error
	err  error
}

func (e *faultError) Error() string   { return e.err.Error() }
func (e *faultError) Unwrap() []error { return []error{e.kind, e.err} }

// classify tags err as ErrTimeout or ErrUnavailable when it is one.
func classify(err error) error {
	if err == nil {
		return nil
	}
	switch {
	case isTimeout(err):
		return &faultError{kind: ErrTimeout, err: err}
	case isUnavailable(err):
		return &faultError{kind: ErrUnavailable, err: err}
	}
	return err
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		return ex.Code == 159 || ex.Code == 160 // TIMEOUT_EXCEEDED, TOO_SLOW
	}
	// chDB reports exceptions as text: "Code: 159. DB::Exception: Timeout exceeded…".
	msg := err.Error()
	return strings.Contains(msg, "Code: 159.") || strings.Contains(msg, "TIMEOUT_EXCEEDED")
}

func isUnavailable(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, clickhouse.ErrAcquireConnTimeout) || strings.Contains(err.Error(), "driver: bad connection")
}

// readRetries are the pauses before each new attempt of a read that failed
// because the server was unreachable: a restarted server leaves dead
// connections in the pool, and a read is safe to repeat. Writes are not
// retried here; an ingest is rerun whole instead (it is all-or-nothing).
var readRetries = []time.Duration{100 * time.Millisecond, 500 * time.Millisecond, 1500 * time.Millisecond}

// withRetries runs read, and again after each pause while it fails with
// ErrUnavailable and ctx allows.
func withRetries[T any](ctx context.Context, read func() (T, error)) (T, error) {
	v, err := read()
	for _, pause := range readRetries {
		if err == nil || !errors.Is(err, ErrUnavailable) {
			break
		}
		select {
		case <-ctx.Done():
			return v, err
		case <-time.After(pause):
		}
		v, err = read()
	}
	return v, err
}

// executionLimit is the max_execution_time, in whole seconds rounded up,
// that keeps a query within ctx's deadline; 0 means no deadline, and ok is
// false when the deadline has already passed.
func executionLimit(ctx context.Context) (seconds int, ok bool) {
	deadline, has := ctx.Deadline()
	if !has {
		return 0, true
	}
	left := time.Until(deadline)
	if left <= 0 {
		return 0, false
	}
	return int(math.Ceil(left.Seconds())), true
}

// explainUnreachable says, for a failure to reach the server at addr, what
// happened and what to do, keeping err for errors.Is (so classify still
// tags it ErrUnavailable). A connection that failed because ctx ended is
// not the server's fault: the driver closes it, or its socket deadline
// (set to ctx's) fires, a moment before ctx itself reports the end; at a
// deadline that failure becomes context.DeadlineExceeded (ErrTimeout for
// classify). Other errors pass unchanged.
func explainUnreachable(ctx context.Context, addr string, err error) error {
	if err == nil || isTimeout(err) || !isUnavailable(err) {
		return err
	}
	deadline, hasDeadline := ctx.Deadline()
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return err
	case ctx.Err() != nil || hasDeadline && !time.Now().Before(deadline):
		return fmt.Errorf("%w: the query was stopped at its deadline (%v)", context.DeadlineExceeded, err)
	}
	return &faultError{kind: ErrUnavailable,
		err: fmt.Errorf("the ClickHouse server at %s is not answering (%w); check that it runs and can be reached from here, then try again", addr, err)}
}
