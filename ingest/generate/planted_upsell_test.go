package generate

import (
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// useStats is how an account used a workload over some days.
type useStats struct {
	perUser   map[string][2]int // user → actions, active days
	actions   int
	userDays  int
	perDay    float64 // actions per active user-day
	over2x    float64 // share of active users averaging twice the typical user's actions
	typicalOf float64 // the typical user's actions per active day, partner-wide
}

// workloadUse sums usage rows on days [from, to) per account and workload,
// and compares each account's users with the partner-wide median user.
func workloadUse(rows []usageRow, from, to string) map[[2]string]*useStats {
	out := map[[2]string]*useStats{}
	for _, r := range rows {
		if r.day < from || r.day >= to {
			continue
		}
		k := [2]string{r.account, r.workload}
		s := out[k]
		if s == nil {
			s = &useStats{perUser: map[string][2]int{}}
			out[k] = s
		}
		u := s.perUser[r.user]
		s.perUser[r.user] = [2]int{u[0] + r.count, u[1] + 1}
		s.actions += r.count
		s.userDays++
	}
	means := map[string][]float64{}
	for k, s := range out {
		for _, u := range s.perUser {
			means[k[1]] = append(means[k[1]], float64(u[0])/float64(u[1]))
		}
	}
	typical := map[string]float64{}
	for wl, m := range means {
		slices.Sort(m)
		typical[wl] = m[len(m)/2]
	}
	for k, s := range out {
		s.typicalOf = typical[k[1]]
		s.perDay = float64(s.actions) / float64(s.userDays)
		over := 0
		for _, u := range s.perUser {
			if float64(u[0])/float64(u[1]) >= 2*s.typicalOf {
				over++
			}
		}
		s.over2x = float64(over) / float64(len(s.perUser))
	}
	return out
}

// lastProducts returns the product of each account's and workload's last
// seat snapshot.
func lastProducts(t *testing.T, dir string) map[[2]string]string {
	t.Helper()
	out, latest := map[[2]string]string{}, map[[2]string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "subscriptions.csv")) {
		k := [2]string{r["account_id"], r["workload"]}
		if r["snapshot_date"] >= latest[k] {
			latest[k], out[k] = r["snapshot_date"], r["product"]
		}
	}
	return out
}

// Upgrade accounts work their workload far harder than anyone else, on an
// entry plan; unused workloads are bought and assigned but barely used.
func TestUpsellCasesShowWherePlanted(t *testing.T) {
	dir, _ := writeSet(t, testScale, 13, spring)
	flags, rows := truthFlags(t, dir)
	usage := readUsage(t, dir)
	from, to := dateStr(spring.AddDate(0, 0, -28)), dateStr(spring)
	use, seats, products := workloadUse(usage, from, to), lastSeats(t, dir), lastProducts(t, dir)
	planted := map[string]map[[2]string]bool{flagUpgrade: {}, flagUnusedWorkload: {}}
	for _, r := range rows {
		if planted[r["flag"]] == nil {
			continue
		}
		k := [2]string{r["account_id"], r["workload"]}
		planted[r["flag"]][k] = true
		fig := detailFigures(t, r["detail"])
		if seats[k][1] == 0 || seats[k][0] < seats[k][1] {
			t.Errorf("%v (%s): %d seats bought, %d assigned; want a subscription in use", k, r["flag"], seats[k][0], seats[k][1])
		}
		switch r["flag"] {
		case flagUpgrade:
			checkUpgrade(t, k, fig, use[k], products[k])
		case flagUnusedWorkload:
			share := float64(len(use[k].perUserOrNil())) / float64(max(1, seats[k][1]))
			t.Logf("%v unused: %.1f%% of %d licensed users active (truth %s)", k, 100*share, seats[k][1], r["detail"])
			if share > 0.035 || figure(t, fig, "active_share") > 0.03 {
				t.Errorf("%v flagged unused, but %.1f%% of licensed users are active (truth %s)", k, 100*share, r["detail"])
			}
		}
	}
	if len(planted[flagUpgrade]) < 2 || len(planted[flagUnusedWorkload]) < 2 {
		t.Fatalf("planted %d upgrades and %d unused workloads; want a few of each", len(planted[flagUpgrade]), len(planted[flagUnusedWorkload]))
	}
	// Nowhere else: nobody else comes near either rule.
	for k, s := range seats {
		u := use[k]
		if !planted[flagUnusedWorkload][k] && s[1] > 0 {
			if share := float64(len(u.perUserOrNil())) / float64(s[1]); share < 0.04 {
				t.Errorf("%v %v: only %.1f%% of %d licensed users active, not flagged unused", k, flags[k[0]], 100*share, s[1])
			}
		}
		if !planted[flagUpgrade][k] && u != nil && len(u.perUser) >= 5 && (u.perDay >= 1.5*u.typicalOf || u.over2x >= 0.35) {
			t.Errorf("%v %v: %.1f actions a day (typical %.1f), %.0f%% of users over twice that, not flagged upgrade", k, flags[k[0]], u.perDay, u.typicalOf, 100*u.over2x)
		}
	}
}

// perUserOrNil tolerates a workload without any use.
func (s *useStats) perUserOrNil() map[string][2]int {
	if s == nil {
		return nil
	}
	return s.perUser
}

func checkUpgrade(t *testing.T, k [2]string, fig map[string]string, u *useStats, product string) {
	t.Helper()
	if u == nil || len(u.perUser) < 5 {
		t.Errorf("%v flagged upgrade with hardly any use: %+v", k, u)
		return
	}
	want := figure(t, fig, "actions_per_active_day")
	t.Logf("%v upgrade: %.1f actions a day (truth %.1f), typical %.1f (truth %s), %.0f%% of users over twice that (truth %s)",
		k, u.perDay, want, u.typicalOf, fig["typical"], 100*u.over2x, fig["users_over_2x"])
	if u.perDay < 2*u.typicalOf || u.over2x < 0.6 {
		t.Errorf("%v flagged upgrade: %.1f actions a day against a typical %.1f, %.0f%% of users over twice that", k, u.perDay, u.typicalOf, 100*u.over2x)
	}
	if math.Abs(u.perDay-want) > 0.15*want || math.Abs(u.typicalOf-figure(t, fig, "typical")) > 0.15*u.typicalOf {
		t.Errorf("%v: %.1f actions a day against a typical %.1f; truth %s", k, u.perDay, u.typicalOf, fig)
	}
	if product != fig["current"] || fig["suggested"] == fig["current"] || figure(t, fig, "price_difference") <= 0 {
		t.Errorf("%v is on %q; truth %v", k, product, fig)
	}
	if _, err := strconv.ParseFloat(fig["users_over_2x"], 64); err != nil || fig["currency"] == "" {
		t.Errorf("%v: truth detail %v", k, fig)
	}
}
