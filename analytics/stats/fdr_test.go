package stats

import (
	"math"
	"slices"
	"testing"
)

func TestBenjaminiHochberg(t *testing.T) {
	cases := []struct {
		name string
		p    []float64
		q    float64
		want []bool
	}{
		// m = 4, q = 0.05: thresholds k·q/m are 0.0125, 0.025, 0.0375, 0.05.
		// Sorted: 0.005 ≤ 0.0125 yes, 0.03 > 0.025 no, 0.035 ≤ 0.0375 yes,
		// 0.5 > 0.05 no. The largest passing rank is 3, so the three smallest
		// are flagged, including 0.03 which failed its own threshold.
		{"step-up", []float64{0.035, 0.5, 0.005, 0.03}, 0.05, []bool{true, false, true, true}},
		// m = 8, q = 0.05: thresholds 0.00625·k. Only 0.001 and 0.008 pass.
		{"two of eight", []float64{0.205, 0.001, 0.039, 0.041, 0.008, 0.042, 0.06, 0.074}, 0.05,
			[]bool{false, true, false, false, true, false, false, false}},
		// Unadjusted, 0.02 and 0.04 would pass at 0.05; with m = 3 the
		// thresholds 0.0167, 0.0333, 0.05 reject nothing.
		{"none survive", []float64{0.02, 0.04, 0.06}, 0.05, []bool{false, false, false}},
		// NaN counts as a test (m = 3): thresholds 0.0167, 0.0333, 0.05.
		{"NaN counted, never flagged", []float64{0.01, math.NaN(), 0.03}, 0.05, []bool{true, false, true}},
		{"ties", []float64{0.02, 0.02, 0.02}, 0.05, []bool{true, true, true}},
		{"bad q", []float64{0.001}, 0, []bool{false}},
		{"empty", nil, 0.05, []bool{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := BenjaminiHochberg(c.p, c.q); !slices.Equal(got, c.want) {
				t.Errorf("BenjaminiHochberg(%v, %g) = %v, want %v", c.p, c.q, got, c.want)
			}
		})
	}
}
