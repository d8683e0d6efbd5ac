package themes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean returns a ticket's subject and body without the parts that say
// nothing about the request: reply and priority prefixes, greetings,
// sign-offs and everything after them, quoted replies, mobile and contact
// footers, agents' call-note leads, e-mail addresses, URLs and ticket or
// phone numbers.
func Clean(subject, body string) (string, string) {
	return cleanSubject(subject), cleanBody(body)
}

func cleanSubject(s string) string {
	s = strings.TrimSpace(s)
	for range 8 {
		t := strings.TrimLeft(s, " \t-–—:*!|")
		t = dropBracketTag(t)
		t = dropSubjectPrefix(t)
		if t == s {
			break
		}
		s = t
	}
	return strings.TrimSpace(scrub(s))
}

// dropBracketTag removes a leading "[EXTERNAL]" or "(#12345)".
func dropBracketTag(s string) string {
	if s == "" || s[0] != '[' && s[0] != '(' {
		return s
	}
	end := strings.IndexAny(s, "])")
	if end < 0 || end > 40 {
		return s
	}
	return s[end+1:]
}

// dropSubjectPrefix removes a leading marker such as "RE:", "TR :",
// "Ticket #123:" or an all-capitals "URGENT".
func dropSubjectPrefix(s string) string {
	word, rest := leadingWord(s)
	if word == "" || !subjectPrefixes[fold(word)] {
		return s
	}
	rest = strings.TrimLeft(rest, " #0123456789")
	switch {
	case strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "!"):
		return rest[1:]
	case len(word) > 3 && word == strings.ToUpper(word):
		return rest
	}
	return s
}

// leadingWord splits s after its first run of letters.
func leadingWord(s string) (string, string) {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// cleanBody keeps the lines of the request itself. It stops at a quoted
// message or a sign-off, since what follows is history or a signature.
func cleanBody(body string) string {
	lines := splitLines(body)
	kept := make([]string, 0, len(lines))
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		role := lineRole(t, lines[i+1:], len(kept) > 0)
		if role == roleCut {
			break
		}
		if role == roleSkip {
			continue
		}
		// Scrubbing can leave a quote mark alone ("@ >"): that is noise too.
		if t = strings.TrimSpace(scrub(stripLeads(t))); t != "" && t[0] != '>' {
			kept = append(kept, t)
		}
	}
	if n := len(kept); n >= 2 && looksLikeName(kept[n-1]) {
		kept = kept[:n-1]
	}
	return strings.Join(kept, "\n")
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' })
}

// What to do with one body line.
const (
	roleKeep = iota
	roleSkip // drop this line
	roleCut  // drop this line and the rest
)

func lineRole(t string, next []string, haveContent bool) int {
	if t[0] == '>' {
		return roleSkip
	}
	key := lineKey(t)
	switch {
	case key == "--" || key == "-" || hasAnyPrefix(key, quoteSeparators) || isQuoteHeader(key) || isFromHeader(key, next):
		return roleCut
	case haveContent && isClosing(key):
		return roleCut
	case hasAnyPrefix(key, mobileFooters) || isContactLine(key):
		return roleSkip
	case !haveContent && isGreetingLine(t, key):
		return roleSkip
	}
	return roleKeep
}

