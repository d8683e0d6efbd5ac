package dashboard

import (
	"net/http/httptest"
	"testing"
)

// A client cannot choose the address that sign-in throttling and the audit
// log see, unless the connection comes from a proxy the admin trusts.
func TestVisitorAddressTrustsOnlyConfiguredProxies(t *testing.T) {
	req := httptest.NewRequest("GET", "/login", nil)
	req.RemoteAddr = "10.1.2.3:40000"
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	if got := ipExtractor(nil)(req); got != "10.1.2.3" {
		t.Errorf("without trusted proxies: %q, want the connection's address", got)
	}
	proxies, err := trustedRanges([]string{"10.1.0.0/16", " ", "192.0.2.7"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ipExtractor(proxies)(req); got != "203.0.113.9" {
		t.Errorf("behind a trusted proxy: %q, want the forwarded address", got)
	}
	req.RemoteAddr = "198.51.100.4:40000"
	if got := ipExtractor(proxies)(req); got != "198.51.100.4" {
		t.Errorf("from an untrusted address: %q, want the connection's address", got)
	}
	if _, err := trustedRanges([]string{"10.0.0.0/99"}); err == nil {
		t.Error("a bad range was accepted")
	}
}
