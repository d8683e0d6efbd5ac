package analytics

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/uptake/uptake/analytics/stats"
	"github.com/uptake/uptake/analytics/themes"
	"github.com/uptake/uptake/store"
)

// ThemeOptions choose what a theme run reads and how it groups.
type ThemeOptions struct {
	// Categories to read; empty means how-to tickets only. "all" reads
	// every ticket.
	Categories []string
	// Rediscover discovers themes afresh (keeping the ids of themes that
	// reappear) instead of assigning tickets to the stored themes.
	Rediscover   bool
	MinThemeSize int // default 20
	TargetThemes int // 0: automatic
	MinAccounts  int // a recurring theme spans at least this many accounts (default 3)
	MinWeeks     int // … and this many weeks (default 4)
}

// Scope names the tickets a run covers: "howto", "all" or categories
// joined with "+".
func (o ThemeOptions) Scope() string {
	cats := append([]string(nil), o.Categories...)
	if len(cats) == 0 {
		return "howto"
	}
	for _, c := range cats {
		if c == "all" {
			return "all"
		}
	}
	sort.Strings(cats)
	return strings.Join(cats, "+")
}

func (o ThemeOptions) categories() []string {
	switch s := o.Scope(); s {
	case "all":
		return []string{}
	default:
		return strings.Split(s, "+")
	}
}

func (o ThemeOptions) engine() themes.Options {
	return themes.Options{MinThemeSize: o.MinThemeSize, TargetThemes: o.TargetThemes, MinAccounts: o.MinAccounts, MinWeeks: o.MinWeeks}
}

// ThemeRun says what a run did.
type ThemeRun struct {
	Scope             string
	RunID             uint64
	Discovered        bool // a discovery (first run or --rediscover), not an assignment
	Tickets, Themed   int
	Themes, NewThemes int
	Duration          time.Duration
}

type themeTicket struct {
	AccountID    string    `ch:"account_id"`
	Source       string    `ch:"source"`
	TicketID     string    `ch:"ticket_id"`
	Created      time.Time `ch:"created_at"`
	Subject      string    `ch:"subject"`
	Body         string    `ch:"body"`
	Language     string    `ch:"language"`
	Workload     string    `ch:"workload"`
	Category     string    `ch:"category"`
	Satisfaction *uint8    `ch:"satisfaction"`
}

// RunThemes groups the scope's tickets into themes and stores the model,
// the themes and every ticket's theme. Without a stored model, or with
// Rediscover, it discovers themes; otherwise it assigns all tickets to the
// stored model's themes, so ids stay stable.
func (s *Service) RunThemes(ctx context.Context, opt ThemeOptions) (ThemeRun, error) {
	started := time.Now()
	run := ThemeRun{Scope: opt.Scope(), RunID: uint64(started.UnixNano())}
	res, err := s.st.Query(ctx, s.q.TicketsForThemes, store.Args{"categories": append([]string{}, opt.categories()...)})
	if err != nil {
		return run, fmt.Errorf("themes: reading tickets: %w", err)
	}
	rows, err := store.Scan[themeTicket](res)
	if err != nil {
		return run, fmt.Errorf("themes: reading tickets: %w", err)
	}
	if len(rows) == 0 {
		return run, ErrNoData{What: "ticket", Hint: fmt.Sprintf("no %s tickets are loaded; load help-desk exports with `uptake ingest`, or choose other categories with --category", run.Scope)}
	}
	tickets := make([]themes.Ticket, len(rows))
	for i, r := range rows {
		tickets[i] = themes.Ticket{ID: ticketKey(r.AccountID, r.Source, r.TicketID), AccountID: r.AccountID, Subject: r.Subject, Body: r.Body,
			Language: r.Language, Workload: r.Workload, Category: r.Category, Created: r.Created}
	}
	prev, err := s.themeModel(ctx, run.Scope)
	if err != nil {
		return run, err
	}
	eng := opt.engine()
	var model *themes.Model
	var assigned []themes.Assignment
	if prev == nil || opt.Rediscover {
		run.Discovered = true
		if model, assigned, err = themes.Discover(tickets, prev, eng); err != nil {
			return run, fmt.Errorf("themes: %w", err)
		}
	} else {
		model, assigned = prev, prev.Assign(tickets, eng)
	}
	summary := model.Summarise(tickets, assigned, eng)
	if err := s.storeThemeRun(ctx, run, opt, model, summary, rows, assigned); err != nil {
		return run, err
	}
	if err := s.refreshThemeCounts(ctx, run.Scope, run.RunID); err != nil {
		return run, err
	}
	if run.Scope == "howto" { // the themes recommendations read
		if err := s.storeFindings(ctx); err != nil {
			return run, err
		}
	}
	run.Tickets, run.Themes = len(tickets), len(summary)
	for _, a := range assigned {
		if a.ThemeID != "" {
			run.Themed++
		}
	}
	for _, t := range summary {
		if t.New {
			run.NewThemes++
		}
	}
	run.Duration = time.Since(started)
	return run, nil
}

