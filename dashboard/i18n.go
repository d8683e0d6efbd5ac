package dashboard

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// Interface languages. Texts are written in English in the templates and
// code; frenchTexts translates them. Figures, dates and numbers follow the
// language too. Evidence sentences from the analytics stay in English.
const (
	langEN = "en"
	langFR = "fr"
)

const langCookie = "uptake_lang"

// languageOf picks the interface language: ?lang= (which also sets the
// cookie), then the cookie, then the browser's Accept-Language.
func languageOf(c echo.Context) string {
	if l := c.QueryParam("lang"); l == langEN || l == langFR {
		c.SetCookie(&http.Cookie{Name: langCookie, Value: l, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 365 * 24 * 3600})
		return l
	}
	if ck, err := c.Cookie(langCookie); err == nil && (ck.Value == langEN || ck.Value == langFR) {
		return ck.Value
	}
	for _, part := range strings.Split(c.Request().Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "fr"):
			return langFR
		case strings.HasPrefix(tag, "en"):
			return langEN
		}
	}
	return langEN
}

// tr translates an interface text (the English text is the key).
func tr(lang, text string) string {
	if lang == langFR {
		if f, ok := frenchTexts[text]; ok {
			return f
		}
	}
	return text
}

// trf translates a format string, then fills it in.
func trf(lang, format string, args ...any) string { return fmt.Sprintf(tr(lang, format), args...) }

// formatNumber writes v with the given decimals: 1,234.5 in English,
// 1 234,5 in French (narrow no-break space for thousands).
func formatNumber(lang string, decimals int, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := fmt.Sprintf("%.*f", decimals, v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if lang == langFR {
		sep, dec = "\u202f", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// toFloat accepts the numeric types templates pass.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	case uint32:
		return float64(x)
	case float64:
		return x
	case float32:
		return float64(x)
	}
	return math.NaN()
}

var frenchMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// formatDate writes a day: 2026-12-01 in English (ISO), 01/12/2026 in French.
func formatDate(lang string, t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	if lang == langFR {
		return t.Format("02/01/2006")
	}
	return t.Format("2006-01-02")
}

func formatDateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return tr(lang, "never")
	}
	if lang == langFR {
		return t.UTC().Format("02/01/2006 15:04")
	}
	return t.UTC().Format("2006-01-02 15:04")
}

func formatMonth(lang string, t time.Time) string {
	if lang == langFR {
		return frenchMonths[t.Month()-1] + " " + t.Format("2006")
	}
	return t.Format("January 2006")
}

// langSwitch is the link to the same page in the other language.
func langSwitch(c echo.Context, lang string) (href, label string) {
	q := c.Request().URL.Query()
	if lang == langFR {
		q.Set("lang", langEN)
		label = "English"
	} else {
		q.Set("lang", langFR)
		label = "Français"
	}
	return c.Request().URL.Path + "?" + q.Encode(), label
}
