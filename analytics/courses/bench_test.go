package courses

import (
	"fmt"
	"testing"
	"time"
)

// benchNeeds are 1,000 needs over 200 accounts, a realistic partner's worth.
func benchNeeds() []Need {
	labels := []string{"Share the screen in a Teams meeting", "Sync error in OneDrive", "Restore a previous version",
		"Set up out of office", "Forgot password", "Partager l'écran en réunion", "Excel pivot table"}
	workloads := []string{"Teams", "OneDrive", "SharePoint", "Exchange", "Entra ID", "Teams", "Apps"}
	needs := make([]Need, 1000)
	for i := range needs {
		needs[i] = Need{AccountID: fmt.Sprintf("acc-%03d", i%200), Workload: workloads[i%7],
			Language: []string{"en", "fr", "de"}[i%3], Kind: KindHowTo, ThemeLabel: labels[i%7],
			AvoidableTickets: float64(i % 13), Audience: 1 + i%40}
		if i%5 == 0 {
			needs[i].Kind, needs[i].ActivatableSeats = KindLowAdoption, i%50
		}
	}
	return needs
}

func BenchmarkRecommend(b *testing.B) {
	cat, needs := Default(), benchNeeds()
	b.ResetTimer()
	for b.Loop() {
		Recommend(cat, needs, Options{})
	}
}

func BenchmarkPlan(b *testing.B) {
	recs := Recommend(Default(), benchNeeds(), Options{})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		Plan(recs, start, PlanOptions{})
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		Default()
	}
}
