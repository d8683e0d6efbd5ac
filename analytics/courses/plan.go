package courses

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// PlanLine is one course in one language in one month of the plan.
type PlanLine struct {
	Month                           time.Time // first day of the month, start's location
	CourseID, CourseTitle, Language string
	Sessions                        int
	Accounts                        []string // account ids, highest benefit first
	AccountNames                    []string // parallel to Accounts; the id when no name was given
	Attendees                       int
	Reason                          string
	Benefit                         float64 // the scheduled sessions' share of their needs' benefit
}

// PlanOptions tune Plan; zero values take the defaults.
type PlanOptions struct {
	SessionsPerMonth    int // trainer capacity, sessions per month (default 20)
	DefaultMaxAttendees int // for courses that do not say (default 12)
}

func (o PlanOptions) withDefaults() PlanOptions {
	if o.SessionsPerMonth <= 0 {
		o.SessionsPerMonth = 20
	}
	if o.DefaultMaxAttendees <= 0 {
		o.DefaultMaxAttendees = 12
	}
	return o
}

// Plan turns recommendations into sessions and spreads them over the
// months from the one containing start, at most SessionsPerMonth a month,
// highest benefit first.
//
// Sessions are built per course (a course has one language):
//   - An account's recommendations of the same course are one audience: the
//     largest of their audiences (the same people ask several questions),
//     the sum of their benefits.
//   - An account with more than half a session of people gets sessions of
//     its own: ceil(audience / max_attendees), people spread evenly, so 30
//     people and 12 places give 10+10+10.
//   - Smaller accounts share sessions: in order of benefit, each joins the
//     first shared session with room for all its people, or opens one. An
//     account with no known audience joins without adding attendees.
//
// A session's priority is its accounts' benefit; ties go to course id and
// then account id, so the plan does not depend on input order. Lines come
// by month, and within a month in the order their first session was
// scheduled (highest priority first).
func Plan(recs []Recommendation, start time.Time, opts PlanOptions) []PlanLine {
	opts = opts.withDefaults()
	sessions := buildSessions(combine(recs), opts.DefaultMaxAttendees)
	slices.SortStableFunc(sessions, func(a, b session) int {
		return cmp.Or(-cmp.Compare(a.priority, b.priority), cmp.Compare(a.course.ID, b.course.ID),
			cmp.Compare(a.seats[0].id, b.seats[0].id), cmp.Compare(a.seq, b.seq))
	})
	first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, start.Location())
	lines := map[lineKey]*PlanLine{}
	var order []lineKey
	for i, s := range sessions {
		k := lineKey{month: i / opts.SessionsPerMonth, course: s.course.ID}
		pl, ok := lines[k]
		if !ok {
			pl = &PlanLine{Month: first.AddDate(0, k.month, 0), CourseID: s.course.ID,
				CourseTitle: s.course.Title, Language: s.course.Language}
			lines[k] = pl
			order = append(order, k)
		}
		addSession(pl, s)
	}
	out := make([]PlanLine, 0, len(order))
	for _, k := range order {
		pl := lines[k]
		pl.Reason = planReason(pl, sessions, k, opts.SessionsPerMonth)
		out = append(out, *pl)
	}
	return out
}

type lineKey struct {
	month  int
	course string
}

// addSession counts one session into a line, keeping accounts unique.
func addSession(pl *PlanLine, s session) {
	pl.Sessions++
	pl.Benefit += s.benefit
	for _, st := range s.seats {
		pl.Attendees += st.attendees
		if !slices.Contains(pl.Accounts, st.id) {
			pl.Accounts = append(pl.Accounts, st.id)
			pl.AccountNames = append(pl.AccountNames, st.name)
		}
	}
}

// planReason summarises why the line's sessions are there: which accounts
// and needs, and whether sessions are shared.
func planReason(pl *PlanLine, sessions []session, k lineKey, perMonth int) string {
	whys := map[string]string{}
	shared := false
	lo, hi := k.month*perMonth, min((k.month+1)*perMonth, len(sessions))
	for _, s := range sessions[lo:hi] {
		if s.course.ID != k.course {
			continue
		}
		shared = shared || len(s.seats) > 1
		for _, st := range s.seats {
			whys[st.id] = st.why
		}
	}
	parts := make([]string, 0, maxQuoted+1)
	for i, id := range pl.Accounts {
		if i == maxQuoted {
			parts = append(parts, fmt.Sprintf("and %d more accounts", len(pl.Accounts)-maxQuoted))
			break
		}
		parts = append(parts, fmt.Sprintf("%s: %s", pl.AccountNames[i], whys[id]))
	}
	s := strings.Join(parts, "; ")
	if shared {
		s += " (small accounts share sessions)"
	}
	return s
}
