package generate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Workloads with usage telemetry, plus Entra ID, which only appears in
// tickets (sign-in and MFA questions).
const (
	wlExchange = iota
	wlTeams
	wlSharePoint
	wlOneDrive
	wlApps
	numWorkloads
	wlEntra = numWorkloads
)

var workloadNames = [numWorkloads + 1]string{"Exchange", "Teams", "SharePoint", "OneDrive", "Apps", "Entra ID"}

// workloadModel describes how a workload is used in an ordinary account.
type workloadModel struct {
	adoptLo, adoptHi float64 // share of licensed users who use it at all
	freqLo, freqHi   float64 // chance an adopter uses it on an ordinary workday
	count            float64 // median actions a day of a typical adopter
	weekend          float64 // weekend use relative to office work (mail gets checked)
	subscribed       float64 // share of accounts that buy it
}

var workloadModels = [numWorkloads]workloadModel{
	// Ordinary accounts are healthy by Uptake's documented default rules
	// (over 60 % of seats bought active in 28 days), so that every red flag
	// in the sample data traces to a planted case.
	wlExchange:   {0.9, 0.99, 0.62, 0.97, 18, 1.8, 1},
	wlTeams:      {0.78, 0.97, 0.4, 0.95, 10, 0.9, 1},
	wlSharePoint: {0.76, 0.95, 0.2, 0.65, 4, 0.5, 0.88},
	wlOneDrive:   {0.77, 0.95, 0.3, 0.8, 5, 0.8, 0.88},
	wlApps:       {0.78, 0.97, 0.35, 0.9, 6, 0.6, 0.65},
}

// Planted cases, recorded in the ground truth. An account has at most one.
const (
	roleNone = iota
	roleLowAdoption
	roleDeclining
	roleNearCap
	roleTrained
	roleSatDrop
	roleSatRise
	roleUpgrade
	roleUnused
)

// roleSpec says how many accounts get a planted case and which can take it.
type roleSpec struct {
	role  int
	share float64                         // of all accounts
	least int                             // at least this many when there are 20 accounts or more
	fits  func(a *account, days int) bool // whether the case can show in the account
}

// roleSpecs lists the planted cases. A case needs an account big enough to
// show it: one user of four is no adoption rate, a five-seat subscription
// is full or not by a single hire, and a change in satisfaction needs dozens
// of ratings on each side.
var roleSpecs = []roleSpec{
	{roleSatDrop, 0.05, 2, satisfactionFits},
	{roleSatRise, 0.025, 1, satisfactionFits},
	{roleNearCap, 0.08, 2, minUsers(12)},
	// 20 users, of whom at least two use the workload (plant): a low
	// adoption never looks like an unused workload.
	{roleLowAdoption, 0.12, 2, minUsers(20)},
	{roleDeclining, 0.08, 2, minUsers(8)},
	{roleTrained, 0.15, 2, minUsers(5)},
	// 34 users: one adopter is under 3 % of them.
	{roleUnused, 0.05, 2, minUsers(34)},
	{roleUpgrade, 0.05, 2, upgradeFits},
}

// minUsers fits accounts with at least n licensed users at the start.
func minUsers(n int) func(a *account, days int) bool {
	return func(a *account, _ int) bool { return a.users0 >= n }
}

// account is everything decided about one customer before any row is
// written; usage, tickets and seats all follow from it.
type account struct {
	idx                    int
	id, name, domain       string
	co                     country
	lang                   int
	ind                    industry
	segment                string
	employees              int
	manager                string
	offset                 int       // UTC offset in hours, for ticket times
	work                   []float64 // calendar factor per day
	days                   int
	users0                 int       // licensed users at the start
	growth, leaveRate      float64   // per year
	onboard                int       // first day of the subscriptions; 0 if live before the window
	subStart               time.Time // start of the subscriptions
	subscribed             [numWorkloads]bool
	base, drift            [numWorkloads]float64 // adoption level, and its change per year
	freqScale, ticketX     float64
	mfaDay                 int // day MFA was enforced, or -1
	userStyle              int
	role                   int
	lowWls                 []int
	declineFrom, declineWl int // declineWl -1: every workload
	declineDepth           float64
	capWl                  int
	plan                   int     // planEntry or planHigher, for every workload bought
	satDay                 int     // first day of a planted satisfaction change
	satDelta               float64 // how far the latent score moves then
	upsellWl               int     // workload of a planted upgrade or unused workload, or -1
	heavyShare             float64 // share of users who use the upgrade workload heavily
	trainings              []training
	users                  []user
	licensed               []int32 // licensed users per day
}

// training is a course delivered to an account, and what it changes.
type training struct {
	day, wl, attendees int
	lift               float64 // added adoption of the workload, reached over a few weeks
	course             string
}

