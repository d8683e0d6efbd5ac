package analytics

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/uptake/uptake/analytics/courses"
	"github.com/uptake/uptake/store"
)

// Assumptions behind a recommendation's expected benefit (docs/metrics.md).
const (
	// AvoidableShare is the share of a theme's how-to tickets a course is
	// expected to avoid over the next quarter.
	AvoidableShare = 0.5
	// AudiencePerTicket: people to train per how-to ticket of the last
	// quarter (the asker and colleagues with the same gap).
	AudiencePerTicket = 2
	// recentWeeks is the window needs are computed over: one quarter.
	recentWeeks = 13
	// MinThemeTickets is the fewest tickets an account must have filed on a
	// theme in that quarter for the theme to be a training need.
	MinThemeTickets = 3
)

// Recommendations ranks courses for every account from its recurring
// how-to themes (query theme_account_counts) and its low-adoption flags,
// best expected benefit first. Courses come from the catalogue set with
// UseCatalogue (the default catalogue otherwise).
// They are read as stored by the last refresh or theme run (query
// stored_recommendations) when that used the same rules and catalogue,
// and computed afresh otherwise.
func (s *Service) Recommendations(ctx context.Context) ([]courses.Recommendation, error) {
	run, ok, err := s.storedRun(ctx, findingsRecommendations)
	if err != nil {
		return nil, err
	}
	if ok {
		return s.readRecommendations(ctx, run, Scope{})
	}
	return s.liveRecommendations(ctx)
}

// liveRecommendations computes the recommendations from the rollups and
// the stored themes.
func (s *Service) liveRecommendations(ctx context.Context) ([]courses.Recommendation, error) {
	flags, err := s.lowAdoptionIfAny(ctx)
	if err != nil {
		return nil, err
	}
	return s.recommendFor(ctx, flags)
}

// recommendFor ranks courses for the theme needs and the given adoption
// flags (Upsell passes the flags it already has).
func (s *Service) recommendFor(ctx context.Context, flags []AdoptionFlag) ([]courses.Recommendation, error) {
	needs, err := s.needsFor(ctx, flags)
	if err != nil {
		return nil, err
	}
	return courses.Recommend(s.catalogue, needs, courses.Options{}), nil
}

// lowAdoptionIfAny is LowAdoption, or nothing when no usage is loaded yet.
func (s *Service) lowAdoptionIfAny(ctx context.Context) ([]AdoptionFlag, error) {
	flags, err := s.LowAdoption(ctx, time.Time{})
	var noData ErrNoData
	if asNoData(err, &noData) {
		return nil, nil
	}
	return flags, err
}

// CoursePlan turns the recommendations into sessions per course, language
// and month from start (the trainers' plan). The plan stored at the last
// refresh (query stored_course_plan) answers when it was made for the same
// month, capacity, rules and catalogue.
func (s *Service) CoursePlan(ctx context.Context, start time.Time, sessionsPerMonth int) ([]courses.PlanLine, error) {
	run, ok, err := s.storedRun(ctx, findingsCoursePlan)
	if err != nil {
		return nil, err
	}
	if ok && run.StartMonth.Equal(monthStart(start)) && int(run.SessionsPerMonth) == sessionsPerMonth {
		return s.readCoursePlan(ctx, run)
	}
	recs, err := s.Recommendations(ctx)
	if err != nil {
		return nil, err
	}
	return courses.Plan(recs, start, courses.PlanOptions{SessionsPerMonth: sessionsPerMonth}), nil
}

// UseCatalogue sets the course catalogue recommendations draw from.
func (s *Service) UseCatalogue(c []courses.Course) { s.catalogue = c }

// Catalogue is the course catalogue in use.
func (s *Service) Catalogue() []courses.Course { return s.catalogue }

