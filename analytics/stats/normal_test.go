package stats

import (
	"math"
	"testing"
)

// Reference values are the standard published normal quantiles and
// probabilities (e.g. Abramowitz & Stegun table 26.1, R's qnorm/pnorm).
func TestNormalQuantileKnownValues(t *testing.T) {
	cases := []struct {
		p, want float64
	}{
		{0.975, 1.959963984540054},
		{0.025, -1.959963984540054},
		{0.995, 2.575829303548901},
		{0.999, 3.090232306167813},
		{0.9, 1.281551565544601},
		{0.8413447460685429, 1}, // Φ(1)
		{1e-10, -6.361340902404056},
		{0.5, 0},
	}
	for _, c := range cases {
		if got := NormalQuantile(c.p); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("NormalQuantile(%g) = %.12f, want %.12f", c.p, got, c.want)
		}
	}
}

func TestNormalQuantileEdges(t *testing.T) {
	if !math.IsInf(NormalQuantile(0), -1) || !math.IsInf(NormalQuantile(1), 1) {
		t.Error("NormalQuantile(0) and (1) must be −Inf and +Inf")
	}
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		if !math.IsNaN(NormalQuantile(p)) {
			t.Errorf("NormalQuantile(%g) should be NaN", p)
		}
	}
}

func TestNormalCDFKnownValues(t *testing.T) {
	cases := []struct {
		x, want float64
	}{
		{1.96, 0.9750021048517795},
		{-3, 0.0013498980316301},
		{0, 0.5},
		{-10, 7.619853024160527e-24},
	}
	for _, c := range cases {
		got := NormalCDF(c.x)
		if math.Abs(got/c.want-1) > 1e-9 {
			t.Errorf("NormalCDF(%g) = %g, want %g", c.x, got, c.want)
		}
	}
}

// The quantile must invert the CDF to full relative precision, including
// far into the lower tail where flags with tiny p-values live.
func TestNormalRoundTrip(t *testing.T) {
	for _, p := range []float64{1e-300, 1e-100, 1e-20, 1e-6, 0.001, 0.1, 0.3, 0.49999, 0.7, 0.99, 0.999999} {
		x := NormalQuantile(p)
		if back := NormalCDF(x); math.Abs(back/p-1) > 1e-12 {
			t.Errorf("NormalCDF(NormalQuantile(%g)) = %g", p, back)
		}
	}
}
