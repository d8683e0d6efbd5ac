package generate

import "math"

// Rows per licensed user and day, averaged over weekdays, weekends and
// holidays, workloads not bought and users who rarely use one. Measured on
// generated data; TestEstimateMatchesGeneratedData keeps them honest.
const (
	usageRowsPerUserDay  = 1.3
	ticketsPerUserDayAvg = 0.032
)

// estimate predicts the licensed users, usage rows and tickets of a scale
// from its parameters alone, without generating it: the stratified sizes
// make the head count nearly independent of the seed.
func estimate(s Scale) (users, usageRows, tickets float64) {
	for rank := range s.Accounts {
		q := (float64(rank) + 0.5) / float64(s.Accounts)
		z := math.Sqrt2 * math.Erfinv(2*q-1)
		users += math.Min(float64(s.MaxUsers), math.Max(3, math.Round(float64(s.MedianUsers)*math.Exp(sizeSigma*z))))
	}
	// Accounts grow about 5 % a year; on average half of that is reached.
	users *= 1 + 0.05*float64(s.Days)/365/2
	days := float64(s.Days)
	return users, users * days * usageRowsPerUserDay, users * days * ticketsPerUserDayAvg
}
