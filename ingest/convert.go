package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the date shapes exports use, tried in order. Ambiguous
// day/month orders follow the documented rule: dashes are day-first
// (dd-mm-yyyy), slashes month-first (mm/dd/yyyy).
var dateLayouts = []string{"2006-01-02", "02-01-2006", "01/02/2006", "2006/01/02"}

var dateTimeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04",
	"02-01-2006 15:04:05", "02-01-2006 15:04", "01/02/2006 15:04:05", "01/02/2006 15:04", "01/02/2006 3:04 PM",
}

// converter turns a text field into the Go value for one ClickHouse column type.
type converter func(s string) (any, error)

func converterFor(chType string, loc *time.Location) converter {
	nullable := strings.HasPrefix(chType, "Nullable(")
	base := strings.TrimSuffix(strings.TrimPrefix(chType, "Nullable("), ")")
	if i := strings.IndexByte(base, '('); i > 0 {
		base = base[:i]
	}
	conv := baseConverter(base, loc)
	return func(s string) (any, error) {
		s = strings.TrimSpace(s)
		if s == "" {
			if nullable {
				return nil, nil
			}
			if base == "String" {
				return "", nil
			}
			return zeroOf(base), nil
		}
		return conv(s)
	}
}

func zeroOf(base string) any {
	switch base {
	case "Date", "DateTime":
		return nil // required: reported by the caller
	}
	v, _ := baseConverter(base, time.UTC)("0")
	return v
}

// intRanges are the bounds of ClickHouse's integer types.
var intRanges = map[string][2]int64{
	"UInt16": {0, math.MaxUint16}, "UInt32": {0, math.MaxUint32}, "UInt64": {0, math.MaxInt64},
	"Int8": {math.MinInt8, math.MaxInt8}, "Int16": {math.MinInt16, math.MaxInt16}, "Int32": {math.MinInt32, math.MaxInt32}, "Int64": {math.MinInt64, math.MaxInt64},
}

// baseConverter returns values of the exact Go type the column takes, so
// the store need not convert them again.
func baseConverter(base string, loc *time.Location) converter {
	switch base {
	case "UInt8":
		return parseFlagOrInt
	case "UInt16", "UInt32", "UInt64", "Int8", "Int16", "Int32", "Int64":
		bounds := intRanges[base]
		return func(s string) (any, error) {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				f, ferr := strconv.ParseFloat(strings.ReplaceAll(s, " ", ""), 64)
				if ferr != nil || f != math.Trunc(f) {
					return nil, fmt.Errorf("%q is not a whole number", s)
				}
				n = int64(f)
			}
			if n < bounds[0] || n > bounds[1] {
				return nil, fmt.Errorf("%d is outside the accepted range %d to %d", n, bounds[0], bounds[1])
			}
			return exactInt(base, n), nil
		}
	case "Float32", "Float64":
		return func(s string) (any, error) {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a number (use . for decimals)", s)
			}
			if base == "Float32" {
				return float32(f), nil
			}
			return f, nil
		}
	case "Date":
		return func(s string) (any, error) { return parseTime(s, dateLayouts, loc, true) }
	case "DateTime":
		return func(s string) (any, error) { return parseTime(s, dateTimeLayouts, loc, false) }
	}
	return func(s string) (any, error) { return s, nil }
}

func exactInt(base string, n int64) any {
	switch base {
	case "UInt16":
		return uint16(n)
	case "UInt32":
		return uint32(n)
	case "UInt64":
		return uint64(n)
	case "Int8":
		return int8(n)
	case "Int16":
		return int16(n)
	case "Int32":
		return int32(n)
	}
	return n
}

func parseFlagOrInt(s string) (any, error) {
	switch strings.ToLower(s) {
	case "true", "yes", "y", "1":
		return uint8(1), nil
	case "false", "no", "n", "0":
		return uint8(0), nil
	}
	n, err := strconv.ParseUint(s, 10, 8)
	if err != nil {
		return nil, fmt.Errorf("%q is neither yes/no nor a number from 0 to 255", s)
	}
	return uint8(n), nil
}

// parseTime reads the usual shapes, plus epoch seconds; times without an
// offset are in loc (--timezone).
func parseTime(s string, layouts []string, loc *time.Location, dateOnly bool) (any, error) {
	if dateOnly {
		if t, ok := parseISODate(s); ok {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		t := time.Unix(n, 0).UTC()
		if dateOnly {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
		return t, nil
	}
	for _, layout := range layouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			if dateOnly {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
			}
			return t.UTC(), nil
		}
	}
	if !dateOnly {
		// A bare date is a valid time at midnight.
		return parseTime(s, dateLayouts, loc, true)
	}
	return nil, fmt.Errorf("%q is not a date; use YYYY-MM-DD, DD-MM-YYYY, MM/DD/YYYY or epoch seconds", s)
}

// parseISODate reads YYYY-MM-DD without the general layout machinery: usage
// files hold millions of such dates.
func parseISODate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	num := func(part string) (int, bool) {
		n := 0
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
