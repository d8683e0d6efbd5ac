package analytics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics/courses"
)

// Kinds of upsell chance.
const (
	UpsellAddSeats         = "add seats"
	UpsellUpgrade          = "upgrade plan"
	UpsellAdoptionServices = "adoption services"
	UpsellTraining         = "training"
)

// Upsell is one chance to sell more, with its estimated yearly value and
// the figures behind it.
type Upsell struct {
	Kind                            string
	AccountID, AccountName, Manager string
	Workload                        string
	Value                           float64 // estimated, per year
	Currency                        string
	ValueBasis, Evidence, Rule      string
}

// seatHeadroom is the share of seats suggested on top of a full
// subscription: room for a year of ordinary growth.
const seatHeadroom = 0.1

// Upsell finds the seat, plan, adoption-service and training chances in
// the given week (zero: the last complete one), highest value first. For
// the last complete week they are read as stored by the last refresh
// (query stored_upsell) when that used the same rules and catalogue.
func (s *Service) Upsell(ctx context.Context, week time.Time) ([]Upsell, error) {
	if week.IsZero() {
		run, ok, err := s.storedRun(ctx, findingsUpsell)
		if err != nil {
			return nil, err
		}
		if ok {
			return s.readUpsell(ctx, run, Scope{})
		}
	}
	return s.liveUpsell(ctx, week, nil)
}

// liveUpsell computes the chances from the rollups; recs are the course
// recommendations for training offers (nil: computed here).
func (s *Service) liveUpsell(ctx context.Context, week time.Time, recs []courses.Recommendation) ([]Upsell, error) {
	rows, err := s.Adoption(ctx, week)
	if err != nil {
		return nil, err
	}
	out := s.upsellFrom(rows)
	training, err := s.trainingUpsell(ctx, s.flagAdoption(rows), recs)
	if err != nil {
		return nil, err
	}
	out = append(out, training...)
	if len(training) > 0 {
		// Training offers come from recommendations, which name no manager.
		profiles, err := s.Profiles(ctx)
		if err != nil {
			return nil, err
		}
		for i := range out {
			if out[i].Manager == "" {
				out[i].Manager = profiles[out[i].AccountID].Manager
			}
		}
	}
	sortUpsell(out)
	return out, nil
}

// trainingOffer is how many of an account's best courses a training offer
// bundles: more than a few at once is not a proposal a customer reads.
const trainingOffer = 3

