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
	CategoryPerformance: {"slow", "outage", "down", "crash", "connect", "vpn", "latency", "freez", "error", "cannot access", "lent", "panne", "connexion", "plant", "langsam", "ausfall", "verbindung", "absturz", "fehler"},
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

// inferCategory picks the category whose signal words occur most in the
// subject and body; the subject counts double. No signal gives "other".
func inferCategory(subject, body string) string {
	subject, body = strings.ToLower(subject), strings.ToLower(body)
	best, bestScore := CategoryOther, 0
	for _, cat := range []string{CategoryHowTo, CategoryBilling, CategoryDeployment, CategoryUpdates, CategoryPerformance} {
		score := 0
		for _, w := range categoryWords[cat] {
			score += 2*strings.Count(subject, w) + strings.Count(body, w)
		}
		if score > bestScore {
			best, bestScore = cat, score
		}
	}
	return best
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

// detectLanguage returns en, fr or de by stop-word counts, or "" when the
// text gives no signal.
func detectLanguage(text string) string {
	var en, fr, de int
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch stopWordLanguage[w] {
		case "en":
			en++
		case "fr":
			fr++
		case "de":
			de++
		}
	}
	switch {
	case en == 0 && fr == 0 && de == 0:
		return ""
	case en >= fr && en >= de:
		return "en"
	case fr >= de:
		return "fr"
	}
	return "de"
}
