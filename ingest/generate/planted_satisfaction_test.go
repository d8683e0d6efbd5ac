package generate

import (
	"math"
	"testing"
	"time"
)

// Planted satisfaction changes show in the ratings, as large as the ground
// truth says, and nothing comparable happens in other accounts.
func TestSatisfactionChangesShowWherePlanted(t *testing.T) {
	dir, _ := writeSet(t, testScale, 12, spring)
	flags, rows := truthFlags(t, dir)
	rated := ratings(t, dir)
	first, end := dateStr(spring.AddDate(0, 0, -testScale.Days)), dateStr(spring)
	planted := map[string]int{}
	for _, r := range rows {
		sign := map[string]float64{flagSatisfactionDrop: -1, flagSatisfactionRise: 1}[r["flag"]]
		if sign == 0 {
			continue
		}
		planted[r["flag"]]++
		fig := detailFigures(t, r["detail"])
		before, nb := goodShare(rated[r["account_id"]], first, r["since"])
		after, na := goodShare(rated[r["account_id"]], r["since"], end)
		wantBefore, wantAfter := figure(t, fig, "good_share_before"), figure(t, fig, "good_share_after")
		t.Logf("%s %s on %s: good ratings %.2f (%d) → %.2f (%d); truth %.2f → %.2f", r["account_id"], r["flag"], r["since"], before, nb, after, na, wantBefore, wantAfter)
		if sign*(wantAfter-wantBefore) < 0.25 {
			t.Errorf("%s: truth says %.2f → %.2f, want a change of at least 25 points", r["account_id"], wantBefore, wantAfter)
		}
		// Within three standard errors of the model's shares.
		tol := func(p float64, n int) float64 { return 3 * math.Sqrt(p*(1-p)/float64(max(1, n))) }
		if math.Abs(before-wantBefore) > tol(wantBefore, nb) || math.Abs(after-wantAfter) > tol(wantAfter, na) {
			t.Errorf("%s: good ratings %.2f → %.2f, truth %.2f → %.2f", r["account_id"], before, after, wantBefore, wantAfter)
		}
		if z := sign * twoShareZ(before, nb, after, na); z < 2.5 {
			t.Errorf("%s: the %s is not significant in the data (z = %.1f, %d and %d ratings)", r["account_id"], r["flag"], z, nb, na)
		}
		for _, k := range []struct {
			key string
			n   int
		}{{"rated_before", nb}, {"rated_after", na}} {
			if want := figure(t, fig, k.key); float64(k.n) < 0.6*want || float64(k.n) > 1.5*want {
				t.Errorf("%s: %d ratings, truth expects about %.0f (%s)", r["account_id"], k.n, want, k.key)
			}
		}
	}
	if planted[flagSatisfactionDrop] < 2 || planted[flagSatisfactionRise] < 1 || planted[flagSatisfactionRise] > planted[flagSatisfactionDrop] {
		t.Fatalf("planted satisfaction changes: %v; want drops, and fewer rises", planted)
	}
	// Other accounts split at the middle of the window: no change that a
	// test at the same level would flag, and the same level overall.
	mid := dateStr(spring.AddDate(0, 0, -testScale.Days/2))
	var checked, shifted int
	var goodBefore, goodAfter, nBefore, nAfter float64
	for acct, rs := range rated {
		if len(flags[acct][flagSatisfactionDrop])+len(flags[acct][flagSatisfactionRise]) > 0 {
			continue
		}
		before, nb := goodShare(rs, first, mid)
		after, na := goodShare(rs, mid, end)
		goodBefore, goodAfter = goodBefore+before*float64(nb), goodAfter+after*float64(na)
		nBefore, nAfter = nBefore+float64(nb), nAfter+float64(na)
		if nb < 40 || na < 40 {
			continue
		}
		checked++
		if z := twoShareZ(before, nb, after, na); math.Abs(z) >= 2.5 && math.Abs(after-before) >= 0.2 {
			shifted++
			t.Logf("%s (not planted): good ratings %.2f (%d) → %.2f (%d)", acct, before, nb, after, na)
		}
	}
	t.Logf("%d other accounts with 40 ratings a side, %d with a change; overall %.3f → %.3f", checked, shifted, goodBefore/nBefore, goodAfter/nAfter)
	if checked < 10 || shifted > checked/20 {
		t.Errorf("%d of %d accounts without a planted change show one", shifted, checked)
	}
	if d := goodAfter/nAfter - goodBefore/nBefore; math.Abs(d) > 0.03 {
		t.Errorf("good ratings of accounts without a planted change moved by %.3f between the halves", d)
	}
}

// Satisfaction does not follow the partner's summer and Christmas slowness.
func TestSatisfactionIsLevelThroughTheYear(t *testing.T) {
	s := Scale{Name: "seasons", Accounts: 60, Days: 200, MedianUsers: 20, MaxUsers: 300}
	end := time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)
	dir, _ := writeSet(t, s, 3, end)
	flags, _ := truthFlags(t, dir)
	var steady []rating
	for acct, rs := range ratings(t, dir) {
		if len(flags[acct][flagSatisfactionDrop])+len(flags[acct][flagSatisfactionRise]) == 0 {
			steady = append(steady, rs...)
		}
	}
	all, n := goodShare(steady, "0000", "9999")
	for _, p := range []struct{ from, to string }{{"2026-07-01", "2026-08-01"}, {"2026-08-01", "2026-09-01"}, {"2026-09-01", "2026-10-15"}, {"2026-10-15", "2026-12-01"}, {"2026-12-01", "2027-01-08"}} {
		got, k := goodShare(steady, p.from, p.to)
		t.Logf("%s – %s: %.3f good of %d ratings (all: %.3f of %d)", p.from, p.to, got, k, all, n)
		if math.Abs(got-all) > 0.045 {
			t.Errorf("%s – %s: %.3f good ratings, %.3f over the whole window", p.from, p.to, got, all)
		}
	}
}
