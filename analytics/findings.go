package analytics

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/uptake/uptake/analytics/courses"
	"github.com/uptake/uptake/store"
)

// Kinds of stored findings (table findings_runs).
const (
	findingsRecommendations = "recommendations"
	findingsCoursePlan      = "course_plan"
	findingsUpsell          = "upsell"
)

// DefaultSessionsPerMonth is the trainers' capacity the stored course plan
// is computed for.
const DefaultSessionsPerMonth = 20

// findingsRun is one complete stored set of a kind of finding.
type findingsRun struct {
	Kind             string    `ch:"kind"`
	Version          uint64    `ch:"version"`
	Fingerprint      string    `ch:"fingerprint"`
	StartMonth       time.Time `ch:"start_month"`
	SessionsPerMonth uint64    `ch:"sessions_per_month"`
	Week             time.Time `ch:"week"`
}

// fingerprint identifies the rules and catalogue findings are computed
// with: stored findings serve only a reader with the same ones.
func (s *Service) fingerprint() string {
	raw, _ := json.Marshal(struct {
		Rules     Rules
		Catalogue []courses.Course
	}{s.rules, s.catalogue})
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:8])
}

// storedRuns are the newest stored sets, by kind, computed with this
// service's rules and catalogue (query findings_runs).
func (s *Service) storedRuns(ctx context.Context) (map[string]findingsRun, error) {
	res, err := s.st.Query(ctx, s.q.FindingsRuns, nil)
	if err != nil {
		return nil, fmt.Errorf("stored findings: %w", err)
	}
	runs, err := store.Scan[findingsRun](res)
	if err != nil {
		return nil, fmt.Errorf("stored findings: %w", err)
	}
	fp := s.fingerprint()
	out := map[string]findingsRun{}
	for _, r := range runs {
		if r.Fingerprint == fp {
			out[r.Kind] = r
		}
	}
	return out, nil
}

// storedRun is the newest stored set of kind computed with this service's
// rules and catalogue, if any.
func (s *Service) storedRun(ctx context.Context, kind string) (findingsRun, bool, error) {
	runs, err := s.storedRuns(ctx)
	r, ok := runs[kind]
	return r, ok, err
}

// storeFindings computes the recommendations, the course plan from this
// month and the upsell chances of the last complete week, and stores them
// for the pages (after a refresh or a theme run). Findings that need data
// not loaded yet are skipped: reads then compute them, and say what is
// missing. Each kind is stored under a version of its own, newer than
// the refresh's: DataVersion then moves as each lands, so no page keeps
// an answer built from the previous findings.
func (s *Service) storeFindings(ctx context.Context) error {
	recs, err := s.liveRecommendations(ctx)
	if err != nil {
		return fmt.Errorf("storing course recommendations: %w", err)
	}
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return err
	}
	if err := s.writeRecommendations(ctx, recs, profiles, newVersion()); err != nil {
		return err
	}
	start := monthStart(time.Now().UTC())
	plan := courses.Plan(recs, start, courses.PlanOptions{SessionsPerMonth: DefaultSessionsPerMonth})
	if err := s.writeCoursePlan(ctx, plan, start, newVersion()); err != nil {
		return err
	}
	week, err := s.LatestWeek(ctx)
	var noData ErrNoData
	if errors.As(err, &noData) {
		return nil
	}
	if err != nil {
		return err
	}
	chances, err := s.liveUpsell(ctx, week, recs)
	if err != nil {
		return fmt.Errorf("storing upsell chances: %w", err)
	}
	return s.writeUpsell(ctx, chances, week, newVersion())
}

// newVersion is a version number newer than any written before it.
func newVersion() uint64 { return uint64(time.Now().UnixNano()) }

func (s *Service) recordFindingsRun(ctx context.Context, r findingsRun) error {
	args := store.Args{"kind": r.Kind, "version": r.Version, "fingerprint": s.fingerprint(), "start_month": store.Date(r.StartMonth),
		"sessions_per_month": r.SessionsPerMonth, "week": store.Date(r.Week)}
	if err := s.st.Exec(ctx, s.q.RecordFindingsRun, args); err != nil {
		return fmt.Errorf("recording stored %s: %w", r.Kind, err)
	}
	return nil
}

