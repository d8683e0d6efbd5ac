package analytics_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
	"github.com/uptake/uptake/ingest/generate"
	"github.com/uptake/uptake/store"
)

// truthScale is big enough for the statistical checks (300 accounts, half
// a year) and loads in seconds on each engine.
var truthScale = generate.Scale{Name: "truth-test", Accounts: 300, Days: 182, MedianUsers: 20, MaxUsers: 1500}

// truthEnd is the day after the data set's last day.
var truthEnd = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

var truthData struct {
	once sync.Once
	dir  string
	err  error
}

// truthDir generates the ground-truth data set once per test process.
func truthDir(t *testing.T) string {
	t.Helper()
	truthData.once.Do(func() {
		dir, err := os.MkdirTemp("", "uptake-truth-")
		if err == nil {
			_, err = generate.Write(dir, truthScale, 7, truthEnd)
		}
		truthData.dir, truthData.err = dir, err
	})
	if truthData.err != nil {
		t.Fatalf("generating the ground-truth data set: %v", truthData.err)
	}
	return truthData.dir
}

// loadTruth ingests the generated data set into st and refreshes the
// rollups, as `uptake ingest` does.
func loadTruth(t *testing.T, st *store.Store) *analytics.Service {
	t.Helper()
	started := time.Now()
	svc := analyticstest.LoadDir(t, st, truthDir(t))
	t.Logf("loaded and refreshed in %v", time.Since(started).Round(time.Millisecond))
	return svc
}

// truthRows reads one ground-truth file as maps keyed by header.
func truthRows(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(truthDir(t), "truth", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// plantedAccounts lists the accounts of each ground-truth flag.
func plantedAccounts(t *testing.T) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, r := range truthRows(t, "ground_truth_accounts.csv") {
		if out[r["flag"]] == nil {
			out[r["flag"]] = map[string]bool{}
		}
		out[r["flag"]][r["account_id"]] = true
	}
	return out
}

// TestAgainstGroundTruth loads the generator's data set on each engine and
// checks every measure against what was planted.
func TestAgainstGroundTruth(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		svc := loadTruth(t, st)
		planted := plantedAccounts(t)
		t.Run("low adoption", func(t *testing.T) { checkLowAdoption(t, svc, planted) })
		t.Run("training impact", func(t *testing.T) { checkTrainingImpact(t, svc) })
		t.Run("upsell", func(t *testing.T) { checkUpsell(t, svc, planted) })
		t.Run("satisfaction changes", func(t *testing.T) { checkSatisfaction(t, svc, planted) })
	})
}

