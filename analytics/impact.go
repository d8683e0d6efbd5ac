package analytics

import (
	"context"
	"fmt"
	"time"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/store"
)

// ImpactUnit is one trained account (or one of its matched controls) in the
// training-impact comparison.
type ImpactUnit struct {
	Outcome     string    `ch:"outcome"`
	TrainingID  string    `ch:"training_id"`
	Role        string    `ch:"role"` // trained or control
	AccountID   string    `ch:"account_id"`
	CourseID    string    `ch:"course_id"`
	Workload    string    `ch:"workload"`
	DeliveredOn time.Time `ch:"delivered_on"`
	Segment     string    `ch:"segment"`
	Weeks       uint64    `ch:"weeks"`
	Before      float64   `ch:"before"`
	After       float64   `ch:"after"`
}

// OutcomeImpact is the difference-in-differences estimate for one outcome.
type OutcomeImpact struct {
	Outcome, Unit string // e.g. "how-to tickets per 100 seats per week"
	stats.DiDResult
	Summary string
}

// Impact is what training changed: for accounts that took a course, the
// change in each outcome over Weeks weeks after it compared with the weeks
// before, minus the same change at matched untrained accounts.
type Impact struct {
	Weeks           int
	HowTo, Adoption OutcomeImpact
	Units           []ImpactUnit
}

// TrainingImpact estimates what the trainings changed (query
// training_impact_units; the units are matched at each rollup refresh,
// impact_refresh.go). Optional filters keep only trainings on a workload or
// of a course.
func (s *Service) TrainingImpact(ctx context.Context, workload, courseID string) (Impact, error) {
	res, err := s.st.Query(ctx, s.q.TrainingImpactUnits, nil)
	if err != nil {
		return Impact{}, fmt.Errorf("training impact: %w", err)
	}
	units, err := store.Scan[ImpactUnit](res)
	if err != nil {
		return Impact{}, fmt.Errorf("training impact: %w", err)
	}
	imp := Impact{Weeks: s.rules.ImpactWeeks}
	treated := map[string][]stats.Unit{}
	controls := map[string]map[string][]stats.Unit{}
	for _, u := range units {
		if u.Role == "refresh" || workload != "" && u.Workload != workload || courseID != "" && u.CourseID != courseID {
			continue
		}
		imp.Units = append(imp.Units, u)
		imp.Weeks = int(u.Weeks)
		unit := stats.Unit{ID: u.AccountID, Before: u.Before, After: u.After}
		if u.Role == "trained" {
			// A training id names the unit: one account may take two courses.
			unit.ID = u.TrainingID
			treated[u.Outcome] = append(treated[u.Outcome], unit)
			continue
		}
		if controls[u.Outcome] == nil {
			controls[u.Outcome] = map[string][]stats.Unit{}
		}
		controls[u.Outcome][u.TrainingID] = append(controls[u.Outcome][u.TrainingID], unit)
	}
	imp.HowTo = s.outcomeImpact(OutcomeHowTo, "how-to tickets per 100 seats per week", treated[OutcomeHowTo], controls[OutcomeHowTo], imp.Weeks)
	imp.Adoption = s.outcomeImpact(OutcomeAdoption, "points of adoption (% of assigned seats active over 28 days) on the course's workload", treated[OutcomeAdoption], controls[OutcomeAdoption], imp.Weeks)
	return imp, nil
}

func (s *Service) outcomeImpact(outcome, unit string, treated []stats.Unit, controls map[string][]stats.Unit, weeks int) OutcomeImpact {
	r := stats.DiffInDiff(treated, controls, s.rules.Confidence)
	o := OutcomeImpact{Outcome: outcome, Unit: unit, DiDResult: r}
	if !r.Conclusive {
		o.Summary = fmt.Sprintf("Too little data to conclude about %s: %s", unit, r.Reason)
		if len(treated) == 0 {
			o.Summary = fmt.Sprintf("No training has %d weeks of data before and after it yet, so its effect on %s cannot be measured.", weeks, unit)
		}
		return o
	}
	verdict := "a clear effect"
	if !r.Significant {
		verdict = "no clear effect (the interval includes zero)"
	}
	o.Summary = fmt.Sprintf("Over the %d weeks after a course, trained accounts changed by %+.2f %s and matched untrained accounts by %+.2f: an effect of %+.2f (%.0f %% interval %+.2f to %+.2f), %s. %d trained accounts, %d untrained accounts as controls.",
		weeks, r.TreatedChange, unit, r.ControlChange, r.Effect, 100*s.rules.Confidence, r.Lo, r.Hi, verdict, r.TreatedN, r.ControlN)
	return o
}
