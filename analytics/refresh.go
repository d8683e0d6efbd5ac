package analytics

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/uptake/uptake/store"
)

// refreshChunkWeeks bounds the weeks one rollup INSERT rewrites, so the
// memory of the distinct-user counts stays well under a gigabyte.
const refreshChunkWeeks = 8

// Changes lists, per table, the partitions (YYYYMM months) an ingest
// published: ingest.Result.Table and .Partitions.
type Changes map[string][]string

// Add records one ingest's published partitions.
func (c Changes) Add(table string, partitions []string) {
	c[table] = append(c[table], partitions...)
}

// RefreshReport says what a refresh rewrote.
type RefreshReport struct {
	Weeks    map[string][2]time.Time // rollup → first and last week rewritten
	Duration time.Duration
}

// span is how far one kind of dated data goes.
type span struct {
	Kind  string    `ch:"kind"`
	First time.Time `ch:"first"`
	Last  time.Time `ch:"last"`
	Rows  uint64    `ch:"row_count"`
}

// Refresh rewrites the weekly rollups the changed months feed: adoption
// for the weeks whose 28-day window meets a changed usage month, tickets
// for the weeks meeting a changed ticket month, and seats from the first
// changed week on (a snapshot counts until the next one). Tables the
// rollups do not read are ignored.
func (s *Service) Refresh(ctx context.Context, changes Changes) (RefreshReport, error) {
	started := time.Now()
	rep := RefreshReport{Weeks: map[string][2]time.Time{}}
	spans, err := s.spans(ctx)
	if err != nil {
		return rep, err
	}
	version := uint64(time.Now().UnixNano())
	usage, tickets, subs := spans["usage"], spans["tickets"], spans["subscriptions"]
	if lo, hi, ok := monthWeeks(changes["usage"], 3); ok && usage.Rows > 0 {
		lo, hi = clampWeeks(lo, hi, usage)
		if err := s.refreshWeeks(ctx, s.q.RefreshAdoptionWeekly, lo, hi, version, nil); err != nil {
			return rep, fmt.Errorf("refreshing adoption_weekly: %w", err)
		}
		rep.Weeks["adoption_weekly"] = [2]time.Time{lo, hi}
	}
	if lo, hi, ok := monthWeeks(changes["tickets"], 0); ok && tickets.Rows > 0 {
		lo, hi = clampWeeks(lo, hi, tickets)
		if err := s.refreshWeeks(ctx, s.q.RefreshTicketWeekly, lo, hi, version, s.slaArgs()); err != nil {
			return rep, fmt.Errorf("refreshing ticket_weekly: %w", err)
		}
		rep.Weeks["ticket_weekly"] = [2]time.Time{lo, hi}
	}
	// Seats cover every week with usage or snapshots: a change of either
	// (or of the span of usage) can add weeks.
	if len(changes["subscriptions"])+len(changes["usage"]) > 0 && subs.Rows > 0 {
		lo, hi := seatWeeks(usage, subs)
		if first, _, ok := monthWeeks(changes["subscriptions"], 0); ok && first.After(lo) && len(changes["usage"]) == 0 {
			lo = first
		}
		if err := s.refreshWeeks(ctx, s.q.RefreshSeatsWeekly, lo, hi, version, nil); err != nil {
			return rep, fmt.Errorf("refreshing seats_weekly: %w", err)
		}
		rep.Weeks["seats_weekly"] = [2]time.Time{lo, hi}
	}
	// The summaries are built from the weekly rollups just written.
	if w, ok := rep.Weeks["ticket_weekly"]; ok {
		for _, r := range []struct {
			table string
			q     store.Query
		}{{"account_tickets_weekly", s.q.RefreshAccountTickets}, {"priority_weekly", s.q.RefreshPriorityWeekly}, {"account_language_weekly", s.q.RefreshLanguageWeekly}} {
			if err := s.refreshWeeks(ctx, r.q, w[0], w[1], version, nil); err != nil {
				return rep, fmt.Errorf("refreshing %s: %w", r.table, err)
			}
		}
	}
	if lo, hi, ok := unionWeeks(rep.Weeks["adoption_weekly"], rep.Weeks["seats_weekly"]); ok {
		// A changed week is in the 12-week trend series of the 11 after it.
		if err := s.refreshWeeks(ctx, s.q.RefreshWorkloadWeekly, lo, hi.AddDate(0, 0, 77), version, nil); err != nil {
			return rep, fmt.Errorf("refreshing workload_weekly: %w", err)
		}
	}
	// data_through moves only now that every rollup holds the new weeks:
	// pages reading it earlier would ask for weeks not written yet.
	for _, kind := range []string{"usage", "tickets", "subscriptions"} {
		sp := spans[kind]
		if sp.Rows == 0 || len(changes[kind]) == 0 {
			continue
		}
		args := store.Args{"kind": kind, "first": store.Date(sp.First), "last": store.Date(sp.Last), "version": version}
		if err := s.st.Exec(ctx, s.q.RecordDataThrough, args); err != nil {
			return rep, fmt.Errorf("recording how far %s goes: %w", kind, err)
		}
	}
	// The impact comparison reads the rollups and data_through just written.
	if len(changes["trainings"])+len(changes["courses"])+len(rep.Weeks) > 0 {
		if err := s.refreshImpact(ctx, version); err != nil {
			return rep, fmt.Errorf("refreshing training impact: %w", err)
		}
	}
	if len(changes) > 0 {
		if err := s.st.Exec(ctx, s.q.RefreshTableStatus, store.Args{"version": version}); err != nil {
			return rep, fmt.Errorf("refreshing table_status: %w", err)
		}
		// The findings read the rollups just written.
		if err := s.storeFindings(ctx); err != nil {
			return rep, err
		}
	}
	rep.Duration = time.Since(started)
	return rep, nil
}

