package analytics_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/uptake/uptake/analytics"
	"github.com/uptake/uptake/analytics/analyticstest"
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

		// New how-to tickets join the stored themes, whose ids stay.
		before, err := svc.Themes(ctx, "howto")
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		csv := "account_id,ticket_id,created_at,updated_at,channel,category,priority,status,subject,body,language,workload\n"
		for i := 0; i < 5; i++ {
			csv += fmt.Sprintf("%s,T-NEW-%d,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,portal,howto,normal,closed,How do I share my screen in a Teams meeting?,"+
				"When I present in a Teams call the others only see a black window. How do I share the screen?,en,Teams\n", "ACC-0001", i)
		}
		if err := os.WriteFile(filepath.Join(dir, "tickets.csv"), []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		analyticstest.LoadDir(t, st, dir)
		run, ran, err := svc.UpdateThemes(ctx)
		if err != nil || !ran || run.Discovered {
			t.Fatalf("updating themes: ran %v, discovered %v, %v", ran, run.Discovered, err)
		}
		after, err := svc.Themes(ctx, "howto")
		if err != nil {
			t.Fatal(err)
		}
		ids := func(list []analytics.Theme) []string {
			var out []string
			for _, th := range list {
				out = append(out, th.ID)
			}
			sort.Strings(out)
			return out
		}
		total := func(list []analytics.Theme) (n uint64) {
			for _, th := range list {
				n += th.Tickets
			}
			return n
		}
		if !reflect.DeepEqual(ids(before), ids(after)) || total(after) != total(before)+5 {
			t.Errorf("after 5 new tickets: ids %v → %v, themed tickets %d → %d", ids(before), ids(after), total(before), total(after))
		}

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
