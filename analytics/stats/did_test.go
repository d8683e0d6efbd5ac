package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// simulateUnits draws trained and untrained accounts whose outcome (say,
// weekly active share in points) depends on a covariate x and a stratum,
// with training adding effect. Trained accounts are selected on purpose:
// higher x and mostly stratum "A", where the outcome also trends up. A
// random shock common to everyone hits between the periods. Only matching
// plus differencing removes all three confounders.
func simulateUnits(rng *rand.Rand, nTreated, nPool int, effect float64) (treated, pool []Unit) {
	shock := 3 * rng.NormFloat64()
	draw := func(id string, isTreated bool) Unit {
		x := rng.NormFloat64()
		stratum, base, trend := "B", 5.0, -1.0
		pA := 0.4
		if isTreated {
			x += 0.8
			pA = 0.7
		}
		if rng.Float64() < pA {
			stratum, base, trend = "A", 8.0, 1.0
		}
		before := 10 + base + 2*x + rng.NormFloat64()
		after := before + shock + trend + 0.5*x + rng.NormFloat64()
		if isTreated {
			after += effect
		}
		return Unit{ID: id, Before: before, After: after, Covariates: []float64{x}, Stratum: stratum}
	}
	for i := range nTreated {
		treated = append(treated, draw(fmt.Sprintf("t%03d", i), true))
	}
	for i := range nPool {
		pool = append(pool, draw(fmt.Sprintf("c%04d", i), false))
	}
	return treated, pool
}

// Over many simulated studies the 95% interval covers the true effect about
// 95% of the time and the estimates average to it, while a naive comparison
// of trained against all untrained accounts is visibly biased. The small
// pool forces heavy reuse of controls, which the interval must allow for.
func TestDiffInDiffCoverageAndBias(t *testing.T) {
	const (
		reps   = 300
		effect = 2.0
	)
	cases := []struct {
		name    string
		pool, k int
		maxBias float64
	}{
		// The estimate's spread per study is about 0.23, so the average of
		// 300 has a standard error near 0.013; 0.06 allows for that and for
		// the small imbalance nearest-neighbour matching leaves.
		{"large pool", 300, 3, 0.06},
		// Two untrained accounts per trained one leave worse matches, hence
		// a looser bound on bias.
		{"small pool, shared controls", 60, 3, 0.15},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(13, 14))
			covered, conclusive := 0, 0
			var sumEffect, sumNaive float64
			for range reps {
				treated, pool := simulateUnits(rng, 30, c.pool, effect)
				r := DiffInDiff(treated, MatchControls(treated, pool, c.k), 0.95)
				if r.Conclusive {
					conclusive++
				}
				if r.Lo <= effect && effect <= r.Hi {
					covered++
				}
				sumEffect += r.Effect
				sumNaive += meanChange(treated) - meanChange(pool)
			}
			if conclusive != reps {
				t.Errorf("only %d of %d studies conclusive", conclusive, reps)
			}
			if cov := float64(covered) / reps; cov < 0.88 || cov > 0.99 {
				t.Errorf("coverage %.3f, want 0.88–0.99", cov)
			}
			if bias := sumEffect/reps - effect; math.Abs(bias) > c.maxBias {
				t.Errorf("mean estimate off by %.3f", bias)
			}
			if naiveBias := sumNaive/reps - effect; naiveBias < 0.4 {
				t.Errorf("naive bias only %.3f: the simulation no longer has confounding to remove", naiveBias)
			}
		})
	}
}

func meanChange(units []Unit) float64 {
	var s float64
	for _, u := range units {
		s += u.After - u.Before
	}
	return s / float64(len(units))
}

