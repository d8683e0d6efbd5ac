package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Result is a query's whole answer, with values in one Go type per ClickHouse
// family whatever the engine: string, int64, uint64, float64, time.Time,
// []any for arrays and nil for NULL.
type Result struct {
	Columns []Column
	Rows    [][]any
}

// Col returns the index of a column, or -1.
func (r *Result) Col(name string) int {
	for i, c := range r.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Scan copies each row into a new T, matching columns to fields by their
// `ch:"name"` tag (or the field name). Every column must have a field.
func Scan[T any](r *Result) ([]T, error) {
	var zero T
	rt := reflect.TypeOf(zero)
	if rt.Kind() != reflect.Struct {
		return nil, fmt.Errorf("scan target %T is not a struct", zero)
	}
	fields := make([]int, len(r.Columns))
	for i, c := range r.Columns {
		fields[i] = -1
		for f := 0; f < rt.NumField(); f++ {
			tag := rt.Field(f).Tag.Get("ch")
			if tag == c.Name || tag == "" && rt.Field(f).Name == c.Name {
				fields[i] = f
			}
		}
		if fields[i] < 0 {
			return nil, fmt.Errorf("scan target %T has no field for column %q", zero, c.Name)
		}
	}
	out := make([]T, len(r.Rows))
	for n, row := range r.Rows {
		rv := reflect.ValueOf(&out[n]).Elem()
		for i, v := range row {
			if err := assign(rv.Field(fields[i]), v); err != nil {
				return nil, fmt.Errorf("column %q: %w", r.Columns[i].Name, err)
			}
		}
	}
	return out, nil
}

func assign(dst reflect.Value, v any) error {
	if v == nil {
		dst.SetZero()
		return nil
	}
	if assignScalar(dst, v) {
		return nil
	}
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		if err := assign(p.Elem(), v); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	sv := reflect.ValueOf(v)
	switch {
	case sv.Type().AssignableTo(dst.Type()):
		dst.Set(sv)
	case dst.Kind() >= reflect.Int && dst.Kind() <= reflect.Float64 && sv.CanConvert(dst.Type()) && sv.Kind() != reflect.String:
		dst.Set(sv.Convert(dst.Type()))
	case dst.Kind() == reflect.Slice && sv.Kind() == reflect.Slice:
		out := reflect.MakeSlice(dst.Type(), sv.Len(), sv.Len())
		for i := range sv.Len() {
			if err := assign(out.Index(i), sv.Index(i).Interface()); err != nil {
				return err
			}
		}
		dst.Set(out)
	case dst.Kind() == reflect.Bool && sv.CanConvert(reflect.TypeOf(uint64(0))) && sv.Kind() != reflect.String:
		// ClickHouse 18.16 has no Bool: flags are UInt8.
		dst.SetBool(sv.Convert(reflect.TypeOf(uint64(0))).Uint() != 0)
	default:
		return fmt.Errorf("cannot put %T into %s", v, dst.Type())
	}
	return nil
}

// assignScalar is the fast path of assign for the common pairs of a
// Result value and a field kind (pages scan hundreds of thousands of
// values); it reports false for anything else.
func assignScalar(dst reflect.Value, v any) bool {
	k := dst.Kind()
	switch x := v.(type) {
	case string:
		if k == reflect.String {
			dst.SetString(x)
			return true
		}
	case uint64:
		switch {
		case k >= reflect.Uint && k <= reflect.Uint64:
			dst.SetUint(x)
		case k >= reflect.Int && k <= reflect.Int64:
			dst.SetInt(int64(x))
		case k == reflect.Float64 || k == reflect.Float32:
			dst.SetFloat(float64(x))
		case k == reflect.Bool:
			dst.SetBool(x != 0)
		default:
			return false
		}
		return true
	case int64:
		switch {
		case k >= reflect.Int && k <= reflect.Int64:
			dst.SetInt(x)
		case k == reflect.Float64 || k == reflect.Float32:
			dst.SetFloat(float64(x))
		default:
			return false
		}
		return true
	case float64:
		if k == reflect.Float64 || k == reflect.Float32 {
			dst.SetFloat(x)
			return true
		}
	}
	return false
}

// fromDriver turns a value scanned by clickhouse-go into the Result form.
func fromDriver(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string, int64, uint64, float64:
		return x
	case time.Time:
		return x.UTC()
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int:
		return int64(x)
	case uint8:
		return uint64(x)
	case uint16:
		return uint64(x)
	case uint32:
		return uint64(x)
	case float32:
		return float64(x)
	case bool:
		if x {
			return uint64(1)
		}
		return uint64(0)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return fromDriver(rv.Elem().Interface())
	case reflect.Slice:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = fromDriver(rv.Index(i).Interface())
		}
		return out
	}
	return fmt.Sprint(v)
}

// fromJSON turns a value of the JSONCompact format into the Result form.
func fromJSON(raw json.RawMessage, ct colType) (any, error) {
	if string(raw) == "null" {
		return nil, nil
	}
	if ct.base == "Array" {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		for i, it := range items {
			v, err := fromJSON(it, *ct.elem)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	var text string
	if len(raw) > 0 && raw[0] == '"' {
		if err := json.Unmarshal(raw, &text); err != nil {
			return nil, err
		}
	} else {
		text = string(raw)
	}
	switch {
	case strings.HasPrefix(ct.base, "UInt"):
		return strconv.ParseUint(text, 10, 64)
	case strings.HasPrefix(ct.base, "Int"):
		return strconv.ParseInt(text, 10, 64)
	case strings.HasPrefix(ct.base, "Float"), strings.HasPrefix(ct.base, "Decimal"):
		return parseJSONFloat(text)
	case ct.base == "Date":
		return time.Parse(dateLayout, text)
	case ct.base == "DateTime":
		return time.Parse(dateTimeLayout, text)
	case ct.base == "Bool":
		if text == "true" {
			return uint64(1), nil
		}
		return uint64(0), nil
	}
	return text, nil
}

func parseJSONFloat(text string) (float64, error) {
	switch text {
	case "nan":
		return strconv.ParseFloat("NaN", 64)
	case "inf", "+inf":
		return strconv.ParseFloat("+Inf", 64)
	case "-inf":
		return strconv.ParseFloat("-Inf", 64)
	}
	return strconv.ParseFloat(text, 64)
}
