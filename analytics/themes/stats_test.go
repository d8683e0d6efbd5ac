package themes

import (
	"math"
	"strconv"
	"testing"
	"time"
)

func TestBinomialUpper(t *testing.T) {
	cases := []struct {
		k, n int
		p    float64
		want float64
	}{
		{3, 3, 0.5, 0.125}, {2, 3, 0.5, 0.5}, {0, 5, 0.5, 1}, {6, 5, 0.5, 0},
		{10, 10, 0.5, 1.0 / 1024}, {9, 10, 0.5, 11.0 / 1024}, {1, 1, 0.3, 0.3},
	}
	for _, c := range cases {
		if got := binomialUpper(c.k, c.n, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("P(X ≥ %d | n=%d, p=%v) = %v, want %v", c.k, c.n, c.p, got, c.want)
		}
	}
	// A large n must not overflow: 600 of 1000 at p=0.5 is far out.
	if p := binomialUpper(600, 1000, 0.5); p <= 0 || p > 1e-9 {
		t.Errorf("P(X ≥ 600 | 1000, 0.5) = %v", p)
	}
}

func TestTrendClassification(t *testing.T) {
	full := trendWindow
	cases := []struct {
		recent, prior int
		recentLen     time.Duration
		priorLen      time.Duration
		want          string
	}{
		{60, 30, full, full, TrendRising},
		{30, 60, full, full, TrendFading},
		{33, 30, full, full, TrendSteady},              // +10 %: not meaningful
		{6, 2, full, full, TrendSteady},                // +200 %, but too few tickets to tell
		{15, 15, full, full / 2, TrendFading},          // half the prior history: rate halved
		{20, 0, full, 3 * 24 * time.Hour, TrendSteady}, // no history to compare with
		{0, 0, full, full, TrendSteady},
		{0, 12, full, full, TrendFading},
	}
	for _, c := range cases {
		if got := classifyTrend(c.recent, c.prior, c.recentLen, c.priorLen); got != c.want {
			t.Errorf("recent %d over %v, prior %d over %v: %s, want %s", c.recent, c.recentLen, c.prior, c.priorLen, got, c.want)
		}
	}
}

func TestTrendWindowsFollowTheData(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	r, p := trendWindows(now, now.AddDate(-1, 0, 0))
	if r != trendWindow || p != trendWindow {
		t.Errorf("a year of data: windows %v and %v", r, p)
	}
	r, p = trendWindows(now, now.Add(-trendWindow-10*24*time.Hour))
	if r != trendWindow || p != 10*24*time.Hour {
		t.Errorf("ten days before the recent window: windows %v and %v", r, p)
	}
}

func TestISOWeekStartsOnMonday(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	sunday, monday := day("2026-03-08T23:59:59Z"), day("2026-03-09T00:00:00Z")
	if isoWeek(sunday) == isoWeek(monday) || isoWeek(monday) != isoWeek(day("2026-03-15T12:00:00Z")) {
		t.Error("weeks must run from Monday to Sunday")
	}
	if isoWeek(day("1969-12-29T00:00:00Z")) != isoWeek(day("1970-01-04T23:00:00Z")) {
		t.Error("the week around the epoch is split")
	}
	// Time zones: 01:00 on Monday in Paris is still Sunday in UTC.
	paris := time.FixedZone("CET", 3600)
	if isoWeek(time.Date(2026, 3, 9, 0, 30, 0, 0, paris)) != isoWeek(sunday) {
		t.Error("weeks are not counted in UTC")
	}
}

// statsFor summarises one theme holding the given tickets.
func statsFor(tickets []Ticket, opts Options) Theme {
	m := &Model{Themes: []ModelTheme{{}}}
	ps := make([]placement, len(tickets))
	return summarise(m, tickets, ps, opts.withDefaults(len(tickets)))[0]
}

func TestRecurringNeedsAccountsAndWeeks(t *testing.T) {
	start := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC) // a Monday
	cases := []struct {
		accounts, weeks int
		want            bool
	}{
		{3, 4, true}, {2, 4, false}, {3, 3, false}, {10, 10, true}, {1, 1, false},
	}
	for _, c := range cases {
		var tickets []Ticket
		for i := range max(c.accounts, c.weeks) * 2 {
			tickets = append(tickets, Ticket{
				ID: strconv.Itoa(i), AccountID: "A" + strconv.Itoa(i%c.accounts),
				Created: start.AddDate(0, 0, 7*(i%c.weeks)+i%3),
			})
		}
		th := statsFor(tickets, Options{})
		if th.Accounts != c.accounts || th.Weeks != c.weeks || th.Recurring != c.want {
			t.Errorf("%d accounts, %d weeks: got %d accounts, %d weeks, recurring %v", c.accounts, c.weeks, th.Accounts, th.Weeks, th.Recurring)
		}
	}
	// The thresholds are options.
	var tickets []Ticket
	for i := range 4 {
		tickets = append(tickets, Ticket{ID: strconv.Itoa(i), AccountID: "A" + strconv.Itoa(i%2), Created: start.AddDate(0, 0, 7*i)})
	}
	if th := statsFor(tickets, Options{MinAccounts: 2, MinWeeks: 4}); !th.Recurring {
		t.Error("MinAccounts 2 and MinWeeks 4 should make 2 accounts over 4 weeks recurring")
	}
}

func TestStatisticsOfATheme(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var tickets []Ticket
	add := func(n int, daysAgo int, workload, lang string) {
		for range n {
			tickets = append(tickets, Ticket{ID: strconv.Itoa(len(tickets)), AccountID: "A", Workload: workload, Language: lang,
				Subject: "Partager mon écran dans Teams", Created: now.AddDate(0, 0, -daysAgo)})
		}
	}
	add(10, 100, "", "fr") // prior window
	add(40, 20, "Teams", "fr")
	add(5, 20, "teams", "fr")
	add(3, 20, "Exchange", "fr")
	m := &Model{Themes: []ModelTheme{{}}}
	ps := make([]placement, len(tickets))
	fillTextFacts(tickets, ps, nil, 2)
	th := summarise(m, tickets, ps, Options{Now: now}.withDefaults(len(tickets)))[0]
	if th.Tickets != 58 || th.Workload != "Teams" || th.Trend != TrendRising || th.RecentTickets != 48 || th.PriorTickets != 10 {
		t.Errorf("statistics %+v", th)
	}
	if len(th.Languages) != 1 || th.Languages[0] != "fr" || !th.FirstSeen.Equal(now.AddDate(0, 0, -100)) || !th.LastSeen.Equal(now.AddDate(0, 0, -20)) {
		t.Errorf("languages %v, first %v, last %v", th.Languages, th.FirstSeen, th.LastSeen)
	}
}

// Without workload values the theme's workload comes from the products
// its tickets name.
func TestWorkloadFromText(t *testing.T) {
	tickets := []Ticket{{ID: "1", Subject: "Synchroniser OneDrive"}, {ID: "2", Subject: "OneDrive sync"}, {ID: "3", Subject: "Kalender in Outlook"}}
	m := &Model{Themes: []ModelTheme{{}}}
	ps := make([]placement, len(tickets))
	fillTextFacts(tickets, ps, nil, 1)
	if w := summarise(m, tickets, ps, Options{}.withDefaults(len(tickets)))[0].Workload; w != "OneDrive" {
		t.Errorf("workload %q, want OneDrive", w)
	}
}
