package stats

import (
	"fmt"
	"math"
)

// MinRatings is the smallest number of ratings on each side of a comparison
// of shares before Uptake will call a change significant; below it the
// normal approximation behind the test is unreliable.
const MinRatings = 20

// Interval is an observed share (Estimate) with the range of shares that are
// plausible given how many observations it rests on (Lo to Hi).
// Valid is false when there were no usable observations; the range is then
// the whole 0–1.
type Interval struct {
	Estimate, Lo, Hi float64
	Valid            bool
}

// Wilson is the range of plausible true shares given good successes out of n
// at the stated confidence (e.g. 0.95). Unlike the textbook "p ± 1.96·se" it
// stays inside 0–1 and is honest for small n and shares near 0% or 100%.
// n = 0, counts out of range or a confidence outside (0, 1) give
// Interval{Lo: 0, Hi: 1, Valid: false}.
func Wilson(good, n int, confidence float64) Interval {
	if n <= 0 || good < 0 || good > n || !(confidence > 0 && confidence < 1) {
		return Interval{Lo: 0, Hi: 1}
	}
	z := NormalQuantile(1 - (1-confidence)/2)
	nf := float64(n)
	p := float64(good) / nf
	if math.IsInf(z, 0) || math.IsNaN(z) {
		// A confidence so close to 1 that its quantile overflows (found by
		// FuzzWilson): the interval is everything.
		return Interval{Estimate: p, Lo: 0, Hi: 1, Valid: true}
	}
	z2n := z * z / nf
	centre := (p + z2n/2) / (1 + z2n)
	half := z / (1 + z2n) * math.Sqrt(p*(1-p)/nf+z2n/(4*nf))
	lo, hi := centre-half, centre+half
	// At 0 and n the bounds are exactly 0 and 1 in theory; rounding must not
	// push them past the estimate or outside 0–1.
	if good == 0 {
		lo = 0
	}
	if good == n {
		hi = 1
	}
	return Interval{
		Estimate: p,
		Lo:       math.Max(0, math.Min(lo, p)),
		Hi:       math.Min(1, math.Max(hi, p)),
		Valid:    true,
	}
}

// ProportionChange says whether a share (e.g. satisfied ratings) really
// changed between two periods. Before and After are Wilson intervals at
// 1−alpha confidence; Diff is After minus Before in share points; Z and P are
// the pooled two-proportion z statistic and its two-sided p-value.
// Significant is true only when P < alpha and both periods have at least
// MinRatings observations; Reason explains in plain words when the change
// could not be tested.
type ProportionChange struct {
	Before, After   Interval
	Diff, Z, P      float64
	Significant     bool
	NBefore, NAfter int
	Reason          string
}

// CompareProportions tests whether the share goodAfter/nAfter differs from
// goodBefore/nBefore, with a two-sided two-proportion z test at level alpha
// (e.g. 0.05).
func CompareProportions(goodBefore, nBefore, goodAfter, nAfter int, alpha float64) ProportionChange {
	r := ProportionChange{NBefore: nBefore, NAfter: nAfter, P: 1}
	if !(alpha > 0 && alpha < 1) {
		r.Before, r.After = Interval{Hi: 1}, Interval{Hi: 1}
		r.Reason = fmt.Sprintf("significance level %g is not between 0 and 1", alpha)
		return r
	}
	r.Before = Wilson(goodBefore, nBefore, 1-alpha)
	r.After = Wilson(goodAfter, nAfter, 1-alpha)
	if !validCounts(goodBefore, nBefore) || !validCounts(goodAfter, nAfter) {
		r.Reason = fmt.Sprintf("counts out of range (%d of %d before, %d of %d after)",
			goodBefore, nBefore, goodAfter, nAfter)
		return r
	}
	if nBefore > 0 && nAfter > 0 {
		r.Diff = r.After.Estimate - r.Before.Estimate
		r.Z, r.P = twoProportionZ(goodBefore, nBefore, goodAfter, nAfter)
	}
	if nBefore < MinRatings || nAfter < MinRatings {
		r.Reason = fmt.Sprintf("too few ratings (n=%d before, n=%d after; at least %d each are needed)",
			nBefore, nAfter, MinRatings)
		return r
	}
	r.Significant = r.P < alpha
	return r
}

// validCounts reports whether good out of n is a possible count.
func validCounts(good, n int) bool {
	return n >= 0 && good >= 0 && good <= n
}

// twoProportionZ returns the pooled z statistic and two-sided p-value for
// the difference of two shares; both n must be positive.
func twoProportionZ(g1, n1, g2, n2 int) (z, p float64) {
	pooled := float64(g1+g2) / float64(n1+n2)
	se := math.Sqrt(pooled * (1 - pooled) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		// Every observation identical in both periods: no change to detect.
		return 0, 1
	}
	z = (float64(g2)/float64(n2) - float64(g1)/float64(n1)) / se
	return z, 2 * NormalCDF(-math.Abs(z))
}
