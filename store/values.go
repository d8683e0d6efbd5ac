package store

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
)

const (
	dateLayout     = "2006-01-02"
	dateTimeLayout = "2006-01-02 15:04:05"
)

// Column is a table column as ClickHouse describes it.
type Column struct {
	Name string
	Type string
}

// colType is a parsed ClickHouse type, reduced to what encoding needs.
type colType struct {
	base     string // e.g. "UInt32", "String", "DateTime", "Array"
	nullable bool
	elem     *colType // Array element
}

func parseType(t string) colType {
	t = strings.TrimSpace(t)
	if inner, ok := unwrap(t, "LowCardinality"); ok {
		return parseType(inner)
	}
	if inner, ok := unwrap(t, "Nullable"); ok {
		ct := parseType(inner)
		ct.nullable = true
		return ct
	}
	if inner, ok := unwrap(t, "Array"); ok {
		elem := parseType(inner)
		return colType{base: "Array", elem: &elem}
	}
	if i := strings.IndexByte(t, '('); i > 0 {
		t = t[:i] // DateTime('UTC'), FixedString(8), Decimal(18, 2)
	}
	return colType{base: t}
}

func unwrap(t, wrapper string) (string, bool) {
	if strings.HasPrefix(t, wrapper+"(") && strings.HasSuffix(t, ")") {
		return t[len(wrapper)+1 : len(t)-1], true
	}
	return "", false
}

// normalize converts a Go value to the exact type the column takes, so both
// engines see the same value and a wrong value is reported before sending.
func normalize(v any, ct colType) (any, error) {
	if v == nil {
		if ct.nullable {
			return nil, nil
		}
		return nil, fmt.Errorf("empty value for a column that requires one")
	}
	if fastNormalized(v, ct.base) {
		return v, nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return normalize(nil, ct)
		}
		return normalize(rv.Elem().Interface(), ct)
	}
	switch ct.base {
	case "String", "FixedString":
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		}
	case "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64":
		return normalizeInt(v, ct.base)
	case "Float32", "Float64":
		f, ok := toFloat(v)
		if !ok {
			break
		}
		if ct.base == "Float32" {
			return float32(f), nil
		}
		return f, nil
	case "Date", "DateTime":
		switch x := v.(type) {
		case time.Time:
			return checkTimeRange(x.UTC(), ct.base)
		case Date:
			return checkTimeRange(time.Time(x), ct.base)
		}
	case "Array":
		if x, ok := v.([]string); ok && ct.elem.base == "String" {
			return x, nil
		}
	}
	return nil, fmt.Errorf("a %T value cannot be stored in a %s column", v, ct.base)
}

// fastNormalized spots values that already have the column's exact type, the
// common case in bulk loads, without reflection.
func fastNormalized(v any, base string) bool {
	switch x := v.(type) {
	case string:
		return base == "String" || base == "FixedString"
	case uint32:
		return base == "UInt32"
	case uint16:
		return base == "UInt16"
	case float32:
		return base == "Float32"
	case uint64:
		return base == "UInt64"
	case int64:
		return base == "Int64"
	case uint8:
		return base == "UInt8"
	case float64:
		return base == "Float64"
	case time.Time:
		return x.Location() == time.UTC && (base == "Date" && x.Year() >= 1970 && x.Year() < 2149 || base == "DateTime" && x.Year() >= 1970 && x.Year() < 2106)
	}
	return false
}

// checkTimeRange rejects times a Date (1970–2149) or DateTime (1970–2106) cannot hold.
func checkTimeRange(t time.Time, base string) (any, error) {
	last := 2106
	if base == "Date" {
		last = 2149
	}
	if t.Year() < 1970 || t.Year() >= last {
		return nil, fmt.Errorf("%s is outside the range a %s holds (1970 to %d)", t.Format(dateLayout), base, last-1)
	}
	return t, nil
}

var intBits = map[string]int{"Int8": 8, "Int16": 16, "Int32": 32, "Int64": 64, "UInt8": 8, "UInt16": 16, "UInt32": 32, "UInt64": 64}

func normalizeInt(v any, base string) (any, error) {
	rv := reflect.ValueOf(v)
	bits := intBits[base]
	unsigned := base[0] == 'U'
	var i int64
	var u uint64
	switch rv.Kind() {
	case reflect.Bool:
		if rv.Bool() {
			i, u = 1, 1
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i = rv.Int()
		if unsigned && i < 0 {
			return nil, fmt.Errorf("%d is negative but the column is %s", i, base)
		}
		u = uint64(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u = rv.Uint()
		if !unsigned && u > math.MaxInt64 {
			return nil, fmt.Errorf("%d is too large for %s", u, base)
		}
		i = int64(u)
	default:
		return nil, fmt.Errorf("a %T value cannot be stored in a %s column", v, base)
	}
	if unsigned && bits < 64 && u >= 1<<bits || !unsigned && bits < 64 && (i >= 1<<(bits-1) || i < -(1<<(bits-1))) {
		return nil, fmt.Errorf("%d does not fit in %s", i, base)
	}
	switch base {
	case "Int8":
		return int8(i), nil
	case "Int16":
		return int16(i), nil
	case "Int32":
		return int32(i), nil
	case "Int64":
		return i, nil
	case "UInt8":
		return uint8(u), nil
	case "UInt16":
		return uint16(u), nil
	case "UInt32":
		return uint32(u), nil
	}
	return u, nil
}

func toFloat(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	}
	return 0, false
}
