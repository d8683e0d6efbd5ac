package ingest

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"
)

// drain reads every record of src and checks what any source promises:
// no panic, line numbers that never go back, and row errors that say where.
func drain(t *testing.T, src source) {
	last := 0
	for i := 0; i < 100_000; i++ {
		_, line, err := src.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		var rowErr *RowError
		if errors.As(err, &rowErr) && (rowErr.Line < 1 || rowErr.Reason == "") {
			t.Fatalf("row error without a place or reason: %+v", rowErr)
		}
		if err != nil && !errors.As(err, &rowErr) {
			return // an I/O error ends the file; the caller reports it
		}
		if line < last {
			t.Fatalf("line went back from %d to %d", last, line)
		}
		last = line
	}
}

func FuzzGenericCSV(f *testing.F) {
	f.Add([]byte("day,account_id,user_id,workload,activity_count\n2026-01-01,A,u,Teams,3\n"))
	f.Add([]byte("\xef\xbb\xbfaccount_id;name\nA;\"multi\nline\"\nB;\"broken\n"))
	f.Add([]byte("account_id,ticket_id,created_at\n\"A\",1,\"2026\"\"x\n"))
	f.Add([]byte("account_id,name\nZ\xfcrich,caf\xe9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		br, _, err := textReader(bytes.NewReader(data), "auto")
		if err != nil {
			return
		}
		src, err := openGenericCSV(br, Options{})
		if err != nil {
			return
		}
		drain(t, src)
	})
}

func FuzzGenericJSONL(f *testing.F) {
	f.Add([]byte(`{"account_id":"A","name":"x"}` + "\n" + `{"account_id":"B","name":1.5e3,"x":[1,{"y":null}]}` + "\n"))
	f.Add([]byte(`{"day":"2026-01-01","account_id":"A","user_id":"u","workload":"Teams"}` + "\n{\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		br, _, err := textReader(bytes.NewReader(data), "auto")
		if err != nil || !looksLikeJSONLines(data) {
			return
		}
		src, err := openGenericJSONL(br, Options{})
		if err != nil {
			return
		}
		drain(t, src)
	})
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-02-29", "2024-02-29", "31-12-2026 23:59", "12/31/2026", "1772550000", "2026-03-01T10:00:00+02:00", "0000-00-00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dateOnly := range []bool{true, false} {
			layouts := dateTimeLayouts
			if dateOnly {
				layouts = dateLayouts
			}
			v, err := parseTime(s, layouts, time.UTC, dateOnly)
			if err != nil {
				continue
			}
			tm := v.(time.Time)
			if tm.Location() != time.UTC {
				t.Fatalf("parseTime(%q) = %v, not in UTC", s, tm)
			}
			if dateOnly && (tm.Hour() != 0 || tm.Minute() != 0 || tm.Second() != 0) {
				t.Fatalf("parseTime(%q) as a date = %v, not midnight", s, tm)
			}
		}
	})
}
