package stats

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestBinomialTestHandWorked(t *testing.T) {
	cases := []struct {
		name  string
		k, n  int
		p0    float64
		want  float64
		worst float64 // allowed absolute error
	}{
		// 2·(1/32): both all-or-nothing outcomes.
		{"0 of 5 fair", 0, 5, 0.5, 0.0625, 1e-12},
		// 2·(1 + 10 + 45)/1024.
		{"2 of 10 fair", 2, 10, 0.5, 112.0 / 1024, 1e-12},
		{"8 of 10 fair mirrors 2 of 10", 8, 10, 0.5, 112.0 / 1024, 1e-12},
		// p0 = 0.1: P(0..2) = 0.3486784401 + 0.387420489 + 0.1937102445 all
		// exceed P(3) = 0.057395628, so p = 1 − 0.9298091736.
		{"3 of 10 at 10%", 3, 10, 0.1, 0.0701908264, 1e-9},
		// p0 = 0.3: P(0) = 0.7¹⁰ = 0.0282475249; on the far side P(6) =
		// 0.0367569 is larger and P(7..10) = 0.009001692 + 0.0014467005 +
		// 0.000137781 + 0.0000059049 are not, so p = 0.0388396033.
		{"0 of 10 at 30%", 0, 10, 0.3, 0.0388396033, 1e-9},
		{"at the mode", 5, 10, 0.5, 1, 1e-12},
		{"certain success", 4, 4, 1, 1, 0},
		{"impossible under p0 = 0", 1, 4, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := BinomialTest(c.k, c.n, c.p0); math.Abs(got-c.want) > c.worst {
				t.Errorf("BinomialTest(%d, %d, %g) = %.10f, want %.10f", c.k, c.n, c.p0, got, c.want)
			}
		})
	}
	for _, bad := range [][3]float64{{-1, 5, 0.5}, {6, 5, 0.5}, {1, 5, 1.5}, {1, 5, math.NaN()}} {
		if !math.IsNaN(BinomialTest(int(bad[0]), int(bad[1]), bad[2])) {
			t.Errorf("BinomialTest%v should be NaN", bad)
		}
	}
}

// Against the definition summed term by term, for random n, k and p0,
// including counts in the tens of thousands.
func TestBinomialTestMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 210 {
		n := 1 + rng.IntN(300)
		if trial >= 200 {
			n = 10000 + rng.IntN(40000)
		}
		p0 := 0.02 + 0.96*rng.Float64()
		// Draw k near the expected count so the p-value is not negligible.
		spread := 4 * math.Sqrt(float64(n)*p0*(1-p0))
		k := int(math.Round(float64(n)*p0 + spread*(2*rng.Float64()-1)))
		k = max(0, min(n, k))
		want := binomialTestBySum(k, n, p0)
		if got := BinomialTest(k, n, p0); math.Abs(got-want) > 1e-9*math.Max(want, 1e-3) {
			t.Fatalf("BinomialTest(%d, %d, %g) = %.12g, summed %.12g", k, n, p0, got, want)
		}
	}
}

// binomialTestBySum adds up every outcome no more likely than k.
func binomialTestBySum(k, n int, p0 float64) float64 {
	limit := binomialLogPMF(k, n, p0) + 1e-7
	var sum float64
	for i := 0; i <= n; i++ {
		if lp := binomialLogPMF(i, n, p0); lp <= limit {
			sum += math.Exp(lp)
		}
	}
	return math.Min(1, sum)
}

func TestCompareCounts(t *testing.T) {
	cases := []struct {
		name          string
		before, after int
		direction     string
		significant   bool
		reason        string
	}{
		{"tripled", 10, 30, Rising, true, ""},
		{"halved", 60, 30, Fading, true, ""},
		{"about the same", 20, 22, Steady, false, ""},
		{"nothing before, plenty after", 0, 12, Rising, true, ""},
		{"too few", 2, 5, Unknown, false, "too few events (7 in both periods"},
		{"none at all", 0, 0, Unknown, false, "too few events"},
		{"negative", -1, 5, Unknown, false, "cannot be negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := CompareCounts(c.before, c.after, 0.05)
			if r.Direction != c.direction || r.Significant != c.significant {
				t.Errorf("got %s significant=%v (P=%g), want %s %v", r.Direction, r.Significant, r.P, c.direction, c.significant)
			}
			if (c.reason == "") != (r.Reason == "") || !strings.Contains(r.Reason, c.reason) {
				t.Errorf("Reason = %q, want %q", r.Reason, c.reason)
			}
			if r.Before != c.before || r.After != c.after {
				t.Errorf("counts not carried: %+v", r)
			}
		})
	}
}

// The p-value is the fair-coin binomial test on the later count; the share
// interval is Clopper–Pearson, whose ends for 0 or n successes are closed
// form and for 5 of 10 are the textbook 0.187086–0.812914.
func TestCompareCountsEvidence(t *testing.T) {
	r := CompareCounts(10, 30, 0.05)
	if want := BinomialTest(30, 40, 0.5); r.P != want {
		t.Errorf("P = %g, want %g", r.P, want)
	}
	if r.Share.Estimate != 0.75 || !(r.Share.Lo < 0.75 && r.Share.Hi > 0.75) {
		t.Errorf("share interval %+v should surround 0.75", r.Share)
	}
	cases := []struct {
		k, n   int
		lo, hi float64
	}{
		{0, 12, 0, 1 - math.Pow(0.025, 1.0/12)},
		{12, 12, math.Pow(0.025, 1.0/12), 1},
		{5, 10, 0.187086, 0.812914},
	}
	for _, c := range cases {
		iv := clopperPearson(c.k, c.n, 0.95)
		if math.Abs(iv.Lo-c.lo) > 1e-6 || math.Abs(iv.Hi-c.hi) > 1e-6 {
			t.Errorf("clopperPearson(%d, %d) = %.7f–%.7f, want %.7f–%.7f", c.k, c.n, iv.Lo, iv.Hi, c.lo, c.hi)
		}
	}
}

// Equal underlying rates must be called rising or fading in about 5% of
// cases at most (the exact test is conservative, so often fewer).
func TestCompareCountsFalseAlarms(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const trials = 1000
	alarms := 0
	for range trials {
		if CompareCounts(poisson(rng, 25), poisson(rng, 25), 0.05).Significant {
			alarms++
		}
	}
	if rate := float64(alarms) / trials; rate > 0.07 || rate < 0.01 {
		t.Errorf("false-alarm rate %.3f, want 0.01–0.07", rate)
	}
}

// poisson draws a Poisson count by multiplying uniforms (fine for small means).
func poisson(rng *rand.Rand, mean float64) int {
	limit, prod, k := math.Exp(-mean), rng.Float64(), 0
	for prod > limit {
		prod *= rng.Float64()
		k++
	}
	return k
}

// A theme with tens of thousands of tickets must not cost a summation over
// every possible count.
func BenchmarkBinomialTestLarge(b *testing.B) {
	for b.Loop() {
		BinomialTest(52000, 100000, 0.5)
	}
}
