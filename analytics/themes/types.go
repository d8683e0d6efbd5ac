package themes

import (
	"runtime"
	"time"
)

// Ticket is one help-desk ticket as the theme engine needs it. Language
// and Workload are the help desk's own values and may be empty or wrong.
type Ticket struct {
	ID, AccountID, Subject, Body, Language, Workload, Category string
	Created                                                    time.Time
}

// Options tune discovery and the statistics. Zero values take the
// defaults listed in the package comment.
type Options struct {
	MinThemeSize int       // fewest tickets a theme needs (default 20; fewer for small inputs, see withDefaults)
	TargetThemes int       // >0: exactly this many themes; 0: decided by the data
	MinAccounts  int       // a recurring theme spans this many accounts (default 3)
	MinWeeks     int       // … and this many distinct ISO weeks (default 4)
	Examples     int       // example tickets per theme (default 3)
	Now          time.Time // end of the trend windows (default: the newest ticket)
	Workers      int       // goroutines (default GOMAXPROCS); results do not depend on it
}

// Defaults.
const (
	DefaultMinThemeSize = 20
	DefaultMinAccounts  = 3
	DefaultMinWeeks     = 4
	DefaultExamples     = 3
)

// smallInputShare sets the default minimum theme size of small inputs: a
// theme needs 1/40 of the tickets (at least minThemeFloor), so a few hundred
// tickets still show their themes.
const (
	smallInputShare = 40
	minThemeFloor   = 3
)

// withDefaults fills in zero options. n is the number of tickets; the
// default MinThemeSize is DefaultMinThemeSize, or n/40 (at least 3) when
// that is smaller.
func (o Options) withDefaults(n int) Options {
	if o.MinThemeSize <= 0 {
		o.MinThemeSize = min(DefaultMinThemeSize, max(minThemeFloor, n/smallInputShare))
	}
	if o.MinAccounts <= 0 {
		o.MinAccounts = DefaultMinAccounts
	}
	if o.MinWeeks <= 0 {
		o.MinWeeks = DefaultMinWeeks
	}
	if o.Examples <= 0 {
		o.Examples = DefaultExamples
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.TargetThemes < 0 {
		o.TargetThemes = 0
	}
	return o
}

// Trends.
const (
	TrendRising = "rising"
	TrendSteady = "steady"
	TrendFading = "fading"
)

// Theme is one recurring question with the statistics of its tickets.
type Theme struct {
	ID        string    `json:"id"`
	Label     string    `json:"label"`     // a short phrase taken from the tickets
	Terms     []string  `json:"terms"`     // the words that characterise it, most telling first
	Workload  string    `json:"workload"`  // majority workload, "" if none
	Languages []string  `json:"languages"` // detected languages, most tickets first
	Tickets   int       `json:"tickets"`
	Accounts  int       `json:"accounts"`
	Weeks     int       `json:"weeks"` // distinct ISO weeks (Monday start, UTC) with a ticket
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	Trend     string    `json:"trend"` // rising, steady or fading
	// RecentTickets and PriorTickets are the trend's evidence: tickets in the
	// last 8 weeks and in the 8 weeks before.
	RecentTickets int       `json:"recent_tickets"`
	PriorTickets  int       `json:"prior_tickets"`
	Recurring     bool      `json:"recurring"` // spans MinAccounts accounts and MinWeeks weeks
	New           bool      `json:"new"`       // emerged since the previous model
	Examples      []Example `json:"examples"`
}

// Example is a ticket that shows what a theme is about.
type Example struct {
	TicketID string `json:"ticket_id"`
	Subject  string `json:"subject"`
}

// Assignment puts one ticket in a theme; ThemeID is "" for a ticket that
// fits none (unthemed). Score is the cosine similarity to the theme.
type Assignment struct {
	TicketID string  `json:"ticket_id"`
	ThemeID  string  `json:"theme_id"`
	Score    float64 `json:"score"`
}
