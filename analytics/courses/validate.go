package courses

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// levelAliases accepts level names in the catalogue languages.
var levelAliases = map[string]string{
	"beginner": "beginner", "basic": "beginner", "debutant": "beginner", "anfanger": "beginner", "einsteiger": "beginner",
	"intermediate": "intermediate", "intermediaire": "intermediate", "mittel": "intermediate",
	"advanced": "advanced", "avance": "advanced", "fortgeschritten": "advanced",
}

// defaultCurrency applies to a price given without currency: the catalogue
// is priced in euros unless it says otherwise.
const defaultCurrency = "EUR"

// validator turns raw courses into Courses, reporting problems to errs and
// remembering ids to catch duplicates across the file.
type validator struct {
	errs *collector
	seen map[string]int // id → line of first use
}

func newValidator(errs *collector) *validator {
	return &validator{errs: errs, seen: map[string]int{}}
}

// course validates one raw course; ok is false when it had problems.
func (v *validator) course(rc rawCourse) (Course, bool) {
	before := len(v.errs.errs) + v.errs.omitted
	id := strings.TrimSpace(rc.fields[fID].text)
	bad := func(field, format string, args ...any) {
		val, ok := rc.fields[field]
		line, col := rc.line, rc.col
		if ok {
			line, col = val.line, val.col
		}
		v.errs.add(&FieldError{Line: line, Column: col, Field: field, CourseID: id, Msg: fmt.Sprintf(format, args...)})
	}
	for _, f := range requiredFields {
		if val, ok := rc.fields[f]; !ok || !val.invalid && isBlank(f, val) {
			bad(f, "%s is missing; %s", f, requiredHint[f])
		}
	}
	c := Course{
		ID:          id,
		Title:       strings.TrimSpace(rc.fields[fTitle].text),
		Description: strings.TrimSpace(rc.fields[fDescription].text),
	}
	v.checkID(c.ID, rc, bad)
	c.Workload = v.workload(rc, bad)
	c.Level = v.level(rc, bad)
	c.Language = v.language(rc, bad)
	c.DurationHours = v.positiveNumber(rc, fDurationHours, bad)
	c.MaxAttendees = v.positiveInt(rc, fMaxAttendees, bad)
	c.Price, c.Currency = v.price(rc, bad)
	c.Format = v.format(rc, bad)
	c.Topics = topicsOf(rc.fields[fTopics])
	return c, !rc.broken && len(v.errs.errs)+v.errs.omitted == before
}

// isBlank reports whether a field holds nothing usable.
func isBlank(field string, val rawValue) bool {
	if field == fTopics {
		return len(topicsOf(val)) == 0
	}
	return strings.TrimSpace(val.text) == ""
}

// requiredHint says what to write for each required field.
var requiredHint = map[string]string{
	fID:            "give every course a unique id such as TEAMS-101-EN",
	fTitle:         "give the course a title in its language",
	fLevel:         "use beginner, intermediate or advanced",
	fLanguage:      "use a two-letter code such as en, fr or de",
	fDurationHours: "give the length of one session in hours, e.g. 2 or 1.5",
	fMaxAttendees:  "give the largest number of people per session, e.g. 12",
	fTopics:        "list short phrases people use for what the course answers, in the course language and in English, e.g. share screen; partager écran",
}

func (v *validator) checkID(id string, rc rawCourse, bad func(string, string, ...any)) {
	if id == "" {
		return
	}
	if strings.ContainsFunc(id, func(r rune) bool { return r < ' ' }) {
		bad(fID, "id %q holds control characters; use letters, digits and dashes", id)
	}
	if first, dup := v.seen[id]; dup {
		bad(fID, "id %q is also used on line %d; give each course its own id", id, first)
		return
	}
	v.seen[id] = rc.fields[fID].line
}

func (v *validator) workload(rc rawCourse, bad func(string, string, ...any)) string {
	raw := strings.TrimSpace(rc.fields[fWorkload].text)
	w, ok := CanonicalWorkload(raw)
	if !ok {
		bad(fWorkload, "workload %q is not known; use one of %s, or leave it empty for a general course",
			raw, strings.Join(workloads, ", "))
	}
	return w
}

func (v *validator) level(rc rawCourse, bad func(string, string, ...any)) string {
	raw := strings.TrimSpace(rc.fields[fLevel].text)
	if raw == "" {
		return ""
	}
	l, ok := levelAliases[squash(raw)]
	if !ok {
		bad(fLevel, "level %q is not one of %s", raw, strings.Join(levels, ", "))
	}
	return l
}

func (v *validator) language(rc rawCourse, bad func(string, string, ...any)) string {
	raw := strings.TrimSpace(rc.fields[fLanguage].text)
	if raw == "" {
		return ""
	}
	l := strings.ToLower(raw)
	if len(l) != 2 || l[0] < 'a' || l[0] > 'z' || l[1] < 'a' || l[1] > 'z' {
		bad(fLanguage, "language %q is not a two-letter code; use e.g. en, fr or de", raw)
	}
	return l
}

// number reads a decimal, accepting a decimal comma as French and German
// spreadsheets write it.
func number(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return f, err
}

func (v *validator) positiveNumber(rc rawCourse, field string, bad func(string, string, ...any)) float64 {
	raw := strings.TrimSpace(rc.fields[field].text)
	if raw == "" {
		return 0
	}
	f, err := number(raw)
	if err != nil || f <= 0 {
		bad(field, "%s %q is not a positive number; %s", field, raw, requiredHint[field])
		return 0
	}
	return f
}

func (v *validator) positiveInt(rc rawCourse, field string, bad func(string, string, ...any)) int {
	raw := strings.TrimSpace(rc.fields[field].text)
	if raw == "" {
		return 0
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n <= 0 {
		bad(field, "%s %q is not a positive whole number; %s", field, raw, requiredHint[field])
		return 0
	}
	return n
}

func (v *validator) price(rc rawCourse, bad func(string, string, ...any)) (float64, string) {
	raw := strings.TrimSpace(rc.fields[fPrice].text)
	cur := strings.ToUpper(strings.TrimSpace(rc.fields[fCurrency].text))
	var p float64
	if raw != "" {
		var err error
		if p, err = number(raw); err != nil || p < 0 {
			bad(fPrice, "price %q is not a number of zero or more; give the list price of one session, e.g. 890", raw)
			p = 0
		}
	}
	if cur != "" && !isCurrencyCode(cur) {
		bad(fCurrency, "currency %q is not a three-letter code; use e.g. EUR, CHF or GBP", rc.fields[fCurrency].text)
	}
	if cur == "" && raw != "" {
		cur = defaultCurrency
	}
	return p, cur
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (v *validator) format(rc rawCourse, bad func(string, string, ...any)) string {
	raw := strings.TrimSpace(rc.fields[fFormat].text)
	if raw == "" {
		return ""
	}
	f, ok := formatAliases[squash(raw)]
	if !ok {
		bad(fFormat, "format %q is not one of %s; leave it empty when both are offered", raw, strings.Join(formats, ", "))
	}
	return f
}

// topicsOf returns the trimmed, non-empty topic phrases; a scalar is split
// on semicolons (the CSV convention, also accepted in YAML).
func topicsOf(val rawValue) []string {
	parts := val.list
	if !val.isList {
		parts = strings.Split(val.text, ";")
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