func (s *Service) writeRecommendations(ctx context.Context, recs []courses.Recommendation, profiles map[string]AccountProfile, version uint64) error {
	in, err := s.st.NewInserter(ctx, "course_recommendations", "position", "account_id", "account_name", "manager", "kind", "workload", "language",
		"theme_id", "theme_label", "avoidable_tickets", "activatable_seats", "audience", "evidence", "course_id", "score", "reason",
		"sessions", "benefit", "fallback", "fingerprint", "version")
	if err != nil {
		return err
	}
	fp := s.fingerprint()
	for i, r := range recs {
		n := r.Need
		if err := in.Append(uint32(i), n.AccountID, n.AccountName, profiles[n.AccountID].Manager, n.Kind, n.Workload, n.Language, n.ThemeID, n.ThemeLabel,
			n.AvoidableTickets, uint32(max(0, n.ActivatableSeats)), uint32(max(0, n.Audience)), n.Evidence, r.Course.ID, r.Score,
			r.Reason, uint32(max(0, r.Sessions)), r.Benefit, boolByte(r.Fallback), fp, version); err != nil {
			in.Abort()
			return err
		}
	}
	if err := in.Close(); err != nil {
		return fmt.Errorf("storing course recommendations: %w", err)
	}
	return s.recordFindingsRun(ctx, findingsRun{Kind: findingsRecommendations, Version: version})
}

func (s *Service) writeCoursePlan(ctx context.Context, plan []courses.PlanLine, start time.Time, version uint64) error {
	in, err := s.st.NewInserter(ctx, "course_plan", "position", "month", "course_id", "course_title", "language", "sessions", "accounts",
		"account_names", "attendees", "reason", "benefit", "start_month", "sessions_per_month", "fingerprint", "version")
	if err != nil {
		return err
	}
	fp := s.fingerprint()
	for i, l := range plan {
		if err := in.Append(uint32(i), l.Month, l.CourseID, l.CourseTitle, l.Language, uint32(l.Sessions), nonNil(l.Accounts), nonNil(l.AccountNames),
			uint32(l.Attendees), l.Reason, l.Benefit, start, uint32(DefaultSessionsPerMonth), fp, version); err != nil {
			in.Abort()
			return err
		}
	}
	if err := in.Close(); err != nil {
		return fmt.Errorf("storing the course plan: %w", err)
	}
	return s.recordFindingsRun(ctx, findingsRun{Kind: findingsCoursePlan, Version: version, StartMonth: start, SessionsPerMonth: DefaultSessionsPerMonth})
}

func (s *Service) writeUpsell(ctx context.Context, chances []Upsell, week time.Time, version uint64) error {
	in, err := s.st.NewInserter(ctx, "upsell_chances", "position", "kind", "account_id", "account_name", "manager", "workload", "value", "currency",
		"value_basis", "evidence", "rule", "week", "fingerprint", "version")
	if err != nil {
		return err
	}
	fp := s.fingerprint()
	for i, u := range chances {
		if err := in.Append(uint32(i), u.Kind, u.AccountID, u.AccountName, u.Manager, u.Workload, u.Value, u.Currency, u.ValueBasis, u.Evidence,
			u.Rule, week, fp, version); err != nil {
			in.Abort()
			return err
		}
	}
	if err := in.Close(); err != nil {
		return fmt.Errorf("storing upsell chances: %w", err)
	}
	return s.recordFindingsRun(ctx, findingsRun{Kind: findingsUpsell, Version: version, Week: week})
}

type storedRecommendation struct {
	AccountID        string  `ch:"account_id"`
	AccountName      string  `ch:"account_name"`
	Manager          string  `ch:"manager"`
	Kind             string  `ch:"kind"`
	Workload         string  `ch:"workload"`
	Language         string  `ch:"language"`
	ThemeID          string  `ch:"theme_id"`
	ThemeLabel       string  `ch:"theme_label"`
	AvoidableTickets float64 `ch:"avoidable_tickets"`
	ActivatableSeats uint64  `ch:"activatable_seats"`
	Audience         uint64  `ch:"audience"`
	Evidence         string  `ch:"evidence"`
	CourseID         string  `ch:"course_id"`
	Score            float64 `ch:"score"`
	Reason           string  `ch:"reason"`
	Sessions         uint64  `ch:"sessions"`
	Benefit          float64 `ch:"benefit"`
	Fallback         uint8   `ch:"fallback"`
}

