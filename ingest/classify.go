package ingest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Support categories: the partner's support duties, plus other.
const (
	CategoryBilling     = "billing"     // billing and subscription
	CategoryDeployment  = "deployment"  // provisioning, deployment and configuration
	CategoryPerformance = "performance" // performance, availability, connectivity, desktop
	CategoryUpdates     = "updates"     // managing updates
	CategoryHowTo       = "howto"       // usage questions: the training signal
	CategoryOther       = "other"
)

// categoryWords are stems that signal a category, in English, French and German.
var categoryWords = map[string][]string{
	CategoryBilling:     {"invoice", "billing", "bill", "charge", "licen", "subscription", "renew", "refund", "payment", "factur", "abonnement", "paiement", "rechnung", "lizenz", "zahlung", "abrechnung"},
	CategoryDeployment:  {"install", "deploy", "provision", "setup", "set up", "configur", "migrat", "onboard", "déploi", "déploy", "paramétr", "einricht", "bereitstell", "konfigur"},
	CategoryPerformance: {"slow", "outage", "down", "crash", "connect", "vpn", "latency", "freez", "error", "disconnect", "drop", "timeout", "cannot access", "déconnex", "coupure", "unterbroch", "abbruch", "lent", "panne", "connexion", "plant", "langsam", "ausfall", "verbindung", "absturz", "fehler"},
	CategoryUpdates:     {"update", "upgrade", "patch", "version", "mise à jour", "mettre à jour", "aktualisier", "upgrade"},
	CategoryHowTo:       {"how do", "how to", "how can", "where is", "is there a way", "explain", "training", "comment ", "comment faire", "où trouver", "expliquer", "wie kann", "wie ", "wo finde", "erklär", "anleitung"},
}

// categoryAliases map category names found in exports to ours.
var categoryAliases = map[string]string{
	"billing": CategoryBilling, "billing & subscription": CategoryBilling, "billing and subscription": CategoryBilling, "subscription": CategoryBilling, "licensing": CategoryBilling, "billing inquiry": CategoryBilling,
	"deployment": CategoryDeployment, "provisioning": CategoryDeployment, "configuration": CategoryDeployment, "setup": CategoryDeployment, "installation": CategoryDeployment,
	"performance": CategoryPerformance, "availability": CategoryPerformance, "connectivity": CategoryPerformance, "desktop": CategoryPerformance, "network": CategoryPerformance, "technical issue": CategoryPerformance, "incident": CategoryPerformance,
	"updates": CategoryUpdates, "update": CategoryUpdates, "patching": CategoryUpdates,
	"howto": CategoryHowTo, "how-to": CategoryHowTo, "how to": CategoryHowTo, "usage": CategoryHowTo, "question": CategoryHowTo, "product inquiry": CategoryHowTo, "training": CategoryHowTo,
	"other": CategoryOther,
}

// Categories are our support categories, in the order reports list them.
var Categories = []string{CategoryBilling, CategoryDeployment, CategoryPerformance, CategoryUpdates, CategoryHowTo, CategoryOther}

// ParseCategoryMap reads --category-map "Their Category=ours,Other=howto":
// the user's own help-desk categories mapped to ours, checked before the
// built-in names.
func ParseCategoryMap(spec string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(spec) == "" {
		return out, nil
	}
	for _, pair := range strings.Split(spec, ",") {
		theirs, ours, ok := strings.Cut(pair, "=")
		ours = strings.ToLower(strings.TrimSpace(ours))
		if !ok || strings.TrimSpace(theirs) == "" || !slices.Contains(Categories, ours) {
			return nil, fmt.Errorf("--category-map entry %q must look like Their Category=ours, with ours one of %s", pair, strings.Join(Categories, ", "))
		}
		out[strings.ToLower(strings.TrimSpace(theirs))] = ours
	}
	return out, nil
}

// mapCategory returns our category for a source category, and whether it was
// recognised. Unrecognised or empty categories are inferred from the text.
func mapCategory(source string) (string, bool) {
	c, ok := categoryAliases[strings.ToLower(strings.TrimSpace(source))]
	return c, ok
}

// categoryOrder breaks ties in favour of how-to, the training signal.
var categoryOrder = [...]string{CategoryHowTo, CategoryBilling, CategoryDeployment, CategoryUpdates, CategoryPerformance}

// textClassifier infers a ticket's category and language from its words in
// one pass: signal stems are looked up by their first three bytes instead of
// searching the text once per stem.
type textClassifier struct {
	stems   map[string][]signal // one-word stems by their first three bytes
	phrases []signal            // several-word signals, found as substrings
}

type signal struct {
	text string
	cat  int // index in categoryOrder
}

func newTextClassifier() *textClassifier {
	c := &textClassifier{stems: map[string][]signal{}}
	for i, cat := range categoryOrder {
		for _, w := range categoryWords[cat] {
			w = strings.TrimSpace(w)
			if strings.ContainsAny(w, " '") || len(w) < 3 {
				c.phrases = append(c.phrases, signal{w, i})
				continue
			}
			c.stems[w[:3]] = append(c.stems[w[:3]], signal{w, i})
		}
	}
	return c
}

// classify picks the category whose signals occur most (the subject counts
// double; no signal gives "other") and the language whose stop words occur
// most (en, fr, de, or "" without a signal).
func (c *textClassifier) classify(subject, body string) (category, language string) {
	var score [len(categoryOrder)]int
	var langs [3]int // en, fr, de
	for weight, text := range []string{body, subject} {
		lower := strings.ToLower(text)
		for _, p := range c.phrases {
			score[p.cat] += (1 + weight) * strings.Count(lower, p.text)
		}
		for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
			switch stopWordLanguage[w] {
			case "en":
				langs[0]++
			case "fr":
				langs[1]++
			case "de":
				langs[2]++
			}
			if len(w) < 3 {
				continue
			}
			for _, sig := range c.stems[w[:3]] {
				if strings.HasPrefix(w, sig.text) {
					score[sig.cat] += 1 + weight
				}
			}
		}
	}
	category, best := CategoryOther, 0
	for i, n := range score {
		if n > best {
			category, best = categoryOrder[i], n
		}
	}
	switch {
	case langs == [3]int{}:
	case langs[0] >= langs[1] && langs[0] >= langs[2]:
		language = "en"
	case langs[1] >= langs[2]:
		language = "fr"
	default:
		language = "de"
	}
	return category, language
}

// stopWordLanguage maps frequent function words, which tell languages apart
// well, to their language.
var stopWordLanguage = map[string]string{
	"the": "en", "and": "en", "to": "en", "is": "en", "of": "en", "in": "en", "it": "en", "for": "en", "on": "en",
	"with": "en", "how": "en", "can": "en", "we": "en", "my": "en", "not": "en", "do": "en", "i": "en", "a": "en",
	"le": "fr", "la": "fr", "les": "fr", "et": "fr", "de": "fr", "des": "fr", "du": "fr", "un": "fr", "une": "fr",
	"est": "fr", "pour": "fr", "pas": "fr", "comment": "fr", "nous": "fr", "je": "fr", "dans": "fr", "sur": "fr", "ne": "fr",
	"der": "de", "die": "de", "das": "de", "und": "de", "ist": "de", "nicht": "de", "ich": "de", "wir": "de", "wie": "de",
	"ein": "de", "eine": "de", "mit": "de", "für": "de", "auf": "de", "zu": "de", "den": "de", "kann": "de", "im": "de",
}
