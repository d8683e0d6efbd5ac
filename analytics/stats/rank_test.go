package stats

import (
	"math"
	"testing"
)

func TestPercentileRank(t *testing.T) {
	peers := []float64{1, 2, 2, 3, 5, 8, 8, 8, 9, 10}
	cases := []struct {
		v, want float64
	}{
		{0, 0},    // below everyone
		{11, 100}, // above everyone
		{1, 5},    // 0 below + half of 1 tie → 0.5/10
		{2, 20},   // 1 below + half of 2 ties → 2/10
		{4, 40},   // 4 below, no ties
		{8, 65},   // 5 below + half of 3 ties → 6.5/10
		{10, 95},  // 9 below + half of 1 tie
		{8.5, 80}, // 8 below
		{-math.Inf(1), 0},
	}
	for _, c := range cases {
		if got := PercentileRank(peers, c.v); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("PercentileRank(peers, %g) = %g, want %g", c.v, got, c.want)
		}
	}
	if !math.IsNaN(PercentileRank(nil, 3)) || !math.IsNaN(PercentileRank(peers, math.NaN())) {
		t.Error("no peers or a NaN value must give NaN")
	}
	if got := PercentileRank([]float64{4, 4, 4}, 4); got != 50 {
		t.Errorf("all tied: got %g, want 50", got)
	}
}
