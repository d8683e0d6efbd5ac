package courses

import "strings"

// Catalogue field names, as written in YAML keys and CSV headers.
const (
	fID            = "id"
	fTitle         = "title"
	fWorkload      = "workload"
	fLevel         = "level"
	fLanguage      = "language"
	fDurationHours = "duration_hours"
	fPrice         = "price"
	fCurrency      = "currency"
	fMaxAttendees  = "max_attendees"
	fFormat        = "format"
	fTopics        = "topics"
	fDescription   = "description"
)

// fieldNames lists every field in the order they are documented.
var fieldNames = []string{fID, fTitle, fWorkload, fLevel, fLanguage, fDurationHours,
	fPrice, fCurrency, fMaxAttendees, fFormat, fTopics, fDescription}

// requiredFields must be present and non-empty in every course.
var requiredFields = []string{fID, fTitle, fLevel, fLanguage, fDurationHours, fMaxAttendees, fTopics}

// fieldAliases accepts the column names of the database's courses table
// and of common spreadsheets.
var fieldAliases = map[string]string{
	"course_id": fID, "duration": fDurationHours, "max_participants": fMaxAttendees,
	"lang": fLanguage, "keywords": fTopics,
}

// canonicalField returns the field name a key or header stands for, or "".
func canonicalField(key string) string {
	k := strings.ToLower(strings.TrimSpace(key))
	k = strings.ReplaceAll(strings.ReplaceAll(k, " ", "_"), "-", "_")
	if a, ok := fieldAliases[k]; ok {
		return a
	}
	for _, f := range fieldNames {
		if f == k {
			return f
		}
	}
	return ""
}

// rawValue is one field's text as read, with where it was read.
type rawValue struct {
	text      string
	list      []string // YAML sequences (topics); nil for scalars
	isList    bool
	invalid   bool // already reported as malformed
	line, col int
}

// rawCourse is one course as read from a file, before validation.
type rawCourse struct {
	line, col int
	fields    map[string]rawValue
	broken    bool // a problem was reported while reading it
}
