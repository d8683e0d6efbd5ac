package stats

import (
	"fmt"
	"math"
)

// Slope is a straight-line trend through a series of equally spaced values
// (e.g. weekly active users). PerStep is the average change from one step to
// the next; Lo to Hi is its plausible range at the requested confidence;
// StdErr is its standard error; P is the two-sided p-value for "no trend";
// N is the number of values used. Significant is true when P is below
// 1−confidence. Reason says in plain words why no test was possible (then
// StdErr, Lo and Hi are zero and P is 1).
type Slope struct {
	PerStep, StdErr, Lo, Hi, P float64
	N                          int
	Significant                bool
	Reason                     string
}

// LinearTrend fits an ordinary least-squares line to y against x = 0, 1, …,
// len(y)−1 and tests its slope with the t distribution (N−2 degrees of
// freedom). NaN or infinite values are treated as missing: they are skipped
// but keep their position, so a gap week does not shift later weeks.
func LinearTrend(y []float64, confidence float64) Slope {
	if !(confidence > 0 && confidence < 1) {
		return Slope{P: 1, Reason: fmt.Sprintf("confidence %g is not between 0 and 1", confidence)}
	}
	xs, ys := finitePoints(y)
	s := Slope{N: len(xs), P: 1}
	if s.N < 3 {
		if s.N == 2 {
			s.PerStep = (ys[1] - ys[0]) / (xs[1] - xs[0])
		}
		s.Reason = fmt.Sprintf("only %d data points; at least 3 are needed to judge a trend", s.N)
		return s
	}
	slope, sse, sxx := leastSquares(xs, ys)
	s.PerStep = slope
	df := float64(s.N - 2)
	s.StdErr = math.Sqrt(sse / df / sxx)
	switch {
	case s.StdErr == 0 && slope == 0:
		s.P = 1 // a flat, noiseless series
	case s.StdErr == 0:
		s.P = 0 // an exact line
	default:
		s.P = 2 * StudentTCDF(-math.Abs(slope/s.StdErr), df)
	}
	half := StudentTQuantile(1-(1-confidence)/2, df) * s.StdErr
	s.Lo, s.Hi = slope-half, slope+half
	s.Significant = s.P < 1-confidence
	return s
}

// finitePoints returns the positions and values of the finite entries of y.
func finitePoints(y []float64) (xs, ys []float64) {
	for i, v := range y {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			xs = append(xs, float64(i))
			ys = append(ys, v)
		}
	}
	return xs, ys
}

// leastSquares returns the OLS slope of ys on xs, the residual sum of
// squares and the spread of xs (Σ(x−x̄)²). It centres both series first,
// which keeps the sums accurate for long or large-valued series.
func leastSquares(xs, ys []float64) (slope, sse, sxx float64) {
	xm, ym := mean(xs), mean(ys)
	var sxy float64
	for i := range xs {
		dx := xs[i] - xm
		sxx += dx * dx
		sxy += dx * (ys[i] - ym)
	}
	slope = sxy / sxx
	for i := range xs {
		r := ys[i] - ym - slope*(xs[i]-xm)
		sse += r * r
	}
	return slope, sse, sxx
}
