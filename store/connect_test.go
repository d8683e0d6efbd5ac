package store_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
)

func TestClosedPortFailsFastNamingTheAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	loc, err := store.ParseURL("clickhouse://default@" + addr + "/default")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = store.Open(context.Background(), loc, store.Options{})
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %s to give up", took)
	}
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "cannot reach") {
		t.Fatalf("error = %v, want it to name %s", err, addr)
	}
}

func TestWrongPasswordSaysAuthenticationFailed(t *testing.T) {
	loc, err := env.ServerLocation()
	if err != nil {
		if env.Require() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	loc.Password = "not-the-password"
	_, err = store.Open(context.Background(), loc, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "authentication failed") || strings.Contains(err.Error(), "not-the-password") {
		t.Fatalf("error = %v", err)
	}
}

func TestEmbeddedWithoutLibrarySaysHowToGetIt(t *testing.T) {
	t.Setenv("CHDB_LIB_PATH", "/nonexistent/libchdb.so")
	_, err := store.OpenChDB(t.TempDir(), false)
	if err == nil || !strings.Contains(err.Error(), "scripts/libchdb.sh") {
		t.Fatalf("error = %v", err)
	}
}
