package themes

import (
	"math"
	"time"
)

// Trend test: the last trendWindow against the one before. A change counts
// when a one-sided binomial test (the split of the two windows' tickets,
// given each window's share of the covered time) gives p < trendAlpha and
// the rate changed by at least trendRatio (up) or 1/trendRatio (down).
const (
	trendWindow   = 8 * 7 * 24 * time.Hour
	trendAlpha    = 0.05
	trendRatio    = 1.25
	minTrendCover = 7 * 24 * time.Hour // less prior history than this: steady
)

// trendWindows gives the two windows' lengths as the data covers them:
// the prior window is cut at the first ticket.
func trendWindows(now, first time.Time) (recent, prior time.Duration) {
	recent = min(trendWindow, max(0, now.Sub(first)))
	priorStart := now.Add(-2 * trendWindow)
	if first.After(priorStart) {
		priorStart = first
	}
	prior = max(0, now.Add(-trendWindow).Sub(priorStart))
	return recent, prior
}

// classifyTrend compares recent and prior ticket counts over windows of
// the given lengths.
func classifyTrend(recentN, priorN int, recent, prior time.Duration) string {
	if prior < minTrendCover || recent < minTrendCover || recentN+priorN == 0 {
		return TrendSteady
	}
	p0 := recent.Hours() / (recent.Hours() + prior.Hours())
	n := recentN + priorN
	rateRecent := float64(recentN) / recent.Hours()
	ratePrior := float64(priorN) / prior.Hours()
	switch {
	case rateRecent >= trendRatio*ratePrior && binomialUpper(recentN, n, p0) < trendAlpha:
		return TrendRising
	case rateRecent*trendRatio <= ratePrior && binomialUpper(priorN, n, 1-p0) < trendAlpha:
		return TrendFading
	}
	return TrendSteady
}

// binomialUpper is P(X ≥ k) for X ~ Binomial(n, p). Terms are summed from
// k upwards while they matter; below the mean the tail is large anyway.
func binomialUpper(k, n int, p float64) float64 {
	if k <= 0 {
		return 1
	}
	if k > n || p <= 0 {
		return 0
	}
	if p >= 1 || float64(k) <= float64(n)*p {
		return 1
	}
	lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
	logTerm := lg(n) - lg(k) - lg(n-k) + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p)
	term := math.Exp(logTerm)
	sum := term
	for i := k; i < n && term > sum*1e-15; i++ {
		term *= float64(n-i) / float64(i+1) * p / (1 - p)
		sum += term
	}
	return min(1, sum)
}
