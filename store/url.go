package store

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// DefaultURL is the store used when none is configured.
const DefaultURL = "embedded:./uptake-data"

// DefaultHTTPPort is the ClickHouse server's HTTP port when the store URL
// does not name one with ?http_port=.
const DefaultHTTPPort = 8123

// AcceptedForms is shown whenever a store URL cannot be understood.
const AcceptedForms = `accepted forms: "embedded:PATH" (chDB in-process, data kept in folder PATH, e.g. embedded:./uptake-data) or "clickhouse://USER:PASSWORD@HOST:PORT/DATABASE" (a ClickHouse server over the native protocol, port 9000 by default; add "?http_port=PORT" when its HTTP interface, used by backup and restore, is not on port 8123, and "?cluster=NAME" to spread the tables over the ClickHouse cluster NAME)`

// Location says where the data lives: an embedded chDB folder or a server.
type Location struct {
	Embedded bool
	Path     string // embedded: data folder

	Addr     string // server: host:port of the native protocol
	HTTPPort int    // server: port of the HTTP interface (backup and restore), DefaultHTTPPort unless ?http_port= says otherwise
	User     string
	Password string
	Database string
	Cluster  string // server: the ClickHouse cluster (its name in remote_servers) the tables are spread over; "" for one server
}

// String shows the location without its password, for messages and logs.
func (l Location) String() string {
	if l.Embedded {
		return "embedded:" + l.Path
	}
	s := fmt.Sprintf("clickhouse://%s@%s/%s", l.User, l.Addr, l.Database)
	if l.Cluster != "" {
		s += "?cluster=" + l.Cluster
	}
	return s
}

// ParseURL reads a --store value.
func ParseURL(raw string) (Location, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = DefaultURL
	}
	if path, ok := strings.CutPrefix(raw, "embedded:"); ok {
		if path == "" {
			return Location{}, fmt.Errorf("store %q has no folder after \"embedded:\"; %s", raw, AcceptedForms)
		}
		return Location{Embedded: true, Path: path, Database: "uptake"}, nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "clickhouse" || u.Hostname() == "" {
		return Location{}, fmt.Errorf("store %q is not a store URL; %s", redact(raw), AcceptedForms)
	}
	loc := Location{Addr: u.Host, HTTPPort: DefaultHTTPPort, User: u.User.Username(), Database: strings.Trim(u.Path, "/")}
	loc.Password, _ = u.User.Password()
	if loc.User == "" {
		loc.User = "default"
	}
	if loc.Database == "" {
		loc.Database = "default"
	}
	if !validIdentifier(loc.Database) {
		return Location{}, fmt.Errorf("store database %q may hold only letters, digits and underscores; %s", loc.Database, AcceptedForms)
	}
	if u.Port() == "" { // also "host:": no port given
		loc.Addr = net.JoinHostPort(u.Hostname(), "9000") // Hostname drops an IPv6 address's brackets
	}
	if _, _, err := net.SplitHostPort(loc.Addr); err != nil {
		return Location{}, fmt.Errorf("store %q has no valid HOST:PORT (an IPv6 address goes in brackets, e.g. [::1]:9000); %s", redact(raw), AcceptedForms)
	}
	if v := u.Query().Get("http_port"); v != "" {
		port, err := strconv.Atoi(v)
		if err != nil || port < 1 || port > 65535 {
			return Location{}, fmt.Errorf("store URL parameter http_port=%q is not a port number (1 to 65535); %s", v, AcceptedForms)
		}
		loc.HTTPPort = port
	}
	if v := u.Query().Get("cluster"); v != "" {
		if !validIdentifier(v) {
			return Location{}, fmt.Errorf("store URL parameter cluster=%q is not a cluster name (letters, digits and underscores, as in the servers' remote_servers); %s", v, AcceptedForms)
		}
		loc.Cluster = v
	}
	return loc, nil
}

// redact hides a password in a URL that is echoed back in an error, also
// in one url.Parse cannot read (a mistyped port, escape or scheme): the
// user information is found as url.Parse finds it, before the last @ of
// the authority.
func redact(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return raw
	}
	user, _, hasPassword := strings.Cut(authority[:at], ":")
	if !hasPassword {
		return raw
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}

func validIdentifier(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
