package stats

import "math"

// normalDF is the number of degrees of freedom beyond which the t
// distribution is taken as normal. The two differ there by under 1e-9,
// while the incomplete beta function, fed x = df/(df+t²) rounded to double
// precision, starts to lose digits.
const normalDF = 1e9

// StudentTCDF is the probability that a Student t variable with df degrees
// of freedom is at most t. df may be fractional; beyond a billion (or +Inf) it
// is the normal distribution. It returns NaN for df ≤ 0 or a NaN input.
func StudentTCDF(t, df float64) float64 {
	switch {
	case math.IsNaN(t) || math.IsNaN(df) || df <= 0:
		return math.NaN()
	case df > normalDF:
		return NormalCDF(t)
	}
	tail := studentTTail(math.Abs(t), df)
	if t < 0 {
		return tail
	}
	return 1 - tail
}

// studentTTail is P(T > t) for t ≥ 0, via the incomplete beta function:
// P(T > t) = I_{df/(df+t²)}(df/2, 1/2) / 2.
func studentTTail(t, df float64) float64 {
	t2 := t * t
	if math.IsInf(t2, 1) {
		return 0
	}
	// Both x and 1−x are formed directly so neither loses precision.
	x, y := df/(df+t2), t2/(df+t2)
	lower, _ := incBeta(df/2, 0.5, x, y)
	return lower / 2
}

// studentTPDF is the t density with df degrees of freedom at t.
func studentTPDF(t, df float64) float64 {
	lgHalfUp, _ := math.Lgamma((df + 1) / 2)
	lgHalf, _ := math.Lgamma(df / 2)
	logDensity := lgHalfUp - lgHalf - 0.5*math.Log(df*math.Pi) - (df+1)/2*math.Log1p(t*t/df)
	return math.Exp(logDensity)
}

// StudentTQuantile is the value a Student t variable with df degrees of
// freedom falls below with probability p (for example 2.228 for p = 0.975
// and df = 10). It returns ±Inf for p = 0 or 1 and NaN for invalid input.
func StudentTQuantile(p, df float64) float64 {
	switch {
	case math.IsNaN(p) || math.IsNaN(df) || df <= 0 || p < 0 || p > 1:
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	case df > normalDF:
		return NormalQuantile(p)
	}
	// Work with the upper-tail probability, exact for either half.
	if p < 0.5 {
		return -studentTUpperQuantile(p, df)
	}
	return studentTUpperQuantile(1-p, df)
}

// studentTUpperQuantile returns t > 0 with P(T > t) = q for 0 < q < 0.5.
// One and two degrees of freedom have closed forms; otherwise it brackets
// the answer and runs Newton's method on log P(T > t), falling back to
// bisection whenever a Newton step would leave the bracket.
func studentTUpperQuantile(q, df float64) float64 {
	switch df {
	case 1:
		return 1 / math.Tan(math.Pi*q)
	case 2:
		return (1 - 2*q) / math.Sqrt(2*q*(1-q))
	}
	// The t distribution has heavier tails than the normal, so the normal
	// quantile is a lower bound.
	lo := -NormalQuantile(q)
	hi := math.Max(2*lo, 1)
	for studentTTail(hi, df) > q {
		lo, hi = hi, 2*hi
		if math.IsInf(hi, 1) {
			return hi
		}
	}
	return refineTQuantile(q, df, lo, hi)
}

// refineTQuantile narrows [lo, hi], which brackets the upper-tail quantile,
// until the answer is exact to about 15 significant digits.
func refineTQuantile(q, df, lo, hi float64) float64 {
	logQ := math.Log(q)
	t := lo + (hi-lo)/2
	for range 300 {
		tail := studentTTail(t, df)
		if tail > q {
			lo = t
		} else {
			hi = t
		}
		next := t + (math.Log(tail)-logQ)*tail/studentTPDF(t, df)
		if !(next > lo && next < hi) {
			next = midpoint(lo, hi)
		}
		if math.Abs(next-t) <= 1e-15*t || hi-lo <= 1e-15*hi {
			return next
		}
		t = next
	}
	return t
}

// midpoint halves the bracket, geometrically when it spans orders of
// magnitude so that very heavy tails (tiny df) are searched in log scale.
func midpoint(lo, hi float64) float64 {
	if lo > 0 && hi > 4*lo {
		return math.Sqrt(lo * hi)
	}
	return lo + (hi-lo)/2
}
