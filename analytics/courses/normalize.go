package courses

import (
	"strings"
	"unicode"
)

// accentFolds maps the accented letters of English, French and German text
// to plain ones, so "écran" and "ecran" match. German umlauts fold to the
// bare vowel (not "ue"), which is what people type without the key.
var accentFolds = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i", 'ñ': "n",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o", 'ø': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'ÿ': "y", 'ý': "y",
	'œ': "oe", 'æ': "ae", 'ß': "ss",
	'À': "A", 'Â': "A", 'Ä': "A", 'Á': "A", 'Ç': "C", 'É': "E", 'È': "E", 'Ê': "E", 'Ë': "E",
	'Î': "I", 'Ï': "I", 'Ô': "O", 'Ö': "O", 'Ù': "U", 'Û': "U", 'Ü': "U", 'Œ': "OE", 'Æ': "AE",
}

// stopwords are dropped before matching: they carry no topic.
var stopwords = map[string]bool{
	// English
	"a": true, "an": true, "the": true, "of": true, "in": true, "to": true, "on": true, "for": true,
	"with": true, "and": true, "or": true, "my": true, "how": true, "do": true, "i": true, "is": true,
	"can": true, "it": true, "from": true, "at": true, "by": true, "your": true, "you": true,
	// French (elided articles arrive as single letters)
	"l": true, "d": true, "s": true, "n": true, "j": true, "qu": true, "le": true, "la": true, "les": true,
	"de": true, "du": true, "des": true, "un": true, "une": true, "et": true, "ou": true, "dans": true,
	"pour": true, "sur": true, "avec": true, "au": true, "aux": true, "en": true, "mon": true,
	"ma": true, "mes": true, "comment": true, "je": true, "par": true, "son": true, "sa": true, "ses": true,
	// German
	"der": true, "die": true, "das": true, "ein": true, "eine": true, "einen": true, "und": true,
	"im": true, "mit": true, "fur": true, "zu": true, "von": true, "den": true, "dem": true,
	"wie": true, "ich": true, "oder": true, "auf": true, "am": true,
	// Words of any help request, in ticket themes but never what a course is about.
	"set": true, "up": true, "use": true, "using": true, "help": true, "issue": true, "problem": true,
	"question": true, "cannot": true, "not": true, "t": true, "doesn": true, "don": true, "won": true,
	"get": true, "does": true, "are": true, "be": true, "want": true, "need": true, "please": true,
	"ne": true, "pas": true, "faire": true, "aide": true, "besoin": true, "probleme": true, "impossible": true,
	"kann": true, "nicht": true, "geht": true, "hilfe": true, "funktioniert": true,
}

// suffixes are stripped (one, longest first) after a plural "s": a light,
// language-agnostic stemmer that only needs to send the forms of one word
// to the same stem ("share", "shared", "sharing" → "shar";
// "partager", "partagé" → "partag"; "Besprechungen" → "besprechung").
var suffixes = []string{"ing", "ed", "ez", "er", "en", "e"}

// minStem keeps short words whole: stripping "open" to "op" would match too much.
const minStem = 3

// foldAccents replaces accented letters with plain ones.
func foldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := accentFolds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// words splits text into lower-case, accent-folded words, without stopwords.
func words(text string) []string {
	fields := strings.FieldsFunc(strings.ToLower(foldAccents(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := fields[:0]
	for _, f := range fields {
		if !stopwords[f] {
			out = append(out, f)
		}
	}
	return out
}

// stem reduces one folded word to its matching stem.
func stem(w string) string {
	r := []rune(w)
	n := len(r)
	if n > minStem+1 && strings.HasSuffix(w, "ies") {
		return string(r[:n-3]) + "y"
	}
	if n > minStem && r[n-1] == 's' && r[n-2] != 's' {
		r = r[:n-1]
		n--
	}
	s := string(r)
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && n-len(suf) >= minStem {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// Normalize returns the matching stems of text: lower case, accents folded,
// stopwords dropped, plurals and common suffixes stripped.
func Normalize(text string) []string {
	ws := words(text)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, stem(w))
	}
	return out
}
