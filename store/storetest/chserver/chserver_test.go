package chserver_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/store/storetest/chserver"
)

// A bulk insert whose server crashes between two blocks fails as a whole,
// even when the server is back before it is closed: the block lost in the
// crash must not be sent again behind the caller's back while the rows
// appended meanwhile were refused, or the caller would publish a table with
// holes. Reads reconnect by themselves once the server is back.
func TestInsertAcrossServerCrashFailsWhole(t *testing.T) {
	srv := chserver.New(t)
	ctx := context.Background()
	st, err := store.Open(ctx, srv.Location("crash_insert"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Exec(ctx, store.Query{Name: "create", SQL: "CREATE TABLE t (n UInt64) ENGINE = MergeTree ORDER BY n"}, nil); err != nil {
		t.Fatal(err)
	}
	in, err := st.NewInserter(ctx, "t", "n")
	if err != nil {
		t.Fatal(err)
	}
	const block = 200_000 // store.serverBatchRows: the 200,000th row sends the first block
	for n := 1; n < block; n++ {
		if err := in.Append(uint64(n)); err != nil {
			t.Fatal(err)
		}
	}
	srv.Kill()
	sendErr := in.Append(uint64(block))
	if !errors.Is(sendErr, store.ErrUnavailable) || !strings.Contains(sendErr.Error(), srv.Addr()) || !strings.Contains(sendErr.Error(), "check that it runs") {
		t.Fatalf("sending a block to a crashed server: %v, want store.ErrUnavailable naming %s and what to do", sendErr, srv.Addr())
	}
	srv.Start()
	for n := block + 1; n <= block+10; n++ {
		if err := in.Append(uint64(n)); err == nil {
			t.Fatalf("row %d was accepted after the insert had failed", n)
		}
	}
	if err := in.Close(); err == nil {
		t.Fatal("the insert closed without error after losing a block")
	}
	// The pool's dead connections are replaced: the next read answers.
	start := time.Now()
	res, err := st.Query(ctx, store.Query{Name: "count", SQL: "SELECT count() FROM t"}, nil)
	if err != nil {
		t.Fatalf("reading after the restart: %v", err)
	}
	if got := fmt.Sprint(res.Rows[0][0]); got != "0" {
		t.Errorf("%s rows stored by the failed insert, want 0", got)
	}
	t.Logf("first read after the restart answered in %s", time.Since(start).Round(time.Millisecond))
}
