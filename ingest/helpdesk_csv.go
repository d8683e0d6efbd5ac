package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
)

// csvTable reads a vendor CSV export by column name, in any column order.
type csvTable struct {
	r      *csv.Reader
	header []string       // as in the file, trimmed
	index  map[string]int // normalised name (normalizeHeader) → field
}

// openCSVTable reads the header and checks the columns the format cannot do without.
func openCSVTable(br *bufio.Reader, formatName string, required ...string) (*csvTable, error) {
	r := newCSVReader(br)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: cannot read the header: %w", err)
	}
	t := &csvTable{r: r, index: map[string]int{}}
	for i, h := range header {
		h = strings.TrimSpace(h)
		t.header = append(t.header, h)
		if name := normalizeHeader(h); !t.has(name) {
			t.index[name] = i // the first of repeated names wins
		}
	}
	for _, c := range required {
		if !t.has(c) {
			return nil, fmt.Errorf("the header has no %q column, which %s files always have", c, formatName)
		}
	}
	return t, nil
}

func (t *csvTable) has(name string) bool {
	_, ok := t.index[name]
	return ok
}

// read returns the next record (reused by the next call) and its line; a
// record with broken quoting is a *RowError.
func (t *csvTable) read() ([]string, int, error) {
	return readCSVRecord(t.r)
}

// get returns the first of names the header has, trimmed; "" when none.
func (t *csvTable) get(rec []string, names ...string) string {
	for _, name := range names {
		if i, ok := t.index[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
	}
	return ""
}

// columns are ticketColumns followed by the file's columns the format does
// not read (used lists the normalised names it does), so the batch reports
// them as ignored. Names our entity would accept are left out: listing them
// would make the batch load an empty column.
func (t *csvTable) columns(e Entity, used []string) []string {
	cols := ticketColumns()
	for _, h := range t.header {
		if !contains(used, normalizeHeader(h)) && !e.accepts(h) && !contains(cols, h) {
			cols = append(cols, h)
		}
	}
	return cols
}

// csvHeaderNames are the normalised names of the first line of head.
func csvHeaderNames(head []byte) map[string]bool {
	header, err := newCSVReader(bufio.NewReader(bytes.NewReader(head))).Read()
	if err != nil {
		return nil
	}
	names := map[string]bool{}
	for _, h := range header {
		names[normalizeHeader(h)] = true
	}
	return names
}

// joinCSV is a record's raw text for the quarantine table.
func joinCSV(rec []string) string { return strings.Join(rec, ",") }
