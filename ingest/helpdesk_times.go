package ingest

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ticketClock reads vendor times the way the batch does (convert.go), in the
// file's time zone (--timezone), for the figures a source computes itself:
// response and resolution minutes, and a ServiceNow incident's last change.
type ticketClock struct{ loc *time.Location }

func newTicketClock(opt Options) ticketClock {
	if opt.Location == nil {
		return ticketClock{loc: time.UTC}
	}
	return ticketClock{loc: opt.Location}
}

// parse reads s; ok is false when s is empty.
func (c ticketClock) parse(column, s string) (t time.Time, ok bool, ferr *fieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, nil
	}
	v, err := parseTime(s, dateTimeLayouts, c.loc, false)
	if err != nil {
		return time.Time{}, false, &fieldError{column: column, reason: err.Error()}
	}
	return v.(time.Time), true, nil
}

// minutesBetween is the time from start to end in minutes, "" when either is
// empty. An unreadable start is left for the batch to report (it is the
// ticket's created_at); an unreadable end, or one before the start, is an
// error in the end's column.
func (c ticketClock) minutesBetween(startCol, start, endCol, end string) (string, *fieldError) {
	from, ok, ferr := c.parse(startCol, start)
	if ferr != nil || !ok {
		return "", nil
	}
	to, ok, ferr := c.parse(endCol, end)
	if ferr != nil || !ok {
		return "", ferr
	}
	if to.Before(from) {
		return "", &fieldError{column: endCol, reason: "is " + to.Format(time.RFC3339) + ", before the ticket was opened (" + from.Format(time.RFC3339) + "); check the export's dates"}
	}
	return formatMinutes(to.Sub(from)), nil
}

// formatMinutes writes a duration in minutes, to a hundredth.
func formatMinutes(d time.Duration) string {
	return strconv.FormatFloat(math.Round(d.Minutes()*100)/100, 'f', -1, 64)
}
