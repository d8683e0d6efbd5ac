package exports

import (
	"testing"

	"github.com/uptake/uptake/analytics"
)

// Every sheet and header the dashboard exports has its French version.
func TestFrenchHeadersOfDashboardExports(t *testing.T) {
	for _, table := range []Table{PortfolioTable(nil), ThemesTable(nil), CoursePlanTable(nil), SatisfactionTable(nil), DataStatusTable(analytics.DataStatus{}),
		QuarantineTable(nil), RecommendationsTable(nil), KPITable(nil), SLATable(nil)} {
		for _, s := range append([]string{table.Sheet}, table.Header...) {
			if _, ok := frenchHeaders[s]; !ok {
				t.Errorf("%s: no French for %q", table.Sheet, s)
			}
		}
	}
	fr := Localize(PortfolioTable(nil), "fr")
	if fr.Sheet != "Portefeuille" || fr.Header[1] != "Compte" {
		t.Errorf("French portfolio: %s %v", fr.Sheet, fr.Header[:3])
	}
	for report := range frenchDefinitions {
		if len(frenchDefinitions[report]) != len(Definitions[report]) {
			t.Errorf("%s: %d French definitions for %d English ones", report, len(frenchDefinitions[report]), len(Definitions[report]))
		}
	}
}
