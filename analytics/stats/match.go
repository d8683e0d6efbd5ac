package stats

import "math"

// Unit is one account in a before/after comparison: its outcome (e.g.
// weekly active share) in the period Before and After the training, the
// characteristics used to find look-alike accounts (Covariates, e.g. seat
// count and prior usage) and a group within which matches must be found
// exactly (Stratum, e.g. industry or licence plan). IDs must be unique.
type Unit struct {
	ID            string
	Before, After float64
	Covariates    []float64
	Stratum       string
}

// MatchControls finds, for each treated (trained) unit, the k most similar
// untrained units in pool: same Stratum exactly, then nearest by Euclidean
// distance on covariates scaled to standard deviations, so seat counts do not
// swamp shares. Controls are drawn with replacement (one account may serve
// several trained ones); equal distances are broken by ID, so the result is
// deterministic. A pool unit is a candidate only if it has as many finite
// covariates as the treated unit and a different ID. The map holds only
// treated units that found at least one control; the returned Units share
// their Covariates slices with pool and must not be modified.
func MatchControls(treated, pool []Unit, k int) map[string][]Unit {
	matches := make(map[string][]Unit)
	if k <= 0 {
		return matches
	}
	sc := newScaler(treated, pool)
	byStratum := make(map[string][]Unit)
	for _, u := range pool {
		if finiteAll(u.Covariates) {
			byStratum[u.Stratum] = append(byStratum[u.Stratum], u)
		}
	}
	for _, t := range treated {
		if !finiteAll(t.Covariates) {
			continue
		}
		if near := nearest(t, byStratum[t.Stratum], sc, k); len(near) > 0 {
			matches[t.ID] = near
		}
	}
	return matches
}

// candidate is a pool unit (by index into its stratum) with its distance
// to one treated unit.
type candidate struct {
	at   int
	dist float64
}

// nearest returns the k candidates closest to t, ties broken by ID. It keeps
// only the best k seen so far in sorted order, so the cost grows with the
// pool times k rather than with sorting the whole pool per treated unit.
func nearest(t Unit, stratum []Unit, sc scaler, k int) []Unit {
	closer := func(a, b candidate) bool {
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return stratum[a.at].ID < stratum[b.at].ID
	}
	best := make([]candidate, 0, k)
	for i, u := range stratum {
		if u.ID == t.ID || len(u.Covariates) != len(t.Covariates) {
			continue
		}
		c := candidate{at: i, dist: sc.distance(t.Covariates, u.Covariates)}
		if len(best) == k && !closer(c, best[k-1]) {
			continue
		}
		pos := len(best)
		for pos > 0 && closer(c, best[pos-1]) {
			pos--
		}
		if len(best) < k {
			best = append(best, candidate{})
		}
		copy(best[pos+1:], best[pos:len(best)-1])
		best[pos] = c
	}
	out := make([]Unit, len(best))
	for i, c := range best {
		out[i] = stratum[c.at]
	}
	return out
}

// scaler holds each covariate's standard deviation across all units, so
// distances count in standard deviations.
type scaler struct {
	sd []float64
}

// newScaler measures each covariate's spread over treated and pool
// together, so the scale does not depend on which side a unit is on.
func newScaler(treated, pool []Unit) scaler {
	var rows [][]float64
	width := 0
	for _, group := range [][]Unit{treated, pool} {
		for _, u := range group {
			if finiteAll(u.Covariates) {
				rows = append(rows, u.Covariates)
				width = max(width, len(u.Covariates))
			}
		}
	}
	sd := make([]float64, width)
	for j := range sd {
		sd[j] = scaleOf(column(rows, j))
	}
	return scaler{sd: sd}
}

// column collects the j-th value of every row that has one.
func column(rows [][]float64, j int) []float64 {
	var col []float64
	for _, r := range rows {
		if j < len(r) {
			col = append(col, r[j])
		}
	}
	return col
}

// scaleOf is the sample standard deviation of v, or 1 when v has no spread:
// such a covariate cannot separate units, and dividing by zero must not
// poison every distance.
func scaleOf(v []float64) float64 {
	if sd := sampleSD(v); sd > 0 {
		return sd
	}
	return 1
}

// distance is the Euclidean distance between a and b in standard deviations.
func (s scaler) distance(a, b []float64) float64 {
	var d2 float64
	for i := range a {
		d := (a[i] - b[i]) / s.sd[i]
		d2 += d * d
	}
	return math.Sqrt(d2)
}

// finiteAll reports whether every value in v is a real number.
func finiteAll(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