// Five trained accounts with changes 5..9 and controls whose mean changes
// are 2, 3, 2, 2, 1.5: differences 3, 3, 5, 6, 7.5, mean 4.9, squared
// deviations sum to 15.2, var(d) = 3.8, so var(d)/n = 0.76.
// Controls are shared: weights n·w_j are c1 = ½+½ = 1, c2 = ½+1 = 1.5,
// c3 = 1+1+½ = 2.5, Σ = 9.5 against Σ 1/|C_i| = 4, excess 5.5. The spread
// of controls within a trained unit's group (t1: 1 and 3, t5: 1 and 2)
// gives σ² = (2 + 0.5)/2 = 1.25, so the reuse term is 1.25·5.5/25 = 0.275.
// StdErr = sqrt(1.035) = 1.017349; t(0.975, 4) = 2.776445 gives half-width
// 2.824615.
func TestDiffInDiffHandWorked(t *testing.T) {
	c1 := Unit{ID: "c1", Before: 10, After: 11}
	c2 := Unit{ID: "c2", Before: 10, After: 13}
	c3 := Unit{ID: "c3", Before: 0, After: 2}
	treated := []Unit{
		{ID: "t1", Before: 0, After: 5},
		{ID: "t2", Before: 1, After: 7},
		{ID: "t3", Before: 2, After: 9},
		{ID: "t4", Before: 3, After: 11},
		{ID: "t5", Before: 4, After: 13},
	}
	controls := map[string][]Unit{
		"t1": {c1, c2}, "t2": {c2}, "t3": {c3}, "t4": {c3}, "t5": {c1, c3},
	}
	r := DiffInDiff(treated, controls, 0.95)
	tStat := 4.9 / 1.017349
	// Two-sided p from the closed-form t CDF with 4 degrees of freedom.
	s := 1 + tStat*tStat/4
	wantP := 2 * (0.5 - 3.0/8*tStat/math.Sqrt(s)*(1-tStat*tStat/(12*s)))
	checks := []struct {
		what      string
		got, want float64
	}{
		{"Effect", r.Effect, 4.9},
		{"TreatedChange", r.TreatedChange, 7},
		{"ControlChange", r.ControlChange, 2.1},
		{"StdErr", r.StdErr, 1.017349},
		{"Lo", r.Lo, 4.9 - 2.824615},
		{"Hi", r.Hi, 4.9 + 2.824615},
		{"P", r.P, wantP},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 2e-6 {
			t.Errorf("%s = %.7f, want %.7f", c.what, c.got, c.want)
		}
	}
	if r.TreatedN != 5 || r.ControlN != 3 || r.Unmatched != 0 || !r.Conclusive || !r.Significant || r.Reason != "" {
		t.Errorf("unexpected result %+v", r)
	}
}

func TestDiffInDiffThinData(t *testing.T) {
	unit := func(id string, delta float64) Unit { return Unit{ID: id, Before: 1, After: 1 + delta} }
	treatedN := func(n int) []Unit {
		var out []Unit
		for i := range n {
			out = append(out, unit(fmt.Sprintf("t%d", i), float64(i)))
		}
		return out
	}
	matchFirst := func(treated []Unit, n int) map[string][]Unit {
		m := map[string][]Unit{}
		for i, u := range treated[:n] {
			m[u.ID] = []Unit{unit("c", float64(i%2))}
		}
		return m
	}
	missing := append(treatedN(4), Unit{ID: "gap", Before: math.NaN(), After: 3})
	cases := []struct {
		name     string
		treated  []Unit
		controls map[string][]Unit
		reason   string
	}{
		{"three trained", treatedN(3), matchFirst(treatedN(3), 3),
			"Only 3 trained accounts have data before and after the training; at least 5 are needed to conclude."},
		{"missing data counts as absent", missing, matchFirst(missing, 4), "Only 4 trained accounts have data before"},
		{"most unmatched", treatedN(10), matchFirst(treatedN(10), 4), "Only 4 of 10 trained accounts have comparable"},
		{"half matched but too few", treatedN(8), matchFirst(treatedN(8), 4),
			"Only 4 trained accounts have comparable untrained accounts to compare with; at least 5"},
		{"identical differences", []Unit{unit("a", 1), unit("b", 1), unit("c", 1), unit("d", 1), unit("e", 1)},
			map[string][]Unit{"a": {unit("x", 0)}, "b": {unit("x", 0)}, "c": {unit("x", 0)}, "d": {unit("x", 0)}, "e": {unit("x", 0)}},
			"cannot be estimated"},
		{"nothing", nil, nil, "Only 0 trained accounts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := DiffInDiff(c.treated, c.controls, 0.95)
			if r.Conclusive || r.Significant {
				t.Errorf("thin data must be inconclusive: %+v", r)
			}
			if !strings.Contains(r.Reason, c.reason) {
				t.Errorf("Reason = %q, want it to contain %q", r.Reason, c.reason)
			}
		})
	}
}

// With enough pairs, the unmatched count and the reuse of controls are
// reported.
func TestDiffInDiffCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	treated, pool := simulateUnits(rng, 12, 40, 1)
	matches := MatchControls(treated, pool, 2)
	delete(matches, treated[0].ID)
	r := DiffInDiff(treated, matches, 0.9)
	if r.TreatedN != 11 || r.Unmatched != 1 {
		t.Errorf("TreatedN=%d Unmatched=%d, want 11 and 1", r.TreatedN, r.Unmatched)
	}
	distinct := map[string]bool{}
	for _, m := range matches {
		for _, c := range m {
			distinct[c.ID] = true
		}
	}
	if r.ControlN != len(distinct) {
		t.Errorf("ControlN = %d, want %d distinct controls", r.ControlN, len(distinct))
	}
	if math.Abs(r.Effect-(r.TreatedChange-r.ControlChange)) > 1e-12 {
		t.Errorf("Effect %g is not TreatedChange − ControlChange (%g − %g)", r.Effect, r.TreatedChange, r.ControlChange)
	}
}

func BenchmarkDiffInDiff(b *testing.B) {
	rng := rand.New(rand.NewPCG(17, 18))
	treated, pool := simulateUnits(rng, 200, 5000, 1)
	matches := MatchControls(treated, pool, 3)
	for b.Loop() {
		DiffInDiff(treated, matches, 0.95)
	}
}
