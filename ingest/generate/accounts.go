package generate

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

func writeAccounts(w *csv.Writer, accounts []*account) (int, error) {
	if err := w.Write([]string{"account_id", "name", "segment", "industry", "country", "employees", "account_manager"}); err != nil {
		return 0, err
	}
	for _, a := range accounts {
		if err := w.Write([]string{a.id, a.name, a.segment, a.ind.name, a.co.code, strconv.Itoa(a.employees), a.manager}); err != nil {
			return 0, err
		}
	}
	return len(accounts), nil
}

// product is a licence a customer buys for a workload, at list price in USD.
type product struct {
	code, name string
	price      float64
}

// Plans: each workload is sold as an entry plan and a higher plan whose
// advanced features (archiving and data loss prevention, advanced meetings,
// more storage and compliance, desktop apps for larger firms) heavy users
// outgrow. An account buys every workload on the same plan.
const (
	planEntry = iota
	planHigher
	numPlans
)

// products per workload and plan, at monthly list price per seat.
var products = [numWorkloads][numPlans]product{
	wlExchange:   {{"EXO1", "Exchange Online (Plan 1)", 4}, {"EXO2", "Exchange Online (Plan 2)", 8}},
	wlTeams:      {{"TEAMS-ESS", "Microsoft Teams Essentials", 4}, {"TEAMS-ENT", "Microsoft Teams Enterprise", 5.25}},
	wlSharePoint: {{"SPO1", "SharePoint (Plan 1)", 5}, {"SPO2", "SharePoint (Plan 2)", 10}},
	wlOneDrive:   {{"ODB1", "OneDrive for Business (Plan 1)", 5}, {"ODB2", "OneDrive for Business (Plan 2)", 10}},
	wlApps:       {{"APPS-BUS", "Microsoft 365 Apps for business", 8.25}, {"APPS-ENT", "Microsoft 365 Apps for enterprise", 12}},
}

// segmentDiscount is the partner's discount on list prices.
var segmentDiscount = map[string]float64{"SMB": 0, "Mid-market": 0.03, "Enterprise": 0.08}

// unitPrice is what the account pays a month for a seat of p, in its
// currency, rounded to cents.
func (a *account) unitPrice(p product) float64 {
	return math.Round(p.price*a.co.perUSD*(1-segmentDiscount[a.segment])*100) / 100
}

// snapshotEvery is the spacing of seat snapshots, counted back from the
// last day so the newest snapshot is always the last day.
const snapshotEvery = 7

// writeSubscriptions writes a seat snapshot per subscription every week.
// Seats assigned follow the licensed users; seats purchased keep some
// headroom and are topped up when it runs out, except on the planted
// near-cap subscription, bought a little above what is now assigned.
func writeSubscriptions(w *csv.Writer, seed uint64, accounts []*account, cal *calendar) (int, error) {
	if err := w.Write([]string{"account_id", "subscription_id", "snapshot_date", "product", "workload", "seats_purchased", "seats_assigned", "start_date", "end_date", "unit_price", "currency"}); err != nil {
		return 0, err
	}
	n := 0
	for _, a := range accounts {
		rng := newRand(seed, streamSeats, uint64(a.idx))
		monthly := chance(rng, 0.3) // month-to-month terms have no end date
		for wl := range numWorkloads {
			if !a.subscribed[wl] {
				continue
			}
			p := products[wl][a.plan]
			price := strconv.FormatFloat(a.unitPrice(p), 'f', 2, 64)
			purchased := a.seatsPurchased(rng, wl)
			for _, d := range snapshotDays(a.onboard, cal.days) {
				end := ""
				if !monthly {
					end = anniversaryAfter(a.subStart, cal.day(d)).Format("2006-01-02")
				}
				rec := []string{a.id, a.id + "-" + p.code, string(cal.dates[d]), p.name, workloadNames[wl], strconv.Itoa(int(purchased[d])),
					strconv.Itoa(int(a.licensed[d])), a.subStart.Format("2006-01-02"), end, price, a.co.currency}
				if err := w.Write(rec); err != nil {
					return n, err
				}
				n++
			}
		}
	}
	return n, nil
}

func snapshotDays(from, days int) []int {
	var out []int
	for d := days - 1; d >= from; d -= snapshotEvery {
		out = append(out, d)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// seatsPurchased is the number of seats bought for workload wl on each day.
func (a *account) seatsPurchased(rng *rand.Rand, wl int) []int32 {
	out := make([]int32, a.days)
	peak := int32(0)
	for _, l := range a.licensed {
		peak = max(peak, l)
	}
	if wl == a.capWl {
		last := float64(a.licensed[a.days-1])
		seats := max(peak, int32(last/between(rng, 0.95, 1.0)))
		for d := range out {
			out[d] = seats
		}
		return out
	}
	// Headroom never lets assigned seats pass 93 % of those bought, so only
	// the planted accounts are near their cap.
	// A new customer buys for its whole staff up front.
	seats := int32(math.Ceil(float64(max(a.licensed[0], int32(a.users0)))*between(rng, 1.08, 1.18))) + 1
	for d, l := range a.licensed {
		if float64(l) > 0.93*float64(seats) {
			seats = int32(math.Ceil(float64(l)*between(rng, 1.1, 1.18))) + 1
		}
		out[d] = seats
	}
	return out
}

// anniversaryAfter is the end of the yearly term running on day t.
func anniversaryAfter(start, t time.Time) time.Time {
	years := t.Year() - start.Year()
	end := start.AddDate(years, 0, 0)
	if !end.After(t) {
		end = start.AddDate(years+1, 0, 0)
	}
	return end.AddDate(0, 0, -1)
}
