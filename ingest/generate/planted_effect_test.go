package generate

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// activeDays lists, per account, workload and user, the days with use.
func activeDays(rows []usageRow) map[[2]string]map[string][]string {
	out := map[[2]string]map[string][]string{}
	for _, r := range rows {
		k := [2]string{r.account, r.workload}
		if out[k] == nil {
			out[k] = map[string][]string{}
		}
		out[k][r.user] = append(out[k][r.user], r.day)
	}
	return out
}

// meanActive28 is the mean over the weeks from monday on of the users
// active in the 28 days ending on each week's Sunday (what an adoption
// level is measured by).
func meanActive28(users map[string][]string, monday time.Time, weeks int) float64 {
	total := 0
	for w := range weeks {
		sunday := monday.AddDate(0, 0, 7*w+6)
		from, to := dateStr(sunday.AddDate(0, 0, -27)), dateStr(sunday)
		for _, days := range users {
			for _, d := range days {
				if d >= from && d <= to {
					total++
					break
				}
			}
		}
	}
	return float64(total) / float64(weeks)
}

// meanSeats is the mean of the assigned seats of the snapshots on days
// [from, to) for an account and workload.
func meanSeats(subs []map[string]string, acct, wl, from, to string) float64 {
	sum, n := 0.0, 0
	for _, r := range subs {
		if r["account_id"] == acct && r["workload"] == wl && r["snapshot_date"] >= from && r["snapshot_date"] < to {
			s, _ := strconv.Atoi(r["seats_assigned"])
			sum, n = sum+float64(s), n+1
		}
	}
	return sum / float64(max(1, n))
}

// The training effect truth covers every training with full windows, names
// the sessions in trainings.csv, and matches the change seen in the data.
func TestTrainingEffectTruthMatchesTheData(t *testing.T) {
	dir, _ := writeSet(t, testScale, 4, spring)
	start := spring.AddDate(0, 0, -testScale.Days)
	_, flagRows := truthFlags(t, dir)
	effects := readCSV(t, filepath.Join(dir, truthDir, TruthTrainingEffect))
	if h := header(t, filepath.Join(dir, truthDir, TruthTrainingEffect)); len(h) != len(truthEffectHeader) {
		t.Fatalf("header %v", h)
	}
	sessions := map[string]map[string]string{}
	trainedAccounts := map[string]bool{}
	for _, r := range flagRows {
		trainedAccounts[r["account_id"]] = trainedAccounts[r["account_id"]] || r["flag"] == flagTrained
	}
	for _, r := range readCSV(t, filepath.Join(dir, "trainings.csv")) {
		sessions[r["training_id"]] = r
		if !trainedAccounts[r["account_id"]] {
			t.Errorf("training %s of %s, an account not flagged trained", r["training_id"], r["account_id"])
		}
	}
	// Exactly the trainings with 8 weeks before the week of delivery and 8
	// weeks after it in the data have a row.
	eligible := 0
	for _, r := range flagRows {
		if r["flag"] != flagTrained {
			continue
		}
		on := day(t, r["since"])
		monday := on.AddDate(0, 0, -((int(on.Weekday()) + 6) % 7))
		if !monday.AddDate(0, 0, -56).Before(start) && !monday.AddDate(0, 0, 63).After(spring) {
			eligible++
		}
	}
	if len(effects) != eligible || eligible < 8 {
		t.Fatalf("%d training effect rows, %d trainings with full windows", len(effects), eligible)
	}
	usage := activeDays(readUsage(t, dir))
	subs := readCSV(t, filepath.Join(dir, "subscriptions.csv"))
	howto := howtoDays(t, dir)
	var truthAdopt, seenAdopt, truthHowto, seenHowto float64
	for _, e := range effects {
		s := sessions[e["training_id"]]
		if s == nil || s["account_id"] != e["account_id"] || s["course_id"] != e["course_id"] || s["delivered_on"] != e["delivered_on"] || e["weeks"] != "8" {
			t.Fatalf("effect row %v does not match session %v", e, s)
		}
		adopt, _ := strconv.ParseFloat(e["adoption_points_effect"], 64)
		cut, _ := strconv.ParseFloat(e["howto_per_100_seats_effect"], 64)
		if adopt < 0 || cut > 0 {
			t.Errorf("%s: adoption %+.2f points, how-to %+.3f per 100 seats a week; a training never lowers adoption or raises questions", e["training_id"], adopt, cut)
		}
		on := day(t, e["delivered_on"])
		monday := on.AddDate(0, 0, -((int(on.Weekday()) + 6) % 7))
		before, after := monday.AddDate(0, 0, -56), monday.AddDate(0, 0, 7)
		acct, wl := e["account_id"], e["workload"]
		seatsBefore := meanSeats(subs, acct, wl, dateStr(before), dateStr(monday))
		seatsAfter := meanSeats(subs, acct, wl, dateStr(after), dateStr(after.AddDate(0, 0, 56)))
		users := usage[[2]string{acct, wl}]
		seen := 100 * (meanActive28(users, after, 8)/seatsAfter - meanActive28(users, before, 8)/seatsBefore)
		n := func(from time.Time) float64 {
			return float64(countDays(howto[acct], dateStr(from), dateStr(from.AddDate(0, 0, 56))))
		}
		seenCut := 100 * (n(after)/seatsAfter - n(before)/seatsBefore) / 8
		t.Logf("%s %s %s: adoption %+.1f points (truth %+.1f), how-to %+.2f per 100 seats a week (truth %+.2f)", e["training_id"], acct, wl, seen, adopt, seenCut, cut)
		truthAdopt, seenAdopt, truthHowto, seenHowto = truthAdopt+adopt, seenAdopt+seen, truthHowto+cut, seenHowto+seenCut
	}
	k := float64(len(effects))
	t.Logf("mean over %d trainings: adoption %+.1f points (truth %+.1f), how-to %+.2f per 100 seats a week (truth %+.2f)", len(effects), seenAdopt/k, truthAdopt/k, seenHowto/k, truthHowto/k)
	if r := seenAdopt / truthAdopt; r < 0.8 || r > 1.25 {
		t.Errorf("adoption effect seen %.1f points on average, truth %.1f", seenAdopt/k, truthAdopt/k)
	}
	// A plain before/after change of 19 trainings also carries the
	// seasons and Poisson noise of a few hundred tickets: only its sign and
	// rough size can be checked here (the analytics tests estimate the
	// effect properly, against matched untrained accounts).
	if r := seenHowto / truthHowto; r < 0.4 || r > 2.5 {
		t.Errorf("how-to effect seen %.2f per 100 seats a week on average, truth %.2f", seenHowto/k, truthHowto/k)
	}
}

// howtoDays lists the creation days of each account's how-to tickets.
func howtoDays(t *testing.T, dir string) map[string][]string {
	t.Helper()
	tickets := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, truthDir, TruthTickets))
	out := map[string][]string{}
	for i, tk := range tickets {
		if truth[i]["category"] == catHowTo {
			out[tk["account_id"]] = append(out[tk["account_id"]], tk["created_at"][:10])
		}
	}
	return out
}

// countDays counts the days in [from, to).
func countDays(days []string, from, to string) int {
	n := 0
	for _, d := range days {
		if d >= from && d < to {
			n++
		}
	}
	return n
}
