package themes

import "strings"

// Light stemmers in the spirit of the Snowball "light" stemmers: they strip
// inflections (plural, gender, common verb endings) and a few productive
// derivations, no more, so that stems stay recognisable. Input is folded
// (lowercase, no accents); output is squeezed by the caller.

func stem(lang int, w string) string {
	switch lang {
	case langFR:
		return stemFR(w)
	case langDE:
		return stemDE(w)
	}
	return stemEN(w)
}

// stemEN: plurals, -ing, -ed, -ly, a final silent e, and British -ise
// spellings, so share/shares/shared/sharing and synchronise/synchronized
// meet.
func stemEN(w string) string {
	if len(w) <= 3 {
		return w
	}
	w = englishSpelling(w)
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "i"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "i"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	w = trimVerbEN(w)
	switch {
	case strings.HasSuffix(w, "ization") && len(w) > 9:
		w = w[:len(w)-5]
	case strings.HasSuffix(w, "ly") && len(w) > 5:
		w = w[:len(w)-2]
	}
	if n := len(w); n > 3 && w[n-1] == 'y' && !isVowel(w[n-2]) {
		w = w[:n-1] + "i"
	}
	if n := len(w); n > 3 && w[n-1] == 'e' && w[n-2] != 'e' {
		w = w[:n-1]
	}
	return w
}

// englishSpelling maps British -ise forms to -ize.
func englishSpelling(w string) string {
	if len(w) < 7 {
		return w
	}
	for _, s := range [...]string{"isation", "isations", "ise", "ised", "ises", "ising"} {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)] + "iz" + s[2:]
		}
	}
	return w
}

func trimVerbEN(w string) string {
	for _, s := range [...]string{"ing", "ed"} {
		if strings.HasSuffix(w, s) && hasVowel(w[:len(w)-len(s)]) && len(w)-len(s) >= 3 {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			return true
		}
	}
	return false
}

// frenchEndings are tried longest first after the plural is gone:
// derivations (-ement, -ation), then verb and participle endings.
var frenchEndings = [...]string{
	"issement", "ement", "ation", "atrice", "ateur", "erons", "eront", "erait", "erais", "aient",
	"erez", "ions", "iez", "ons", "ait", "ais", "ent", "ee", "ez", "er", "e",
}

// stemFR: plural -s/-x, then one ending from frenchEndings, keeping at
// least three letters (four before -ent, -ait, -ais, which end many
// ordinary words).
func stemFR(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "aux") && len(w) > 5:
		w = w[:len(w)-3] + "al"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "x"):
		w = w[:len(w)-1]
	}
	for _, s := range frenchEndings {
		keep := 3
		if s == "ent" || s == "ait" || s == "ais" {
			keep = 4
		}
		if strings.HasSuffix(w, s) && len(w)-len(s) >= keep {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// stemDE: Snowball's first German step (-ern, -em, -er, -en, -es, -e, and
// -s after a consonant that can take it), keeping three letters.
func stemDE(w string) string {
	if len(w) <= 4 {
		return w
	}
	for _, s := range [...]string{"ern", "em", "er", "en", "es", "e"} {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 3 {
			return w[:len(w)-len(s)]
		}
	}
	if n := len(w); w[n-1] == 's' && strings.IndexByte("bdfghklmnrt", w[n-2]) >= 0 {
		return w[:n-1]
	}
	return w
}
