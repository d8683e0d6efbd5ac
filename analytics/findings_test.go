package analytics_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/courses"
	"github.com/uptake/uptake/store"
)

// The recommendations, course plan and upsell chances stored at refresh
// and theme runs are exactly what a live computation gives; a service with
// other rules does not read them.
func TestStoredFindingsMatchLive(t *testing.T) {
	env.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := loadTruth(t, st)
		if _, err := svc.RunThemes(ctx, analytics.ThemeOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"recommendations", "course_plan", "upsell"} {
			if ok, err := svc.StoredFindings(ctx, kind); err != nil || !ok {
				t.Fatalf("no stored %s after a theme run (err %v)", kind, err)
			}
		}
		stored, err := svc.Recommendations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		live, err := svc.LiveRecommendations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(live) == 0 || !reflect.DeepEqual(stored, live) {
			t.Fatalf("stored recommendations (%d) differ from live ones (%d)", len(stored), len(live))
		}
		plan, err := svc.CoursePlan(ctx, time.Now(), analytics.DefaultSessionsPerMonth)
		if err != nil {
			t.Fatal(err)
		}
		livePlan := courses.Plan(live, time.Date(time.Now().Year(), time.Now().Month(), 1, 0, 0, 0, 0, time.UTC), courses.PlanOptions{SessionsPerMonth: analytics.DefaultSessionsPerMonth})
		if len(livePlan) == 0 || !reflect.DeepEqual(plan, livePlan) {
			t.Fatalf("stored course plan (%d lines) differs from the live one (%d)", len(plan), len(livePlan))
		}
		upsell, err := svc.Upsell(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		liveUpsell, err := svc.LiveUpsell(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(liveUpsell) == 0 || !reflect.DeepEqual(upsell, liveUpsell) {
			t.Fatalf("stored upsell chances (%d) differ from live ones (%d)", len(upsell), len(liveUpsell))
		}
		t.Logf("%d recommendations, %d plan lines, %d upsell chances stored and equal to live", len(live), len(plan), len(upsell))

		rules := analytics.Defaults()
		rules.Red = 40
		other, err := analytics.New(st, rules)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := other.StoredFindings(ctx, "recommendations"); err != nil || ok {
			t.Fatalf("a service with other rules read findings stored for the defaults (ok %v, err %v)", ok, err)
		}
	})
}