// makeAccounts plans every account. Sizes are log-normal (many small
// businesses, a few large ones) and stratified, so the total head count, and
// with it the row counts, barely depend on the seed.
func makeAccounts(seed uint64, scale Scale, cal *calendar) []*account {
	n := scale.Accounts
	roles := newRand(seed, streamRoles, 0)
	sizeOrder, roleOrder := roles.Perm(n), roles.Perm(n)
	rngs := make([]*rand.Rand, n)
	out := make([]*account, n)
	for i := range n {
		rngs[i] = newRand(seed, streamPlan, uint64(i))
		a := &account{idx: i, id: fmt.Sprintf("ACC-%04d", i+1), days: scale.Days, mfaDay: -1, capWl: -1, declineWl: -1, upsellWl: -1}
		a.users0 = stratifiedSize(rngs[i], scale, sizeOrder[i])
		describe(a, rngs[i], cal)
		out[i] = a
	}
	// Roles are given once the firmographics are known: how many tickets an
	// account files, and the plan it is on, decide which cases it can show.
	assignRoles(roleOrder, out)
	used := map[string]bool{}
	usedDomains := map[string]bool{}
	for i, a := range out {
		rng := rngs[i]
		var core string
		a.name, core = companyName(rng, a.co, a.lang, a.ind)
		a.name, core = uniqueName(used, a.name, core, a.co, rng)
		a.domain = uniqueDomain(usedDomains, slug(core, 28)+a.co.tld, a.idx)
		subscribe(a, rng, cal)
		plant(a, rng, cal)
		a.users, a.licensed = makeUsers(a, newRand(seed, streamUsers, uint64(i)))
		bookCourses(a, rng)
		switch a.role {
		case roleUpgrade:
			makeHeavyUsers(a, rng)
		case roleUnused:
			limitUnusedAdopters(a)
		}
	}
	return out
}

// assignRoles gives accounts, in a random order, to the planted cases, one
// account per case in turn, so that every case gets an account that fits
// before any case gets its second.
func assignRoles(order []int, accounts []*account) {
	n := len(accounts)
	want := make([]int, len(roleSpecs))
	for s, rs := range roleSpecs {
		want[s] = int(math.Round(rs.share * float64(n)))
		if n >= 20 {
			want[s] = max(want[s], rs.least)
		}
	}
	// An account passed over by a case stays unsuitable for it (it only gets
	// taken), so each case keeps its place in the order.
	next := make([]int, len(roleSpecs))
	for progress := true; progress; {
		progress = false
		for s, rs := range roleSpecs {
			for ; want[s] > 0 && next[s] < n; next[s]++ {
				a := accounts[order[next[s]]]
				if a.role == roleNone && rs.fits(a, a.days) {
					a.role = rs.role
					want[s]--
					progress = true
					break
				}
			}
		}
	}
}

// sizeSigma spreads account sizes: about 1 in 7 accounts has over 50 users,
// 1 in 100 over 500 when the median is 20.
const sizeSigma = 1.15

// stratifiedSize is the licensed head count of the account at rank (of n) in
// the log-normal size distribution, with a little noise.
func stratifiedSize(rng *rand.Rand, scale Scale, rank int) int {
	q := (float64(rank) + 0.5) / float64(scale.Accounts)
	z := math.Sqrt2*math.Erfinv(2*q-1) + 0.08*rng.NormFloat64()
	return min(scale.MaxUsers, max(3, int(math.Round(float64(scale.MedianUsers)*math.Exp(sizeSigma*z)))))
}

// describe sets the firmographics: country, language, industry, segment.
func describe(a *account, rng *rand.Rand, cal *calendar) {
	cw := make([]float64, len(countries))
	for i, c := range countries {
		cw[i] = c.weight
	}
	a.co = countries[pickWeighted(rng, cw)]
	a.lang = a.co.langs[pickWeighted(rng, a.co.langW)]
	iw := make([]float64, len(industries))
	for i, ind := range industries {
		iw[i] = ind.weight
	}
	a.ind = industries[pickWeighted(rng, iw)]
	a.employees = int(float64(a.users0) * between(rng, 1.0, 1.7))
	switch {
	case a.employees >= 300:
		a.segment = "Enterprise"
	case a.employees >= 50:
		a.segment = "Mid-market"
	default:
		a.segment = "SMB"
	}
	a.manager = pick(rng, managers[a.lang])
	a.offset = pick(rng, a.co.offsets)
	a.work = cal.office[a.co.code]
	if a.ind.shift {
		a.work = cal.shift[a.co.code]
	}
	a.userStyle = rng.IntN(3)
	// Small businesses lean on the partner for everything; large ones have
	// their own help desk and call less per user.
	segX := map[string]float64{"SMB": 1.25, "Mid-market": 0.9, "Enterprise": 0.6}[a.segment]
	a.ticketX = segX * a.ind.ticketX * logNormal(rng, 1, 0.3)
	// Enterprises buy the higher plans, small businesses the entry ones.
	a.plan = planEntry
	if a.segment == "Enterprise" || a.segment == "Mid-market" && chance(rng, 0.5) {
		a.plan = planHigher
	}
}

