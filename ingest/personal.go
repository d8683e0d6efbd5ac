package ingest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"regexp"
	"strings"
)

// Privacy says how personal data is treated at ingest. By default user
// names (user principal names, e-mail addresses) are replaced by a keyed
// hash, and e-mail addresses and phone numbers in ticket text are masked.
type Privacy struct {
	PseudonymKey       string // secret key of the keyed hash (config pseudonym-key)
	KeepUserNames      bool   // store user names as they are
	KeepContactDetails bool   // leave e-mail addresses and phone numbers in ticket text
}

// ErrNoPseudonymKey is returned when user names must be pseudonymised but no key is set.
var ErrNoPseudonymKey = errors.New("user names are pseudonymised at ingest, which needs a secret key: set pseudonym-key in uptake.conf (or UPTAKE_PSEUDONYM_KEY) to a long random text and keep it unchanged, or pass --keep-user-names to store names as they are")

// pseudonymizer replaces a user name by "u-" and 16 hex digits of
// HMAC-SHA256(key, lower-cased name): the same person gets the same
// pseudonym in every file, and nobody without the key can reverse it.
type pseudonymizer struct {
	mac   hash.Hash
	cache map[string]string
}

func newPseudonymizer(key string) (*pseudonymizer, error) {
	if len(key) == 0 {
		return nil, ErrNoPseudonymKey
	}
	return &pseudonymizer{mac: hmac.New(sha256.New, []byte(key)), cache: map[string]string{}}, nil
}

func (p *pseudonymizer) name(user string) string {
	if out, ok := p.cache[user]; ok {
		return out
	}
	p.mac.Reset()
	p.mac.Write([]byte(strings.ToLower(strings.TrimSpace(user))))
	out := "u-" + hex.EncodeToString(p.mac.Sum(nil)[:8])
	if len(p.cache) < 1<<16 { // bounded memory; files list one account's users together
		p.cache[user] = out
	}
	return out
}

var (
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	phonePattern = regexp.MustCompile(`\+?\(?\d[\d ().\-/]{6,}\d`)
)

// maskContacts replaces e-mail addresses with [email] and phone numbers
// (nine digits or more) with [phone].
func maskContacts(text string) string {
	if strings.IndexByte(text, '@') >= 0 {
		text = emailPattern.ReplaceAllString(text, "[email]")
	}
	if countDigits(text) >= 9 {
		text = phonePattern.ReplaceAllStringFunc(text, func(m string) string {
			if countDigits(m) < 9 {
				return m // a date, an amount, a ticket number
			}
			return "[phone]"
		})
	}
	return text
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
