package courses

import (
	"cmp"
	"slices"
	"strings"
)

// audience is one account's combined demand for one course.
type audience struct {
	course    Course
	id, name  string
	people    int
	benefit   float64
	needNames []string // themes or "low X adoption", for reasons
}

// seat is one account's share of one session.
type seat struct {
	id, name, why string
	attendees     int
}

// session is one delivery of a course.
type session struct {
	course   Course
	seats    []seat
	priority float64 // benefit of the needs it serves, for ordering
	benefit  float64 // this session's share of that benefit
	seq      int     // creation order, the last tie-break
}

// combine merges each account's recommendations of the same course.
func combine(recs []Recommendation) []audience {
	// Walk in a fixed order: names and float sums then cannot depend on
	// the order recommendations were given in.
	ptrs := make([]*Recommendation, len(recs))
	for i := range recs {
		ptrs[i] = &recs[i]
	}
	slices.SortStableFunc(ptrs, compareRecs)
	byKey := map[[2]string]*audience{}
	var keys [][2]string
	for _, r := range ptrs {
		k := [2]string{r.Course.ID, r.Need.AccountID}
		a, ok := byKey[k]
		if !ok {
			name := r.Need.AccountName
			if name == "" {
				name = r.Need.AccountID
			}
			a = &audience{course: r.Course, id: r.Need.AccountID, name: name}
			byKey[k] = a
			keys = append(keys, k)
		}
		a.people = max(a.people, r.Need.Audience)
		a.benefit += r.Benefit
		a.needNames = append(a.needNames, needName(r.Need))
	}
	out := make([]audience, 0, len(keys))
	for _, k := range keys {
		a := byKey[k]
		slices.Sort(a.needNames)
		a.needNames = slices.Compact(a.needNames)
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b audience) int {
		return cmp.Or(cmp.Compare(a.course.ID, b.course.ID), -cmp.Compare(a.benefit, b.benefit), cmp.Compare(a.id, b.id))
	})
	return out
}

func needName(n Need) string {
	if n.Kind == KindLowAdoption {
		if w, ok := CanonicalWorkload(n.Workload); ok && w != "" {
			return "low " + w + " adoption"
		}
		return "low adoption"
	}
	return "'" + themeName(n) + "'"
}

// buildSessions cuts audiences (sorted by course, then benefit) into sessions.
func buildSessions(auds []audience, defMax int) []session {
	var out []session
	for lo := 0; lo < len(auds); {
		hi := lo
		for hi < len(auds) && auds[hi].course.ID == auds[lo].course.ID {
			hi++
		}
		out = courseSessions(out, auds[lo:hi], defMax)
		lo = hi
	}
	for i := range out {
		out[i].seq = i
	}
	return out
}

// courseSessions adds the sessions of one course: own sessions for large
// accounts, shared first-fit sessions for small ones.
func courseSessions(out []session, auds []audience, defMax int) []session {
	maxAtt := auds[0].course.effectiveMax(defMax)
	var own, shared []session
	for _, a := range auds {
		st := seat{id: a.id, name: a.name, why: strings.Join(a.needNames, ", ")}
		if 2*a.people > maxAtt {
			own = append(own, ownSessions(a, st, maxAtt)...)
			continue
		}
		st.attendees = max(a.people, 0)
		shared = joinShared(shared, st, a, maxAtt)
	}
	return append(append(out, own...), shared...)
}

// ownSessions splits a large account's people evenly over its sessions.
func ownSessions(a audience, st seat, maxAtt int) []session {
	n := ceilDiv(a.people, maxAtt)
	out := make([]session, n)
	for i := range out {
		st.attendees = a.people / n
		if i < a.people%n {
			st.attendees++
		}
		out[i] = session{course: a.course, seats: []seat{st}, priority: a.benefit, benefit: a.benefit / float64(n)}
	}
	return out
}

// joinShared puts a small account into the first shared session with room
// for all its people, or opens one.
func joinShared(shared []session, st seat, a audience, maxAtt int) []session {
	for i := range shared {
		s := &shared[i]
		if attendeesOf(*s)+st.attendees <= maxAtt {
			s.seats = append(s.seats, st)
			s.priority += a.benefit
			s.benefit += a.benefit
			return shared
		}
	}
	return append(shared, session{course: a.course, seats: []seat{st}, priority: a.benefit, benefit: a.benefit})
}

func attendeesOf(s session) int {
	n := 0
	for _, st := range s.seats {
		n += st.attendees
	}
	return n
}
