package generate

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// activeUsers counts distinct users per account and workload with activity
// on days [from, to).
func activeUsers(rows []usageRow, from, to string) map[[2]string]int {
	seen := map[[3]string]bool{}
	out := map[[2]string]int{}
	for _, r := range rows {
		if r.day < from || r.day >= to {
			continue
		}
		k := [3]string{r.account, r.workload, r.user}
		if !seen[k] {
			seen[k] = true
			out[[2]string{r.account, r.workload}]++
		}
	}
	return out
}

// volume counts usage rows (user-days) per account and workload on days [from, to).
func volume(rows []usageRow, from, to string) map[[2]string]int {
	out := map[[2]string]int{}
	for _, r := range rows {
		if r.day >= from && r.day < to {
			out[[2]string{r.account, r.workload}]++
		}
	}
	return out
}

// lastSeats returns the last snapshot's purchased and assigned seats per
// account and workload.
func lastSeats(t *testing.T, dir string) map[[2]string][2]int {
	t.Helper()
	out := map[[2]string][2]int{}
	latest := map[[2]string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "subscriptions.csv")) {
		k := [2]string{r["account_id"], r["workload"]}
		if r["snapshot_date"] < latest[k] {
			continue
		}
		p, _ := strconv.Atoi(r["seats_purchased"])
		a, _ := strconv.Atoi(r["seats_assigned"])
		latest[k], out[k] = r["snapshot_date"], [2]int{p, a}
	}
	return out
}

func dateStr(t time.Time) string { return t.Format("2006-01-02") }

func TestPlantedAccountsShowInTheData(t *testing.T) {
	dir, _ := writeSet(t, testScale, 21, spring)
	flags, rows := truthFlags(t, dir)
	count := map[string]int{}
	for _, r := range rows {
		count[r["flag"]]++
	}
	for _, f := range []string{flagLowAdoption, flagDeclining, flagNearSeatCap, flagTrained} {
		if count[f] < 2 {
			t.Fatalf("ground truth has %d %s rows: %v", count[f], f, count)
		}
	}
	usage := readUsage(t, dir)
	seats := lastSeats(t, dir)
	// The last four weeks, and four weeks before any planted decline starts.
	lastFrom, lastTo := dateStr(spring.AddDate(0, 0, -28)), dateStr(spring)
	earlyFrom, earlyTo := dateStr(spring.AddDate(0, 0, -98)), dateStr(spring.AddDate(0, 0, -70))
	last28, before := activeUsers(usage, lastFrom, lastTo), activeUsers(usage, earlyFrom, earlyTo)
	volNow, volBefore := volume(usage, lastFrom, lastTo), volume(usage, earlyFrom, earlyTo)
	share := func(k [2]string) float64 { return float64(last28[k]) / float64(max(1, seats[k][1])) }

	for k, s := range seats {
		near := false
		for _, r := range flags[k[0]][flagNearSeatCap] {
			near = near || r["workload"] == k[1]
		}
		ratio := float64(s[1]) / float64(s[0])
		switch {
		case near && (ratio < 0.95 || float64(last28[k]) < 0.8*float64(s[0])):
			t.Errorf("%v flagged near the seat cap: %d of %d seats assigned, %d users active", k, s[1], s[0], last28[k])
		case !near && ratio >= 0.95:
			t.Errorf("%v not flagged but %d of %d seats assigned", k, s[1], s[0])
		}
	}
	for acct, fl := range flags {
		for _, r := range fl[flagLowAdoption] {
			if sh := share([2]string{acct, r["workload"]}); sh >= 0.3 {
				t.Errorf("%s flagged low adoption of %s, but %.0f%% of licensed users are active", acct, r["workload"], 100*sh)
			}
		}
		for _, r := range fl[flagDeclining] {
			var now, then int
			for k := range seats {
				if k[0] == acct && (r["workload"] == "" || r["workload"] == k[1]) {
					now += volNow[k]
					then += volBefore[k]
				}
			}
			// May's holidays cost up to a fifth; a planted decline much more.
			if then >= 100 && float64(now) > 0.65*float64(then) {
				t.Errorf("%s flagged declining (%s): %d user-days of use in the last 4 weeks, %d ten weeks before", acct, r["workload"], now, then)
			}
		}
	}
	// Accounts with nothing planted use what they bought and do not decline.
	now, then, usersNow, usersThen := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for k := range seats {
		if len(flags[k[0]]) > 0 {
			continue
		}
		if sh := share(k); sh < 0.3 {
			t.Errorf("%v has no flag but only %.0f%% of licensed users active", k, 100*sh)
		}
		now[k[0]] += volNow[k]
		then[k[0]] += volBefore[k]
		usersNow[k[0]] += last28[k]
		usersThen[k[0]] += before[k]
	}
	// Staff come and go, so only accounts of some size are held to this.
	for acct := range now {
		if usersThen[acct] >= 60 && float64(usersNow[acct]) < 0.85*float64(usersThen[acct]) {
			t.Errorf("%s has no flag but its active users fell from %d to %d", acct, usersThen[acct], usersNow[acct])
		}
		if then[acct] >= 500 && float64(now[acct]) < 0.72*float64(then[acct]) {
			t.Errorf("%s has no flag but its usage fell from %d to %d user-days", acct, then[acct], now[acct])
		}
	}
}

