package stats

import "math"

// Limits for the continued fraction of the incomplete beta function. It
// converges in O(sqrt(max(a, b))) terms near the distribution's centre, so the
// cap is generous; epsilon is a little above machine precision.
const (
	betaMaxTerms = 1 << 20
	betaEpsilon  = 1e-15
	lentzTiny    = 1e-300
)

// logBeta returns log B(a, b) for a, b > 0. When one argument is large,
// log Γ(a) − log Γ(a+b) is formed from Stirling's series instead of as a
// difference of two huge log-gammas: the t distribution with a million
// degrees of freedom would otherwise lose six digits here.
func logBeta(a, b float64) float64 {
	big, small := max(a, b), min(a, b)
	ls, _ := math.Lgamma(small)
	if big >= 100 {
		return ls + logGammaRatio(big, small)
	}
	lb, _ := math.Lgamma(big)
	lab, _ := math.Lgamma(a + b)
	return ls + lb - lab
}

// logGammaRatio is log Γ(a) − log Γ(a+b) for a ≥ 100 and b > 0, from
// log Γ(x) = (x−½)·log x − x + ½·log 2π + s(x), rearranged so that no two
// large terms cancel.
func logGammaRatio(a, b float64) float64 {
	return -(a-0.5)*math.Log1p(b/a) - b*math.Log(a+b) + b + stirlingTail(a) - stirlingTail(a+b)
}

// stirlingTail is the correction s(x) in Stirling's series for log Γ(x);
// three terms are exact to about 1e-13 for x ≥ 100 (the first omitted term
// is 1/(1680·x⁷)).
func stirlingTail(x float64) float64 {
	x2 := x * x
	return (1.0/12 - (1.0/360-1.0/(1260*x2))/x2) / x
}

// incBeta returns the regularised incomplete beta function I_x(a, b) and its
// complement 1−I_x(a, b). The caller passes y = 1−x as well, because callers
// such as the t distribution know 1−x more precisely than 1−x computed here.
// Only the side evaluated by the continued fraction is exact to full relative
// precision; it is chosen to be the smaller tail, so tail probabilities stay
// accurate far out.
func incBeta(a, b, x, y float64) (lower, upper float64) {
	switch {
	case x <= 0:
		return 0, 1
	case y <= 0:
		return 1, 0
	}
	if x > (a+1)/(a+b+2) {
		u := betaFraction(b, a, y, x)
		return 1 - u, u
	}
	l := betaFraction(a, b, x, y)
	return l, 1 - l
}

// betaFraction evaluates I_x(a, b) by its continued fraction (modified
// Lentz), which converges quickly for x below the mean a/(a+b).
func betaFraction(a, b, x, y float64) float64 {
	logFront := a*logOf(x, y) + b*logOf(y, x) - logBeta(a, b) - math.Log(a)
	f, c, d := lentzTiny, lentzTiny, 0.0
	for j := 1; j <= betaMaxTerms; j++ {
		num := 1.0 // the first partial numerator; later ones follow the series
		if j > 1 {
			num = betaTerm(a, b, x, j-1)
		}
		d = 1 + num*d
		if math.Abs(d) < lentzTiny {
			d = lentzTiny
		}
		d = 1 / d
		c = 1 + num/c
		if math.Abs(c) < lentzTiny {
			c = lentzTiny
		}
		delta := c * d
		f *= delta
		if math.Abs(delta-1) < betaEpsilon {
			break
		}
	}
	return math.Exp(logFront) * f
}

// betaTerm is the j-th partial numerator (j ≥ 1) of the incomplete beta
// continued fraction; odd and even terms follow different formulas.
func betaTerm(a, b, x float64, j int) float64 {
	m := float64(j / 2)
	if j%2 == 1 {
		return -(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1))
	}
	return m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m))
}

// logOf returns log(v) where w = 1−v, using log1p(−w) when v is close to 1
// so that no precision is lost.
func logOf(v, w float64) float64 {
	if v < 0.5 {
		return math.Log(v)
	}
	return math.Log1p(-w)
}

// betaQuantile returns the x with I_x(a, b) = p by bisection. Bisection is
// slow but cannot fail, and it is only used for a handful of interval ends.
func betaQuantile(p, a, b float64) float64 {
	if p <= 0 {
		return 0
	}
	if p >= 1 {
		return 1
	}
	lo, hi := 0.0, 1.0
	for range 2000 {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if l, _ := incBeta(a, b, mid, 1-mid); l < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}
