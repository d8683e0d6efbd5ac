package stats

import (
	"fmt"
	"math"
)

// MinTreated is the fewest trained accounts, each with matched controls,
// from which Uptake will draw a conclusion about a training's impact.
const MinTreated = 5

// DiDResult is the estimated impact of a training: how much more the trained
// accounts' outcome changed than that of similar untrained accounts over the
// same period (Effect), with its standard error, its plausible range Lo to Hi
// at the requested confidence, and the two-sided p-value P for "no impact".
// TreatedN trained accounts (with data and at least one match) and ControlN
// distinct untrained accounts took part; Unmatched trained accounts had data
// but no comparable untrained account. TreatedChange and ControlChange are
// the average before-to-after changes of the two groups; Effect is their
// difference. Conclusive is false, with a plain-language Reason, when the
// data are too thin to conclude anything; Significant is true when the result
// is conclusive and P is below 1−confidence. Fields that could not be
// computed are zero (P is 1).
type DiDResult struct {
	Effect, StdErr, Lo, Hi        float64
	P                             float64
	TreatedN, ControlN, Unmatched int
	TreatedChange, ControlChange  float64
	Conclusive, Significant       bool
	Reason                        string
}

// DiffInDiff estimates a training's impact by difference-in-differences over
// matched pairs: for each trained unit i, d_i = (its After−Before) minus the
// mean After−Before of its controls (from MatchControls); the effect is the
// mean of d_i. Subtracting the controls' change removes shocks common to
// everyone (seasons, product launches), and matching on stratum and
// covariates removes trends that differ between kinds of account.
//
// The uncertainty comes from the spread of the d_i (standard error
// sd(d)/√n, t interval with n−1 degrees of freedom), because each d_i
// already carries the noise of the trained unit and of its controls, so no
// model of the outcome is needed. A bootstrap was rejected: with the 5–20
// trained accounts typical here its intervals are too narrow, while the t
// interval is exact for normal d_i and close otherwise. Controls shared by
// several trained units make the d_i correlated, which sd(d)/√n misses; the
// variance gains the missing term (see reuseVariance), so the interval keeps
// its coverage when a small pool serves many trained accounts.
func DiffInDiff(treated []Unit, controls map[string][]Unit, confidence float64) DiDResult {
	r := DiDResult{P: 1}
	if !(confidence > 0 && confidence < 1) {
		r.Reason = fmt.Sprintf("confidence %g is not between 0 and 1", confidence)
		return r
	}
	pc := pairDifferences(treated, controls)
	r.TreatedN, r.ControlN = len(pc.diffs), len(pc.weights)
	r.Unmatched = pc.withData - r.TreatedN
	if r.TreatedN > 0 {
		r.TreatedChange, r.ControlChange = mean(pc.treatedChanges), mean(pc.controlChanges)
		r.Effect = mean(pc.diffs)
	}
	if r.TreatedN >= 2 {
		r.estimateUncertainty(pc, confidence)
	}
	r.Reason = inconclusiveReason(pc.withData, r.TreatedN, r.StdErr)
	r.Conclusive = r.Reason == ""
	r.Significant = r.Conclusive && r.P < 1-confidence
	return r
}

// estimateUncertainty sets StdErr, Lo, Hi and P from at least two paired
// differences; it leaves them at zero (P at 1) when the spread is zero or
// not finite.
func (r *DiDResult) estimateUncertainty(pc pairedChanges, confidence float64) {
	n := float64(len(pc.diffs))
	varD := sampleSD(pc.diffs)
	varD *= varD
	se := math.Sqrt(varD/n + pc.reuseVariance(varD))
	if se == 0 || math.IsNaN(se) || math.IsInf(se, 0) {
		return
	}
	r.StdErr = se
	df := n - 1
	half := StudentTQuantile(1-(1-confidence)/2, df) * se
	r.Lo, r.Hi = r.Effect-half, r.Effect+half
	r.P = 2 * StudentTCDF(-math.Abs(r.Effect/se), df)
}

// inconclusiveReason explains, for a manager, why no conclusion is possible,
// or returns "" when the estimate can be trusted.
func inconclusiveReason(withData, matched int, stdErr float64) string {
	switch {
	case withData < MinTreated:
		return fmt.Sprintf("Only %d trained accounts have data before and after the training; at least %d are needed to conclude.",
			withData, MinTreated)
	case 2*matched < withData:
		return fmt.Sprintf("Only %d of %d trained accounts have comparable untrained accounts to compare with; at least half must have one to conclude.",
			matched, withData)
	case matched < MinTreated:
		return fmt.Sprintf("Only %d trained accounts have comparable untrained accounts to compare with; at least %d are needed to conclude.",
			matched, MinTreated)
	case stdErr == 0:
		return "Every trained account changed by exactly the same amount relative to its comparison accounts, so the uncertainty cannot be estimated."
	}
	return ""
}
