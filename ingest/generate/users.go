package generate

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// user is one licensed person of an account.
type user struct {
	upn         []byte
	join, leave int32 // first day licensed, and first day no longer (days when staying)
	// Per workload: tau is the user's adoption threshold (the user is an
	// adopter while the account's adoption level exceeds it, so adoption that
	// rises or falls adds or drops the same people), freq the chance of using
	// it on an ordinary workday, count the median actions on such a day.
	tau, freq, count [numWorkloads]float32
}

// makeUsers draws the account's users, their arrivals and departures, and
// the number licensed on each day.
func makeUsers(a *account, rng *rand.Rand) ([]user, []int32) {
	years := float64(a.days) / 365
	users := make([]user, 0, a.users0+a.users0/4+4)
	var leavers []int
	for i := range a.users0 {
		u := newUser(a, rng)
		if a.onboard > 0 {
			u.join = int32(min(a.days-1, a.onboard+rng.IntN(10))) // licences assigned over the first days
		}
		if chance(rng, a.leaveRate*years) {
			u.leave = int32(max(int(u.join)+1, rng.IntN(a.days)))
			leavers = append(leavers, i)
		}
		users = append(users, u)
	}
	stratify(users, rng)
	// A leaver's successor takes over the job, and with it the tools the
	// job uses; a shrinking company leaves some posts empty.
	hires := int(math.Round(float64(a.users0) * a.growth * years))
	for _, i := range leavers[min(len(leavers), max(0, -hires)):] {
		u := newUser(a, rng)
		u.tau = users[i].tau
		u.join = users[i].leave + int32(rng.IntN(30))
		if int(u.join) < a.days {
			users = append(users, u)
		}
	}
	// Growing companies hire on top.
	first := a.onboard + 10
	for range max(0, hires) {
		if first >= a.days {
			break
		}
		u := newUser(a, rng)
		u.join = int32(first + rng.IntN(a.days-first))
		users = append(users, u)
	}
	nameUsers(a, users, rng)
	return users, licensedPerDay(users, a.days)
}

// stratify spreads the adoption thresholds of the first users evenly over
// [0, 1), so that even a five-person account has as many adopters as its
// adoption level says rather than whatever a coin toss gives.
func stratify(users []user, rng *rand.Rand) {
	n := len(users)
	for w := range numWorkloads {
		for i, rank := range rng.Perm(n) {
			users[i].tau[w] = (float32(rank) + rng.Float32()) / float32(n)
		}
	}
}

func newUser(a *account, rng *rand.Rand) user {
	u := user{join: -1, leave: int32(a.days)}
	for w, m := range workloadModels {
		u.tau[w] = rng.Float32()
		u.freq[w] = float32(between(rng, m.freqLo, m.freqHi) * a.freqScale)
		u.count[w] = ordinaryCount(rng, m.count)
	}
	return u
}

// nameUsers gives every user a unique sign-in name on the account's domain;
// namesakes get a number, as directories do.
func nameUsers(a *account, users []user, rng *rand.Rand) {
	seen := make(map[string]bool, len(users))
	for i := range users {
		first, last := personName(rng, a.lang)
		upn := userName(a.userStyle, first, last, a.domain)
		local, domain, _ := strings.Cut(upn, "@")
		for n := 2; seen[upn]; n++ {
			upn = local + strconv.Itoa(n) + "@" + domain
		}
		seen[upn] = true
		users[i].upn = []byte(upn)
	}
}

func licensedPerDay(users []user, days int) []int32 {
	delta := make([]int32, days+1)
	for _, u := range users {
		delta[max(0, u.join)]++
		delta[u.leave]--
	}
	out := make([]int32, days)
	var n int32
	for d := range days {
		n += delta[d]
		out[d] = n
	}
	return out
}
