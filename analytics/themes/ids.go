package themes

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// Theme ids are "T" and six hex digits of a hash of the theme's strongest
// features, so the same theme found again from other data gets the same
// id. Re-discovery first matches new themes to the previous model's.
const (
	idTerms        = 5
	matchCosine    = 0.5 // a new theme continues an old one at this similarity
	matchSameLabel = 0.3 // … or at this one when the label is unchanged
)

// assignIDs gives every theme an id: the previous model's id for a
// continuing theme, a hash id (New when there was a previous model)
// otherwise.
func assignIDs(m *Model, prev *Model) {
	used := map[string]bool{}
	matched := matchPrevious(m, prev)
	if prev != nil {
		for _, t := range prev.Themes {
			used[t.ID] = true
		}
	}
	for c := range m.Themes {
		t := &m.Themes[c]
		if p, ok := matched[c]; ok {
			t.ID, t.New = prev.Themes[p].ID, false
			continue
		}
		t.ID, t.New = uniqueID(strongestFeatures(m, c), used), prev != nil
		used[t.ID] = true
	}
}

func uniqueID(key string, used map[string]bool) string {
	for n := 0; ; n++ {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s#%d", key, n)
		id := fmt.Sprintf("T%06x", h.Sum64()>>40)
		if !used[id] {
			return id
		}
	}
}

// strongestFeatures names a theme's top features, sorted, as its key.
func strongestFeatures(m *Model, c int) string {
	cen := m.Themes[c].Centroid
	order := make([]int, len(cen.Features))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(cen.Weights[b], cen.Weights[a]), cmp.Compare(cen.Features[a], cen.Features[b]))
	})
	var names []string
	for _, i := range order[:min(idTerms, len(order))] {
		names = append(names, m.Features[cen.Features[i]])
	}
	slices.Sort(names)
	return strings.Join(names, "|")
}

// matchPrevious pairs new themes with old ones, most similar pairs first;
// it returns new theme index → previous theme index.
func matchPrevious(m *Model, prev *Model) map[int]int {
	out := map[int]int{}
	if prev == nil || len(prev.Themes) == 0 {
		return out
	}
	type pair struct {
		c, p int
		cos  float64
	}
	index := make(map[string]int32, len(m.Features))
	for f, name := range m.Features {
		index[name] = int32(f)
	}
	var pairs []pair
	for p := range prev.Themes {
		dense := prevCentroid(index, prev, p)
		for c, t := range m.Themes {
			cos := float64(dot(t.Centroid.Features, t.Centroid.Weights, dense))
			if cos >= matchCosine || cos >= matchSameLabel && t.Label != "" && t.Label == prev.Themes[p].Label {
				pairs = append(pairs, pair{c, p, cos})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.cos, a.cos), cmp.Compare(a.c, b.c), cmp.Compare(a.p, b.p))
	})
	taken := map[int]bool{}
	for _, pr := range pairs {
		if _, done := out[pr.c]; !done && !taken[pr.p] {
			out[pr.c], taken[pr.p] = pr.p, true
		}
	}
	return out
}

// prevCentroid expresses a previous theme's centroid over the features in
// index (name → feature); features index does not have are left out.
func prevCentroid(index map[string]int32, prev *Model, p int) []float32 {
	dense := make([]float32, len(index))
	cen := prev.Themes[p].Centroid
	for j, f := range cen.Features {
		if int(f) < len(prev.Features) {
			if g, ok := index[prev.Features[f]]; ok {
				dense[g] = cen.Weights[j]
			}
		}
	}
	return dense
}
