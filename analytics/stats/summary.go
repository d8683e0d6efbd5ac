package stats

import "math"

// mean is the arithmetic mean of v; callers guarantee v is not empty.
func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// sampleSD is the sample standard deviation of v (n−1 in the denominator),
// computed in two passes to avoid cancellation on large values; it is 0 for
// fewer than two values.
func sampleSD(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	m := mean(v)
	var ss float64
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(v)-1))
}
