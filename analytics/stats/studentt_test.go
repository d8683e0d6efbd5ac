package stats

import (
	"math"
	"testing"
)

// Reference quantiles are the standard t-table values (R's qt).
func TestStudentTQuantileKnownValues(t *testing.T) {
	cases := []struct {
		p, df, want float64
	}{
		{0.975, 10, 2.228138851986274},
		{0.975, 1, 12.70620473617471},
		{0.975, 2, 4.302652729749464},
		{0.975, 3, 3.182446305284263},
		{0.975, 5, 2.570581835636314},
		{0.95, 5, 2.015048372669157},
		{0.995, 30, 2.749995653567},
		{0.975, 120, 1.979930405082},
		{0.025, 10, -2.228138851986274},
		{0.5, 7, 0},
	}
	for _, c := range cases {
		if got := StudentTQuantile(c.p, c.df); math.Abs(got-c.want) > 1e-8 {
			t.Errorf("StudentTQuantile(%g, %g) = %.12f, want %.12f", c.p, c.df, got, c.want)
		}
	}
}

// For 1 to 4 degrees of freedom the t CDF has closed forms, which check the
// incomplete-beta route independently.
func TestStudentTCDFClosedForms(t *testing.T) {
	forms := map[float64]func(x float64) float64{
		1: func(x float64) float64 { return 0.5 + math.Atan(x)/math.Pi },
		2: func(x float64) float64 { return 0.5 + x/(2*math.Sqrt(2+x*x)) },
		3: func(x float64) float64 {
			u := x / math.Sqrt(3)
			return 0.5 + (u/(1+u*u)+math.Atan(u))/math.Pi
		},
		4: func(x float64) float64 {
			s := 1 + x*x/4
			return 0.5 + 3.0/8*x/math.Sqrt(s)*(1-x*x/(12*s))
		},
	}
	for df, form := range forms {
		for _, x := range []float64{-30, -4, -1.5, -0.2, 0, 0.3, 1, 2.5, 8, 100} {
			got, want := StudentTCDF(x, df), form(x)
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("StudentTCDF(%g, %g) = %.15f, want %.15f", x, df, got, want)
			}
		}
	}
}

func TestStudentTRoundTrip(t *testing.T) {
	for _, df := range []float64{0.5, 1, 1.5, 2, 3, 7.5, 29, 200, 1e5} {
		for _, p := range []float64{1e-12, 1e-4, 0.01, 0.2, 0.45, 0.55, 0.9, 0.999, 1 - 1e-9} {
			x := StudentTQuantile(p, df)
			back := StudentTCDF(x, df)
			// Compare in the smaller tail, where relative error matters.
			tailP, tailBack := math.Min(p, 1-p), math.Min(back, 1-back)
			if math.Abs(tailBack/tailP-1) > 1e-8 {
				t.Errorf("df=%g: StudentTCDF(StudentTQuantile(%g)) = %.15g", df, p, back)
			}
		}
	}
}

// With many degrees of freedom the t distribution approaches the normal.
func TestStudentTApproachesNormal(t *testing.T) {
	for _, x := range []float64{-3, -1, 0.5, 2} {
		if d := math.Abs(StudentTCDF(x, 1e7) - NormalCDF(x)); d > 1e-6 {
			t.Errorf("StudentTCDF(%g, 1e7) differs from NormalCDF by %g", x, d)
		}
		if StudentTCDF(x, math.Inf(1)) != NormalCDF(x) {
			t.Errorf("StudentTCDF(%g, +Inf) must equal NormalCDF", x)
		}
	}
}

func TestStudentTInvalid(t *testing.T) {
	for _, c := range [][2]float64{{1, 0}, {1, -2}, {math.NaN(), 3}, {1, math.NaN()}} {
		if !math.IsNaN(StudentTCDF(c[0], c[1])) {
			t.Errorf("StudentTCDF(%g, %g) should be NaN", c[0], c[1])
		}
	}
	if !math.IsNaN(StudentTQuantile(1.5, 3)) || !math.IsNaN(StudentTQuantile(0.5, 0)) {
		t.Error("StudentTQuantile must reject p outside [0,1] and df ≤ 0")
	}
	if !math.IsInf(StudentTQuantile(1, 3), 1) || !math.IsInf(StudentTQuantile(0, 3), -1) {
		t.Error("StudentTQuantile(0|1) must be ∓Inf")
	}
}

func BenchmarkStudentTQuantile(b *testing.B) {
	for b.Loop() {
		StudentTQuantile(0.975, 17)
	}
}

// Quantile and CDF must stay inverse for any probability and any df from
// half a degree of freedom upward.
func FuzzStudentTQuantile(f *testing.F) {
	f.Add(0.975, 10.0)
	f.Add(1e-9, 0.7)
	f.Add(0.5000001, 3e5)
	f.Fuzz(func(t *testing.T, p, df float64) {
		if !(p > 1e-12 && p < 1-1e-12) || !(df >= 0.5 && df <= 1e8) {
			t.Skip()
		}
		x := StudentTQuantile(p, df)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("StudentTQuantile(%g, %g) = %g", p, df, x)
		}
		back := StudentTCDF(x, df)
		tail, tailBack := math.Min(p, 1-p), math.Min(back, 1-back)
		if math.Abs(tailBack/tail-1) > 1e-7 {
			t.Fatalf("StudentTCDF(StudentTQuantile(%g, %g)) = %.15g", p, df, back)
		}
	})
}
