package courses

// Need kinds.
const (
	KindHowTo       = "howto-theme"  // a recurring "how do I…?" theme in tickets
	KindLowAdoption = "low-adoption" // seats bought but little used
)

// Need is one account's reason to train, computed by the caller from
// tickets or usage.
type Need struct {
	AccountID, AccountName, Workload, Language string
	Kind                                       string // KindHowTo or KindLowAdoption

	// For KindHowTo: the theme and its characteristic terms.
	ThemeID, ThemeLabel string
	ThemeTerms          []string

	AvoidableTickets float64 // how-to tickets a course could avoid over the next quarter
	ActivatableSeats int     // seats that could become active (low adoption)
	Audience         int     // people to train
	Evidence         string  // the caller's evidence text, passed through
}

// Recommendation is the best course for one need.
type Recommendation struct {
	Need     Need
	Course   Course
	Score    float64 // match quality, 0–1
	Reason   string  // why this course, for people
	Sessions int     // sessions needed for the need's audience

	// Benefit ranks recommendations: the need's weighted value (see
	// Options) times Score, so a half-matching course counts for half.
	Benefit  float64
	Fallback bool // Course is in the fallback language, not the need's
}

// Options tune Recommend; zero values take the defaults.
type Options struct {
	// TicketWeight and SeatWeight value an avoided ticket and an activated
	// seat. By default a seat counts half a ticket: avoided tickets are a
	// measured cost, activation a chance of value the customer already pays
	// for.
	TicketWeight, SeatWeight float64
	// MinScore is the lowest match quality offered (default 0.3): below it a
	// course shares a word or two with a theme but would not answer it.
	MinScore float64
	// FallbackLanguage is used when no course in the need's language
	// matches (default "en").
	FallbackLanguage string
	// DefaultMaxAttendees sizes sessions of courses that do not say (default 12).
	DefaultMaxAttendees int
}

func (o Options) withDefaults() Options {
	if o.TicketWeight == 0 {
		o.TicketWeight = 1
	}
	if o.SeatWeight == 0 {
		o.SeatWeight = 0.5
	}
	if o.MinScore == 0 {
		o.MinScore = 0.3
	}
	if o.FallbackLanguage == "" {
		o.FallbackLanguage = "en"
	}
	if o.DefaultMaxAttendees <= 0 {
		o.DefaultMaxAttendees = 12
	}
	return o
}

// value is what fully answering the need is worth, before match quality.
func (o Options) value(n Need) float64 {
	return n.AvoidableTickets*o.TicketWeight + float64(n.ActivatableSeats)*o.SeatWeight
}
