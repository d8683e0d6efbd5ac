package stats

import (
	"fmt"
	"math"
)

// MinEvents is the smallest total count, over both periods, before Uptake
// will call a count rising or fading.
const MinEvents = 10

// Directions of a CountChange.
const (
	Rising  = "rising"
	Fading  = "fading"
	Steady  = "steady"
	Unknown = "unknown"
)

// CountChange says whether a count (e.g. how-to tickets on a theme) really
// rose or fell between two periods of equal length. Share is the part of all
// events that fell in the later period, with its exact (Clopper–Pearson)
// range at 1−alpha confidence: 50% means no change, 75% means the count
// tripled. P is the exact two-sided p-value for "same underlying rate".
// Direction is Rising or Fading when the change is significant, Steady when
// it is not, and Unknown (with a Reason) when there are too few events.
type CountChange struct {
	Before, After int
	Share         Interval
	P             float64
	Significant   bool
	Direction     string
	Reason        string
}

// CompareCounts tests two counts observed over equal exposure (same length
// of time, same population). Given their total, the later count is binomial
// with probability one half when the underlying rate has not changed, so the
// exact binomial test applies however small the counts are; MinEvents only
// guards against flagging a theme on a handful of tickets.
func CompareCounts(before, after int, alpha float64) CountChange {
	r := CountChange{Before: before, After: after, P: 1, Direction: Unknown, Share: Interval{Hi: 1}}
	switch {
	case !(alpha > 0 && alpha < 1):
		r.Reason = fmt.Sprintf("significance level %g is not between 0 and 1", alpha)
		return r
	case before < 0 || after < 0:
		r.Reason = fmt.Sprintf("counts cannot be negative (%d before, %d after)", before, after)
		return r
	}
	n := before + after
	if n > 0 {
		r.Share = clopperPearson(after, n, 1-alpha)
		r.P = BinomialTest(after, n, 0.5)
	}
	if n < MinEvents {
		r.Reason = fmt.Sprintf("too few events (%d in both periods; at least %d are needed)", n, MinEvents)
		return r
	}
	r.Significant = r.P < alpha
	switch {
	case !r.Significant:
		r.Direction = Steady
	case after > before:
		r.Direction = Rising
	default:
		r.Direction = Fading
	}
	return r
}

// clopperPearson is the exact binomial interval for k successes out of n;
// it never undercovers, which matters for the small counts of a single theme.
func clopperPearson(k, n int, confidence float64) Interval {
	tail := (1 - confidence) / 2
	iv := Interval{Estimate: float64(k) / float64(n), Lo: 0, Hi: 1, Valid: true}
	if k > 0 {
		iv.Lo = betaQuantile(tail, float64(k), float64(n-k+1))
	}
	if k < n {
		iv.Hi = betaQuantile(1-tail, float64(k+1), float64(n-k))
	}
	return iv
}

// BinomialTest is the exact two-sided p-value for seeing k successes out of
// n when each succeeds with probability p0: the total probability of all
// outcomes no more likely than k. It returns NaN for impossible input.
func BinomialTest(k, n int, p0 float64) float64 {
	switch {
	case n < 0 || k < 0 || k > n || !(p0 >= 0 && p0 <= 1):
		return math.NaN()
	case p0 == 0:
		return boolProb(k == 0)
	case p0 == 1:
		return boolProb(k == n)
	}
	// The binomial probabilities rise to the mode and then fall, so the
	// outcomes at most as likely as k are one tail on k's side and one on
	// the other side, found by binary search.
	mode := int(math.Floor(float64(n+1) * p0))
	mode = min(mode, n)
	// A small relative slack counts outcomes of equal probability (e.g. the
	// mirror image when p0 = 0.5) despite rounding.
	limit := binomialLogPMF(k, n, p0) + 1e-7
	var p float64
	switch {
	case k < mode:
		j := firstAtMost(mode, n, func(i int) bool { return binomialLogPMF(i, n, p0) <= limit })
		p = binomialCDF(k, n, p0) + binomialUpper(j, n, p0)
	case k > mode:
		j := lastAtMost(0, mode, func(i int) bool { return binomialLogPMF(i, n, p0) <= limit })
		p = binomialCDF(j, n, p0) + binomialUpper(k, n, p0)
	default:
		p = 1
	}
	return math.Min(1, p)
}

// boolProb turns a certain outcome into probability 1 or 0.
func boolProb(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// firstAtMost returns the smallest i in [lo, hi] with ok(i), where ok is
// false then true along the range; hi+1 when none.
func firstAtMost(lo, hi int, ok func(int) bool) int {
	for lo <= hi {
		mid := lo + (hi-lo)/2
		if ok(mid) {
			hi = mid - 1
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// lastAtMost returns the largest i in [lo, hi] with ok(i), where ok is true
// then false along the range; lo−1 when none.
func lastAtMost(lo, hi int, ok func(int) bool) int {
	for lo <= hi {
		mid := lo + (hi-lo)/2
		if ok(mid) {
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	return hi
}

// binomialLogPMF is log P(X = k) for X ~ Binomial(n, p), 0 < p < 1.
func binomialLogPMF(k, n int, p float64) float64 {
	lc, _ := math.Lgamma(float64(n + 1))
	lk, _ := math.Lgamma(float64(k + 1))
	lnk, _ := math.Lgamma(float64(n - k + 1))
	return lc - lk - lnk + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p)
}

// binomialCDF is P(X ≤ k) = I_{1−p}(n−k, k+1).
func binomialCDF(k, n int, p float64) float64 {
	if k < 0 {
		return 0
	}
	if k >= n {
		return 1
	}
	lower, _ := incBeta(float64(n-k), float64(k+1), 1-p, p)
	return lower
}

// binomialUpper is P(X ≥ j) = I_p(j, n−j+1).
func binomialUpper(j, n int, p float64) float64 {
	if j <= 0 {
		return 1
	}
	if j > n {
		return 0
	}
	lower, _ := incBeta(float64(j), float64(n-j+1), p, 1-p)
	return lower
}
