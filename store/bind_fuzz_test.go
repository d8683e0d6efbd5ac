package store

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// sqlShape lists, in order, the quoted tokens (literals and identifiers)
// and comments of a statement, read as bind reads it, and the @names it
// binds; ok is false for an unterminated /* comment.
func sqlShape(sql string) (shape []string, names []string, ok bool) {
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			shape = append(shape, string(c))
			i = skipQuoted(sql, i)
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			shape = append(shape, "--")
			end := strings.IndexByte(sql[i:], '\n')
			if end < 0 {
				return shape, names, true
			}
			i += end
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				return shape, names, false
			}
			shape = append(shape, "/**/")
			i += end + 4
		case c == '@' && i+1 < len(sql) && isNameStart(sql[i+1]):
			j := i + 1
			for j < len(sql) && isNameChar(sql[j]) {
				j++
			}
			names = append(names, sql[i+1:j])
			i = j
		default:
			i++
		}
	}
	return shape, names, true
}

// unquote reads a ClickHouse string literal as the server does.
func unquote(lit string) (string, bool) {
	if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(lit)-1; i++ {
		c := lit[i]
		switch {
		case c == '\'':
			return "", false // an unescaped quote ends the literal early
		case c == '\\' && i+1 < len(lit)-1:
			i++
			switch e := lit[i]; e {
			case '0':
				b.WriteByte(0)
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(e)
			}
		case c == '\\':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// Whatever the values, binding changes no statement's structure: the
// bound text has the same quoted tokens and comments as with harmless
// values of the same types (a value can neither end its literal nor start
// a comment), and a string reads back as itself.
func FuzzBind(f *testing.F) {
	f.Add("SELECT @v, @n, @x, @vs, @t FROM t WHERE a = 1-@n AND b = 2-@x -- @v\n", "it's", int64(-5), -1.5, int64(0))
	f.Add("SELECT 1-@n", "", int64(math.MinInt64), math.Inf(-1), int64(-62135596800))
	f.Add("SELECT '@v', \"@v\", `@v`, /* @v */ @v", `\'); DROP TABLE x; --`, int64(1), math.NaN(), int64(253402300799))
	f.Add("SELECT @x-@x, @n/*x*/", "a\x00b\nc\td\re", int64(-1), math.Inf(-1), int64(1e12))
	f.Add("INSERT INTO t SELECT @v, @vs WHERE @n > -@n", "{x:String} @n", int64(7), 1e308, int64(-1))
	f.Add("SELECT 'it\\'s @v', @v", `\`, int64(0), math.Copysign(0, -1), int64(0))
	f.Fuzz(func(t *testing.T, sql, v string, n int64, x float64, sec int64) {
		_, names, ok := sqlShape(sql)
		if !ok || len(names) == 0 {
			return
		}
		at := time.Unix(sec%(400*365*86400), 0)
		values := Args{"v": v, "n": n, "x": x, "vs": []string{v, v + "'"}, "t": at, "d": Date(at)}
		harmless := Args{"v": "v", "n": int64(1), "x": 1.0, "vs": []string{"a", "b"}, "t": time.Unix(0, 0), "d": Date(time.Unix(0, 0))}
		args, safe := Args{}, Args{}
		for _, name := range names {
			if _, known := values[name]; !known {
				return
			}
			args[name], safe[name] = values[name], harmless[name]
		}
		out, err := bind(sql, args)
		want, werr := bind(sql, safe)
		if (err == nil) != (werr == nil) {
			t.Fatalf("bind(%q): error %v with the values, %v with harmless ones", sql, err, werr)
		}
		if err != nil {
			return
		}
		got, _, _ := sqlShape(out)
		exp, _, _ := sqlShape(want)
		if !slices.Equal(got, exp) {
			t.Fatalf("bind(%q) with %+v = %q: quoted tokens and comments %q, want %q (as %q)", sql, args, out, got, exp, want)
		}
		lit, err := bind("SELECT @v", Args{"v": v})
		if err != nil {
			t.Fatal(err)
		}
		if back, ok := unquote(strings.TrimPrefix(lit, "SELECT ")); !ok || back != v {
			t.Fatalf("%q bound as %q reads back as %q", v, lit, back)
		}
	})
}