// lineKey is a line folded and without surrounding punctuation, for
// matching against the word lists.
func lineKey(t string) string {
	return strings.Trim(fold(t), " \t.,;:!?…-–—*")
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isQuoteHeader spots "On Mon, 3 May, Ana wrote:", "Le 3 mai, Ana a écrit :"
// and "Am 03.05. schrieb Ana:".
func isQuoteHeader(key string) bool {
	if len(key) > 200 {
		return false
	}
	switch {
	case strings.HasPrefix(key, "on ") && strings.HasSuffix(key, "wrote"):
		return true
	case strings.HasPrefix(key, "le ") && strings.HasSuffix(key, "a ecrit"):
		return true
	case strings.HasPrefix(key, "am ") && strings.Contains(key, "schrieb"):
		return true
	}
	// "Ana Lopez <ana@example.com> wrote:" without the "On …" part.
	tail := strings.HasSuffix(key, " wrote") || strings.HasSuffix(key, " a ecrit") || strings.HasSuffix(key, " schrieb")
	return tail && strings.ContainsAny(key, "@<0123456789")
}

// isFromHeader spots the "From: …" line of a quoted message header: it is
// followed by "Sent:", "Envoyé :", "Gesendet:" or similar lines.
func isFromHeader(key string, next []string) bool {
	if !fromLabels[headerLabel(key)] {
		return false
	}
	for _, n := range next {
		if n = strings.TrimSpace(n); n != "" {
			return headerLabels[headerLabel(lineKey(n))]
		}
	}
	return false
}

// headerLabel is the text before a colon, if the line has a short one.
func headerLabel(key string) string {
	label, _, ok := strings.Cut(key, ":")
	if !ok || len(label) > 20 {
		return ""
	}
	return strings.TrimSpace(label)
}

// isClosing reports a sign-off line: a closing formula, perhaps followed by
// a name or a few words ("Thanks, Anna", "Merci d'avance pour votre aide").
func isClosing(key string) bool {
	if closings[key] {
		return true
	}
	if len(key) > maxClosingBytes {
		return false
	}
	words := strings.Fields(closingPunct.Replace(key))
	if len(words) == 0 || len(words) > 7 {
		return false
	}
	for n := min(4, len(words)); n >= 1; n-- {
		if closings[strings.Join(words[:n], " ")] {
			return true
		}
	}
	return false
}

// Sign-off lines are short; closingPunct separates their words.
const maxClosingBytes = 80

var closingPunct = strings.NewReplacer(",", " ", "!", " ", "’", "'")

// isContactLine spots footer lines such as "Tel: +49 89 …" or "M. 06 12 …".
func isContactLine(key string) bool {
	label := headerLabel(key)
	if label == "" {
		label, _ = leadingWord(key)
	}
	return contactLabels[strings.TrimSuffix(label, ".")] && strings.ContainsAny(key, "0123456789@")
}

// isGreetingLine spots a salutation on a line of its own.
func isGreetingLine(t, key string) bool {
	words := strings.Fields(key)
	if len(words) == 0 || len(words) > 6 || !greetingWords[strings.Trim(words[0], ",!")] {
		return false
	}
	last := t[len(t)-1]
	return last == ',' || last == '!' || len(words) <= 3
}

// stripLeads removes an inline greeting ("hi, …", "Bonjour Paul, …") and a
// call-note lead ("Call from Ana Lopez: …") from the start of a line.
func stripLeads(t string) string {
	key := fold(t)
	if hasAnyPrefix(key, callLeads) {
		if i := strings.IndexByte(t, ':'); i >= 0 && i < 80 {
			t = strings.TrimSpace(t[i+1:])
			key = fold(t)
		}
	}
	first, _ := leadingWord(key)
	if !greetingWords[first] {
		return t
	}
	if i := strings.IndexByte(t, ','); i > 0 && len(strings.Fields(t[:i])) <= 6 {
		return strings.TrimSpace(t[i+1:])
	}
	return t
}

// looksLikeName spots a bare signature: one to three capitalised words.
func looksLikeName(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ".?!:,;0123456789") {
			return false
		}
	}
	return true
}

// scrub drops e-mail addresses, URLs and identifiers with four or more
// digits (ticket, order and phone numbers) from a line.
func scrub(t string) string {
	if !strings.ContainsAny(t, "@0123456789") && !strings.Contains(t, "://") && !strings.Contains(t, "www.") {
		return t
	}
	fields := strings.Fields(t)
	out := fields[:0]
	for _, f := range fields {
		if !isJunkField(f) {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

func isJunkField(f string) bool {
	if strings.Contains(f, "@") || strings.Contains(f, "://") || strings.HasPrefix(strings.ToLower(f), "www.") {
		return true
	}
	digits := 0
	for i := 0; i < len(f); i++ {
		if '0' <= f[i] && f[i] <= '9' {
			digits++
		}
	}
	return digits >= 4
}
