package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// m365Day reads a last-activity date and writes it as YYYY-MM-DD, so that
// every snapshot files the same day under the same key whatever its shape.
// Graph writes YYYY-MM-DD; a spreadsheet that re-saved the file may have
// added a time or written US dates without leading zeros (5/23/2026).
func m365Day(s string) (string, error) {
	v, err := parseTime(s, dateLayouts, time.UTC, true)
	if err == nil {
		return v.(time.Time).Format(time.DateOnly), nil
	}
	if v, terr := parseTime(s, dateTimeLayouts, time.UTC, false); terr == nil {
		return v.(time.Time).Format(time.DateOnly), nil
	}
	for _, layout := range []string{"1/2/2006", "1/2/2006 3:04:05 PM", "1/2/2006 3:04 PM", "1/2/2006 15:04"} {
		if t, perr := time.Parse(layout, s); perr == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", err
}

// m365Count reads a count column: empty is 0; a whole number may carry a
// spreadsheet's ".0".
func m365Count(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f == math.Trunc(f) && f < math.MaxUint32 {
		return uint64(f), nil
	}
	return 0, fmt.Errorf("%q is not a whole number of activities", s)
}
