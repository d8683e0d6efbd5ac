package generate

import "time"

// calendar holds, for every day of the data set, its date and how much of an
// account's staff is at work there: weekends, public holidays, the summer
// break (deep in August in France, spread over July and August in German-
// speaking countries) and the days around Christmas. Usage and tickets both
// follow it, so the dips line up the way they do in real exports.
type calendar struct {
	start time.Time
	days  int
	dates [][]byte // day i as YYYY-MM-DD
	// office and shift map a country code to a factor per day (1 = an ordinary
	// Tuesday); shift is for industries that also work at weekends.
	office, shift map[string][]float64
}

func newCalendar(start time.Time, days int) *calendar {
	c := &calendar{start: start, days: days, dates: make([][]byte, days),
		office: map[string][]float64{}, shift: map[string][]float64{}}
	for d := range days {
		c.dates[d] = start.AddDate(0, 0, d).AppendFormat(nil, "2006-01-02")
	}
	for _, co := range countries {
		if _, done := c.office[co.code]; done {
			continue
		}
		c.office[co.code], c.shift[co.code] = c.factors(co)
	}
	return c
}

// day returns the date of day index d.
func (c *calendar) day(d int) time.Time { return c.start.AddDate(0, 0, d) }

var (
	officeWeekday = [7]float64{0.04, 1.0, 1.04, 1.03, 1.0, 0.85, 0.07} // Sunday first
	shiftWeekday  = [7]float64{0.15, 1.0, 1.0, 1.0, 1.0, 0.95, 0.3}
)

func (c *calendar) factors(co country) (office, shift []float64) {
	office, shift = make([]float64, c.days), make([]float64, c.days)
	hol := map[int]bool{}
	for y := c.start.Year(); y <= c.day(c.days).Year(); y++ {
		for _, h := range co.holidays {
			hol[dateKey(h.date(y))] = true
		}
	}
	for d := range c.days {
		t := c.day(d)
		season := seasonFactor(co.summer, t)
		o, s := officeWeekday[t.Weekday()], shiftWeekday[t.Weekday()]
		switch {
		case hol[dateKey(t)]:
			o, s = 0.08, 0.5
		case bridgeDay(hol, t):
			o *= 0.6 // many take the day between a holiday and the weekend off
		}
		office[d], shift[d] = o*season, s*(0.5+0.5*season)
	}
	return office, shift
}

// bridgeDay reports a Monday before a Tuesday holiday or a Friday after a
// Thursday one.
func bridgeDay(hol map[int]bool, t time.Time) bool {
	switch t.Weekday() {
	case time.Monday:
		return hol[dateKey(t.AddDate(0, 0, 1))]
	case time.Friday:
		return hol[dateKey(t.AddDate(0, 0, -1))]
	}
	return false
}

// dateKey identifies a calendar day whatever the time of day or location.
func dateKey(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Summer holiday patterns.
const (
	summerFrench  = iota // most leave in the first three weeks of August
	summerGerman         // school holidays staggered over July and August
	summerBritish        // late July and August
	summerAmerican
)

func seasonFactor(summer int, t time.Time) float64 {
	m, d := t.Month(), t.Day()
	switch {
	case m == time.December && d >= 24, m == time.January && d == 1:
		return 0.4
	case m == time.December && d >= 20, m == time.January && d <= 4:
		return 0.8
	}
	switch summer {
	case summerFrench:
		switch {
		case m == time.August && d <= 22:
			return 0.5
		case m == time.August, m == time.July && d >= 14:
			return 0.78
		}
	case summerGerman:
		if m == time.August || m == time.July && d >= 10 {
			return 0.78
		}
	case summerBritish:
		if m == time.August || m == time.July && d >= 25 {
			return 0.84
		}
	case summerAmerican:
		if m == time.July || m == time.August {
			return 0.92
		}
	}
	return 1
}

// holiday is a public holiday rule: a fixed date, a day relative to Easter
// Sunday, or the nth weekday of a month (nth -1 is the last).
type holiday struct {
	month   time.Month
	day     int
	easter  int
	fromEas bool
	nth     int
	weekday time.Weekday
}

func fixed(m time.Month, d int) holiday { return holiday{month: m, day: d} }
func easter(offset int) holiday         { return holiday{easter: offset, fromEas: true} }
func nthWeekday(m time.Month, wd time.Weekday, nth int) holiday {
	return holiday{month: m, weekday: wd, nth: nth}
}

func (h holiday) date(year int) time.Time {
	switch {
	case h.fromEas:
		return easterSunday(year).AddDate(0, 0, h.easter)
	case h.nth > 0:
		t := time.Date(year, h.month, 1, 0, 0, 0, 0, time.UTC)
		for t.Weekday() != h.weekday {
			t = t.AddDate(0, 0, 1)
		}
		return t.AddDate(0, 0, 7*(h.nth-1))
	case h.nth < 0:
		t := time.Date(year, h.month+1, 0, 0, 0, 0, 0, time.UTC)
		for t.Weekday() != h.weekday {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	return time.Date(year, h.month, h.day, 0, 0, 0, 0, time.UTC)
}

// easterSunday uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func easterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
