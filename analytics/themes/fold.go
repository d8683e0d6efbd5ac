package themes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune lowercases r and drops the diacritics of the Latin letters used
// in English, French and German, so that "Écran", "ecran" and "écran" meet.
// It returns up to two runes because ß, æ and œ fold to two letters.
func foldRune(r rune) (rune, rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A', 0
		}
		return r, 0
	}
	r = unicode.ToLower(r)
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā':
		return 'a', 0
	case 'ç', 'ć', 'č':
		return 'c', 0
	case 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě':
		return 'e', 0
	case 'ì', 'í', 'î', 'ï', 'ī':
		return 'i', 0
	case 'ñ', 'ń':
		return 'n', 0
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō':
		return 'o', 0
	case 'ù', 'ú', 'û', 'ü', 'ū':
		return 'u', 0
	case 'ý', 'ÿ':
		return 'y', 0
	case 'ß':
		return 's', 's'
	case 'æ':
		return 'a', 'e'
	case 'œ':
		return 'o', 'e'
	}
	return r, 0
}

// fold returns s lowercased and without diacritics. ASCII words that are
// already lowercase come back unchanged, without an allocation.
func fold(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
			continue // a combining accent of decomposed text
		}
		a, c := foldRune(r)
		b.WriteRune(a)
		if c != 0 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// squeeze collapses runs of one repeated ASCII letter ("cooupent", "aillleurs",
// "apels") so doubled and undoubled spellings of a stem meet; typing slips
// often double or drop a letter.
func squeeze(s string) string {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] && s[i] < utf8.RuneSelf {
			return squeezeFrom(s, i)
		}
	}
	return s
}

func squeezeFrom(s string, i int) string {
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		if s[i] != s[i-1] || s[i] >= utf8.RuneSelf {
			b = append(b, s[i])
		}
	}
	return string(b)
}
