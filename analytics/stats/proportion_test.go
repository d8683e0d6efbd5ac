package stats

import (
	"math"
	"strings"
	"testing"
)

func TestWilsonKnownValues(t *testing.T) {
	// Expected bounds worked by hand from the Wilson formula, z = 1.959964:
	// 81/263: p = 0.307985, a = z²/n = 0.014606, centre = (p + a/2)/(1 + a)
	// = 0.310749, half-width = z·sqrt(p(1−p)/n + a/4n)/(1 + a) = 0.055461,
	// giving 0.255289–0.366210 (the textbook "about 0.2553–0.3662").
	// 81/263 at 99% (z = 2.575829): a = 0.025228, centre = 0.312710,
	// half = 0.072573, giving 0.240137–0.385283.
	// 0/10: a = 0.384146, Hi = a/(1 + a) = 0.277533.
	// 10/10: Lo = 1/(1 + a) = 0.722467.
	// 5/10: centre 0.5, half = z·sqrt(0.025 + 0.009604)/1.384146 = 0.263407.
	cases := []struct {
		name             string
		good, n          int
		conf             float64
		est, lo, hi      float64
		wantValid        bool
		tolerance        float64
		exactLo, exactHi bool
	}{
		{"textbook 81/263", 81, 263, 0.95, 81.0 / 263, 0.255289, 0.366210, true, 2e-6, false, false},
		{"textbook 81/263 at 99%", 81, 263, 0.99, 81.0 / 263, 0.240137, 0.385283, true, 2e-6, false, false},
		{"none good", 0, 10, 0.95, 0, 0, 0.277533, true, 2e-6, true, false},
		{"all good", 10, 10, 0.95, 1, 0.722467, 1, true, 2e-6, false, true},
		{"half", 5, 10, 0.95, 0.5, 0.5 - 0.263407, 0.5 + 0.263407, true, 2e-6, false, false},
		{"no data", 0, 0, 0.95, 0, 0, 1, false, 0, true, true},
		{"more good than n", 11, 10, 0.95, 0, 0, 1, false, 0, true, true},
		{"bad confidence", 5, 10, 1, 0, 0, 1, false, 0, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Wilson(c.good, c.n, c.conf)
			if got.Valid != c.wantValid {
				t.Fatalf("Valid = %v, want %v", got.Valid, c.wantValid)
			}
			check := func(what string, v, want float64, exact bool) {
				if (exact && v != want) || math.Abs(v-want) > c.tolerance {
					t.Errorf("%s = %.7f, want %.7f", what, v, want)
				}
			}
			check("Estimate", got.Estimate, c.est, false)
			check("Lo", got.Lo, c.lo, c.exactLo)
			check("Hi", got.Hi, c.hi, c.exactHi)
		})
	}
}

// More data must narrow the interval; a higher confidence must widen it.
func TestWilsonWidthBehaviour(t *testing.T) {
	width := func(iv Interval) float64 { return iv.Hi - iv.Lo }
	if !(width(Wilson(30, 100, 0.95)) < width(Wilson(3, 10, 0.95))) {
		t.Error("100 observations should give a narrower interval than 10")
	}
	if !(width(Wilson(30, 100, 0.99)) > width(Wilson(30, 100, 0.95))) {
		t.Error("99% interval should be wider than 95%")
	}
}

func FuzzWilson(f *testing.F) {
	f.Add(81, 263, 0.95)
	f.Add(0, 0, 0.5)
	f.Add(1, 1, 0.999999)
	f.Add(-3, 5, 0.9)
	f.Add(1000000, 1000001, 1e-9)
	f.Fuzz(func(t *testing.T, good, n int, conf float64) {
		iv := Wilson(good, n, conf)
		for _, v := range []float64{iv.Estimate, iv.Lo, iv.Hi} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("Wilson(%d, %d, %g) = %+v has a non-finite value", good, n, conf, iv)
			}
		}
		if !(0 <= iv.Lo && iv.Lo <= iv.Hi && iv.Hi <= 1) {
			t.Fatalf("Wilson(%d, %d, %g) = %+v is outside 0–1 or inverted", good, n, conf, iv)
		}
		if iv.Valid && !(iv.Lo <= iv.Estimate && iv.Estimate <= iv.Hi) {
			t.Fatalf("Wilson(%d, %d, %g) = %+v does not contain its estimate", good, n, conf, iv)
		}
		if !iv.Valid && (iv.Lo != 0 || iv.Hi != 1) {
			t.Fatalf("invalid interval must span 0–1, got %+v", iv)
		}
	})
}