// Trainings must cut later how-to tickets on the trained workload and raise
// its adoption, in the generated data itself.
func TestTrainingsCutHowToTicketsAndRaiseAdoption(t *testing.T) {
	dir, _ := writeSet(t, testScale, 4, spring)
	start := spring.AddDate(0, 0, -testScale.Days)
	_, rows := truthFlags(t, dir)
	tickets := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, truthDir, TruthTickets))
	usage := readUsage(t, dir)

	type key struct{ acct, wl string }
	howto := map[key][]time.Time{}
	for i, tk := range tickets {
		if truth[i]["category"] != catHowTo {
			continue
		}
		at, err := time.Parse(time.RFC3339, tk["created_at"])
		if err != nil {
			t.Fatal(err)
		}
		k := key{tk["account_id"], truth[i]["workload"]}
		howto[k] = append(howto[k], at)
	}
	var before, after, daysBefore, daysAfter float64
	var usersBefore, usersAfter int
	trained := 0
	for _, r := range rows {
		if r["flag"] != flagTrained {
			continue
		}
		trained++
		on := day(t, r["since"])
		settled := on.AddDate(0, 0, 7)
		for _, at := range howto[key{r["account_id"], r["workload"]}] {
			switch {
			case at.Before(on):
				before++
			case !at.Before(settled):
				after++
			}
		}
		daysBefore += on.Sub(start).Hours() / 24
		daysAfter += spring.Sub(settled).Hours() / 24
		if spring.Sub(on) >= 49*24*time.Hour {
			k := [2]string{r["account_id"], r["workload"]}
			usersBefore += activeUsers(usage, dateStr(on.AddDate(0, 0, -28)), dateStr(on))[k]
			usersAfter += activeUsers(usage, dateStr(spring.AddDate(0, 0, -28)), dateStr(spring))[k]
		}
	}
	if trained < 10 || before < 30 {
		t.Fatalf("too little to compare: %d trainings, %.0f how-to tickets before them", trained, before)
	}
	rateBefore, rateAfter := before/daysBefore, after/daysAfter
	t.Logf("how-to tickets on trained workloads: %.3f a day before, %.3f after; active users %d before, %d at the end", rateBefore, rateAfter, usersBefore, usersAfter)
	if rateAfter > 0.6*rateBefore {
		t.Errorf("how-to tickets per account-day went from %.3f before trainings to %.3f after; want a clear drop", rateBefore, rateAfter)
	}
	if float64(usersAfter) < 1.15*float64(usersBefore) {
		t.Errorf("active users of trained workloads went from %d to %d; want a clear rise", usersBefore, usersAfter)
	}
}