// UpdateThemes assigns the how-to tickets to the stored themes, keeping
// their ids, after an ingest that brought tickets: new tickets join the
// themes without waiting for `uptake themes`. It does nothing (false)
// while no themes were discovered yet.
func (s *Service) UpdateThemes(ctx context.Context) (ThemeRun, bool, error) {
	model, err := s.themeModel(ctx, ThemeOptions{}.Scope())
	if err != nil || model == nil {
		return ThemeRun{}, false, err
	}
	run, err := s.RunThemes(ctx, ThemeOptions{})
	return run, err == nil, err
}

func ticketKey(account, source, id string) string { return account + "\x1f" + source + "\x1f" + id }

// themeModel loads the scope's stored model, or nil when there is none.
func (s *Service) themeModel(ctx context.Context, scope string) (*themes.Model, error) {
	res, err := s.st.Query(ctx, s.q.ThemeModel, store.Args{"scope": scope})
	if err != nil {
		return nil, fmt.Errorf("themes: reading the stored model: %w", err)
	}
	if len(res.Rows) == 0 {
		return nil, nil
	}
	m, err := themes.Load([]byte(res.Rows[0][2].(string)))
	if err != nil {
		return nil, fmt.Errorf("themes: the stored model of %q cannot be read (%v); run `uptake themes --rediscover`", scope, err)
	}
	return m, nil
}

func (s *Service) storeThemeRun(ctx context.Context, run ThemeRun, opt ThemeOptions, model *themes.Model, summary []themes.Theme, rows []themeTicket, assigned []themes.Assignment) error {
	raw, err := json.Marshal(model)
	if err != nil {
		return fmt.Errorf("themes: saving the model: %w", err)
	}
	optJSON, _ := json.Marshal(opt)
	mi, err := s.st.NewInserter(ctx, "theme_models", "scope", "run_id", "created_at", "rediscovery", "options", "model")
	if err != nil {
		return err
	}
	if err := mi.Append(run.Scope, run.RunID, time.Now().UTC(), boolByte(run.Discovered), string(optJSON), string(raw)); err != nil {
		mi.Abort()
		return err
	}
	if err := mi.Close(); err != nil {
		return fmt.Errorf("themes: saving the model: %w", err)
	}
	// Ratings per theme, for satisfaction by theme.
	rated, good := map[string]int{}, map[string]int{}
	theme := make(map[string]string, len(assigned))
	for _, a := range assigned {
		theme[a.TicketID] = a.ThemeID
	}
	ti, err := s.st.NewInserter(ctx, "ticket_themes", "scope", "account_id", "source", "ticket_id", "created_at", "theme_id", "score", "run_id")
	if err != nil {
		return err
	}
	score := make(map[string]float64, len(assigned))
	for _, a := range assigned {
		score[a.TicketID] = a.Score
	}
	for _, r := range rows {
		key := ticketKey(r.AccountID, r.Source, r.TicketID)
		id := theme[key]
		if r.Satisfaction != nil && id != "" {
			rated[id]++
			if *r.Satisfaction >= 4 {
				good[id]++
			}
		}
		if err := ti.Append(run.Scope, r.AccountID, r.Source, r.TicketID, r.Created, id, float32(score[key]), run.RunID); err != nil {
			ti.Abort()
			return err
		}
	}
	if err := ti.Close(); err != nil {
		return fmt.Errorf("themes: saving ticket themes: %w", err)
	}
	th, err := s.st.NewInserter(ctx, "themes", "scope", "run_id", "theme_id", "label", "workload", "terms", "languages", "tickets", "accounts", "weeks",
		"first_seen", "last_seen", "trend", "recent_tickets", "prior_tickets", "recurring", "is_new", "rated", "rated_good", "example_ids", "example_subjects")
	if err != nil {
		return err
	}
	for _, t := range summary {
		var ids, subjects []string
		for _, e := range t.Examples {
			ids, subjects = append(ids, e.TicketID), append(subjects, e.Subject)
		}
		if err := th.Append(run.Scope, run.RunID, t.ID, t.Label, t.Workload, nonNil(t.Terms), nonNil(t.Languages), uint32(t.Tickets), uint32(t.Accounts), uint32(t.Weeks),
			t.FirstSeen.UTC(), t.LastSeen.UTC(), t.Trend, uint32(t.RecentTickets), uint32(t.PriorTickets), boolByte(t.Recurring), boolByte(t.New),
			uint32(rated[t.ID]), uint32(good[t.ID]), nonNil(displayIDs(ids)), nonNil(subjects)); err != nil {
			th.Abort()
			return err
		}
	}
	if err := th.Close(); err != nil {
		return fmt.Errorf("themes: saving themes: %w", err)
	}
	return nil
}

