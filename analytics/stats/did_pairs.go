package stats

import "math"

// pairedChanges holds, per matched trained unit, its own change, its
// controls' mean change and their difference, plus what the variance
// correction for shared controls needs.
type pairedChanges struct {
	treatedChanges, controlChanges, diffs []float64
	// withData counts trained units with finite Before and After, matched
	// or not.
	withData int
	// weights[j] is Σ_i 1/|C_i| over the trained units i that use control j
	// (in first-use order, so sums are deterministic); index maps IDs to it.
	weights []float64
	index   map[string]int
	// invSizes is Σ_i 1/|C_i|, the same sum if no control were shared.
	invSizes float64
	// withinSS and withinDF pool the spread of control changes around their
	// group mean, over trained units with two or more controls.
	withinSS float64
	withinDF int
}

// pairDifferences forms the per-unit differences for the trained units that
// have data and at least one control with data.
func pairDifferences(treated []Unit, controls map[string][]Unit) pairedChanges {
	pc := pairedChanges{index: make(map[string]int)}
	for _, t := range treated {
		dt, ok := change(t)
		if !ok {
			continue
		}
		pc.withData++
		group := controlChanges(controls[t.ID])
		if len(group) == 0 {
			continue
		}
		dc := pc.addGroup(controls[t.ID], group)
		pc.treatedChanges = append(pc.treatedChanges, dt)
		pc.controlChanges = append(pc.controlChanges, dc)
		pc.diffs = append(pc.diffs, dt-dc)
	}
	return pc
}

// controlChanges returns the finite After−Before changes of cs, in order.
func controlChanges(cs []Unit) []float64 {
	var out []float64
	for _, c := range cs {
		if d, ok := change(c); ok {
			out = append(out, d)
		}
	}
	return out
}

// addGroup records one trained unit's controls and returns their mean
// change. group holds the finite changes of cs, in the same order.
func (pc *pairedChanges) addGroup(cs []Unit, group []float64) float64 {
	share := 1 / float64(len(group))
	for _, c := range cs {
		if _, ok := change(c); !ok {
			continue
		}
		j, seen := pc.index[c.ID]
		if !seen {
			j = len(pc.weights)
			pc.index[c.ID] = j
			pc.weights = append(pc.weights, 0)
		}
		pc.weights[j] += share
	}
	pc.invSizes += share
	m := mean(group)
	if len(group) >= 2 {
		for _, d := range group {
			pc.withinSS += (d - m) * (d - m)
		}
		pc.withinDF += len(group) - 1
	}
	return m
}

// reuseVariance is the variance sd(d)²/n leaves out when controls are
// shared. The control part of the effect is Σ_j w_j·ΔC_j with
// w_j = weights[j]/n; with independent controls of variance σ², its variance
// is σ²·Σ_j w_j², whereas the paired differences account only for
// σ²·Σ_i 1/(n²·|C_i|). The difference is zero without reuse and positive
// with it. σ² comes from the spread of controls matched to the same trained
// unit (slightly too large, since they are only similar, which errs on the
// cautious side); with one control each it is taken as half of var(d),
// i.e. trained and control changes equally noisy.
func (pc pairedChanges) reuseVariance(varD float64) float64 {
	sigma2 := varD / 2
	if pc.withinDF > 0 {
		sigma2 = pc.withinSS / float64(pc.withinDF)
	}
	var sumSq float64
	for _, w := range pc.weights {
		sumSq += w * w
	}
	n := float64(len(pc.diffs))
	return sigma2 * math.Max(0, sumSq-pc.invSizes) / (n * n)
}

// change is After−Before, and false when either is missing.
func change(u Unit) (float64, bool) {
	d := u.After - u.Before
	return d, !math.IsNaN(d) && !math.IsInf(d, 0)
}
