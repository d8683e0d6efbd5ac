package dashboard

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// maxTextParam bounds free-text parameters (search, names, ids).
const maxTextParam = 200

// onlyParams refuses a request whose URL query names a parameter the route
// does not take, saying which ones it does: a mistyped filter is then
// noticed instead of silently ignored.
func onlyParams(names ...string) echo.MiddlewareFunc {
	allowed := append([]string{"lang"}, names...)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			for k, vs := range c.QueryParams() {
				if !slices.Contains(allowed, k) {
					return echo.NewHTTPError(http.StatusBadRequest, "unknown parameter "+quoteParam(k)+"; this page takes "+strings.Join(allowed, ", "))
				}
				if len(vs) > 1 {
					return echo.NewHTTPError(http.StatusBadRequest, "parameter "+k+" is given more than once; give it once")
				}
				if err := checkText(k, vs[0], maxTextParam); err != nil {
					return err
				}
			}
			if l := c.QueryParam("lang"); l != "" && l != langEN && l != langFR {
				return echo.NewHTTPError(http.StatusBadRequest, "lang must be en or fr")
			}
			return next(c)
		}
	}
}

// checkText refuses text that is too long, not UTF-8, or holds control
// characters.
func checkText(name, v string, max int) error {
	switch {
	case !utf8.ValidString(v):
		return echo.NewHTTPError(http.StatusBadRequest, name+" must be UTF-8 text")
	case utf8.RuneCountInString(v) > max:
		return echo.NewHTTPError(http.StatusBadRequest, name+" is too long: at most "+strconv.Itoa(max)+" characters")
	case strings.IndexFunc(v, unicode.IsControl) >= 0:
		return echo.NewHTTPError(http.StatusBadRequest, name+" must not hold control characters (tabs, line breaks)")
	}
	return nil
}

// checkOneOf refuses v unless it is empty or one of choices.
func checkOneOf(name, v string, choices []string) error {
	if v == "" || slices.Contains(choices, v) {
		return nil
	}
	if len(choices) == 0 {
		return echo.NewHTTPError(http.StatusBadRequest, name+" "+quoteParam(v)+" matches nothing: there is no data for it yet")
	}
	shown := choices
	if len(shown) > 12 {
		shown = append(shown[:12:12], "…")
	}
	return echo.NewHTTPError(http.StatusBadRequest, name+" "+quoteParam(v)+" is not one of the values in your data: "+strings.Join(shown, ", "))
}

var errBadAccountID = echo.NewHTTPError(http.StatusBadRequest, "an account id is 1 to 200 characters of text, without slashes or control characters")

// validAccountID accepts the characters account ids are made of.
func validAccountID(id string) bool {
	if id == "" || !utf8.ValidString(id) || utf8.RuneCountInString(id) > maxTextParam {
		return false
	}
	return strings.IndexFunc(id, func(r rune) bool { return unicode.IsControl(r) || r == '/' || r == '\\' }) < 0
}

// quoteParam shows a user's value in a message, shortened.
func quoteParam(v string) string {
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return "\"" + strings.ToValidUTF8(v, "?") + "\""
}
