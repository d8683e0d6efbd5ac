package generate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Planted satisfaction changes. From a given Monday an account's customers
// rate tickets lower (a new support team, a bad migration: satisfaction_drop)
// or, after a bad patch, as well as everyone else again (satisfaction_rise).
// The change moves the latent score of every rating by satDelta points;
// resolution times stay as they are, so only satisfaction shows it.
// Everywhere else satisfaction is stationary (see outcome).
const (
	satDeltaLo, satDeltaHi = 0.85, 1.1
	// satMinRated is the fewest ratings expected on each side of a change:
	// enough for a drop of 30–45 points in the share of good ratings to
	// stand out from noise after correcting for every account tested
	// (about 90 % power at 50 accounts).
	satMinRated = 70
	// satSideShare bounds the change day to the middle of the data window.
	satSideLo, satSideHi = 0.45, 0.55
	// ticketVolume is the ticket count of an ordinary day relative to the
	// base rate (ticketsPerUserDay): the category shares, weighted by the
	// how-to questions of the workloads bought and the seasonal factors.
	ticketVolume = 0.95
)

// satisfactionFits: the account files enough tickets for the change to show
// wherever in the middle of the window it falls.
func satisfactionFits(a *account, days int) bool {
	if days < 28 {
		return false
	}
	// Fewer tickets are rated than the model says (slow cases are rated
	// more often), so this errs on the safe side.
	users := func(int) float64 { return float64(a.users0) }
	before := a.expectedRated(0, int(satSideLo*float64(days))-3, users, ratingChance)
	after := a.expectedRated(int(satSideHi*float64(days))+4, days, users, ratingChance)
	return min(before, after) >= satMinRated
}

// planSatisfactionChange picks the Monday of the change and its size.
func planSatisfactionChange(a *account, rng *rand.Rand, cal *calendar) {
	d := int(float64(a.days) * between(rng, satSideLo, satSideHi))
	// The nearest Monday: Friday to Sunday move on, Tuesday to Thursday back.
	if wd := int(cal.day(d).Weekday()); wd >= int(time.Friday) || wd == int(time.Sunday) {
		d += (8 - wd) % 7
	} else {
		d -= wd - 1
	}
	a.satDay = d
	a.satDelta = between(rng, satDeltaLo, satDeltaHi)
}

// satShift is how far the latent satisfaction of the account's tickets
// created on day d is moved.
func (a *account) satShift(d int) float64 {
	switch {
	case a.role == roleSatDrop && d >= a.satDay, a.role == roleSatRise && d < a.satDay:
		return -a.satDelta
	}
	return 0
}

// expectedRated is about how many ratings the account's tickets created on
// days [from, to) get, with users(d) licensed users on day d and a share
// rated of the tickets.
func (a *account) expectedRated(from, to int, users func(d int) float64, rated float64) float64 {
	n := 0.0
	for d := max(0, from); d < min(to, len(a.work)); d++ {
		n += users(d) * a.work[d]
	}
	return n * ticketsPerUserDay * a.ticketX * ticketVolume * rated
}

// satisfactionDetail is the ground truth detail of a satisfaction change:
// the model's share of good ratings (4–5) and mean score before and after
// the change day, and the ratings to expect on each side.
func (a *account) satisfactionDetail(m *ratingModel) string {
	before, after := m.outlook(a.satShift(a.satDay-1)), m.outlook(a.satShift(a.satDay))
	users := func(d int) float64 { return float64(a.licensed[d]) }
	return fmt.Sprintf("good_share_before=%.3f; good_share_after=%.3f; mean_before=%.2f; mean_after=%.2f; rated_before=%.0f; rated_after=%.0f",
		before.good, after.good, before.mean, after.mean, a.expectedRated(0, a.satDay, users, m.rated), a.expectedRated(a.satDay, a.days, users, m.rated))
}

// ratingModel is the distribution of the latent rating of closed tickets
// (before noise and a planted shift), weighted by the chance of a rating,
// in bins of ratingBin from ratingLo.
type ratingModel struct {
	bins  []float64
	rated float64 // share of closed tickets rated
}

const (
	ratingLo, ratingHi, ratingBin = -4.0, 6.0, 0.01
	zLo, zHi, zStep               = -6.0, 6.0, 0.1 // integration grid of the normal draws
)

// newRatingModel integrates outcome and satisfaction over categories (at
// their usual shares), priorities, escalations, and the log-normal first
// response and resolution times, at the partner's ordinary pace: the pace
// of the time cancels out of every rating.
func newRatingModel() *ratingModel {
	m := &ratingModel{bins: make([]float64, int((ratingHi-ratingLo)/ratingBin)+1)}
	var zs, ws []float64
	for z := zLo + zStep/2; z < zHi; z += zStep {
		zs, ws = append(zs, z), append(ws, math.Exp(-z*z/2)/math.Sqrt(2*math.Pi)*zStep)
	}
	var total float64
	for _, c := range categories {
		for p, wp := range priorityWeights[c] {
			if wp == 0 {
				continue
			}
			esc := escalationRate[c]
			w := categoryShare[c] * wp
			total += w
			m.addCase(zs, ws, c, priorities[p], false, w*(1-esc))
			m.addCase(zs, ws, c, priorities[p], true, w*esc)
		}
	}
	for _, b := range m.bins {
		m.rated += b
	}
	m.rated /= total
	return m
}

// addCase adds the tickets of one category, priority and escalation, of
// total weight w, by their first response (z1) and resolution (z2) draws.
func (m *ratingModel) addCase(zs, ws []float64, cat, prio string, escalated bool, w float64) {
	target, firstMed := medianResolution[cat]*priorityPace[prio], firstResponseMed[prio]
	factor, penalty := 1.0, 0.0
	if escalated {
		factor, penalty = escalationFactor, satEscalated
	}
	for i, z1 := range zs {
		first := math.Max(1, math.Round(firstMed*math.Exp(firstResponseSigma*z1)))
		late := penalty
		if first > 2*firstMed {
			late += satLate
		}
		for j, z2 := range zs {
			res := math.Round(math.Max(target*math.Exp(resolutionSigma*z2)*factor, first+5))
			p := ratingChance
			if res > slowFactor*target {
				p += (1 - ratingChance) * slowRatingChance
			}
			latent := satTop - satPerLogTime*math.Log1p(res/target) - late
			k := int(math.Round((latent - ratingLo) / ratingBin))
			m.bins[min(len(m.bins)-1, max(0, k))] += w * ws[i] * ws[j] * p
		}
	}
}

// ratingOutlook is what the model expects of the ratings given.
type ratingOutlook struct {
	good float64 // share of ratings that are 4 or 5
	mean float64 // mean rating
}

// outlook is the expected share of good ratings and mean rating with the
// latent score moved by shift. The rating is the latent score plus normal
// noise, rounded into 1–5.
func (m *ratingModel) outlook(shift float64) ratingOutlook {
	var good, mean, total float64
	for k, w := range m.bins {
		if w == 0 {
			continue
		}
		latent := ratingLo + float64(k)*ratingBin + shift
		below := func(x float64) float64 { return normalCDF((x - latent) / satNoise) }
		good += w * (1 - below(3.5))
		mean += w * (5 - below(1.5) - below(2.5) - below(3.5) - below(4.5))
		total += w
	}
	return ratingOutlook{good: good / total, mean: mean / total}
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
