package store

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Args are the named parameters of a query, written @name in its SQL.
type Args map[string]any

// Date marks a time.Time that binds as a ClickHouse Date rather than a DateTime.
type Date time.Time

// bind replaces every @name outside string literals, quoted identifiers and
// comments with the literal of args[name], quoted and escaped by Go type.
// Both engines get the same bound text: the server engine (18.16) has no
// server-side parameters, so binding is always done here, in one place.
func bind(sql string, args Args) (string, error) {
	var out strings.Builder
	out.Grow(len(sql) + 16*len(args))
	used := make(map[string]bool, len(args))
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			end := skipQuoted(sql, i)
			out.WriteString(sql[i:end])
			i = end
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			end := strings.IndexByte(sql[i:], '\n')
			if end < 0 {
				end = len(sql) - i
			}
			out.WriteString(sql[i : i+end])
			i += end
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				return "", fmt.Errorf("unterminated /* comment in query")
			}
			out.WriteString(sql[i : i+end+4])
			i += end + 4
		case c == '@' && i+1 < len(sql) && isNameStart(sql[i+1]):
			j := i + 1
			for j < len(sql) && isNameChar(sql[j]) {
				j++
			}
			name := sql[i+1 : j]
			v, ok := args[name]
			if !ok {
				return "", fmt.Errorf("query parameter @%s has no value", name)
			}
			lit, err := literal(v)
			if err != nil {
				return "", fmt.Errorf("query parameter @%s: %w", name, err)
			}
			out.WriteString(lit)
			used[name] = true
			i = j
		default:
			out.WriteByte(c)
			i++
		}
	}
	if len(used) != len(args) {
		var unused []string
		for name := range args {
			if !used[name] {
				unused = append(unused, "@"+name)
			}
		}
		sort.Strings(unused)
		return "", fmt.Errorf("query has no parameter %s", strings.Join(unused, ", "))
	}
	return out.String(), nil
}

// skipQuoted returns the index just past the quoted token starting at i.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1
		}
	}
	return len(s)
}

func isNameStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isNameChar(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' }

// literal renders one value as a ClickHouse SQL literal.
func literal(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return quoteString(x), nil
	case []byte:
		return quoteString(string(x)), nil
	case bool:
		if x {
			return "1", nil
		}
		return "0", nil
	case int:
		return intLiteral(int64(x)), nil
	case int8:
		return intLiteral(int64(x)), nil
	case int16:
		return intLiteral(int64(x)), nil
	case int32:
		return intLiteral(int64(x)), nil
	case int64:
		return intLiteral(x), nil
	case uint:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint64:
		return strconv.FormatUint(x, 10), nil
	case float32:
		return floatLiteral(float64(x)), nil
	case float64:
		return floatLiteral(x), nil
	case time.Time:
		return "toDateTime('" + x.UTC().Format(dateTimeLayout) + "', 'UTC')", nil
	case Date:
		return "toDate('" + time.Time(x).Format(dateLayout) + "')", nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice {
		parts := make([]string, rv.Len())
		for i := range parts {
			lit, err := literal(rv.Index(i).Interface())
			if err != nil {
				return "", err
			}
			parts[i] = lit
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "NULL", nil
		}
		return literal(rv.Elem().Interface())
	}
	return "", fmt.Errorf("values of type %T cannot be bound", v)
}

// intLiteral parenthesises a negative number, as floatLiteral does, so
// that "1-@n" cannot become the comment "1--5".
func intLiteral(n int64) string {
	if n < 0 {
		return "(" + strconv.FormatInt(n, 10) + ")"
	}
	return strconv.FormatInt(n, 10)
}

func floatLiteral(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "(-inf)"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if f < 0 {
		return "(" + s + ")"
	}
	return s
}

// quoteString writes a ClickHouse string literal: backslash escapes for the
// quote, the backslash itself and control characters, so no value can end the
// literal early.
func quoteString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case 0:
			b.WriteString(`\0`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
