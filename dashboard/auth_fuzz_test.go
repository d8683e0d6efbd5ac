package dashboard

import (
	"strings"
	"testing"
)

// browserPath is what a browser makes of a redirect's Location: the URL
// standard drops every tab and line break, and leading and trailing
// control characters and spaces.
func browserPath(loc string) string {
	loc = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(loc)
	return strings.TrimFunc(loc, func(r rune) bool { return r <= ' ' })
}

// safeNext keeps a sign-in's next page only when it is a path on this
// site, as a browser reads it: never another host ("//host", "/\host").
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/portfolio?segment=SMB", "//evil.example", "/\\evil.example", "https://evil.example", "/%2F/evil.example",
		" /portfolio", "/accounts/A1#x", "", "/", "\x00//evil.example", "/.//evil.example"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if got != "" && got != next {
			t.Fatalf("safeNext(%q) = %q, neither the path nor empty", next, got)
		}
		if got == "" {
			return
		}
		p := browserPath(got)
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
			t.Fatalf("safeNext(%q) = %q, which a browser reads as %q: another site", next, got, p)
		}
	})
}
