package store

import (
	"net"
	"strings"
	"testing"
)

// userPassword is the password of a store URL's user information, as
// written (before any percent-decoding), or "" when it has none.
func userPassword(raw string) string {
	_, rest, ok := strings.Cut(strings.TrimSpace(raw), "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return ""
	}
	_, pw, _ := strings.Cut(rest[:at], ":")
	return pw
}

// ParseURL accepts only locations the store can open, and never shows a
// URL's password, in the location or in an error.
func FuzzParseURL(f *testing.F) {
	for _, s := range []string{
		"", "embedded:", "embedded:./uptake-data", " embedded:/var/lib/uptake ", "clickhouse://default:secret@localhost:9000/uptake",
		"clickhouse://localhost", "clickhouse://u:p@[::1]:9000/db?http_port=8123", "clickhouse://u:longpassword@host:90x0/db",
		"clickhouse://u:longpassword@host/db%zz", "clickhouse://u:longpassword@host/my-db", "clickhouse://u:pw@host/db?http_port=0",
		"clickhouse://u:pw@host/db?http_port=65536", "clickhouse://host/" + strings.Repeat("d", 65), "postgres://x@y/z", "clickhouse:///db",
		"clickhouse://u:p%40ss@h:1/_d1", "clickhouse://u:a@b@h/db", "clickhouse://%zz:longpassword@h/db", "clickhouse://h:9000/1db",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		loc, err := ParseURL(raw)
		if pw := userPassword(raw); len(pw) >= 6 && !strings.Contains(AcceptedForms, pw) && strings.Count(raw, pw) == 1 {
			if err != nil && strings.Contains(err.Error(), pw) {
				t.Fatalf("ParseURL(%q): the error shows the password: %v", raw, err)
			}
			if err == nil && strings.Contains(loc.String(), pw) {
				t.Fatalf("ParseURL(%q) = %s shows the password", raw, loc)
			}
		}
		if err != nil {
			if !strings.Contains(err.Error(), "accepted forms") {
				t.Fatalf("ParseURL(%q): %v does not say what is accepted", raw, err)
			}
			return
		}
		if loc.Embedded {
			if loc.Path == "" || loc.Database != "uptake" {
				t.Fatalf("ParseURL(%q) = %+v", raw, loc)
			}
			return
		}
		if _, port, err := net.SplitHostPort(loc.Addr); err != nil || port == "" {
			t.Fatalf("ParseURL(%q): address %q: %v", raw, loc.Addr, err)
		}
		if loc.HTTPPort < 1 || loc.HTTPPort > 65535 || !validIdentifier(loc.Database) || loc.User == "" {
			t.Fatalf("ParseURL(%q) = %+v", raw, loc)
		}
	})
}