// displayIDs turns example keys back into the help desk's ticket ids.
func displayIDs(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		parts := strings.Split(k, "\x1f")
		out[i] = parts[len(parts)-1]
	}
	return out
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// Theme is a stored theme with its figures, as the pages show it.
type Theme struct {
	ID              string    `ch:"theme_id"`
	Label           string    `ch:"label"`
	Workload        string    `ch:"workload"`
	Terms           []string  `ch:"terms"`
	Languages       []string  `ch:"languages"`
	Tickets         uint64    `ch:"tickets"`
	Accounts        uint64    `ch:"accounts"`
	Weeks           uint64    `ch:"weeks"`
	FirstSeen       time.Time `ch:"first_seen"`
	LastSeen        time.Time `ch:"last_seen"`
	Trend           string    `ch:"trend"`
	RecentTickets   uint64    `ch:"recent_tickets"`
	PriorTickets    uint64    `ch:"prior_tickets"`
	Recurring       bool      `ch:"recurring"`
	New             bool      `ch:"is_new"`
	Rated           uint64    `ch:"rated"`
	Good            uint64    `ch:"rated_good"`
	ExampleIDs      []string  `ch:"example_ids"`
	ExampleSubjects []string  `ch:"example_subjects"`
	RunID           uint64    `ch:"run_id"`
	CSAT            stats.Interval
}

// Themes lists the newest run's themes of a scope ("howto" by default),
// biggest first (query themes_latest).
func (s *Service) Themes(ctx context.Context, scope string) ([]Theme, error) {
	if scope == "" {
		scope = "howto"
	}
	res, err := s.st.Query(ctx, s.q.ThemesLatest, store.Args{"scope": scope})
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	out, err := store.Scan[Theme](res)
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	for i := range out {
		out[i].CSAT = stats.Wilson(int(out[i].Good), int(out[i].Rated), s.rules.Confidence)
	}
	return out, nil
}

// ThemeAssignment is one ticket's theme, for exports.
type ThemeAssignment struct {
	AccountID  string    `ch:"account_id"`
	Source     string    `ch:"source"`
	TicketID   string    `ch:"ticket_id"`
	Created    time.Time `ch:"created_at"`
	ThemeID    string    `ch:"theme_id"`
	ThemeLabel string    `ch:"theme_label"`
	Score      float32   `ch:"score"`
}

// ThemeAssignments lists every ticket's theme in a scope (query
// theme_assignments).
func (s *Service) ThemeAssignments(ctx context.Context, scope string) ([]ThemeAssignment, error) {
	if scope == "" {
		scope = "howto"
	}
	res, err := s.st.Query(ctx, s.q.ThemeAssignments, store.Args{"scope": scope})
	if err != nil {
		return nil, fmt.Errorf("theme assignments: %w", err)
	}
	return store.Scan[ThemeAssignment](res)
}
