package generate

import (
	"math"
	"math/rand/v2"
)

// Random streams. Each account draws from its own stream per purpose, so the
// order in which accounts or days are visited, or a change to how tickets are
// drawn, never shifts the numbers used for usage (and the reverse).
const (
	streamPlan uint64 = iota + 1
	streamUsers
	streamUsage
	streamTickets
	streamRoles
	streamSeats
)

// newRand returns the random stream for one purpose and index under seed.
func newRand(seed, stream, index uint64) *rand.Rand {
	a := mix64(seed ^ mix64(stream<<32^index))
	return rand.New(rand.NewPCG(a, mix64(a^0x6a09e667f3bcc909)))
}

// mix64 is the splitmix64 finaliser: nearby inputs give unrelated outputs.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// pick returns one element of xs, uniformly.
func pick[T any](rng *rand.Rand, xs []T) T {
	return xs[rng.IntN(len(xs))]
}

// pickWeighted returns an index drawn with the given non-negative weights.
func pickWeighted(rng *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := rng.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// between draws uniformly from [lo, hi).
func between(rng *rand.Rand, lo, hi float64) float64 {
	return lo + (hi-lo)*rng.Float64()
}

// chance reports true with probability p.
func chance(rng *rand.Rand, p float64) bool {
	return rng.Float64() < p
}

// poisson draws a Poisson count: Knuth's method for the small means of
// ordinary days, a rounded normal approximation for large bursts.
func poisson(rng *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		return max(0, int(mean+rng.NormFloat64()*math.Sqrt(mean)+0.5))
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// logNormal draws a value whose logarithm is normal, given its median.
func logNormal(rng *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*rng.NormFloat64())
}
