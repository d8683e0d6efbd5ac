package generate

import (
	"encoding/csv"
	"fmt"
	"math"
)

// The ground truth is written to a truth/ subfolder, so that
// "uptake ingest DIR/*.csv" loads the data set and never these files.
const truthDir = "truth"

var truthTicketHeader = []string{"ticket_id", "theme_id", "theme_label", "language", "category", "workload", "mixed_language"}

// Account flags in ground_truth_accounts.csv. The details of the newer
// flags are "key=value; key=value" lists of the figures a test compares.
const (
	flagLowAdoption      = "low_adoption"
	flagDeclining        = "declining"
	flagNearSeatCap      = "near_seat_cap"
	flagTrained          = "trained"
	flagOnboarding       = "onboarding"
	flagSatisfactionDrop = "satisfaction_drop"
	flagSatisfactionRise = "satisfaction_rise"
	flagUpgrade          = "upgrade"
	flagUnusedWorkload   = "unused_workload"
)

// writeTruthAccounts lists the planted cases: one row per account, flag and
// workload (empty workload: every workload of the account).
func writeTruthAccounts(w *csv.Writer, accounts []*account, cal *calendar) (int, error) {
	if err := w.Write([]string{"account_id", "flag", "workload", "since", "detail"}); err != nil {
		return 0, err
	}
	n := 0
	row := func(rec ...string) error {
		n++
		return w.Write(rec)
	}
	last := cal.days - 1
	ratings := newRatingModel()
	for _, a := range accounts {
		var err error
		switch a.role {
		case roleLowAdoption:
			for _, wl := range a.lowWls {
				if err = row(a.id, flagLowAdoption, workloadNames[wl], "", fmt.Sprintf("about %.0f%% of licensed users use %s", 100*a.level(wl, last), workloadNames[wl])); err != nil {
					break
				}
			}
		case roleDeclining:
			wl := ""
			if a.declineWl >= 0 {
				wl = workloadNames[a.declineWl]
			}
			err = row(a.id, flagDeclining, wl, string(cal.dates[a.declineFrom]), fmt.Sprintf("usage falls by about %.0f%% by the last day", 100*(1-(1-a.declineDepth)*(1-a.declineDepth/2))))
		case roleNearCap:
			err = row(a.id, flagNearSeatCap, workloadNames[a.capWl], "", fmt.Sprintf("%d seats assigned; %.0f%% of assigned users active", a.licensed[last], 100*math.Min(1, a.level(a.capWl, last))))
		case roleTrained:
			for _, t := range a.trainings {
				if err = row(a.id, flagTrained, workloadNames[t.wl], string(cal.dates[t.day]), t.course); err != nil {
					break
				}
			}
		case roleSatDrop:
			err = row(a.id, flagSatisfactionDrop, "", string(cal.dates[a.satDay]), a.satisfactionDetail(ratings))
		case roleSatRise:
			err = row(a.id, flagSatisfactionRise, "", string(cal.dates[a.satDay]), a.satisfactionDetail(ratings))
		case roleUpgrade:
			err = row(a.id, flagUpgrade, workloadNames[a.upsellWl], "", a.upgradeDetail())
		case roleUnused:
			err = row(a.id, flagUnusedWorkload, workloadNames[a.upsellWl], "", a.unusedDetail())
		}
		if err != nil {
			return n, err
		}
		if a.onboard > 0 {
			if err := row(a.id, flagOnboarding, "", string(cal.dates[a.onboard]), "new customer: adoption ramps up from this day"); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// writeTruthThemes lists the planted how-to themes.
func writeTruthThemes(w *csv.Writer) (int, error) {
	if err := w.Write([]string{"theme_id", "theme_label", "category", "workload"}); err != nil {
		return 0, err
	}
	n := 0
	for _, t := range topics {
		if t.theme == "" {
			continue
		}
		if err := w.Write([]string{t.theme, t.label, t.category, workloadNames[t.wl]}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
