package store

import (
	"strings"
	"testing"
	"time"
)

func TestBind(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))
	cases := []struct {
		name, sql string
		args      Args
		want      string
	}{
		{"string", "SELECT @s", Args{"s": "a'b"}, `SELECT 'a\'b'`},
		{"backslash before quote", "SELECT @s", Args{"s": `\'); DROP TABLE x; --`}, `SELECT '\\\'); DROP TABLE x; --'`},
		{"control characters", "SELECT @s", Args{"s": "a\tb\nc\x00"}, `SELECT 'a\tb\nc\0'`},
		{"same name twice", "SELECT @n + @n", Args{"n": 2}, "SELECT 2 + 2"},
		{"negative number is parenthesised", "SELECT 1-@f", Args{"f": -1.5}, "SELECT 1-(-1.5)"},
		{"time in UTC", "SELECT @t", Args{"t": at}, "SELECT toDateTime('2026-01-02 02:04:05', 'UTC')"},
		{"date", "SELECT @d", Args{"d": Date(at)}, "SELECT toDate('2026-01-02')"},
		{"slice", "SELECT @ids", Args{"ids": []string{"a", "b'"}}, `SELECT ['a', 'b\'']`},
		{"nil pointer", "SELECT @p", Args{"p": (*int)(nil)}, "SELECT NULL"},
		{"bool", "SELECT @b", Args{"b": true}, "SELECT 1"},
		{"@ in a literal is not a parameter", "SELECT '@x', @y", Args{"y": 1}, "SELECT '@x', 1"},
		{"@ in a comment is not a parameter", "SELECT 1 -- @x\n, @y /* @z */", Args{"y": 2}, "SELECT 1 -- @x\n, 2 /* @z */"},
		{"@ in a quoted identifier is not a parameter", "SELECT `@x`, \"@w\"", nil, "SELECT `@x`, \"@w\""},
		{"escaped quote inside a literal", `SELECT 'it\'s @x', @y`, Args{"y": 3}, `SELECT 'it\'s @x', 3`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := bind(c.sql, c.args)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("bind(%q) = %q, want %q", c.sql, got, c.want)
			}
		})
	}
}

func TestBindErrors(t *testing.T) {
	cases := []struct {
		sql  string
		args Args
		want string
	}{
		{"SELECT @missing", nil, "@missing has no value"},
		{"SELECT 1", Args{"extra": 1}, "no parameter @extra"},
		{"SELECT @v", Args{"v": struct{}{}}, "cannot be bound"},
		{"SELECT 1 /* open", nil, "unterminated"},
	}
	for _, c := range cases {
		if _, err := bind(c.sql, c.args); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("bind(%q) error = %v, want it to mention %q", c.sql, err, c.want)
		}
	}
}

func FuzzQuoteString(f *testing.F) {
	for _, s := range []string{"", "a'b", `\`, `\'`, "\x00\n\t\r", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := quoteString(s)
		// The literal must end exactly at its last byte: no unescaped quote inside.
		if end := skipQuoted(q, 0); end != len(q) {
			t.Fatalf("quoteString(%q) = %q ends early at %d", s, q, end)
		}
		if strings.ContainsAny(q[1:len(q)-1], "\n\r\x00") {
			t.Fatalf("quoteString(%q) = %q keeps a raw control character", s, q)
		}
	})
}