func checkLowAdoption(t *testing.T, svc *analytics.Service, planted map[string]map[string]bool) {
	flags, err := svc.LowAdoption(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	red := map[string]bool{}
	for _, f := range flags {
		if f.Severity == analytics.SeverityRed {
			red[f.AccountID] = true
		}
	}
	missed := 0
	for _, kind := range []string{"low_adoption", "declining"} {
		for acc := range planted[kind] {
			if !red[acc] {
				missed++
				t.Errorf("planted %s account %s is not flagged red", kind, acc)
			}
		}
	}
	healthy, falsePos := 0, 0
	accounts, err := svc.Profiles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for acc := range accounts {
		if isPlanted(planted, acc) {
			continue
		}
		healthy++
		if red[acc] {
			falsePos++
			for _, f := range flags {
				if f.AccountID == acc && f.Severity == analytics.SeverityRed {
					t.Logf("healthy account flagged: %s %s", acc, f.Evidence)
				}
			}
		}
	}
	share := float64(falsePos) / float64(max(1, healthy))
	t.Logf("low adoption: %d planted low/declining accounts, %d missed; %d of %d healthy accounts flagged red (%.1f %%)",
		len(planted["low_adoption"])+len(planted["declining"]), missed, falsePos, healthy, 100*share)
	if share >= 0.05 {
		t.Errorf("%.1f %% of healthy accounts flagged red; want under 5 %%", 100*share)
	}
}

// isPlanted reports whether a case that lowers adoption was planted in acc
// (trained accounts were sold a course because one workload lagged).
func isPlanted(planted map[string]map[string]bool, acc string) bool {
	for _, kind := range []string{"low_adoption", "declining", "unused_workload", "onboarding", "trained"} {
		if planted[kind][acc] {
			return true
		}
	}
	return false
}

func checkTrainingImpact(t *testing.T, svc *analytics.Service) {
	imp, err := svc.TrainingImpact(context.Background(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	var howto, adoption []float64
	for _, r := range truthRows(t, "ground_truth_training_effect.csv") {
		var h, a float64
		if _, err := fmt.Sscan(r["howto_per_100_seats_effect"], &h); err != nil {
			t.Fatal(err)
		}
		if _, err := fmt.Sscan(r["adoption_points_effect"], &a); err != nil {
			t.Fatal(err)
		}
		howto, adoption = append(howto, h), append(adoption, a)
	}
	for _, c := range []struct {
		o     analytics.OutcomeImpact
		truth []float64
	}{{imp.HowTo, howto}, {imp.Adoption, adoption}} {
		planted := mean(c.truth)
		t.Logf("%s: planted effect %.3f (mean of %d trainings); estimated %.3f, interval %.3f to %.3f; %d trained, %d controls. %s",
			c.o.Outcome, planted, len(c.truth), c.o.Effect, c.o.Lo, c.o.Hi, c.o.TreatedN, c.o.ControlN, c.o.Summary)
		if !c.o.Conclusive {
			t.Errorf("%s: not conclusive: %s", c.o.Outcome, c.o.Reason)
			continue
		}
		if planted < c.o.Lo || planted > c.o.Hi {
			t.Errorf("%s: planted effect %.3f outside the estimate's interval %.3f to %.3f", c.o.Outcome, planted, c.o.Lo, c.o.Hi)
		}
	}
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(max(1, len(v)))
}

// checkUpsell: every planted seat-cap, upgrade and unused-workload case is
// found on its workload, and (almost) no other account gets that kind.
func checkUpsell(t *testing.T, svc *analytics.Service, planted map[string]map[string]bool) {
	list, err := svc.Upsell(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]map[string]bool{} // kind → account|workload
	for _, u := range list {
		if found[u.Kind] == nil {
			found[u.Kind] = map[string]bool{}
		}
		found[u.Kind][u.AccountID+"|"+u.Workload] = true
		found[u.Kind][u.AccountID] = true
		if u.Evidence == "" || u.ValueBasis == "" {
			t.Errorf("%s for %s has no evidence or value basis", u.Kind, u.AccountID)
		}
	}
	profiles, err := svc.Profiles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for kind, flag := range map[string]string{analytics.UpsellAddSeats: "near_seat_cap", analytics.UpsellUpgrade: "upgrade", analytics.UpsellAdoptionServices: "unused_workload"} {
		missed, extra := 0, 0
		for _, r := range truthRows(t, "ground_truth_accounts.csv") {
			if r["flag"] == flag && !found[kind][r["account_id"]+"|"+r["workload"]] {
				missed++
				t.Errorf("planted %s %s %s: no %q chance", flag, r["account_id"], r["workload"], kind)
			}
		}
		for acc := range profiles {
			if found[kind][acc] && !planted[flag][acc] {
				extra++
				for _, u := range list {
					if u.Kind == kind && u.AccountID == acc {
						t.Logf("%s without a planted %s: %s %s", kind, flag, acc, u.Evidence)
					}
				}
			}
		}
		t.Logf("%s: %d planted, %d missed, %d other accounts", kind, len(planted[flag]), missed, extra)
		if float64(extra) > 0.03*float64(len(profiles)) {
			t.Errorf("%s offered to %d accounts without a planted case; want at most 3 %% of accounts", kind, extra)
		}
	}
}

// checkSatisfaction: planted satisfaction drops and rises are flagged, in
// their direction, comparing the last 13 weeks with the 13 before; accounts
// without one are (almost) never flagged.
func checkSatisfaction(t *testing.T, svc *analytics.Service, planted map[string]map[string]bool) {
	ctx := context.Background()
	p, err := svc.LastWeeks(ctx, "tickets", 13)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := svc.CSATChanges(ctx, p, analytics.ByAccount)
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]analytics.CSATChange{}
	for _, c := range changes {
		if c.Flagged {
			flagged[c.Group] = c
		}
	}
	for kind, sign := range map[string]float64{"satisfaction_drop": -1, "satisfaction_rise": 1} {
		for acc := range planted[kind] {
			c, ok := flagged[acc]
			if !ok || c.Change.Diff*sign <= 0 {
				detail := ""
				for _, r := range truthRows(t, "ground_truth_accounts.csv") {
					if r["account_id"] == acc && r["flag"] == kind {
						detail = r["since"] + " " + r["detail"]
					}
				}
				for _, c := range changes {
					if c.Group == acc {
						detail += " | measured: " + c.Evidence
					}
				}
				t.Errorf("planted %s in %s not flagged in its direction: %s", kind, acc, detail)
			}
		}
	}
	extra := 0
	for acc, c := range flagged {
		if !planted["satisfaction_drop"][acc] && !planted["satisfaction_rise"][acc] {
			extra++
			t.Logf("flagged without a planted change: %s", c.Evidence)
		}
	}
	t.Logf("satisfaction: %d drops and %d rises planted, %d accounts flagged, %d of them not planted",
		len(planted["satisfaction_drop"]), len(planted["satisfaction_rise"]), len(flagged), extra)
	if extra > 2 {
		t.Errorf("%d accounts flagged without a planted change; want at most 2", extra)
	}
	trend, err := svc.CSATTrend(ctx, analytics.Period{From: p.From.AddDate(0, 0, -7*13), To: p.To}, analytics.Overall, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range trend {
		if pt.Flagged {
			t.Errorf("partner-wide CSAT is steady in the data, yet %s is flagged: %+v", pt.Period.Format("2006-01"), pt.ChangeFromPrevious)
		}
	}
}
