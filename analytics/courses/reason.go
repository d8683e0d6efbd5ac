package courses

import (
	"fmt"
	"strings"
)

// languageNames spell the catalogue languages in reasons.
var languageNames = map[string]string{"en": "English", "fr": "French", "de": "German",
	"es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese"}

// LanguageName returns the English name of a language code, or the code.
func LanguageName(code string) string {
	if n, ok := languageNames[languageCode(code)]; ok {
		return n
	}
	return code
}

// maxQuoted bounds the topics quoted in a reason so it stays one line.
const maxQuoted = 3

// reason explains a recommendation in one line, e.g. "topics 'share
// screen', 'meeting' match theme 'Share the screen in a Teams meeting';
// Teams; French".
func reason(n Need, workload, lang string, c candidate, fallback bool) string {
	var parts []string
	if n.Kind == KindLowAdoption {
		parts = append(parts, adoptionReason(n, workload, c))
	} else {
		parts = append(parts, fmt.Sprintf("%s match theme '%s'", quoteTopics(c.matched), themeName(n)))
	}
	if c.ix.workload == "" {
		parts = append(parts, "general course")
	} else {
		parts = append(parts, c.ix.workload)
	}
	courseLang := LanguageName(c.ix.language)
	if fallback {
		courseLang += fmt.Sprintf(" (no %s course matches)", LanguageName(lang))
	}
	parts = append(parts, courseLang)
	return strings.Join(parts, "; ")
}

func adoptionReason(n Need, workload string, c candidate) string {
	what := c.ix.course.Level + " course"
	if c.ix.marker != "" {
		what = fmt.Sprintf("%s '%s'", what, c.ix.marker)
	}
	scope := "low adoption"
	if workload != "" {
		scope = "low " + workload + " adoption"
	}
	s := fmt.Sprintf("%s for %s", what, scope)
	if n.ActivatableSeats > 0 {
		s += fmt.Sprintf(" (%d seats could become active)", n.ActivatableSeats)
	}
	return s
}

func quoteTopics(topics []string) string {
	shown := topics
	if len(shown) > maxQuoted {
		shown = shown[:maxQuoted]
	}
	q := make([]string, len(shown))
	for i, t := range shown {
		q[i] = "'" + t + "'"
	}
	word := "topics"
	if len(topics) == 1 {
		word = "topic"
	}
	s := word + " " + strings.Join(q, ", ")
	if more := len(topics) - len(shown); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

func themeName(n Need) string {
	if n.ThemeLabel != "" {
		return n.ThemeLabel
	}
	if n.ThemeID != "" {
		return n.ThemeID
	}
	return strings.Join(n.ThemeTerms, ", ")
}
