package courses

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const goodYAML = `courses:
  - id: TEAMS-110-FR
    title: "Réunions Teams : partager son écran"
    workload: teams
    level: Beginner
    language: FR
    duration_hours: 1,5
    price: 690
    max_attendees: 12
    format: online
    topics: [partager écran, share screen]
    description: Présenter en réunion.
  - course_id: SEC-1
    title: Sign in safely
    workload: Azure AD
    level: intermediate
    language: en
    duration_hours: 2
    max_attendees: 8
    topics: "mfa; password reset ;"
`

const goodCSV = "\ufeffid,title,workload,level,language,duration_hours,price,currency,max_attendees,format,topics,description\n" +
	"TEAMS-110-FR,Réunions Teams,Teams,beginner,fr,1.5,690,EUR,12,remote,partager écran;share screen,\"Présenter, partager\"\n" +
	"SEC-1,Sign in safely,Azure AD,intermediate,en,2,,,8,,mfa; password reset ;,\n"

func TestParseGood(t *testing.T) {
	want := []Course{
		{ID: "TEAMS-110-FR", Title: "Réunions Teams : partager son écran", Workload: "Teams", Level: "beginner",
			Language: "fr", DurationHours: 1.5, Price: 690, Currency: "EUR", MaxAttendees: 12, Format: "remote",
			Topics: []string{"partager écran", "share screen"}, Description: "Présenter en réunion."},
		{ID: "SEC-1", Title: "Sign in safely", Workload: "Entra ID", Level: "intermediate", Language: "en",
			DurationHours: 2, MaxAttendees: 8, Topics: []string{"mfa", "password reset"}},
	}
	tests := []struct {
		name, file, text string
		want             []Course
	}{
		{"yaml", "courses.yaml", goodYAML, want},
		{"yaml top-level list", "c.yml", strings.Replace(strings.ReplaceAll(goodYAML, "\n  ", "\n"), "courses:\n", "", 1), want},
		{"csv", "courses.CSV", goodCSV, []Course{
			{ID: "TEAMS-110-FR", Title: "Réunions Teams", Workload: "Teams", Level: "beginner", Language: "fr",
				DurationHours: 1.5, Price: 690, Currency: "EUR", MaxAttendees: 12, Format: "remote",
				Topics: []string{"partager écran", "share screen"}, Description: "Présenter, partager"},
			want[1]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.text), tt.file)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCanonicalWorkload(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Outlook", "Exchange", true}, {"exchange online", "Exchange", true},
		{"Office", "Apps", true}, {"Microsoft 365 Apps", "Apps", true}, {"Excel", "Apps", true},
		{"Azure AD", "Entra ID", true}, {"azure-active-directory", "Entra ID", true}, {"Entra ID", "Entra ID", true},
		{"MS Teams", "Teams", true}, {"OneDrive for Business", "OneDrive", true}, {"SharePoint Online", "SharePoint", true},
		{"", "", true}, {"General", "", true},
		{"Yammer", "", false}, {"Exchnage", "", false},
	}
	for _, tt := range tests {
		got, ok := CanonicalWorkload(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalWorkload(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// yamlCourse1 writes one YAML course with fields overridden, or removed by "-".
func yamlCourse1(overrides map[string]string) string {
	fields := [][2]string{{"id", "C-1"}, {"title", "T"}, {"workload", "Teams"}, {"level", "beginner"},
		{"language", "en"}, {"duration_hours", "2"}, {"max_attendees", "12"}, {"topics", "[share screen]"}}
	var b strings.Builder
	b.WriteString("courses:\n")
	prefix := "  - "
	for _, f := range fields {
		v, ok := overrides[f[0]]
		if !ok {
			v = f[1]
		}
		if v == "-" {
			continue
		}
		b.WriteString(prefix + f[0] + ": " + v + "\n")
		prefix = "    "
	}
	for k, v := range overrides {
		if k == "extra" {
			b.WriteString("    " + v + "\n")
		}
	}
	return b.String()
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string // substrings, one per expected problem, in order
	}{
		{"bad level", "courses.yaml", yamlCourse1(map[string]string{"id": "TEAMS-201", "level": "expert"}),
			[]string{`courses.yaml line 5, column 12 (level): course "TEAMS-201": level "expert" is not one of beginner, intermediate, advanced`}},
		{"unknown workload", "courses.yaml", yamlCourse1(map[string]string{"workload": "Yammer"}),
			[]string{`line 4, column 15 (workload): course "C-1": workload "Yammer" is not known; use one of Exchange, Teams`}},
		{"missing level", "courses.yaml", yamlCourse1(map[string]string{"level": "-"}),
			[]string{`courses.yaml line 2, column 5 (level): course "C-1": level is missing; use beginner, intermediate or advanced`}},
		{"missing id", "courses.yaml", yamlCourse1(map[string]string{"id": "-", "title": "T"}),
			[]string{`line 2, column 5 (id): id is missing; give every course a unique id`}},
		{"bad language", "courses.yaml", yamlCourse1(map[string]string{"language": "french"}),
			[]string{`line 6, column 15 (language): course "C-1": language "french" is not a two-letter code`}},
		{"zero duration, negative max", "courses.yaml", yamlCourse1(map[string]string{"duration_hours": "0", "max_attendees": "-3"}),
			[]string{`line 7, column 21 (duration_hours): course "C-1": duration_hours "0" is not a positive number`,
				`line 8, column 20 (max_attendees): course "C-1": max_attendees "-3" is not a positive whole number`}},
		{"empty topics", "courses.yaml", yamlCourse1(map[string]string{"topics": "[]"}),
			[]string{`line 9, column 13 (topics): course "C-1": topics is missing; list short phrases`}},
		{"unknown field", "courses.yaml", yamlCourse1(map[string]string{"extra": "trainer: Bob"}),
			[]string{`line 10, column 5 (trainer): course "C-1": unknown field "trainer"; known fields are id, title`}},
		{"nested title", "courses.yaml", yamlCourse1(map[string]string{"title": "{a: b}"}),
			[]string{`line 3, column 12 (title): course "C-1": title has the wrong shape; write a single value`}},
		{"duplicate id", "courses.yaml", yamlCourse1(nil) + strings.TrimPrefix(yamlCourse1(nil), "courses:\n"),
			[]string{`line 10, column 9 (id): course "C-1": id "C-1" is also used on line 2; give each course its own id`}},
		{"yaml syntax", "courses.yaml", "courses:\n  - id: a\n    title: b\n      level: c\n",
			[]string{`courses.yaml line 4: not valid YAML (mapping values are not allowed in this context)`}},
		{"not a list", "courses.yaml", "courses: 3\n", []string{`courses.yaml line 1, column 10: expected a list of courses`}},
		{"empty yaml", "courses.yaml", "", []string{`courses.yaml: the file holds no courses`}},
		{"csv bad values", "c.csv", "id,title,level,language,duration_hours,max_attendees,topics\n" +
			"A,T,expert,en,2,12,x\nB,T,beginner,eng,two,12,x\n",
			[]string{`c.csv line 2, column 5 (level): course "A": level "expert"`,
				`c.csv line 3, column 14 (language): course "B": language "eng" is not a two-letter code`,
				`c.csv line 3, column 18 (duration_hours): course "B": duration_hours "two" is not a positive number`}},
		{"csv missing column", "c.csv", "id,title,level,language,duration_hours,topics,colour\nA,T,beginner,en,2,x,red\n",
			[]string{`c.csv line 1, column 7 (colour): unknown column "colour"`,
				`c.csv line 1 (max_attendees): column max_attendees is missing; add it to the header`}},
		{"csv short row", "c.csv", "id,title,level,language,duration_hours,max_attendees,topics\nA,T,beginner,en,2,12\n",
			[]string{`c.csv line 2: has 6 fields but the header has 7`}},
		{"csv semicolons", "c.csv", "id;title;level\nA;T;beginner\n", []string{`c.csv line 1, column 1: the header is separated by semicolons`}},
		{"csv bad quote", "c.csv", "id,title,level,language,duration_hours,max_attendees,topics\nA,\"T,beginner,en,2,12,x\n",
			[]string{`c.csv line 2, column 25: not valid CSV (extraneous or missing " in quoted-field)`}},
		{"csv duplicate id", "c.csv", "id,title,level,language,duration_hours,max_attendees,topics\nA,T,beginner,en,2,12,x\nA,U,beginner,en,2,12,x\n",
			[]string{`c.csv line 3, column 1 (id): course "A": id "A" is also used on line 2`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.text), tt.file)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if len(pe.Errs) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(pe.Errs), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := pe.Errs[i].Error(); !strings.Contains(got, w) {
					t.Errorf("problem %d:\n got %s\nwant %s", i, got, w)
				}
			}
		})
	}
}

func TestParseKeepsValidCourses(t *testing.T) {
	text := yamlCourse1(map[string]string{"id": "BAD", "level": "expert"}) +
		strings.TrimPrefix(yamlCourse1(map[string]string{"id": "GOOD"}), "courses:\n")
	cs, err := Parse(strings.NewReader(text), "c.yaml")
	if err == nil {
		t.Fatal("want an error for course BAD")
	}
	if len(cs) != 1 || cs[0].ID != "GOOD" {
		t.Errorf("got courses %+v, want only GOOD", cs)
	}
}

func TestParseCapsErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,level,language,duration_hours,max_attendees,topics\n")
	for i := 0; i < 30; i++ {
		b.WriteString("A,T,expert,en,2,12,x\n") // bad level, and from the second on a duplicate id
	}
	_, err := Parse(strings.NewReader(b.String()), "c.csv")
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	if len(pe.Errs) != maxErrors || pe.Omitted == 0 {
		t.Errorf("got %d listed and %d omitted, want %d listed and some omitted", len(pe.Errs), pe.Omitted, maxErrors)
	}
	if !strings.HasSuffix(err.Error(), "more problems") {
		t.Errorf("message does not mention omitted problems: …%s", err.Error()[len(err.Error())-60:])
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Line != 2 {
		t.Errorf("errors.As found %+v, want the first problem on line 2", fe)
	}
}

func TestParseUnknownExtension(t *testing.T) {
	if _, err := Parse(strings.NewReader("x"), "courses.xlsx"); err == nil || !strings.Contains(err.Error(), ".yaml, .yml or .csv") {
		t.Errorf("got %v, want an error naming the accepted formats", err)
	}
}
