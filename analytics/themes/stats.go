package themes

import (
	"cmp"
	"slices"
	"time"
)

// themeStats accumulates one theme's statistics.
type themeStats struct {
	tickets       int
	accounts      map[string]bool
	weeks         map[int64]bool
	first, last   time.Time
	hinted        [7]int // help-desk workload values
	guessed       [7]int // workloads inferred from the text
	langs         [numLangs]int
	recent, prior int
}

// summarise computes every theme's statistics from its placed tickets.
func summarise(m *Model, tickets []Ticket, ps []placement, opts Options) []Theme {
	now, first := timeSpan(tickets, opts.Now)
	recentLen, priorLen := trendWindows(now, first)
	acc := make([]*themeStats, len(m.Themes))
	for c := range acc {
		acc[c] = &themeStats{accounts: map[string]bool{}, weeks: map[int64]bool{}}
	}
	for i, p := range ps {
		if p.theme >= 0 {
			acc[p.theme].add(&tickets[i], p, now)
		}
	}
	out := make([]Theme, len(acc))
	for c, s := range acc {
		out[c] = s.theme(recentLen, priorLen, opts)
	}
	return out
}

// timeSpan is the end of the trend windows (opts.Now, else the newest
// ticket) and the oldest ticket.
func timeSpan(tickets []Ticket, now time.Time) (time.Time, time.Time) {
	var newest, oldest time.Time
	for i, t := range tickets {
		if c := t.Created.UTC(); i == 0 || c.After(newest) {
			newest = c
		}
		if c := t.Created.UTC(); i == 0 || c.Before(oldest) {
			oldest = c
		}
	}
	if now.IsZero() {
		now = newest
	}
	return now.UTC(), oldest
}

func (s *themeStats) add(t *Ticket, p placement, now time.Time) {
	s.tickets++
	s.accounts[t.AccountID] = true
	c := t.Created.UTC()
	s.weeks[isoWeek(c)] = true
	if s.tickets == 1 || c.Before(s.first) {
		s.first = c
	}
	if s.tickets == 1 || c.After(s.last) {
		s.last = c
	}
	s.hinted[workloadIndex(t.Workload)]++
	s.guessed[p.workload]++
	s.langs[p.lang]++
	switch age := now.Sub(c); {
	case age < 0:
	case age <= trendWindow:
		s.recent++
	case age <= 2*trendWindow:
		s.prior++
	}
}

// isoWeek numbers the week (Monday to Sunday, UTC) a time falls in.
func isoWeek(t time.Time) int64 {
	// 1 January 1970 was a Thursday, three days after a Monday.
	return floorDiv(floorDiv(t.Unix(), 86400)+3, 7)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func (s *themeStats) theme(recentLen, priorLen time.Duration, opts Options) Theme {
	t := Theme{
		Tickets: s.tickets, Accounts: len(s.accounts), Weeks: len(s.weeks),
		FirstSeen: s.first, LastSeen: s.last,
		RecentTickets: s.recent, PriorTickets: s.prior,
		Trend:    classifyTrend(s.recent, s.prior, recentLen, priorLen),
		Workload: s.workload(),
	}
	t.Recurring = t.Accounts >= opts.MinAccounts && t.Weeks >= opts.MinWeeks
	t.Languages = s.languages()
	return t
}

// workload is the majority of the help desk's non-empty workload values,
// else of the workloads the text names.
func (s *themeStats) workload() string {
	for _, counts := range [][7]int{s.hinted, s.guessed} {
		best := 0
		for w := 1; w < len(counts); w++ {
			if counts[w] > counts[best] || best == 0 && counts[w] > 0 {
				best = w
			}
		}
		if best > 0 && counts[best] > 0 {
			return workloads[best]
		}
	}
	return ""
}

func (s *themeStats) languages() []string {
	var ls []int
	for l, n := range s.langs {
		if n > 0 {
			ls = append(ls, l)
		}
	}
	slices.SortStableFunc(ls, func(a, b int) int { return cmp.Compare(s.langs[b], s.langs[a]) })
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = langCodes[l]
	}
	return out
}

// mergeStats puts statistics into a described theme.
func mergeStats(t, s Theme) Theme {
	s.ID, s.Label, s.Terms, s.Examples, s.New = t.ID, t.Label, t.Terms, t.Examples, t.New
	return s
}