// RefreshAll rebuilds every rollup from all the data: after an upgrade, a
// change of SLA targets, or to repair an interrupted refresh.
func (s *Service) RefreshAll(ctx context.Context) (RefreshReport, error) {
	spans, err := s.spans(ctx)
	if err != nil {
		return RefreshReport{}, err
	}
	all := Changes{}
	for kind, sp := range spans {
		for m := monthStart(sp.First); sp.Rows > 0 && !m.After(sp.Last); m = m.AddDate(0, 1, 0) {
			all.Add(kind, []string{m.Format("200601")})
		}
	}
	if len(all) == 0 {
		all["accounts"] = nil // still recount the tables
	}
	rep, err := s.Refresh(ctx, all)
	if err != nil {
		return rep, err
	}
	return rep, s.refreshMissingThemeCounts(ctx)
}

// refreshMissingThemeCounts writes the per-account theme counts of the
// newest run of each scope where they are missing.
func (s *Service) refreshMissingThemeCounts(ctx context.Context) error {
	res, err := s.st.Query(ctx, s.q.ThemeRunsWithoutCount, nil)
	if err != nil {
		return fmt.Errorf("finding theme runs to count: %w", err)
	}
	for _, r := range res.Rows {
		if err := s.refreshThemeCounts(ctx, r[0].(string), r[1].(uint64)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) refreshThemeCounts(ctx context.Context, scope string, runID uint64) error {
	if err := s.st.Exec(ctx, s.q.RefreshThemeCounts, store.Args{"scope": scope, "run_id": runID}); err != nil {
		return fmt.Errorf("counting the tickets of each theme and account (%s): %w", scope, err)
	}
	return nil
}

func (s *Service) spans(ctx context.Context) (map[string]span, error) {
	res, err := s.st.Query(ctx, s.q.DataSpan, nil)
	if err != nil {
		return nil, fmt.Errorf("reading the span of the data: %w", err)
	}
	rows, err := store.Scan[span](res)
	if err != nil {
		return nil, err
	}
	out := map[string]span{}
	for _, r := range rows {
		out[r.Kind] = r
	}
	return out, nil
}

// refreshWeeks runs one rollup query over lo … hi in chunks of weeks.
func (s *Service) refreshWeeks(ctx context.Context, q store.Query, lo, hi time.Time, version uint64, extra store.Args) error {
	for from := lo; !from.After(hi); from = from.AddDate(0, 0, 7*refreshChunkWeeks) {
		to := from.AddDate(0, 0, 7*(refreshChunkWeeks-1))
		if to.After(hi) {
			to = hi
		}
		args := store.Args{"from_week": store.Date(from), "to_week": store.Date(to), "version": version}
		for k, v := range extra {
			args[k] = v
		}
		if err := s.st.Exec(ctx, q, args); err != nil {
			return fmt.Errorf("weeks %s to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
		}
	}
	return nil
}

func (s *Service) slaArgs() store.Args {
	prios, response, resolution, key := s.rules.slaArgs()
	return store.Args{"priorities": prios, "response_targets": response, "resolution_targets": resolution,
		"default_response": int(s.rules.DefaultResponse + 0.5), "default_resolution": int(s.rules.DefaultResolution + 0.5), "sla_targets": key}
}

// monthWeeks turns YYYYMM partition ids into the Mondays of the weeks that
// meet those months, extended by tail weeks (the 28-day window of a week
// reaches three weeks back, so a changed day changes three later weeks).
func monthWeeks(partitions []string, tail int) (lo, hi time.Time, ok bool) {
	var months []time.Time
	for _, p := range partitions {
		m, err := time.Parse("200601", p)
		if err == nil {
			months = append(months, m)
		}
	}
	if len(months) == 0 {
		return lo, hi, false
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Before(months[j]) })
	lo = monday(months[0])
	hi = monday(months[len(months)-1].AddDate(0, 1, -1)).AddDate(0, 0, 7*tail)
	return lo, hi, true
}

// clampWeeks keeps lo … hi within the weeks that hold data.
func clampWeeks(lo, hi time.Time, sp span) (time.Time, time.Time) {
	if first := monday(sp.First); lo.Before(first) {
		lo = first
	}
	if last := monday(sp.Last); hi.After(last) {
		hi = last
	}
	return lo, hi
}

// seatWeeks is every week with usage or a subscription snapshot.
func seatWeeks(usage, subs span) (time.Time, time.Time) {
	lo, hi := monday(subs.First), monday(subs.Last)
	if usage.Rows > 0 {
		if u := monday(usage.First); u.Before(lo) {
			lo = u
		}
		if u := monday(usage.Last); u.After(hi) {
			hi = u
		}
	}
	return lo, hi
}

// monday is the Monday starting t's week (UTC).
func monday(t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// unionWeeks spans two week ranges (a zero range is absent).
func unionWeeks(a, b [2]time.Time) (time.Time, time.Time, bool) {
	switch {
	case a[0].IsZero() && b[0].IsZero():
		return time.Time{}, time.Time{}, false
	case a[0].IsZero():
		return b[0], b[1], true
	case b[0].IsZero():
		return a[0], a[1], true
	}
	lo, hi := a[0], a[1]
	if b[0].Before(lo) {
		lo = b[0]
	}
	if b[1].After(hi) {
		hi = b[1]
	}
	return lo, hi, true
}
