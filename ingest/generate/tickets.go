package generate

import (
	"cmp"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

var ticketHeader = []string{"account_id", "ticket_id", "created_at", "updated_at", "channel", "category", "priority", "status", "subject", "body",
	"language", "workload", "first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor"}

// Ticket volume: tickets per licensed user on an ordinary workday (about one
// a month), split by category. How-to questions are the largest share and
// the one that training can reduce.
const ticketsPerUserDay = 0.045

var (
	categoryShare = map[string]float64{catHowTo: 0.36, catBilling: 0.06, catDeployment: 0.14, catPerformance: 0.2, catUpdates: 0.09, catOther: 0.15}
	// howtoWorkloadShare splits how-to questions by workload (Entra ID last).
	howtoWorkloadShare = [numWorkloads + 1]float64{0.24, 0.34, 0.15, 0.13, 0.1, 0.04}
	// medianResolution is the typical resolution time per category, minutes.
	medianResolution = map[string]float64{catHowTo: 150, catBilling: 1800, catDeployment: 2400, catPerformance: 420, catUpdates: 900, catOther: 360}
	escalationRate   = map[string]float64{catHowTo: 0.004, catBilling: 0.03, catDeployment: 0.04, catPerformance: 0.09, catUpdates: 0.07, catOther: 0.01}
	channels         = []string{"email", "portal", "phone", "chat"}
	channelWeights   = map[string][]float64{catHowTo: {0.35, 0.3, 0.15, 0.2}, catBilling: {0.6, 0.3, 0.08, 0.02}, catDeployment: {0.4, 0.45, 0.1, 0.05},
		catPerformance: {0.25, 0.2, 0.4, 0.15}, catUpdates: {0.35, 0.35, 0.15, 0.15}, catOther: {0.45, 0.3, 0.15, 0.1}}
	priorities      = []string{"low", "normal", "high", "urgent"}
	priorityWeights = map[string][]float64{catHowTo: {0.5, 0.45, 0.05, 0}, catBilling: {0.35, 0.6, 0.05, 0}, catDeployment: {0.15, 0.65, 0.18, 0.02},
		catPerformance: {0.05, 0.45, 0.35, 0.15}, catUpdates: {0.15, 0.6, 0.2, 0.05}, catOther: {0.35, 0.55, 0.1, 0}}
	priorityPace     = map[string]float64{"low": 1.4, "normal": 1, "high": 0.6, "urgent": 0.35}
	firstResponseMed = map[string]float64{"low": 240, "normal": 95, "high": 30, "urgent": 10}
	// hourWeights is when tickets arrive, local time, from 7:00 to 19:00.
	hourWeights = []float64{0.3, 1.0, 1.6, 1.5, 1.3, 0.7, 0.9, 1.3, 1.2, 1.0, 0.6, 0.3, 0.1}
)

// The outcome and rating model. Response and resolution times are
// log-normal around the usual time of the priority and category; customers
// rate a share of closed tickets, more often after a slow resolution.
const (
	firstResponseSigma = 0.8
	resolutionSigma    = 0.9
	escalationFactor   = 3 // an escalated ticket takes this much longer
	slowFactor         = 3 // a resolution this many times the usual is slow
	ratingChance       = 0.28
	slowRatingChance   = 0.15 // extra chance that a slow case is rated
	// The latent rating: satTop − satPerLogTime·ln(1 + relative time), less
	// satLate after a late first answer and satEscalated after an
	// escalation, plus normal noise of satNoise; rounded into 1–5.
	satTop, satPerLogTime, satNoise = 5.1, 0.95, 0.6
	satLate, satEscalated           = 0.4, 0.3
)

// ticket is one generated ticket before it gets its number.
type ticket struct {
	at    time.Time
	acct  int
	seq   int
	rec   []string
	truth []string
}

// ticketGen holds what generating tickets needs across days.
type ticketGen struct {
	cal      *calendar
	end      time.Time
	accounts []*account
	rngs     []*rand.Rand
	joins    [][]uint16 // users joining per account and day
	byCat    map[string]*topicGroup
	howto    [numWorkloads + 1]*topicGroup
	outages  map[int]*topic // provider-wide incidents by day
}

// topicGroup is a set of topics drawn by weight.
type topicGroup struct {
	topics  []*topic
	weights []float64
}

func (tg *topicGroup) add(t *topic) {
	tg.topics = append(tg.topics, t)
	tg.weights = append(tg.weights, t.weight)
}

func newTicketGen(seed uint64, accounts []*account, cal *calendar, end time.Time) *ticketGen {
	g := &ticketGen{cal: cal, end: end, accounts: accounts, byCat: map[string]*topicGroup{}, outages: map[int]*topic{}}
	for _, c := range categories {
		g.byCat[c] = &topicGroup{}
	}
	for w := range g.howto {
		g.howto[w] = &topicGroup{}
	}
	for i := range topics {
		t := &topics[i]
		g.byCat[t.category].add(t)
		if t.category == catHowTo {
			g.howto[t.wl].add(t)
		}
	}
	for i, a := range accounts {
		g.rngs = append(g.rngs, newRand(seed, streamTickets, uint64(i)))
		j := make([]uint16, cal.days)
		for _, u := range a.users {
			if u.join >= 0 {
				j[u.join]++
			}
		}
		g.joins = append(g.joins, j)
	}
	// Now and then a cloud service has a bad day and every customer calls.
	global := newRand(seed, streamTickets, 1<<40)
	for d := 0; d < cal.days; d += 20 + global.IntN(50) {
		g.outages[d] = pick(global, g.byCat[catPerformance].topics)
	}
	return g
}

// writeTickets writes the tickets day by day, numbered in creation order,
// and the ground truth row of each.
func writeTickets(w, truth *csv.Writer, g *ticketGen) (int, error) {
	if err := w.Write(ticketHeader); err != nil {
		return 0, err
	}
	if err := truth.Write(truthTicketHeader); err != nil {
		return 0, err
	}
	n := 0
	var day []ticket
	for d := range g.cal.days {
		day = day[:0]
		for i, a := range g.accounts {
			day = g.accountDay(day, a, i, d)
		}
		slices.SortFunc(day, func(x, y ticket) int {
			return cmp.Or(x.at.Compare(y.at), cmp.Compare(x.acct, y.acct), cmp.Compare(x.seq, y.seq))
		})
		for _, t := range day {
			n++
			id := "T-" + pad(n, 7)
			t.rec[1], t.truth[0] = id, id
			if err := w.Write(t.rec); err != nil {
				return n, err
			}
			if err := truth.Write(t.truth); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// accountDay draws the account's tickets of day d.
func (g *ticketGen) accountDay(out []ticket, a *account, i, d int) []ticket {
	if d < a.onboard || a.licensed[d] == 0 {
		return out
	}
	rng := g.rngs[i]
	lic := float64(a.licensed[d])
	base := a.ticketBase(d)
	// A Poisson count per group, then a topic per ticket by weight: the same
	// as a Poisson count per topic, with far fewer draws.
	add := func(tg *topicGroup, mean float64) {
		for k := poisson(rng, mean); k > 0; k-- {
			out = append(out, g.newTicket(rng, a, tg.topics[pickWeighted(rng, tg.weights)], d, len(out)))
		}
	}
	for w := range numWorkloads {
		add(g.howto[w], a.howtoMean(w, d))
	}
	add(g.howto[wlEntra], a.entraMean(d))
	deploy := base*categoryShare[catDeployment] + 0.35*float64(g.joins[i][d])
	if a.onboard > 0 && d-a.onboard < 21 {
		deploy += lic * 0.015 * a.work[d]
	}
	add(g.byCat[catDeployment], deploy)
	add(g.byCat[catPerformance], base*categoryShare[catPerformance])
	if t, ok := g.outages[d]; ok && (t.wl < 0 || a.subscribed[t.wl]) {
		add(&topicGroup{topics: []*topic{t}, weights: []float64{1}}, 0.5+lic*0.012*a.work[d])
	}
	add(g.byCat[catUpdates], base*categoryShare[catUpdates]*patchFactor(g.cal.day(d)))
	add(g.byCat[catBilling], base*categoryShare[catBilling]*billingFactor(g.cal.day(d)))
	add(g.byCat[catOther], base*categoryShare[catOther])
	return out
}

// ticketBase is the account's expected ticket count on day d before the
// split by category.
func (a *account) ticketBase(d int) float64 {
	return float64(a.licensed[d]) * ticketsPerUserDay * a.ticketX * a.work[d]
}

// howtoMean is the expected number of how-to questions about workload w on
// day d. Users of a tool few colleagues use ask more, a course cuts the
// questions down, and a tool almost nobody opens draws few questions.
func (a *account) howtoMean(w, d int) float64 {
	if !a.subscribed[w] || d < a.onboard {
		return 0
	}
	level := a.level(w, d)
	struggle := (0.55 + 1.3*(1-level)) * math.Min(1, level/0.05)
	return a.ticketBase(d) * categoryShare[catHowTo] * howtoWorkloadShare[w] * struggle * a.trainedCut(w, d)
}

// entraMean is the expected number of sign-in and MFA questions on day d:
// enforcing MFA brings a wave of set-up questions that fades in weeks.
func (a *account) entraMean(d int) float64 {
	if d < a.onboard {
		return 0
	}
	mean := a.ticketBase(d) * categoryShare[catHowTo] * howtoWorkloadShare[wlEntra]
	if a.mfaDay >= 0 && d >= a.mfaDay && d < a.mfaDay+30 {
		mean += float64(a.licensed[d]) * 0.12 / 6 * math.Exp(-float64(d-a.mfaDay)/6) * a.work[d]
	}
	return mean
}

// expectedHowTo is the expected number of how-to tickets on day d, over all
// workloads.
func (a *account) expectedHowTo(d int) float64 {
	n := a.entraMean(d)
	for w := range numWorkloads {
		n += a.howtoMean(w, d)
	}
	return n
}

// patchFactor raises update tickets in the days after Patch Tuesday.
func patchFactor(t time.Time) float64 {
	first := t.AddDate(0, 0, 1-t.Day())
	patch := 1 + (int(time.Tuesday)-int(first.Weekday())+7)%7 + 7
	if since := t.Day() - patch; since >= 0 && since < 5 {
		return 2.2
	}
	return 0.75
}

// billingFactor raises billing questions when invoices arrive.
func billingFactor(t time.Time) float64 {
	if t.Day() <= 5 {
		return 2.6
	}
	return 0.7
}

// newTicket builds one ticket: language, channel, timing, outcome and text.
func (g *ticketGen) newTicket(rng *rand.Rand, a *account, t *topic, d, seq int) ticket {
	lang := ticketLang(rng, a)
	channel := channels[pickWeighted(rng, channelWeights[t.category])]
	prio := priorities[pickWeighted(rng, priorityWeights[t.category])]
	created := g.createdAt(rng, a, d)
	escalated := chance(rng, escalationRate[t.category])
	o := g.outcome(rng, t.category, prio, escalated, created, d, a.satShift(d))
	text := compose(rng, t, lang, channel, prio)

	category, workload, language := t.category, "", langCodes[text.lang]
	if chance(rng, 0.25) {
		category = "" // many help desks leave the category empty: Uptake infers it
	}
	if t.wl >= 0 {
		workload = workloadNames[t.wl]
		if chance(rng, 0.15) {
			workload = ""
		}
	}
	if chance(rng, 0.25) {
		language = ""
	}
	esc := "no"
	if escalated {
		esc = "yes"
	}
	rec := []string{a.id, "", created.Format(time.RFC3339), o.updated.Format(time.RFC3339), channel, category, prio, o.status,
		text.subject, text.body, language, workload, o.firstResponse, o.resolution, o.satisfaction, esc}
	wl := ""
	if t.wl >= 0 {
		wl = workloadNames[t.wl]
	}
	truth := []string{"", t.theme, t.label, langCodes[text.lang], t.category, wl, boolText(text.mixed)}
	return ticket{at: created, acct: a.idx, seq: seq, rec: rec, truth: truth}
}

// ticketLang is mostly the account's language; some staff write in English,
// and in bilingual countries in the other language.
func ticketLang(rng *rand.Rand, a *account) int {
	switch x := rng.Float64(); {
	case x < 0.08 && a.lang != langEN:
		return langEN
	case x < 0.16 && len(a.co.langs) > 1:
		return pick(rng, a.co.langs)
	}
	return a.lang
}

// createdAt is a time in the account's working hours on day d, in UTC.
func (g *ticketGen) createdAt(rng *rand.Rand, a *account, d int) time.Time {
	hour := 7 + pickWeighted(rng, hourWeights)
	if chance(rng, 0.03) {
		hour = 19 + rng.IntN(4) // late mails
	}
	sec := hour*3600 + rng.IntN(3600) - a.offset*3600
	t := g.cal.day(d).Add(time.Duration(sec) * time.Second)
	if !t.Before(g.end) {
		t = g.end.Add(-time.Duration(1+rng.IntN(3600)) * time.Second)
	}
	return t
}

// outcome is how a ticket went: response and resolution times, status at
// the end of the data set, and the satisfaction score if one was given.
type outcome struct {
	updated                                         time.Time
	status, firstResponse, resolution, satisfaction string
}

func (g *ticketGen) outcome(rng *rand.Rand, cat, prio string, escalated bool, created time.Time, d int, shift float64) outcome {
	// The partner is short-staffed in the summer and at Christmas, and got
	// faster over the period covered.
	slow := 1 / math.Pow(seasonFactor(summerFrench, g.cal.day(d)), 0.7)
	trend := 1.15 - 0.3*float64(d)/float64(max(1, g.cal.days-1))
	firstUsual := firstResponseMed[prio] * slow * trend
	first := math.Max(1, math.Round(logNormal(rng, firstUsual, firstResponseSigma)))
	target := medianResolution[cat] * priorityPace[prio] * slow * trend
	res := logNormal(rng, target, resolutionSigma)
	if escalated {
		res *= escalationFactor
	}
	res = math.Round(math.Max(res, first+5))
	o := outcome{firstResponse: strconv.Itoa(int(first))}
	resolved := created.Add(time.Duration(res) * time.Minute)
	if !resolved.Before(g.end) {
		responded := created.Add(time.Duration(first) * time.Minute)
		o.status, o.updated = "new", created
		if responded.Before(g.end) {
			o.status, o.updated = pick(rng, []string{"in progress", "in progress", "waiting for customer"}), responded
		} else {
			o.firstResponse = ""
		}
		return o
	}
	o.status, o.updated, o.resolution = "closed", resolved, strconv.Itoa(int(res))
	if g.end.Sub(resolved) < 5*24*time.Hour {
		o.status = "resolved" // closed automatically after five days without reply
	}
	// Customers judge a ticket against the service of the time (everyone
	// knows August is slow), so partner-wide satisfaction stays level and
	// only an account's planted change moves it.
	slowCase := res > slowFactor*target
	if chance(rng, ratingChance) || slowCase && chance(rng, slowRatingChance) {
		o.satisfaction = strconv.Itoa(satisfaction(rng, res/target, first > 2*firstUsual, escalated, shift))
	}
	return o
}

// satisfaction is 1–5: high when the ticket was solved quickly relative to
// what its category usually takes, lower after slow answers or escalations,
// moved by shift for an account with a planted change.
func satisfaction(rng *rand.Rand, relTime float64, lateAnswer, escalated bool, shift float64) int {
	s := satTop - satPerLogTime*math.Log1p(relTime) + shift + satNoise*rng.NormFloat64()
	if lateAnswer {
		s -= satLate
	}
	if escalated {
		s -= satEscalated
	}
	return int(math.Max(1, math.Min(5, math.Round(s))))
}

func boolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// pad formats n with leading zeros to width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
