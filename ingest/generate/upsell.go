package generate

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Upsell cases beyond a full subscription (near_seat_cap): an account on an
// entry plan whose users work a workload far harder than anyone else does
// (upgrade), and a workload bought for everyone that almost nobody opens
// (unused_workload).
//
// The two are kept apart from ordinary accounts by construction. Ordinary
// users do at most ordinaryCountCap times the typical daily actions of a
// workload, heavy users at least heavyLo times; ordinary adoption never falls
// under 0.42 (workloadModels), low adoption not under 0.06, and an unused
// workload stays under unusedHi.
const (
	ordinaryCountSigma = 0.4  // spread of users' daily actions, log scale
	ordinaryCountZMax  = 1.25 // so that nobody ordinary does over e^(0.4·1.25) ≈ 1.65× the median
	heavyLo, heavyHi   = 3, 4.5
	unusedHi           = 0.025
)

// upgradeFits: an upgrade needs a higher plan to go to and enough users
// for "most of them" to mean something.
func upgradeFits(a *account, _ int) bool {
	return a.plan == planEntry && a.users0 >= 12
}

// planUpgrade picks the workload whose heavy use calls for the higher plan:
// one that most of the staff use, and most of those heavily.
func planUpgrade(a *account, rng *rand.Rand) {
	w := rng.IntN(numWorkloads)
	a.upsellWl = w
	a.subscribed[w] = true
	a.base[w] = max(a.base[w], between(rng, 0.92, 0.98))
	a.heavyShare = between(rng, 0.85, 0.95)
}

// makeHeavyUsers turns most of the account's users, whoever joins when,
// into heavy users of the upgrade workload: many actions a day, and on most
// working days, so that it shows per active day and per week alike.
func makeHeavyUsers(a *account, rng *rand.Rand) {
	w := a.upsellWl
	k := int(math.Round(a.heavyShare * float64(len(a.users))))
	for _, i := range rng.Perm(len(a.users))[:k] {
		u := &a.users[i]
		u.count[w] = float32(workloadModels[w].count * between(rng, heavyLo, heavyHi))
		u.freq[w] = max(u.freq[w], float32(between(rng, 0.85, 0.97)*a.freqScale))
	}
}

// planUnused buys a workload for everyone that almost nobody uses; mail
// is always used, so it is one of the others.
func planUnused(a *account, rng *rand.Rand) {
	w := wlTeams + rng.IntN(4)
	a.upsellWl = w
	a.subscribed[w] = true
	a.base[w] = between(rng, 0.003, unusedHi)
	a.drift[w] = 0
}

// limitUnusedAdopters keeps the users of an unused workload to the few its
// level gives among the first users: nobody hired later takes it up, so it
// stays under unusedHi of the licensed users however the staff changes.
func limitUnusedAdopters(a *account) {
	w := a.upsellWl
	k := int(a.base[w] * float64(a.users0))
	for i := range a.users {
		a.users[i].tau[w] = 1 // never reached: level is at most 0.99
		if i < k {
			a.users[i].tau[w] = 0
		}
	}
}

// ordinaryCount draws a user's median daily actions on a workload whose
// typical user does median: log-normal, without the far upper tail.
func ordinaryCount(rng *rand.Rand, median float64) float32 {
	z := rng.NormFloat64()
	for z > ordinaryCountZMax {
		z = rng.NormFloat64()
	}
	return float32(median * math.Exp(ordinaryCountSigma*z))
}

// actionsPerActiveDay is the expected activity count of a user with median
// count c on a day with any use: the usage writer's 1 + ⌊c·V⌋ with V
// uniform on [0.15, 1.85), using E⌊X⌋ = Σₖ P(X ≥ k).
func actionsPerActiveDay(c float64) float64 {
	lo, hi := 0.15*c, 1.85*c
	e := 1.0
	for k := 1.0; k < hi; k++ {
		e += math.Min(1, (hi-k)/(hi-lo))
	}
	return e
}

// typicalActions is the expected count of the typical (median) user of w.
func typicalActions(w int) float64 {
	return actionsPerActiveDay(workloadModels[w].count)
}

// adopters lists the users licensed on day d who use workload w then.
func (a *account) adopters(w, d int) []*user {
	level := float32(a.level(w, d))
	var out []*user
	for i := range a.users {
		u := &a.users[i]
		if int(u.join) <= d && d < int(u.leave) && u.tau[w] < level {
			out = append(out, u)
		}
	}
	return out
}

// heavyUse is, for the adopters of w on the last day, the expected actions
// per active user-day (weighted by how often each uses it) and the share
// of them whose own expected actions are at least twice the typical user's.
func (a *account) heavyUse(w int) (perDay, over2x float64) {
	users := a.adopters(w, a.days-1)
	if len(users) == 0 {
		return 0, 0
	}
	typical := typicalActions(w)
	var sum, weight, over float64
	for _, u := range users {
		act := actionsPerActiveDay(float64(u.count[w]))
		sum += float64(u.freq[w]) * act
		weight += float64(u.freq[w])
		if act >= 2*typical {
			over++
		}
	}
	return sum / weight, over / float64(len(users))
}

// upgradeDetail is the ground truth detail of an upgrade case: the plans,
// the price step per seat and month, and the figures that show the need.
func (a *account) upgradeDetail() string {
	w := a.upsellWl
	from, to := products[w][planEntry], products[w][planHigher]
	perDay, over := a.heavyUse(w)
	return fmt.Sprintf("current=%s; suggested=%s; price_difference=%.2f; currency=%s; actions_per_active_day=%.1f; typical=%.1f; users_over_2x=%.2f",
		from.name, to.name, a.unitPrice(to)-a.unitPrice(from), a.co.currency, perDay, typicalActions(w), over)
}

// unusedDetail is the ground truth detail of an unused workload: the users
// who use it of those licensed, on the last day.
func (a *account) unusedDetail() string {
	last := a.days - 1
	n := len(a.adopters(a.upsellWl, last))
	lic := max(1, a.licensed[last])
	return fmt.Sprintf("active_share=%.3f; users=%d; licensed=%d", float64(n)/float64(lic), n, a.licensed[last])
}
