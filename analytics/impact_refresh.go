package analytics

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/store"
)

// Training-impact outcomes.
const (
	OutcomeHowTo    = "howto"    // how-to tickets per 100 seats per week
	OutcomeAdoption = "adoption" // % of assigned seats active over 28 days, on the course's workload
)

// controlsPerTraining is how many look-alike untrained accounts each
// trained one is compared with.
const controlsPerTraining = 5

// Training is one course delivered to an account.
type Training struct {
	AccountID   string    `ch:"account_id"`
	TrainingID  string    `ch:"training_id"`
	CourseID    string    `ch:"course_id"`
	DeliveredOn time.Time `ch:"delivered_on"`
	Attendees   uint64    `ch:"attendees"`
	Language    string    `ch:"language"`
	Workload    string    `ch:"workload"`
	Title       string    `ch:"title"`
}

// Trainings lists every training delivered (query trainings_delivered).
func (s *Service) Trainings(ctx context.Context) ([]Training, error) {
	res, err := s.st.Query(ctx, s.q.TrainingsDelivered, nil)
	if err != nil {
		return nil, fmt.Errorf("trainings: %w", err)
	}
	return store.Scan[Training](res)
}

// weekly is one account's (or account and workload's) outcome per week,
// NaN where unknown, with prefix sums for window means in constant time.
type weekly struct {
	sum []float64 // sum[i] = total of the first i known values
	n   []int
}

func newWeekly(values []float64) weekly {
	w := weekly{sum: make([]float64, len(values)+1), n: make([]int, len(values)+1)}
	for i, v := range values {
		w.sum[i+1], w.n[i+1] = w.sum[i], w.n[i]
		if !math.IsNaN(v) {
			w.sum[i+1] += v
			w.n[i+1]++
		}
	}
	return w
}

// mean of weeks [lo, hi) when at least half of them are known.
func (w weekly) mean(lo, hi int) (float64, bool) {
	if lo < 0 || hi > len(w.n)-1 || hi <= lo {
		return 0, false
	}
	n := w.n[hi] - w.n[lo]
	if 2*n < hi-lo {
		return 0, false
	}
	return (w.sum[hi] - w.sum[lo]) / float64(n), true
}

// impactInput is what the comparison reads, on one grid of weeks.
type impactInput struct {
	from      time.Time
	weeks     int
	howto     map[string]weekly // by account
	seats     map[string][]float64
	adoption  map[string]weekly // by account + "|" + workload
	trained   map[string]bool
	accounts  []string // every account with a how-to series, sorted: a fixed pool order keeps results identical run to run
	segment   map[string]string
	howtoLast int // index of the last week with ticket data
	usageLast int
}

func (in *impactInput) index(t time.Time) int { return int(t.Sub(in.from).Hours() / (24 * 7)) }

// refreshImpact recomputes training_impact: per training, the trained
// account's before/after averages and those of its matched controls.
func (s *Service) refreshImpact(ctx context.Context, version uint64) error {
	trainings, err := s.Trainings(ctx)
	if err != nil || len(trainings) == 0 {
		return err
	}
	in, err := s.impactInput(ctx, trainings)
	if err != nil {
		return err
	}
	ins, err := s.st.NewInserter(ctx, "training_impact", "outcome", "training_id", "role", "account_id", "course_id", "workload",
		"delivered_on", "segment", "weeks", "before", "after", "version")
	if err != nil {
		return err
	}
	n := s.rules.ImpactWeeks
	for _, t := range impactTrainings(trainings, n) {
		for _, outcome := range []string{OutcomeHowTo, OutcomeAdoption} {
			treated, controls, ok := in.compare(t, outcome, n)
			if !ok {
				continue
			}
			row := func(role string, u stats.Unit) error {
				return ins.Append(outcome, t.TrainingID, role, u.ID, t.CourseID, t.Workload, t.DeliveredOn, in.segment[t.AccountID], uint8(n), u.Before, u.After, version)
			}
			treated.ID = t.AccountID
			if err := row("trained", treated); err != nil {
				ins.Abort()
				return err
			}
			for _, c := range controls {
				if err := row("control", c); err != nil {
					ins.Abort()
					return err
				}
			}
		}
	}
	// A marker row moves the newest version on even when no training had
	// enough data, so older figures stop counting.
	if err := ins.Append("", "", "refresh", "", "", "", time.Unix(0, 0).UTC(), "", uint8(n), 0.0, 0.0, version); err != nil {
		ins.Abort()
		return err
	}
	return ins.Close()
}

