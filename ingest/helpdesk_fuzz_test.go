package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzHelpDeskSources feeds damaged exports to every help-desk format: none
// may panic or loop, and every record ends as values, a *RowError with a
// line, or an error that stops the file.
func FuzzHelpDeskSources(f *testing.F) {
	entries, err := os.ReadDir(helpDeskDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		content, err := os.ReadFile(filepath.Join(helpDeskDir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(content)
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		for _, fm := range helpDeskFormats() {
			fm.detect(content)
			src, err := fm.open(bufio.NewReader(bytes.NewReader(content)), Options{})
			if err != nil {
				continue
			}
			for n := 0; ; n++ {
				if n > len(content)+1 {
					t.Fatalf("%s returned more records than the input has bytes", fm.name)
				}
				values, line, err := src.Next()
				var rowErr *RowError
				if errors.Is(err, io.EOF) || (err != nil && !errors.As(err, &rowErr)) {
					break
				}
				if err == nil && len(values) < len(ticketColumns()) {
					t.Fatalf("%s: %d values at line %d", fm.name, len(values), line)
				}
				if rowErr != nil && rowErr.Line <= 0 {
					t.Fatalf("%s: row error without a line: %v", fm.name, rowErr)
				}
			}
		}
	})
}
