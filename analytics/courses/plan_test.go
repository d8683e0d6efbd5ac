package courses

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// rec builds a recommendation of course id (max 12 places) for an account.
func rec(course, account string, audience int, benefit float64) Recommendation {
	return Recommendation{
		Need:    Need{AccountID: account, AccountName: "Name " + account, Kind: KindHowTo, ThemeLabel: "theme " + course, Audience: audience},
		Course:  Course{ID: course, Title: "Title " + course, Language: "en", MaxAttendees: 12},
		Benefit: benefit,
	}
}

var march = time.Date(2026, 3, 17, 15, 4, 0, 0, time.UTC)

func TestPlanSplitsLargeAccounts(t *testing.T) {
	lines := Plan([]Recommendation{rec("C", "big", 30, 10)}, march, PlanOptions{})
	want := []PlanLine{{
		Month: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), CourseID: "C", CourseTitle: "Title C", Language: "en",
		Sessions: 3, Accounts: []string{"big"}, AccountNames: []string{"Name big"}, Attendees: 30,
		Reason: "Name big: 'theme C'", Benefit: 10,
	}}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got  %+v\nwant %+v", lines, want)
	}
}

// sessionSizes runs the session builder alone to see each session's people.
func sessionSizes(recs []Recommendation) [][]int {
	var out [][]int
	for _, s := range buildSessions(combine(recs), 12) {
		var sizes []int
		for _, st := range s.seats {
			sizes = append(sizes, st.attendees)
		}
		out = append(out, sizes)
	}
	return out
}

func TestPlanSessions(t *testing.T) {
	tests := []struct {
		name string
		recs []Recommendation
		want [][]int // attendees per account per session, in creation order
	}{
		{"30 people, 12 places: three sessions of 10", []Recommendation{rec("C", "a", 30, 1)}, [][]int{{10}, {10}, {10}}},
		{"13 people: 7 and 6", []Recommendation{rec("C", "a", 13, 1)}, [][]int{{7}, {6}}},
		{"exactly one session", []Recommendation{rec("C", "a", 12, 1)}, [][]int{{12}}},
		{"small accounts share first fit by benefit",
			[]Recommendation{rec("C", "a", 5, 3), rec("C", "b", 6, 2), rec("C", "c", 4, 1), rec("C", "d", 1, 0.5)},
			[][]int{{5, 6, 1}, {4}}},
		{"large and small apart", []Recommendation{rec("C", "a", 7, 1), rec("C", "b", 3, 2)}, [][]int{{7}, {3}}},
		{"same account, two themes: largest audience", []Recommendation{rec("C", "a", 20, 1), rec("C", "a", 8, 1)}, [][]int{{10}, {10}}},
		{"unknown audience joins without people", []Recommendation{rec("C", "a", 0, 1), rec("C", "b", 6, 2)}, [][]int{{6, 0}}},
		{"courses apart", []Recommendation{rec("C", "a", 3, 1), rec("D", "b", 3, 1)}, [][]int{{3}, {3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sessionSizes(tt.recs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlanCapacity(t *testing.T) {
	recs := []Recommendation{
		rec("LOW", "x", 24, 1),   // 2 sessions, scheduled last
		rec("HIGH", "y", 36, 9),  // 3 sessions, first
		rec("MID", "z", 12, 5),   // 1 session
		rec("MID", "w", 3, 4),    // its own shared session
		rec("HIGH", "v", 2, 0.5), // shared HIGH session, priority 0.5
	}
	lines := Plan(recs, march, PlanOptions{SessionsPerMonth: 2})
	type row struct {
		month    int
		course   string
		sessions int
		accounts int
	}
	var got []row
	perMonth := map[time.Month]int{}
	for _, l := range lines {
		got = append(got, row{int(l.Month.Month()), l.CourseID, l.Sessions, len(l.Accounts)})
		perMonth[l.Month.Month()] += l.Sessions
		if l.Month.Day() != 1 || l.Month.Hour() != 0 {
			t.Errorf("month %v is not the first of a month", l.Month)
		}
	}
	want := []row{{3, "HIGH", 2, 1}, {4, "HIGH", 1, 1}, {4, "MID", 1, 1}, {5, "MID", 1, 1}, {5, "LOW", 1, 1}, {6, "LOW", 1, 1}, {6, "HIGH", 1, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	for m, n := range perMonth {
		if n > 2 {
			t.Errorf("month %v has %d sessions, capacity 2", m, n)
		}
	}
}

func TestPlanSharedReason(t *testing.T) {
	lines := Plan([]Recommendation{rec("C", "a", 2, 2), rec("C", "b", 3, 1)}, march, PlanOptions{})
	want := "Name a: 'theme C'; Name b: 'theme C' (small accounts share sessions)"
	if len(lines) != 1 || lines[0].Reason != want || lines[0].Sessions != 1 || lines[0].Attendees != 5 {
		t.Errorf("got %+v, want one shared session for 5 with reason %q", lines, want)
	}
}

func TestPlanDeterministic(t *testing.T) {
	var recs []Recommendation
	for i := 0; i < 60; i++ {
		recs = append(recs, rec(string(rune('A'+i%5)), string(rune('a'+i%9)), 1+i%17, float64(i%4)+0.3))
	}
	want := Plan(recs, march, PlanOptions{SessionsPerMonth: 4})
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5; i++ {
		rng.Shuffle(len(recs), func(a, b int) { recs[a], recs[b] = recs[b], recs[a] })
		if got := Plan(recs, march, PlanOptions{SessionsPerMonth: 4}); !reflect.DeepEqual(got, want) {
			t.Fatal("shuffled recommendations gave a different plan")
		}
	}
}

func TestPlanEmpty(t *testing.T) {
	if got := Plan(nil, march, PlanOptions{}); len(got) != 0 {
		t.Errorf("got %v for no recommendations", got)
	}
}
