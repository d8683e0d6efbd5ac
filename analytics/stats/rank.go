package stats

import (
	"math"
	"sort"
)

// PercentileRank is where v stands among its peers, 0–100: the share of
// peers strictly below v plus half of those equal to it (so the middle of a
// group of ties ranks 50 among equals). sorted must be in ascending order.
// With no peers there is no rank and the result is NaN; a NaN v also gives
// NaN.
func PercentileRank(sorted []float64, v float64) float64 {
	if len(sorted) == 0 || math.IsNaN(v) {
		return math.NaN()
	}
	below := sort.SearchFloat64s(sorted, v)
	notAbove := sort.Search(len(sorted), func(i int) bool { return sorted[i] > v })
	ties := notAbove - below
	return 100 * (float64(below) + float64(ties)/2) / float64(len(sorted))
}
