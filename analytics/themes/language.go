package themes

import "strings"

// Language detection counts stop words per language, with a small bonus
// for letters only French or only German uses and for the help desk's own
// language field, which may be empty or wrong.
const (
	hintWeight   = 1.5
	accentWeight = 0.5
)

// parseLanguage reads a help desk's language value ("en", "fr-FR",
// "Deutsch", "French"); -1 if unknown.
func parseLanguage(hint string) int {
	h := strings.ToLower(strings.TrimSpace(hint))
	switch h {
	case "english", "anglais", "englisch":
		return langEN
	case "french", "francais", "français", "französisch", "franzosisch":
		return langFR
	case "german", "deutsch", "allemand":
		return langDE
	}
	if len(h) >= 2 {
		for l, c := range langCodes {
			if h[:2] == c && (len(h) == 2 || h[2] == '-' || h[2] == '_') {
				return l
			}
		}
	}
	return -1
}

// languageScores counts the evidence for each language in ws.
func (lx *lexicon) languageScores(ws []word) [numLangs]float64 {
	var s [numLangs]float64
	for _, w := range ws {
		if m := lx.stop[w.text]; m != 0 && m&anyLang == 0 {
			for l := range numLangs {
				if m&(1<<l) != 0 {
					s[l]++
				}
			}
		}
		if !isASCII(w.surface) {
			addAccentEvidence(&s, w.surface)
		}
	}
	return s
}

func addAccentEvidence(s *[numLangs]float64, surface string) {
	if strings.ContainsAny(surface, "éèêàçùâôîûÉÈÀÇ") {
		s[langFR] += accentWeight
	}
	if strings.ContainsAny(surface, "äöüßÄÖÜ") {
		s[langDE] += accentWeight
	}
}

// ticketLanguage decides the language of the whole ticket.
func (a *analyser) ticketLanguage(hint string) int {
	s := a.lx.languageScores(a.words)
	h := parseLanguage(hint)
	if h >= 0 {
		s[h] += hintWeight
	}
	best := langEN
	if h >= 0 {
		best = h
	}
	for l := range numLangs {
		if s[l] > s[best] {
			best = l
		}
	}
	return best
}

// segmentLanguage lets a sentence in another language (a pasted error
// message, an English subject on a French ticket) be read as such, when
// its own evidence is clear.
func (a *analyser) segmentLanguage(ws []word, ticket int) int {
	if len(ws) < 3 {
		return ticket
	}
	s := a.lx.languageScores(ws)
	best := ticket
	for l := range numLangs {
		if s[l] > s[best] {
			best = l
		}
	}
	if best != ticket && s[best] >= 2 && s[best] >= 2*s[ticket]+1 {
		return best
	}
	return ticket
}