// impactTrainings picks the trainings whose effect can be measured: the
// sessions of one course for one account within n weeks count as one
// training (a big group is taught over several days), dated by the first;
// and a training with another one of the same account in the n weeks before
// it is left out, since its "before" already carries that one's effect.
func impactTrainings(all []Training, n int) []Training {
	window := time.Duration(n) * 7 * 24 * time.Hour
	last := map[string]Training{}   // account → its previous kept-or-merged training
	first := map[string]time.Time{} // account|course → first session of the current run
	var out []Training
	for _, t := range all { // sorted by delivery date
		key := t.AccountID + "|" + t.CourseID
		if f, ok := first[key]; ok && t.DeliveredOn.Sub(f) <= window {
			continue // another session of the same course
		}
		first[key] = t.DeliveredOn
		prev, seen := last[t.AccountID]
		last[t.AccountID] = t
		if seen && t.DeliveredOn.Sub(prev.DeliveredOn) <= window {
			continue
		}
		out = append(out, t)
	}
	return out
}

// compare builds the trained unit and its matched controls for one
// training and outcome; ok is false when the weeks around it lack data.
func (in *impactInput) compare(t Training, outcome string, n int) (stats.Unit, []stats.Unit, bool) {
	at := in.index(monday(t.DeliveredOn))
	preLo, preHi, postLo, postHi := at-n, at, at+1, at+1+n
	last := in.howtoLast
	series := func(acc string) (weekly, bool) { w, ok := in.howto[acc]; return w, ok }
	if outcome == OutcomeAdoption {
		if t.Workload == "" {
			return stats.Unit{}, nil, false
		}
		last = in.usageLast
		series = func(acc string) (weekly, bool) { w, ok := in.adoption[acc+"|"+t.Workload]; return w, ok }
	}
	if postHi-1 > last {
		return stats.Unit{}, nil, false
	}
	unit := func(acc string) (stats.Unit, bool) {
		w, ok := series(acc)
		if !ok {
			return stats.Unit{}, false
		}
		b, okB := w.mean(preLo, preHi)
		a, okA := w.mean(postLo, postHi)
		seats := in.seats[acc]
		if !okB || !okA || at >= len(seats) || at < 0 || !(seats[at] > 0) {
			return stats.Unit{}, false
		}
		// Matching on the pre-period trend as well as its level keeps
		// accounts that were already climbing (new customers ramping up)
		// from posing as the trained accounts' counterfactual.
		half := (preHi - preLo) / 2
		early, okE := w.mean(preLo, preLo+half)
		late, okL := w.mean(preHi-half, preHi)
		if !okE || !okL {
			return stats.Unit{}, false
		}
		return stats.Unit{ID: acc, Before: b, After: a, Covariates: []float64{b, late - early, math.Log(seats[at])}, Stratum: in.segment[acc]}, true
	}
	treated, ok := unit(t.AccountID)
	if !ok {
		return treated, nil, false
	}
	var pool []stats.Unit
	for _, acc := range in.accounts {
		if in.trained[acc] {
			continue
		}
		if u, ok := unit(acc); ok {
			pool = append(pool, u)
		}
	}
	matches := stats.MatchControls([]stats.Unit{treated}, pool, controlsPerTraining)
	return treated, matches[treated.ID], true
}

