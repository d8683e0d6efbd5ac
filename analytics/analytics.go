package analytics

import (
	"context"
	"embed"
	"fmt"

	"github.com/uptake/uptake/analytics/courses"
	"github.com/uptake/uptake/store"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// queries are the named SQL statements of this package, one file each.
type queries struct {
	TableFreshness           store.Query `sql:"table_freshness"`
	RecentIngests            store.Query `sql:"recent_ingests"`
	QuarantinedRows          store.Query `sql:"quarantined_rows"`
	DataSpan                 store.Query `sql:"data_span"`
	DataThrough              store.Query `sql:"data_through"`
	RecordDataThrough        store.Query `sql:"record_data_through"`
	RefreshAdoptionWeekly    store.Query `sql:"refresh_adoption_weekly"`
	RefreshSeatsWeekly       store.Query `sql:"refresh_seats_weekly"`
	RefreshTicketWeekly      store.Query `sql:"refresh_ticket_weekly"`
	AdoptionSummary          store.Query `sql:"adoption_summary"`
	AccountProfiles          store.Query `sql:"account_profiles"`
	SupportByAccount         store.Query `sql:"support_by_account"`
	SLAByPriority            store.Query `sql:"sla_by_priority"`
	CSATByPeriod             store.Query `sql:"csat_by_period"`
	CSATWindows              store.Query `sql:"csat_windows"`
	TrainingsDelivered       store.Query `sql:"trainings_delivered"`
	ImpactHowToSeries        store.Query `sql:"impact_howto_series"`
	ImpactAdoptionSeries     store.Query `sql:"impact_adoption_series"`
	TrainingImpactUnits      store.Query `sql:"training_impact_units"`
	TicketsForThemes         store.Query `sql:"tickets_for_themes"`
	ThemeModel               store.Query `sql:"theme_model"`
	ThemesLatest             store.Query `sql:"themes_latest"`
	ThemeAssignments         store.Query `sql:"theme_assignments"`
	ThemeAccountCounts       store.Query `sql:"theme_account_counts"`
	AccountLanguages         store.Query `sql:"account_languages"`
	RefreshAccountTickets    store.Query `sql:"refresh_account_tickets_weekly"`
	RefreshWorkloadWeekly    store.Query `sql:"refresh_workload_weekly"`
	RefreshPriorityWeekly    store.Query `sql:"refresh_priority_weekly"`
	RefreshLanguageWeekly    store.Query `sql:"refresh_account_language_weekly"`
	RefreshThemeCounts       store.Query `sql:"refresh_theme_account_weekly"`
	ThemeRunsWithoutCount    store.Query `sql:"theme_runs_without_counts"`
	RefreshTableStatus       store.Query `sql:"refresh_table_status"`
	FindingsRuns             store.Query `sql:"findings_runs"`
	RecordFindingsRun        store.Query `sql:"record_findings_run"`
	StoredRecommendations    store.Query `sql:"stored_recommendations"`
	StoredCoursePlan         store.Query `sql:"stored_course_plan"`
	StoredUpsell             store.Query `sql:"stored_upsell"`
	Portfolio                store.Query `sql:"portfolio"`
	KPIWeekly                store.Query `sql:"kpi_weekly"`
	AccountAdoptionSeries    store.Query `sql:"account_adoption_series"`
	AccountTicketsByCategory store.Query `sql:"account_tickets_by_category"`
	AccountThemes            store.Query `sql:"account_themes"`
	ThemeWeeklyCounts        store.Query `sql:"theme_weekly_counts"`
	DataVersion              store.Query `sql:"data_version"`
}

// ServerGCPercent is the garbage-collector setting for processes that answer
// many analytics calls (uptake serve, and the benchmarks that stand for
// it): each call allocates tens of megabytes of short-lived rows, and
// collecting at 4× the live heap instead of 2× takes about a fifth off a
// call's time, for a heap still well under 200 MB.
const ServerGCPercent = 400

// Service answers the product's questions from one store.
type Service struct {
	st        *store.Store
	q         queries
	rules     Rules
	catalogue []courses.Course
}

// New loads the named queries; a missing one fails here, at start-up. The
// rules set the thresholds of every flag (Defaults() when in doubt).
func New(st *store.Store, rules Rules) (*Service, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	s := &Service{st: st, rules: rules, catalogue: courses.Default()}
	if err := store.LoadQueries(queryFiles, "queries", &s.q); err != nil {
		return nil, fmt.Errorf("loading analytics queries: %w", err)
	}
	return s, nil
}

// Rules are the thresholds this service applies.
func (s *Service) Rules() Rules { return s.rules }

// DataVersion grows whenever a refresh, a theme run or stored findings may
// have changed an answer (query data_version): callers that keep answers
// (the dashboard) drop them when it moves.
func (s *Service) DataVersion(ctx context.Context) (uint64, error) {
	res, err := s.st.Query(ctx, s.q.DataVersion, nil)
	if err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	if len(res.Rows) == 0 || res.Rows[0][0] == nil {
		return 0, nil
	}
	v, _ := res.Rows[0][0].(uint64)
	return v, nil
}
