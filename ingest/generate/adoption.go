package generate

import "math"

// level is the share of the account's licensed users who use workload w on
// day d: the ordinary level with its slow drift, an onboarding ramp for new
// customers, the lift after a training and, for declining accounts, a slide
// over the last weeks.
func (a *account) level(w, d int) float64 {
	if !a.subscribed[w] || d < a.onboard {
		return 0
	}
	x := a.base[w] + a.drift[w]*float64(d)/365
	if a.onboard > 0 {
		x *= 1 - 0.85*math.Exp(-float64(d-a.onboard)/20)
	}
	for _, t := range a.trainings {
		if t.wl == w && d >= t.day {
			x += t.lift * (1 - math.Exp(-float64(d-t.day)/12))
		}
	}
	if p := a.declined(w, d); p > 0 {
		x *= 1 - a.declineDepth*p
	}
	return math.Max(0, math.Min(0.99, x))
}

// activity scales how often adopters of w use it on day d: trained users
// work with the tool more, users of a declining account less.
func (a *account) activity(w, d int) float64 {
	x := a.freqScale
	for _, t := range a.trainings {
		if t.wl == w && d >= t.day {
			x *= 1 + 0.15*(1-math.Exp(-float64(d-t.day)/12))
		}
	}
	if p := a.declined(w, d); p > 0 {
		x *= 1 - 0.5*a.declineDepth*p
	}
	return x
}

// declined is how far the decline of a declining account has gone on day d
// for workload w: 0 before it starts, 1 on the last day.
func (a *account) declined(w, d int) float64 {
	if a.role != roleDeclining || d < a.declineFrom || a.declineWl >= 0 && a.declineWl != w {
		return 0
	}
	return float64(d-a.declineFrom) / float64(max(1, a.days-1-a.declineFrom))
}

// trainedCut is the factor on how-to tickets about w on day d: questions
// fall sharply a few days after a course on w.
func (a *account) trainedCut(w, d int) float64 {
	for _, t := range a.trainings {
		if t.wl == w && d >= t.day+3 {
			return 0.3
		}
	}
	return 1
}
