package dashboard

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Every text the templates and handlers translate has a French version.
func TestFrenchCoversEveryText(t *testing.T) {
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`\{\{(?:t|trf) (?:\$\.Lang|\.Lang) "([^"]+)"`),
		regexp.MustCompile(`trf?\(lang, "([^"]+)"`),
	}
	files, _ := filepath.Glob("templates/*.html")
	gofiles, _ := filepath.Glob("*.go")
	missing := map[string]bool{}
	for _, f := range append(files, gofiles...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range patterns {
			for _, m := range p.FindAllStringSubmatch(string(raw), -1) {
				if _, ok := frenchTexts[m[1]]; !ok {
					missing[m[1]] = true
				}
			}
		}
	}
	for _, k := range append(append([]string{}, Roles()...), "Portfolio", "How-to themes", "Course plan", "Data status", "Overview", "red", "amber", "green") {
		if _, ok := frenchTexts[k]; !ok {
			missing[k] = true
		}
	}
	for _, k := range sortKeys {
		if _, ok := frenchTexts[k.Label]; !ok {
			missing[k.Label] = true
		}
	}
	for k := range missing {
		t.Errorf("no French for %q", k)
	}
	for en, fr := range frenchTexts {
		if strings.Count(en, "%") != strings.Count(fr, "%") {
			t.Errorf("the French of %q has other %% verbs: %q", en, fr)
		}
	}
}

func TestNumbersAndDatesFollowTheLanguage(t *testing.T) {
	cases := []struct{ lang, got, want string }{
		{langEN, formatNumber(langEN, 1, 1234567.26), "1,234,567.3"},
		{langFR, formatNumber(langFR, 1, 1234567.26), "1\u202f234\u202f567,3"},
		{langFR, formatNumber(langFR, 0, -1234), "-1\u202f234"},
		{langEN, formatDate(langEN, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)), "2026-12-01"},
		{langFR, formatDate(langFR, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)), "01/12/2026"},
		{langFR, formatMonth(langFR, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)), "février 2026"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.lang, c.got, c.want)
		}
	}
}
