package dashboard

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

// The fuzz target's signing key and clock: the committed seeds
// (testdata/fuzz/FuzzSessionDecode) hold cookies signed with this key.
var (
	fuzzSessionKey = []byte("uptake fuzz session key, 32 byte")
	fuzzNow        = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
)

// A session cookie is accepted only when it carries the HMAC of its body
// under the server's key and has not expired; any other value, any
// one-byte change of a good one and a good one under another key are
// refused, and nothing panics.
func FuzzSessionDecode(f *testing.F) {
	s := sessions{key: fuzzSessionKey}
	for _, sess := range []session{
		{Username: "ann", Name: "Ann", Role: RoleManager, Manager: "Ann", Expires: fuzzNow.Add(time.Hour), Nonce: "0123456789abcdef01234567"},
		{Username: "admin", Name: `Admin "><img src=x>`, Role: RoleAdmin, Expires: fuzzNow.Add(sessionLifetime), Nonce: "n"},
		{Username: "exec", Role: RoleExecutive, Expires: fuzzNow.Add(-time.Second), Nonce: "expired"},
		{Username: "", Role: "", Expires: fuzzNow},
	} {
		f.Add(s.encode(sess))
	}
	body := base64.RawURLEncoding.EncodeToString([]byte(`null`))
	f.Add(body + "." + s.sign(body))
	body = base64.RawURLEncoding.EncodeToString([]byte(`{"u":"x","r":"admin","e":"2099-01-01T00:00:00Z"}`))
	f.Add(body + "." + s.sign(body))
	f.Add(body + "." + sessions{key: []byte("another key")}.sign(body))
	for _, v := range []string{"", ".", "..", "a.b", "e30.", "e30", "e30.e30", "%7B%7D.x", strings.Repeat("A", 1000) + ".x", "\xff.\xfe"} {
		f.Add(v)
	}
	other := sessions{key: []byte("not the session key of the fuzz!")}
	f.Fuzz(func(t *testing.T, value string) {
		sess, err := s.decode(value, fuzzNow)
		if _, err := other.decode(value, fuzzNow); err == nil {
			t.Fatalf("%q is accepted under another key", value)
		}
		if err != nil {
			if !errors.Is(err, errNoSession) {
				t.Fatalf("decode(%q): %v, want errNoSession", value, err)
			}
			return
		}
		body, sig, ok := strings.Cut(value, ".")
		m := hmac.New(sha256.New, fuzzSessionKey)
		m.Write([]byte(body))
		if !ok || sig != base64.RawURLEncoding.EncodeToString(m.Sum(nil)) {
			t.Fatalf("decode accepted %q, which is not signed with the key", value)
		}
		if fuzzNow.After(sess.Expires) {
			t.Fatalf("decode accepted %q, expired at %v", value, sess.Expires)
		}
		for i := 0; i < len(value); i++ {
			changed := value[:i] + string([]byte{value[i] ^ 0x01}) + value[i+1:]
			if _, err := s.decode(changed, fuzzNow); err == nil {
				t.Fatalf("decode accepted %q, %q changed at byte %d", changed, value, i)
			}
		}
	})
}
