package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzM365Detail feeds any text to every Microsoft 365 format: no panic,
// lines that never go back, row errors that say where and why, and records
// as wide as the columns.
func FuzzM365Detail(f *testing.F) {
	for name := range m365Fixtures() {
		if data, err := os.ReadFile(filepath.Join("testdata", "m365", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("User Principal Name,Last Activity Date,Send Count,Receive Count,Read Count\nu,2026-05-01,1,2\n\"u\",\"2026-05-0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fm := range microsoft365Formats() {
			br, _, err := textReader(bytes.NewReader(data), "auto")
			if err != nil {
				return
			}
			src, err := fm.open(br, Options{Account: "acme"})
			if err != nil {
				continue
			}
			drainM365(t, src)
		}
	})
}

func drainM365(t *testing.T, src source) {
	last := 0
	for i := 0; i < 100_000; i++ {
		rec, line, err := src.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		var rowErr *RowError
		switch {
		case errors.As(err, &rowErr):
			if rowErr.Line < 1 || rowErr.Reason == "" {
				t.Fatalf("row error without a place or reason: %+v", rowErr)
			}
			line = rowErr.Line
		case err != nil:
			return
		case len(rec) != len(src.Columns()):
			t.Fatalf("line %d: record %q for columns %q", line, rec, src.Columns())
		}
		if line < last {
			t.Fatalf("line went back from %d to %d", last, line)
		}
		last = line
	}
}