// TrainingNeeds lists each account's reasons to train: recurring how-to
// themes it asked about in the last quarter, and flagged low adoption.
func (s *Service) TrainingNeeds(ctx context.Context) ([]courses.Need, error) {
	flags, err := s.lowAdoptionIfAny(ctx)
	if err != nil {
		return nil, err
	}
	return s.needsFor(ctx, flags)
}

func (s *Service) needsFor(ctx context.Context, flags []AdoptionFlag) ([]courses.Need, error) {
	var needs []courses.Need
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	langs, err := s.accountLanguages(ctx)
	if err != nil {
		return nil, err
	}
	themeNeeds, err := s.themeNeeds(ctx, profiles, langs)
	if err != nil {
		return nil, err
	}
	needs = append(needs, themeNeeds...)
	for _, f := range flags {
		target := int(math.Ceil(s.rules.Amber / 100 * float64(f.SeatsPurchased)))
		needs = append(needs, courses.Need{AccountID: f.AccountID, AccountName: f.AccountName, Workload: f.Workload, Language: langOr(langs[f.AccountID]),
			Kind: courses.KindLowAdoption, ActivatableSeats: max(0, target-f.Active28d), Audience: max(0, f.SeatsAssigned-f.Active28d),
			Evidence: f.Evidence})
	}
	return needs, nil
}

func (s *Service) themeNeeds(ctx context.Context, profiles map[string]AccountProfile, langs map[string]string) ([]courses.Need, error) {
	list, err := s.Themes(ctx, "howto")
	if err != nil || len(list) == 0 {
		return nil, err
	}
	byID := map[string]Theme{}
	var lastSeen time.Time
	for _, t := range list {
		byID[t.ID] = t
		if t.LastSeen.After(lastSeen) {
			lastSeen = t.LastSeen
		}
	}
	// The recentWeeks weeks up to the week of the newest themed ticket.
	from := monday(lastSeen).AddDate(0, 0, -7*(recentWeeks-1))
	res, err := s.st.Query(ctx, s.q.ThemeAccountCounts, store.Args{"scope": "howto", "from_week": store.Date(from), "min_tickets": MinThemeTickets})
	if err != nil {
		return nil, fmt.Errorf("training needs: %w", err)
	}
	type row struct {
		AccountID string `ch:"account_id"`
		ThemeID   string `ch:"theme_id"`
		Tickets   uint64 `ch:"tickets"`
	}
	rows, err := store.Scan[row](res)
	if err != nil {
		return nil, err
	}
	var needs []courses.Need
	for _, r := range rows {
		t, ok := byID[r.ThemeID]
		if !ok || !t.Recurring {
			continue
		}
		p := profiles[r.AccountID]
		needs = append(needs, courses.Need{AccountID: r.AccountID, AccountName: nameOr(p.Name, r.AccountID), Workload: t.Workload,
			Language: langOr(langs[r.AccountID]), Kind: courses.KindHowTo, ThemeID: t.ID, ThemeLabel: t.Label, ThemeTerms: t.Terms,
			AvoidableTickets: AvoidableShare * float64(r.Tickets), Audience: AudiencePerTicket * int(r.Tickets),
			Evidence: fmt.Sprintf("%d how-to tickets on %q in the last %d weeks (a theme across %d accounts and %d weeks, %s)",
				r.Tickets, t.Label, recentWeeks, t.Accounts, t.Weeks, t.Trend)})
	}
	return needs, nil
}

func (s *Service) accountLanguages(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	p, err := s.LastWeeks(ctx, "tickets", recentWeeks)
	var noData ErrNoData
	if asNoData(err, &noData) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	res, err := s.st.Query(ctx, s.q.AccountLanguages, store.Args{"from_week": store.Date(p.From), "to_week": store.Date(p.To)})
	if err != nil {
		return nil, fmt.Errorf("account languages: %w", err)
	}
	for _, r := range res.Rows {
		out[r[0].(string)] = r[1].(string)
	}
	return out, nil
}

func langOr(l string) string {
	if l == "" {
		return "en"
	}
	return l
}
