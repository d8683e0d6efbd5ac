package exports

import "github.com/uptake/uptake/analytics"

// LowAdoptionRAG colours a usage % column by the rules the dashboard uses.
func LowAdoptionRAG(column int, r analytics.Rules) RAG {
	return RAG{Column: column, Red: r.Red, Amber: r.Amber}
}

// Definitions are the About sheet's definitions of each report's measures,
// as docs/metrics.md gives them.
var Definitions = map[string][][2]string{
	"portfolio": {
		{"Health", "The status of the account's weakest workload with at least the minimum seats, by usage %: red at or below the red threshold, amber at or below the amber threshold, green above."},
		{"Usage %", "Users active over 28 days ÷ seats purchased × 100, in the last complete week."},
		{"How-to per 100 seats a month", "How-to tickets over the last 13 weeks ÷ the account's seats × 100, as a monthly rate."},
		{"CSAT", "Share of good ratings (4 or 5 out of 5) over the last 13 weeks, with its 95 % Wilson interval (low, high)."},
		{"Upsell value a year", "Sum of the estimated yearly values of the account's upsell chances; each chance's evidence is in the upsell report."},
	},
	"low-adoption": {
		{"Usage %", "Users active over 28 days ÷ seats purchased × 100. Coloured red at or below the red threshold, amber at or below the amber threshold."},
		{"Level", "red: usage at or below the red threshold, or a meaningful decline; amber: at or below the amber threshold, or in the bottom quarter of peers."},
		{"At stake / month", "Unused seats × the monthly price per seat (the workload's median price when the account's is unknown)."},
	},
	"satisfaction": {
		{"CSAT", "Share of good ratings (4 or 5 out of 5) per month, with its 95 % Wilson interval (low, high)."},
		{"Meaningful change", "A change from the previous month that a two-proportion test finds significant after the Benjamini–Hochberg correction."},
	},
	"plan": {
		{"Sessions", "Sessions of a course in one language and month, at most 20 a month, highest expected benefit first."},
		{"Benefit", "How-to tickets avoided over the next quarter plus half a point per seat that could become active, times the course's match."},
	},
	"themes": {
		{"Recurring", "A theme spanning at least 3 accounts and 4 weeks."},
		{"Trend", "Rising or fading when the last 4 weeks differ meaningfully from the 8 before; steady otherwise."},
	},
}
