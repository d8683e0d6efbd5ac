package stats

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLinearTrendExactLine(t *testing.T) {
	cases := []struct {
		name  string
		slope float64
	}{
		{"rising", 3},
		{"falling", -0.25},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			y := make([]float64, 12)
			for i := range y {
				y[i] = 2 + c.slope*float64(i)
			}
			s := LinearTrend(y, 0.95)
			if math.Abs(s.PerStep-c.slope) > 1e-12 {
				t.Errorf("PerStep = %g, want %g", s.PerStep, c.slope)
			}
			if s.P > 1e-10 || !s.Significant || s.N != 12 || s.Reason != "" {
				t.Errorf("exact line should be significant with P≈0: %+v", s)
			}
		})
	}
}

// A hand-checkable fit: y = 1, 3, 2, 4 against x = 0..3. x̄ = 1.5, ȳ = 2.5,
// Sxx = 5, Sxy = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4,
// slope 0.8; residuals −0.3, 0.9, −0.9, 0.3 give SSE = 1.8, s² = 0.9,
// StdErr = sqrt(0.9/5) = 0.424264, t = 1.885618 on 2 df. With 2 df the t CDF
// is closed-form: P = 1 − t/sqrt(2 + t²) = 0.2, and the 95% half-width is
// 4.302653·0.424264 = 1.825460.
func TestLinearTrendHandWorked(t *testing.T) {
	s := LinearTrend([]float64{1, 3, 2, 4}, 0.95)
	checks := []struct {
		what      string
		got, want float64
	}{
		{"PerStep", s.PerStep, 0.8},
		{"StdErr", s.StdErr, 0.424264},
		{"P", s.P, 0.2},
		{"Lo", s.Lo, 0.8 - 1.825460},
		{"Hi", s.Hi, 0.8 + 1.825460},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-6 {
			t.Errorf("%s = %.7f, want %.7f", c.what, c.got, c.want)
		}
	}
	if s.Significant {
		t.Error("P = 0.2 must not be significant at 95%")
	}
}

// Under pure noise a 95% test must flag about 5% of series.
func TestLinearTrendFalsePositiveRate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const trials = 1000
	flagged := 0
	for range trials {
		y := make([]float64, 20)
		for i := range y {
			y[i] = 50 + 5*rng.NormFloat64()
		}
		if LinearTrend(y, 0.95).Significant {
			flagged++
		}
	}
	rate := float64(flagged) / trials
	if rate < 0.02 || rate > 0.08 {
		t.Errorf("false-positive rate %.3f, want 0.02–0.08", rate)
	}
}

// A real slope of 0.5 per step in unit noise over 30 steps is detected, and
// the interval covers it in about 95% of series.
func TestLinearTrendDetectsRealSlope(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const trials = 500
	detected, covered := 0, 0
	for range trials {
		y := make([]float64, 30)
		for i := range y {
			y[i] = 10 + 0.5*float64(i) + rng.NormFloat64()
		}
		s := LinearTrend(y, 0.95)
		if s.Significant && s.PerStep > 0 {
			detected++
		}
		if s.Lo <= 0.5 && 0.5 <= s.Hi {
			covered++
		}
	}
	if detected != trials {
		t.Errorf("detected the slope in %d of %d series", detected, trials)
	}
	if c := float64(covered) / trials; c < 0.92 || c > 0.98 {
		t.Errorf("95%% interval covered the true slope in %.3f of series", c)
	}
}

// Missing values are skipped but keep their position on the x axis.
func TestLinearTrendMissingValues(t *testing.T) {
	y := []float64{0, math.NaN(), 4, 6, math.Inf(1), 10}
	s := LinearTrend(y, 0.95)
	if s.N != 4 || math.Abs(s.PerStep-2) > 1e-12 {
		t.Errorf("got N=%d slope=%g, want N=4 slope=2", s.N, s.PerStep)
	}
}

func TestLinearTrendThinData(t *testing.T) {
	cases := []struct {
		name      string
		y         []float64
		wantN     int
		wantSlope float64
		reason    string
	}{
		{"empty", nil, 0, 0, "only 0 data points"},
		{"two points", []float64{1, 4}, 2, 3, "only 2 data points"},
		{"two after gaps", []float64{math.NaN(), 1, math.NaN(), 5}, 2, 2, "at least 3"},
		{"flat", []float64{7, 7, 7, 7}, 4, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := LinearTrend(c.y, 0.95)
			if s.Significant || s.P != 1 {
				t.Errorf("thin or flat data must not be significant: %+v", s)
			}
			if s.N != c.wantN || s.PerStep != c.wantSlope {
				t.Errorf("N=%d PerStep=%g, want %d, %g", s.N, s.PerStep, c.wantN, c.wantSlope)
			}
			if (c.reason == "") != (s.Reason == "") || !strings.Contains(s.Reason, c.reason) {
				t.Errorf("Reason = %q, want %q", s.Reason, c.reason)
			}
		})
	}
}