func uniqueDomain(used map[string]bool, domain string, idx int) string {
	if used[domain] {
		domain = fmt.Sprintf("%d-%s", idx+1, domain)
	}
	used[domain] = true
	return domain
}

// subscribe decides the products bought, when, and the ordinary adoption.
func subscribe(a *account, rng *rand.Rand, cal *calendar) {
	a.subStart = cal.start.AddDate(0, 0, -60-rng.IntN(6*365))
	// New customers ramp up: only accounts with nothing else planted, so
	// the ramp is never mistaken for (or hides) a planted case.
	if chance(rng, 0.1) && a.days >= 28 && a.role == roleNone {
		a.onboard = 1 + rng.IntN(a.days*6/10)
		a.subStart = cal.day(a.onboard)
	}
	for w, m := range workloadModels {
		p := m.subscribed
		if w == wlApps && a.segment == "Enterprise" {
			p = 0.9
		}
		a.subscribed[w] = chance(rng, p)
		a.base[w] = between(rng, m.adoptLo, m.adoptHi)
		a.drift[w] = between(rng, -0.01, 0.06)
		if a.users0 < 10 {
			// In a handful of people one user more or less is a big share:
			// keep unplanted small accounts clearly above low adoption.
			a.base[w] = max(a.base[w], 0.85)
		}
	}
	if a.subscribed[wlSharePoint] != a.subscribed[wlOneDrive] && chance(rng, 0.7) {
		a.subscribed[wlSharePoint], a.subscribed[wlOneDrive] = true, true // usually bought together
	}
	a.freqScale = between(rng, 0.85, 1.1)
	a.growth = 0.05 + 0.07*rng.NormFloat64()
	a.leaveRate = between(rng, 0.05, 0.15)
	if chance(rng, 0.55) {
		a.mfaDay = rng.IntN(a.days)
	}
}

// plant sets the parameters of the account's planted case.
func plant(a *account, rng *rand.Rand, cal *calendar) {
	switch a.role {
	case roleLowAdoption:
		candidates := rng.Perm(4) // Teams, SharePoint, OneDrive, Apps
		k := 1
		if chance(rng, 0.3) {
			k = 2
		}
		for _, c := range candidates[:k] {
			w := wlTeams + c
			a.subscribed[w] = true
			// At least two users, so that it never looks unused.
			a.base[w] = max(between(rng, 0.08, 0.18), 2/float64(a.users0))
			a.drift[w] = 0
			a.lowWls = append(a.lowWls, w)
		}
	case roleDeclining:
		a.declineFrom = max(0, a.days-56-rng.IntN(29))
		a.declineDepth = between(rng, 0.45, 0.7)
		if chance(rng, 0.35) {
			// One tool abandoned (often for a competitor's) falls harder.
			a.declineWl = pick(rng, []int{wlTeams, wlSharePoint, wlOneDrive})
			a.subscribed[a.declineWl] = true
			a.declineDepth = between(rng, 0.6, 0.8)
		}
		a.growth = 0.02 * rng.NormFloat64()
	case roleNearCap:
		a.capWl = pick(rng, []int{wlExchange, wlTeams, wlTeams, wlApps})
		a.subscribed[a.capWl] = true
		a.base[a.capWl], a.drift[a.capWl] = between(rng, 0.95, 0.99), 0
		a.growth, a.leaveRate = between(rng, 0.08, 0.25), 0
	case roleTrained:
		planTrainings(a, rng)
	case roleSatDrop, roleSatRise:
		planSatisfactionChange(a, rng, cal)
	case roleUpgrade:
		planUpgrade(a, rng)
	case roleUnused:
		planUnused(a, rng)
	}
}

// planTrainings books one or two courses. The first is on a workload the
// account struggles with (that is why the partner sold the course).
func planTrainings(a *account, rng *rand.Rand) {
	w := wlTeams + rng.IntN(4)
	a.subscribed[w] = true
	a.base[w] = between(rng, 0.28, 0.45)
	a.drift[w] = 0
	first := nextWorkday(a, a.onboard+int(float64(a.days-a.onboard)*between(rng, 0.3, 0.55)))
	a.trainings = append(a.trainings, training{day: first, wl: w, lift: between(rng, 0.22, 0.35)})
	if chance(rng, 0.25) {
		w2 := wlExchange + rng.IntN(numWorkloads)
		d2 := nextWorkday(a, first+14+rng.IntN(45))
		if w2 != w && a.subscribed[w2] && d2 < a.days-14 {
			a.trainings = append(a.trainings, training{day: d2, wl: w2, lift: between(rng, 0.05, 0.15)})
		}
	}
}