// trainingUpsell offers the recommended courses to accounts with a high
// how-to load (tickets per 100 seats a month ≥ Rules.HighHowTo over the
// last quarter) or a red adoption flag: its best trainingOffer courses.
func (s *Service) trainingUpsell(ctx context.Context, flags []AdoptionFlag, recs []courses.Recommendation) ([]Upsell, error) {
	why := map[string]string{}
	for _, f := range flags {
		if f.Severity == SeverityRed && why[f.AccountID] == "" {
			why[f.AccountID] = "low adoption: " + f.Evidence
		}
	}
	var noData ErrNoData
	if p, err := s.LastWeeks(ctx, "tickets", recentWeeks); err != nil && !errors.As(err, &noData) {
		return nil, err
	} else if err == nil {
		loads, err := s.SupportLoad(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, l := range loads {
			if l.HowToPerHundredSeats >= s.rules.HighHowTo {
				why[l.AccountID] = fmt.Sprintf("%.1f how-to tickets per 100 seats a month over the last %d weeks (%d of %d tickets)", l.HowToPerHundredSeats, p.Weeks(), l.HowTo, l.Tickets)
			}
		}
	}
	if len(why) == 0 {
		return nil, nil
	}
	if recs == nil {
		var err error
		if recs, err = s.recommendFor(ctx, flags); err != nil {
			return nil, err
		}
	}
	byAccount, count := map[string]*Upsell{}, map[string]int{}
	var order []string
	for _, r := range recs {
		reason, ok := why[r.Need.AccountID]
		if !ok {
			continue
		}
		u := byAccount[r.Need.AccountID]
		if u != nil && count[r.Need.AccountID] >= trainingOffer {
			continue
		}
		count[r.Need.AccountID]++
		if u == nil {
			u = &Upsell{Kind: UpsellTraining, AccountID: r.Need.AccountID, AccountName: r.Need.AccountName, Currency: r.Course.Currency,
				Rule: fmt.Sprintf("how-to tickets ≥ %g per 100 seats a month, or a red adoption flag", s.rules.HighHowTo), Evidence: strings.TrimSuffix(reason, ".") + "."}
			byAccount[r.Need.AccountID] = u
			order = append(order, r.Need.AccountID)
		}
		u.Value += float64(r.Sessions) * r.Course.Price
		u.ValueBasis = strings.TrimPrefix(u.ValueBasis+fmt.Sprintf("; %d × %s (%s)", r.Sessions, r.Course.Title, Money(r.Course.Price, r.Course.Currency)), "; ")
		if u.Workload == "" {
			u.Workload = r.Need.Workload
		} else if u.Workload != r.Need.Workload && !strings.Contains(u.Workload, r.Need.Workload) {
			u.Workload += ", " + r.Need.Workload
		}
	}
	out := make([]Upsell, 0, len(order))
	for _, id := range order {
		out = append(out, *byAccount[id])
	}
	return out, nil
}

func (s *Service) upsellFrom(rows []Adoption) []Upsell {
	r := s.rules
	// Median weekly actions per active user of each workload.
	median := medianByWorkload(rows, func(a Adoption) (float64, bool) { return a.ActionsPerActive, a.Active7d > 0 })
	var out []Upsell
	for _, a := range rows {
		if a.SeatsPurchased < r.MinSeats {
			continue
		}
		price, known := seatPrice(a)
		base := Upsell{AccountID: a.AccountID, AccountName: a.AccountName, Manager: a.Manager, Workload: a.Workload, Currency: a.Currency}
		assigned := float64(a.SeatsAssigned) / float64(a.SeatsPurchased)
		if assigned >= r.NearCap && a.UsagePct >= r.Amber {
			u := base
			extra := int(math.Ceil(seatHeadroom * float64(a.SeatsPurchased)))
			u.Kind, u.Rule = UpsellAddSeats, fmt.Sprintf("seats assigned ≥ %s of purchased and usage ≥ %s", pct(100*r.NearCap), pct(r.Amber))
			u.Evidence = fmt.Sprintf("%s: %d of %d seats assigned (%s), %d people active in the last 28 days (%s of seats).",
				a.Workload, a.SeatsAssigned, a.SeatsPurchased, pct(a.DeploymentPct), a.Active28d, pct(a.UsagePct))
			u.Value = float64(extra) * price * 12
			u.ValueBasis = fmt.Sprintf("%d more seats (%s headroom) × %s a seat a month × 12%s", extra, pct(100*seatHeadroom), Money(price, a.Currency), priceNote(known))
			out = append(out, u)
		}
		if step, ok := entryPlan(a.Products); ok && median[a.Workload] > 0 && a.ActionsPerActive >= r.UpgradeFactor*median[a.Workload] && a.UsagePct > r.Red {
			u := base
			u.Kind, u.Rule = UpsellUpgrade, fmt.Sprintf("entry plan and weekly actions per active user ≥ %g × the median of all accounts", r.UpgradeFactor)
			u.Evidence = fmt.Sprintf("%s on %s: %.0f actions a week per active user, %.1f× the median of %.0f across accounts; %s would add %s.",
				a.Workload, step.entry, a.ActionsPerActive, a.ActionsPerActive/median[a.Workload], median[a.Workload], step.next, step.gains)
			u.Value = float64(a.SeatsPurchased) * (step.nextPrice - step.entryPrice) * 12
			u.ValueBasis = fmt.Sprintf("%d seats × %s more a seat a month × 12 (list prices)", a.SeatsPurchased, Money(step.nextPrice-step.entryPrice, a.Currency))
			out = append(out, u)
		}
		if a.UsagePct < r.Unused {
			u := base
			u.Kind, u.Rule = UpsellAdoptionServices, fmt.Sprintf("usage below %s of seats", pct(r.Unused))
			u.Evidence = fmt.Sprintf("%s: %d seats purchased, %d assigned, %d people active in the last 28 days (%s).",
				a.Workload, a.SeatsPurchased, a.SeatsAssigned, a.Active28d, pct(a.UsagePct))
			u.Value = float64(a.SeatsPurchased-a.Active28d) * price * 12
			u.ValueBasis = fmt.Sprintf("the yearly cost of %d unused seats at %s a month%s: what an adoption programme turns into use (or the renewal puts at risk)", a.SeatsPurchased-a.Active28d, Money(price, a.Currency), priceNote(known))
			out = append(out, u)
		}
	}
	sortUpsell(out)
	return out
}

func sortUpsell(out []Upsell) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].AccountID+out[i].Kind+out[i].Workload < out[j].AccountID+out[j].Kind+out[j].Workload
	})
}

// entryPlan finds an entry plan among a workload's products ("A, B").
func entryPlan(products string) (planStep, bool) {
	for _, p := range strings.Split(products, ",") {
		if step, ok := nextPlan(strings.TrimSpace(p)); ok {
			return step, true
		}
	}
	return planStep{}, false
}

// seatPrice is the workload's monthly price per seat, when the data has it.
func seatPrice(a Adoption) (float64, bool) {
	if a.PricedSeats > 0 {
		return a.MonthlyValue / float64(a.PricedSeats), true
	}
	return 0, false
}

func priceNote(known bool) string {
	if known {
		return ""
	}
	return " (no price in the subscription data: value unknown)"
}

// Money formats an amount with its currency: "1,234 EUR" (cents below 100).
func Money(v float64, currency string) string {
	s := fmt.Sprintf("%.2f", v)
	if v >= 100 {
		s = thousands(int64(math.Round(v)))
	}
	if currency == "" {
		return s
	}
	return s + " " + currency
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