// readRecommendations reads a stored set (query stored_recommendations)
// within scope.
func (s *Service) readRecommendations(ctx context.Context, run findingsRun, scope Scope) ([]courses.Recommendation, error) {
	res, err := s.st.Query(ctx, s.q.StoredRecommendations, store.Args{"version": run.Version, "manager": scope.Manager, "account_id": scope.AccountID})
	if err != nil {
		return nil, fmt.Errorf("course recommendations: %w", err)
	}
	rows, err := store.Scan[storedRecommendation](res)
	if err != nil {
		return nil, fmt.Errorf("course recommendations: %w", err)
	}
	byID := make(map[string]courses.Course, len(s.catalogue))
	for _, c := range s.catalogue {
		byID[c.ID] = c
	}
	// The findings are rewritten at every theme run, so the stored themes
	// are the ones they were computed from.
	themeList, err := s.Themes(ctx, "howto")
	if err != nil {
		return nil, err
	}
	terms := make(map[string][]string, len(themeList))
	for _, t := range themeList {
		terms[t.ID] = t.Terms
	}
	out := make([]courses.Recommendation, len(rows))
	for i, r := range rows {
		out[i] = courses.Recommendation{
			Need: courses.Need{AccountID: r.AccountID, AccountName: r.AccountName, Workload: r.Workload, Language: r.Language, Kind: r.Kind,
				ThemeID: r.ThemeID, ThemeLabel: r.ThemeLabel, ThemeTerms: terms[r.ThemeID], AvoidableTickets: r.AvoidableTickets,
				ActivatableSeats: int(r.ActivatableSeats), Audience: int(r.Audience), Evidence: r.Evidence},
			Course: byID[r.CourseID], Score: r.Score, Reason: r.Reason, Sessions: int(r.Sessions), Benefit: r.Benefit, Fallback: r.Fallback == 1,
		}
	}
	return out, nil
}

type storedPlanLine struct {
	Month        time.Time `ch:"month"`
	CourseID     string    `ch:"course_id"`
	CourseTitle  string    `ch:"course_title"`
	Language     string    `ch:"language"`
	Sessions     uint64    `ch:"sessions"`
	Accounts     []string  `ch:"accounts"`
	AccountNames []string  `ch:"account_names"`
	Attendees    uint64    `ch:"attendees"`
	Reason       string    `ch:"reason"`
	Benefit      float64   `ch:"benefit"`
}

func (s *Service) readCoursePlan(ctx context.Context, run findingsRun) ([]courses.PlanLine, error) {
	res, err := s.st.Query(ctx, s.q.StoredCoursePlan, store.Args{"version": run.Version})
	if err != nil {
		return nil, fmt.Errorf("course plan: %w", err)
	}
	rows, err := store.Scan[storedPlanLine](res)
	if err != nil {
		return nil, fmt.Errorf("course plan: %w", err)
	}
	out := make([]courses.PlanLine, len(rows))
	for i, r := range rows {
		out[i] = courses.PlanLine{Month: r.Month, CourseID: r.CourseID, CourseTitle: r.CourseTitle, Language: r.Language, Sessions: int(r.Sessions),
			Accounts: r.Accounts, AccountNames: r.AccountNames, Attendees: int(r.Attendees), Reason: r.Reason, Benefit: r.Benefit}
	}
	return out, nil
}

type storedUpsell struct {
	Kind        string  `ch:"kind"`
	AccountID   string  `ch:"account_id"`
	AccountName string  `ch:"account_name"`
	Manager     string  `ch:"manager"`
	Workload    string  `ch:"workload"`
	Value       float64 `ch:"value"`
	Currency    string  `ch:"currency"`
	ValueBasis  string  `ch:"value_basis"`
	Evidence    string  `ch:"evidence"`
	Rule        string  `ch:"rule"`
}

func (s *Service) readUpsell(ctx context.Context, run findingsRun, scope Scope) ([]Upsell, error) {
	res, err := s.st.Query(ctx, s.q.StoredUpsell, store.Args{"version": run.Version, "manager": scope.Manager, "account_id": scope.AccountID})
	if err != nil {
		return nil, fmt.Errorf("upsell chances: %w", err)
	}
	rows, err := store.Scan[storedUpsell](res)
	if err != nil {
		return nil, fmt.Errorf("upsell chances: %w", err)
	}
	out := make([]Upsell, len(rows))
	for i, r := range rows {
		out[i] = Upsell(r)
	}
	return out, nil
}