func TestPlantedThemesRecurAcrossAccountsWeeksAndLanguages(t *testing.T) {
	dir, _ := writeSet(t, testScale, 9, spring)
	tickets := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, truthDir, TruthTickets))
	type spread struct {
		accounts, weeks, subjects, bodies map[string]bool
		langs                             map[string]int
		n                                 int
	}
	themes := map[string]*spread{}
	for _, r := range readCSV(t, filepath.Join(dir, truthDir, TruthThemes)) {
		themes[r["theme_id"]] = &spread{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]int{}, 0}
	}
	for i, tk := range tickets {
		s := themes[truth[i]["theme_id"]]
		if s == nil {
			continue
		}
		at, _ := time.Parse(time.RFC3339, tk["created_at"])
		y, w := at.ISOWeek()
		s.n++
		s.accounts[tk["account_id"]] = true
		s.weeks[strconv.Itoa(y*100+w)] = true
		s.subjects[tk["subject"]] = true
		s.bodies[tk["body"]] = true
		s.langs[truth[i]["language"]]++
	}
	for id, s := range themes {
		if len(s.accounts) < 15 || len(s.weeks) < 15 {
			t.Errorf("theme %s: %d tickets in %d accounts and %d weeks; want many of each", id, s.n, len(s.accounts), len(s.weeks))
		}
		for _, l := range []string{"en", "fr", "de"} {
			if s.langs[l] < 5 {
				t.Errorf("theme %s: %d tickets in %s", id, s.langs[l], l)
			}
		}
		if len(s.subjects) < 8 || float64(len(s.bodies)) < 0.6*float64(s.n) {
			t.Errorf("theme %s: %d tickets with only %d subjects and %d bodies: wording too flat", id, s.n, len(s.subjects), len(s.bodies))
		}
	}
}

func TestTicketsLookLikeARealHelpDesk(t *testing.T) {
	dir, _ := writeSet(t, testScale, 2, spring)
	tickets := readCSV(t, filepath.Join(dir, "tickets.csv"))
	truth := readCSV(t, filepath.Join(dir, truthDir, TruthTickets))
	n := float64(len(tickets))
	cats, langs := map[string]int{}, map[string]int{}
	var noCategory, noLanguage, mixed, emails, altered int
	cores := map[string][]string{} // theme label → catalogue sentences
	for _, tp := range topics {
		for _, ph := range tp.text {
			cores[tp.label] = append(cores[tp.label], ph.bodies...)
		}
	}
	for i, tk := range tickets {
		cats[truth[i]["category"]]++
		langs[truth[i]["language"]]++
		if tk["category"] == "" {
			noCategory++
		} else if tk["category"] != truth[i]["category"] {
			t.Fatalf("ticket %s: category %q, truth %q", tk["ticket_id"], tk["category"], truth[i]["category"])
		}
		if tk["language"] == "" {
			noLanguage++
		}
		if truth[i]["mixed_language"] == "yes" {
			mixed++
		}
		if tk["channel"] == "email" {
			emails++
			intact := false
			for _, c := range cores[truth[i]["theme_label"]] {
				intact = intact || strings.Contains(tk["body"], c)
			}
			if !intact {
				altered++ // a typo or lost accents
			}
		}
	}
	for _, c := range categories {
		if float64(cats[c]) < 0.03*n {
			t.Errorf("category %s: %d of %.0f tickets", c, cats[c], n)
		}
	}
	for _, l := range langCodes {
		if float64(langs[l]) < 0.08*n {
			t.Errorf("language %s: %d of %.0f tickets", l, langs[l], n)
		}
	}
	checkShare(t, "tickets without category", float64(noCategory)/n, 0.2, 0.3)
	checkShare(t, "tickets without language", float64(noLanguage)/n, 0.15, 0.35)
	checkShare(t, "mixed-language tickets", float64(mixed)/n, 0.01, 0.12)
	checkShare(t, "e-mails with typos or lost accents", float64(altered)/float64(emails), 0.03, 0.3)
}

