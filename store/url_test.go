package store

import (
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	cases := []struct {
		raw  string
		want Location
	}{
		{"", Location{Embedded: true, Path: "./uptake-data", Database: "uptake"}},
		{"embedded:/var/lib/uptake", Location{Embedded: true, Path: "/var/lib/uptake", Database: "uptake"}},
		{"clickhouse://bob:s3cret@db.example:9440/partner", Location{Addr: "db.example:9440", HTTPPort: 8123, User: "bob", Password: "s3cret", Database: "partner"}},
		{"clickhouse://db.example", Location{Addr: "db.example:9000", HTTPPort: 8123, User: "default", Database: "default"}},
		{"clickhouse://u:p@127.0.0.1:19000/default?http_port=18123", Location{Addr: "127.0.0.1:19000", HTTPPort: 18123, User: "u", Password: "p", Database: "default"}},
		{"clickhouse://db.example/partner?http_port=8443", Location{Addr: "db.example:9000", HTTPPort: 8443, User: "default", Database: "partner"}},
	}
	for _, c := range cases {
		got, err := ParseURL(c.raw)
		if err != nil {
			t.Fatalf("ParseURL(%q): %v", c.raw, err)
		}
		if got != c.want {
			t.Errorf("ParseURL(%q) = %+v, want %+v", c.raw, got, c.want)
		}
	}
}

func TestParseURLRejectsWithTheAcceptedForms(t *testing.T) {
	for _, raw := range []string{"embedded:", "postgres://x@y/z", "clickhouse://", "localhost:9000", "clickhouse://u:p@h/bad-name;drop",
		"clickhouse://u:p@h/d?http_port=http", "clickhouse://u:p@h/d?http_port=0", "clickhouse://u:p@h/d?http_port=70000"} {
		_, err := ParseURL(raw)
		if err == nil || !strings.Contains(err.Error(), "accepted forms") {
			t.Errorf("ParseURL(%q) error = %v, want the accepted forms", raw, err)
		}
	}
	for _, raw := range []string{"mysql://admin:hunter2@host/db", "clickhouse://admin:hunter2@host/db?http_port=x"} {
		_, err := ParseURL(raw)
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("a rejected URL must not echo its password: %v", err)
		}
	}
}

func TestLocationStringHidesPassword(t *testing.T) {
	loc, _ := ParseURL("clickhouse://bob:s3cret@h:9000/d")
	if s := loc.String(); strings.Contains(s, "s3cret") || s != "clickhouse://bob@h:9000/d" {
		t.Fatalf("String() = %q", s)
	}
}