func TestCompareProportions(t *testing.T) {
	cases := []struct {
		name                 string
		gb, nb, ga, na       int
		wantSignificant      bool
		wantReason           string // substring; "" means no reason expected
		wantDiff             float64
		wantPBelow, wantPAbv float64
	}{
		// z = 0.3/sqrt(0.65·0.35·0.02) = 4.447 → p ≈ 8.7e-6.
		{"planted drop 80% to 50%", 80, 100, 50, 100, true, "", -0.30, 1e-4, 1e-6},
		// z = 0.02/sqrt(0.79·0.21·0.02) = 0.347 → p ≈ 0.73.
		{"small drop 80% to 78%", 80, 100, 78, 100, false, "", -0.02, 1, 0.5},
		{"rise detected", 10, 50, 40, 50, true, "", 0.6, 1e-6, 0},
		{"too few before", 8, 10, 5, 100, false, "too few ratings (n=10 before, n=100 after", -0.75, 1, 0},
		{"too few after", 80, 100, 1, 12, false, "too few ratings (n=100 before, n=12 after", 1.0/12 - 0.8, 1, 0},
		{"nothing after", 80, 100, 0, 0, false, "too few ratings", 0, 1.0000001, 0.9999999},
		{"impossible counts", 120, 100, 5, 10, false, "counts out of range", 0, 1.0000001, 0.9999999},
		{"identical all good", 50, 50, 60, 60, false, "", 0, 1.0000001, 0.9999999},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := CompareProportions(c.gb, c.nb, c.ga, c.na, 0.05)
			if r.Significant != c.wantSignificant {
				t.Errorf("Significant = %v, want %v (P=%g, Reason=%q)", r.Significant, c.wantSignificant, r.P, r.Reason)
			}
			if c.wantReason == "" && r.Reason != "" || !strings.Contains(r.Reason, c.wantReason) {
				t.Errorf("Reason = %q, want it to contain %q", r.Reason, c.wantReason)
			}
			if math.Abs(r.Diff-c.wantDiff) > 1e-12 {
				t.Errorf("Diff = %g, want %g", r.Diff, c.wantDiff)
			}
			if !(r.P < c.wantPBelow && r.P > c.wantPAbv) {
				t.Errorf("P = %g, want it in (%g, %g)", r.P, c.wantPAbv, c.wantPBelow)
			}
			if r.NBefore != c.nb || r.NAfter != c.na {
				t.Errorf("counts not carried: %d, %d", r.NBefore, r.NAfter)
			}
		})
	}
}

// The z statistic must match the hand-computed pooled value.
func TestCompareProportionsZ(t *testing.T) {
	r := CompareProportions(80, 100, 50, 100, 0.05)
	want := -0.3 / math.Sqrt(0.65*0.35*0.02)
	if math.Abs(r.Z-want) > 1e-12 {
		t.Errorf("Z = %g, want %g", r.Z, want)
	}
	if math.Abs(r.P-2*NormalCDF(want)) > 1e-15 {
		t.Errorf("P = %g, want two-sided normal tail of Z", r.P)
	}
	if r.Before.Estimate != 0.8 || r.After.Estimate != 0.5 || !r.Before.Valid {
		t.Errorf("intervals not filled: %+v %+v", r.Before, r.After)
	}
}

// At n = MinRatings on both sides the test is allowed; just below it is not.
func TestCompareProportionsMinimum(t *testing.T) {
	at := CompareProportions(18, MinRatings, 2, MinRatings, 0.05)
	below := CompareProportions(18, MinRatings-1, 2, MinRatings-1, 0.05)
	if !at.Significant || at.Reason != "" {
		t.Errorf("at the minimum: %+v", at)
	}
	if below.Significant || below.Reason == "" {
		t.Errorf("below the minimum: %+v", below)
	}
}
