package themes

// Typing slips in the words that matter most, glossary words and product
// names, are read as the word meant: an unknown word one edit (a letter
// dropped, added or changed, or two neighbours swapped) from glossary forms
// of minTypoLength letters or more, all of one concept, takes that
// concept's tokens. Candidates are found through single-letter deletions
// of both words, then checked.
//
// A real word can be one edit from a glossary word ("contracts",
// "contacts"). Discovery therefore counts the corrections it makes: a word
// corrected to a concept seen less than typoRatio times as often is a real
// word of this data, and the model lists it so it is left alone.
const (
	minTypoLength = 5
	typoRatio     = 50
)

// typoIndex maps a squeezed form, and each of its single-letter deletions,
// to the forms it comes from.
type typoIndex map[string][]typoForm

type typoForm struct {
	form   string
	tokens []string
}

func (ti typoIndex) add(form string, tokens []string) {
	form = squeeze(form)
	if len(form) < minTypoLength || !isASCII(form) {
		return
	}
	for _, key := range append(deletions(form), form) {
		if !containsForm(ti[key], form) {
			ti[key] = append(ti[key], typoForm{form, tokens})
		}
	}
}

func containsForm(fs []typoForm, form string) bool {
	for _, f := range fs {
		if f.form == form {
			return true
		}
	}
	return false
}

// correct returns the tokens of the concept w is a slip of, if there is
// exactly one.
func (ti typoIndex) correct(w string) []string {
	w = squeeze(w)
	if len(w) < minTypoLength || !isASCII(w) {
		return nil
	}
	var found []string
	for _, key := range append(deletions(w), w) {
		for _, f := range ti[key] {
			if !oneEdit(w, f.form) {
				continue
			}
			if found != nil && !sameTokens(found, f.tokens) {
				return nil // a slip of two different concepts
			}
			found = f.tokens
		}
	}
	return found
}

// deletions lists w with one letter removed.
func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i := range len(w) {
		out = append(out, w[:i]+w[i+1:])
	}
	return out
}

// oneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of neighbours.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	switch len(a) - len(b) {
	case 0:
		if i >= len(a)-1 || a[i+1:] == b[i+1:] {
			return true
		}
		return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i+1:] == b[i:]
	}
	return false
}

func sameTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// typoUse counts how often a word was read as a slip, and as what.
type typoUse struct {
	count  int
	tokens []string
}

// typoKey names a word in a language, as Model.RealWords lists it.
func typoKey(l int, w string) string { return langCodes[l] + " " + w }

// realWords picks, from the corrections made over a sample, the words
// that are too common to be slips of the concept they were read as.
func realWords(uses map[string]*typoUse, docs []tokenised) map[string]bool {
	tokenCount := map[string]int{}
	for _, d := range docs {
		for _, t := range d.tokens {
			tokenCount[t]++
		}
	}
	out := map[string]bool{}
	for key, u := range uses {
		if u.count*typoRatio > tokenCount[u.tokens[0]] {
			out[key] = true
		}
	}
	return out
}
