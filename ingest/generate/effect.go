package generate

import (
	"encoding/csv"
	"slices"
	"strconv"
)

// effectWeeks is the length of the windows compared before and after a
// training.
const effectWeeks = 8

var truthEffectHeader = []string{"account_id", "training_id", "course_id", "workload", "delivered_on", "weeks", "adoption_points_effect", "howto_per_100_seats_effect"}

// effectWindows returns the first days of the effectWeeks weeks before the
// week of delivery and of the effectWeeks weeks after it (both Mondays).
func effectWindows(cal *calendar, day int) (before, after int) {
	monday := day - (int(cal.day(day).Weekday())+6)%7
	return monday - 7*effectWeeks, monday + 7
}

// writeTruthTrainingEffect writes, for every training with full windows
// before and after it inside the data, what it changed: the model evaluated
// with and without the training (the counterfactual) over the window after.
// A training given to a large group over several days (several sessions in
// trainings.csv) is one row, under the id of its first session.
func writeTruthTrainingEffect(w *csv.Writer, accounts []*account, sessions []session, cal *calendar) (int, error) {
	if err := w.Write(truthEffectHeader); err != nil {
		return 0, err
	}
	first := map[[2]int]string{}
	for _, s := range sessions {
		k := [2]int{s.acct, s.train}
		if _, ok := first[k]; !ok {
			first[k] = s.id()
		}
	}
	n := 0
	for _, a := range accounts {
		for i, t := range a.trainings {
			before, after := effectWindows(cal, t.day)
			if before < 0 || after+7*effectWeeks > cal.days {
				continue
			}
			adoption, howto := a.trainingEffect(i, after)
			rec := []string{a.id, first[[2]int{a.idx, i}], t.course, workloadNames[t.wl], string(cal.dates[t.day]), strconv.Itoa(effectWeeks),
				strconv.FormatFloat(adoption, 'f', 2, 64), strconv.FormatFloat(howto, 'f', 3, 64)}
			if err := w.Write(rec); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// trainingEffect compares the account with and without training i over the
// effectWeeks weeks from day from. adoption is the mean difference in the
// share of licensed users who use the trained workload (its adoption level,
// which a 28-day active-user count measures), in percentage points; howto
// the mean difference in expected how-to tickets (all workloads) per 100
// licensed seats and week, seats averaged over each week's days.
func (a *account) trainingEffect(i, from int) (adoption, howto float64) {
	without := *a
	without.trainings = slices.Delete(slices.Clone(a.trainings), i, i+1)
	wl := a.trainings[i].wl
	for wk := range effectWeeks {
		var with, wo, seats float64
		for d := from + 7*wk; d < from+7*wk+7; d++ {
			adoption += a.level(wl, d) - without.level(wl, d)
			with += a.expectedHowTo(d)
			wo += without.expectedHowTo(d)
			seats += float64(a.licensed[d])
		}
		howto += 100 * (with - wo) / max(1, seats/7)
	}
	return 100 * adoption / (7 * effectWeeks), howto / effectWeeks
}
