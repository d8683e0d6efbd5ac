package stats

import "math"

// NormalCDF is the probability that a standard normal value is at most x.
func NormalCDF(x float64) float64 {
	// erfc keeps full relative precision in the lower tail, unlike 1+erf.
	return 0.5 * math.Erfc(-x/math.Sqrt2)
}

// normalPDF is the standard normal density at x.
func normalPDF(x float64) float64 {
	return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi)
}

// NormalQuantile is the value a standard normal variable falls below with
// probability p (for example 1.96 for p = 0.975). It returns −Inf and +Inf
// for p = 0 and p = 1, and NaN outside [0, 1].
func NormalQuantile(p float64) float64 {
	switch {
	case math.IsNaN(p) || p < 0 || p > 1:
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	}
	// Solve in the lower tail, where the probability is held exactly; for
	// p > 0.5 the complement 1−p is exact in floating point.
	if p > 0.5 {
		return -normalLowerQuantile(1 - p)
	}
	return normalLowerQuantile(p)
}

// normalLowerQuantile solves NormalCDF(x) = p for 0 < p < 0.5. It starts
// from the Abramowitz–Stegun 26.2.23 rational approximation (error below
// 4.5e-4) and polishes it with Halley steps, which triple the number of
// correct digits each time.
func normalLowerQuantile(p float64) float64 {
	t := math.Sqrt(-2 * math.Log(p))
	x := -(t - (2.515517+0.802853*t+0.010328*t*t)/
		(1+1.432788*t+0.189269*t*t+0.001308*t*t*t))
	for range 4 {
		density := normalPDF(x)
		if density == 0 {
			break
		}
		u := (NormalCDF(x) - p) / density
		step := u / (1 + x*u/2)
		x -= step
		if math.Abs(step) <= 1e-15*math.Abs(x) {
			break
		}
	}
	return x
}
