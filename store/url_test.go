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
		{"clickhouse://bob:s3cret@db.example:9440/partner", Location{Addr: "db.example:9440", User: "bob", Password: "s3cret", Database: "partner"}},
		{"clickhouse://db.example", Location{Addr: "db.example:9000", User: "default", Database: "default"}},
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
	for _, raw := range []string{"embedded:", "postgres://x@y/z", "clickhouse://", "localhost:9000", "clickhouse://u:p@h/bad-name;drop"} {
		_, err := ParseURL(raw)
		if err == nil || !strings.Contains(err.Error(), "accepted forms") {
			t.Errorf("ParseURL(%q) error = %v, want the accepted forms", raw, err)
		}
	}
	_, err := ParseURL("mysql://admin:hunter2@host/db")
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("a rejected URL must not echo its password: %v", err)
	}
}

func TestLocationStringHidesPassword(t *testing.T) {
	loc, _ := ParseURL("clickhouse://bob:s3cret@h:9000/d")
	if s := loc.String(); strings.Contains(s, "s3cret") || s != "clickhouse://bob@h:9000/d" {
		t.Fatalf("String() = %q", s)
	}
}
