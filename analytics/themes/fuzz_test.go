package themes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"RE: AW: Hallo\n\nwie teile ich?\n\nMit freundlichen Grüßen\nMax",
		"Le 3 mars, Ana a écrit :\n> x", "From: a\nSent: b\n", "anna@x.com https://x.y 12345678",
		"[EXT] (#1) TR : URGENT : ", ">>>", "\r\n\r\n--\n", "Call from Ana: hi, ok", "\xff\xfe", "耀耀 l'écran",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, subject, body string) {
		s, b := Clean(subject, body)
		for _, io := range [][2]string{{subject, s}, {body, b}} {
			if in, out := io[0], io[1]; utf8.ValidString(in) && !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 %q from %q / %q", out, subject, body)
			}
			if out := io[1]; strings.Contains(out, "@") || strings.Contains(out, "://") {
				t.Fatalf("address or URL left in %q", out)
			}
		}
		for _, line := range strings.Split(b, "\n") {
			if strings.HasPrefix(line, ">") || line != strings.TrimSpace(line) {
				t.Fatalf("quoted or untrimmed line %q in %q", line, b)
			}
		}
		if len(s) > len(subject) {
			t.Fatalf("subject grew: %q → %q", subject, s)
		}
	})
}

func FuzzTokenise(f *testing.F) {
	for _, s := range []string{"Bildschirmfreigabe in Teams-Besprechung", "l'écran d'accès", "mot de passe", "sign-in O365 2FA", "ÉÀÇ ß æ œ", "\u0301\u0301", "a-b-c-d-e-f"} {
		f.Add(s, s, "de")
	}
	f.Fuzz(func(t *testing.T, subject, body, lang string) {
		r := newAnalyser(nil).analyse(subject, body, lang)
		if r.nSubject < 0 || r.nSubject > len(r.tokens) || r.lang < 0 || r.lang >= numLangs {
			t.Fatalf("analysis %+v", r)
		}
		for i, tok := range r.tokens {
			if tok == "" {
				if i > 0 && r.tokens[i-1] == "" {
					t.Fatalf("empty segment in %q", r.tokens)
				}
				continue
			}
			if strings.ContainsAny(tok, " \t\n") || tok != strings.ToUpper(tok) && tok != strings.ToLower(tok) || !utf8.ValidString(tok) && utf8.ValidString(subject) && utf8.ValidString(body) {
				t.Fatalf("bad token %q in %q", tok, r.tokens)
			}
		}
	})
}