func checkShare(t *testing.T, what string, got, lo, hi float64) {
	t.Helper()
	if got < lo || got > hi {
		t.Errorf("%s: %.1f%%, want %.0f–%.0f%%", what, 100*got, 100*lo, 100*hi)
	}
}

func TestSatisfactionFollowsResolutionTime(t *testing.T) {
	dir, _ := writeSet(t, testScale, 6, spring)
	var fastSum, fastN, slowSum, slowN, rated, closed float64
	for _, tk := range readCSV(t, filepath.Join(dir, "tickets.csv")) {
		if tk["resolution_minutes"] == "" {
			continue
		}
		closed++
		if tk["satisfaction"] == "" {
			continue
		}
		rated++
		res, _ := strconv.ParseFloat(tk["resolution_minutes"], 64)
		s, _ := strconv.ParseFloat(tk["satisfaction"], 64)
		if s < 1 || s > 5 {
			t.Fatalf("satisfaction %v", s)
		}
		rel := res / (medianResolution[tk["category"]] * priorityPace[tk["priority"]])
		if tk["category"] == "" {
			continue
		}
		switch {
		case rel < 1:
			fastSum, fastN = fastSum+s, fastN+1
		case rel > 3:
			slowSum, slowN = slowSum+s, slowN+1
		}
	}
	checkShare(t, "closed tickets with a satisfaction score", rated/closed, 0.2, 0.5)
	fast, slow := fastSum/fastN, slowSum/slowN
	t.Logf("mean satisfaction %.2f when resolved faster than usual (%0.f), %.2f when over 3× slower (%0.f)", fast, fastN, slow, slowN)
	if math.IsNaN(fast) || math.IsNaN(slow) || fast-slow < 0.7 {
		t.Errorf("satisfaction %.2f for fast and %.2f for slow resolutions; want it to depend on resolution time", fast, slow)
	}
}

func TestWeekendsSummerAndChristmasDip(t *testing.T) {
	s := Scale{Name: "seasons", Accounts: 60, Days: 200, MedianUsers: 20, MaxUsers: 300}
	end := time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)
	dir, _ := writeSet(t, s, 3, end)
	french := map[string]bool{}
	for _, a := range readCSV(t, filepath.Join(dir, "accounts.csv")) {
		french[a["account_id"]] = a["country"] == "FR"
	}
	all, fr := map[string]float64{}, map[string]float64{}
	for _, r := range readUsage(t, dir) {
		all[r.day]++
		if french[r.account] {
			fr[r.day]++
		}
	}
	// mean rows per weekday (or weekend day) over [from, to].
	mean := func(m map[string]float64, from, to string, weekend bool) float64 {
		var sum, n float64
		for d := day(t, from); !d.After(day(t, to)); d = d.AddDate(0, 0, 1) {
			if wd := d.Weekday(); (wd == time.Saturday || wd == time.Sunday) == weekend {
				sum, n = sum+m[dateStr(d)], n+1
			}
		}
		return sum / n
	}
	weekday, weekendDay := mean(all, "2026-09-07", "2026-10-30", false), mean(all, "2026-09-07", "2026-10-30", true)
	if weekendDay > 0.3*weekday {
		t.Errorf("weekend days have %.0f rows, weekdays %.0f; want far fewer at weekends", weekendDay, weekday)
	}
	if aug, sep := mean(fr, "2026-08-03", "2026-08-14", false), mean(fr, "2026-09-07", "2026-10-09", false); aug > 0.75*sep {
		t.Errorf("French accounts: %.0f rows a weekday in early August, %.0f in September; want the August dip", aug, sep)
	}
	if xmas, dec := mean(all, "2026-12-24", "2026-12-31", false), mean(all, "2026-11-30", "2026-12-18", false); xmas > 0.6*dec {
		t.Errorf("%.0f rows a weekday between Christmas and New Year, %.0f in early December; want the dip", xmas, dec)
	}
}
