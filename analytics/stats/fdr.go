package stats

import (
	"cmp"
	"math"
	"slices"
)

// BenjaminiHochberg decides which of many simultaneous tests (e.g. one per
// account) to flag so that, on average, at most a share q of the flags are
// false alarms. It returns one decision per p-value, in input order.
// NaN p-values are never flagged but still count as tests; a q outside
// (0, 1) flags nothing.
func BenjaminiHochberg(p []float64, q float64) []bool {
	flags := make([]bool, len(p))
	if !(q > 0 && q < 1) || len(p) == 0 {
		return flags
	}
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	// NaN sorts last; equal p-values keep input order so the result is
	// deterministic.
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(pOrOne(p[a]), pOrOne(p[b]))
	})
	m := float64(len(p))
	// Step-up: find the largest rank k with p_(k) ≤ k·q/m, then flag the k
	// smallest, even those above their own threshold.
	cut := 0
	for rank, i := range order {
		if p[i] <= float64(rank+1)*q/m {
			cut = rank + 1
		}
	}
	for _, i := range order[:cut] {
		flags[i] = true
	}
	return flags
}

// pOrOne orders NaN p-values after every real one.
func pOrOne(v float64) float64 {
	if math.IsNaN(v) {
		return math.Inf(1)
	}
	return v
}