// impactInput reads the weekly series the comparison needs, on one grid
// from n weeks before the first training to n weeks after the last.
func (s *Service) impactInput(ctx context.Context, trainings []Training) (*impactInput, error) {
	n := s.rules.ImpactWeeks
	first, last := monday(trainings[0].DeliveredOn), monday(trainings[0].DeliveredOn)
	var workloads []string
	seenWl := map[string]bool{}
	in := &impactInput{howto: map[string]weekly{}, seats: map[string][]float64{}, adoption: map[string]weekly{}, trained: map[string]bool{}}
	for _, t := range trainings {
		w := monday(t.DeliveredOn)
		if w.Before(first) {
			first = w
		}
		if w.After(last) {
			last = w
		}
		in.trained[t.AccountID] = true
		if t.Workload != "" && !seenWl[t.Workload] {
			seenWl[t.Workload] = true
			workloads = append(workloads, t.Workload)
		}
	}
	in.from = first.AddDate(0, 0, -7*n)
	to := last.AddDate(0, 0, 7*(n+1))
	in.weeks = in.index(to) + 1
	through, err := s.DataThrough(ctx)
	if err != nil {
		return nil, err
	}
	in.howtoLast = lastFullWeekIndex(in, through["tickets"])
	in.usageLast = lastFullWeekIndex(in, through["usage"])
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	in.segment = map[string]string{}
	for id, p := range profiles {
		in.segment[id] = p.Segment
	}
	args := store.Args{"from_week": store.Date(in.from), "to_week": store.Date(to)}
	if err := s.readHowToSeries(ctx, in, args); err != nil {
		return nil, err
	}
	// The empty name keeps the array typed when no course has a workload.
	args["workloads"] = append([]string{""}, workloads...)
	if err := s.readAdoptionSeries(ctx, in, args); err != nil {
		return nil, err
	}
	return in, nil
}

func lastFullWeekIndex(in *impactInput, span [2]time.Time) int {
	if span[1].IsZero() {
		return -1
	}
	return in.index(monday(span[1].AddDate(0, 0, 1)).AddDate(0, 0, -7))
}

func (s *Service) readHowToSeries(ctx context.Context, in *impactInput, args store.Args) error {
	res, err := s.st.Query(ctx, s.q.ImpactHowToSeries, args)
	if err != nil {
		return fmt.Errorf("training impact: %w", err)
	}
	type row struct {
		AccountID string    `ch:"account_id"`
		Week      time.Time `ch:"week"`
		Seats     uint64    `ch:"seats"`
		HowTo     uint64    `ch:"howto"`
	}
	rows, err := store.Scan[row](res)
	if err != nil {
		return err
	}
	values := map[string][]float64{}
	for _, r := range rows {
		v, ok := values[r.AccountID]
		if !ok {
			v, in.seats[r.AccountID] = nanSlice(in.weeks), nanSlice(in.weeks)
			values[r.AccountID] = v
		}
		i := in.index(r.Week)
		if i < 0 || i >= in.weeks || r.Seats == 0 || i > in.howtoLast {
			continue
		}
		v[i] = 100 * float64(r.HowTo) / float64(r.Seats)
		in.seats[r.AccountID][i] = float64(r.Seats)
	}
	for acc, v := range values {
		in.howto[acc] = newWeekly(v)
		in.accounts = append(in.accounts, acc)
	}
	sort.Strings(in.accounts)
	return nil
}

func (s *Service) readAdoptionSeries(ctx context.Context, in *impactInput, args store.Args) error {
	res, err := s.st.Query(ctx, s.q.ImpactAdoptionSeries, args)
	if err != nil {
		return fmt.Errorf("training impact: %w", err)
	}
	type row struct {
		AccountID string    `ch:"account_id"`
		Workload  string    `ch:"workload"`
		Week      time.Time `ch:"week"`
		Assigned  uint64    `ch:"seats_assigned"`
		Active    uint64    `ch:"active_28d"`
	}
	rows, err := store.Scan[row](res)
	if err != nil {
		return err
	}
	values := map[string][]float64{}
	for _, r := range rows {
		key := r.AccountID + "|" + r.Workload
		v, ok := values[key]
		if !ok {
			v = nanSlice(in.weeks)
			values[key] = v
		}
		if i := in.index(r.Week); i >= 0 && i < in.weeks && i <= in.usageLast {
			v[i] = 100 * float64(r.Active) / float64(r.Assigned)
		}
	}
	for k, v := range values {
		in.adoption[k] = newWeekly(v)
	}
	return nil
}

func nanSlice(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}
