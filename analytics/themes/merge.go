package themes

import "math"

// Over-clustering splits a theme by language or wording; merging joins
// clusters whose centroids point the same way. Centroid cosine of the
// clusters' sums is the mean similarity across the two clusters relative
// to how tight each is, so it works for loose and tight themes alike.

// gram holds the inner products of the clusters' sums.
type gram [][]float64

func newGram(sums [][]float64) gram {
	k := len(sums)
	nz := make([][]int32, k) // nonzero features per sum, to keep dots cheap
	for c, s := range sums {
		for f, x := range s {
			if x != 0 {
				nz[c] = append(nz[c], int32(f))
			}
		}
	}
	g := make(gram, k)
	for a := range g {
		g[a] = make([]float64, k)
	}
	for a := range k {
		for b := a; b < k; b++ {
			var s float64
			for _, f := range nz[b] {
				s += sums[a][f] * sums[b][f]
			}
			g[a][b], g[b][a] = s, s
		}
	}
	return g
}

func (g gram) cosine(a, b int) float64 {
	if g[a][a] <= 0 || g[b][b] <= 0 {
		return 0
	}
	return g[a][b] / math.Sqrt(g[a][a]*g[b][b])
}

// join merges cluster b into a.
func (g gram) join(a, b int) {
	aa := g[a][a] + 2*g[a][b] + g[b][b]
	for c := range g {
		g[a][c] += g[b][c]
		g[c][a] = g[a][c]
	}
	g[a][a] = aa
}

// mergeClusters joins the closest pair of clusters while their cosine is at
// least threshold (target == 0) or while more than target remain. It
// returns, per original cluster, the index of the merged cluster.
func mergeClusters(sums [][]float64, threshold float64, target int) []int {
	g := newGram(sums)
	k := len(sums)
	owner := make([]int, k)
	active := make([]bool, k)
	for c := range owner {
		owner[c], active[c] = c, true
	}
	for left := k; left > 1; left-- {
		a, b, cos := closestPair(g, active)
		if target > 0 && left <= target || target == 0 && cos < threshold {
			break
		}
		g.join(a, b)
		active[b] = false
		for c := range owner {
			if owner[c] == b {
				owner[c] = a
			}
		}
	}
	return renumber(owner)
}

func closestPair(g gram, active []bool) (int, int, float64) {
	ba, bb, best := -1, -1, math.Inf(-1)
	for a := range g {
		if !active[a] {
			continue
		}
		for b := a + 1; b < len(g); b++ {
			if active[b] {
				if c := g.cosine(a, b); c > best {
					ba, bb, best = a, b, c
				}
			}
		}
	}
	return ba, bb, best
}

// renumber maps owners to 0..m-1 in order of first appearance.
func renumber(owner []int) []int {
	ids := map[int]int{}
	out := make([]int, len(owner))
	for c, o := range owner {
		id, ok := ids[o]
		if !ok {
			id = len(ids)
			ids[o] = id
		}
		out[c] = id
	}
	return out
}

// groupSums adds up the sums of the clusters each group holds.
func groupSums(sums [][]float64, group []int) [][]float64 {
	m := 0
	for _, g := range group {
		m = max(m, g+1)
	}
	out := make([][]float64, m)
	for c, s := range sums {
		row := out[group[c]]
		if row == nil {
			row = make([]float64, len(s))
			out[group[c]] = row
		}
		for f, x := range s {
			row[f] += x
		}
	}
	return out
}
