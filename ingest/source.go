package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// source reads the records of one file, already in our column names (see
// entities.go). Each supported export format provides one.
type source interface {
	// Entity is the kind of data the file holds.
	Entity() Entity
	// Columns are our column names, in the order Next returns values. Names
	// the entity does not accept are reported as ignored and not loaded.
	Columns() []string
	// Next returns the next record and the line it starts on. It returns
	// io.EOF at the end, a *RowError for a record that cannot be read (it is
	// quarantined and reading goes on), and any other error to stop the file.
	Next() (values []string, line int, err error)
}

// RowError is a record a source could not read.
type RowError struct {
	Line   int
	Column string
	Reason string
	Raw    string
}

func (e *RowError) Error() string {
	return Problem{Line: e.Line, Column: e.Column, Reason: e.Reason}.String()
}

// format is one supported input format.
type format struct {
	name string // shown to users, stored in the ledger and in each row's source column
	// detect recognises the format from the start of the (decoded) text.
	detect func(head []byte) bool
	open   func(br *bufio.Reader, opt Options) (source, error)
}

// formats are tried in order: specific vendor formats before the generic ones.
func formats() []format {
	all := append(microsoft365Formats(), helpDeskFormats()...)
	return append(all,
		format{name: "generic-jsonl", detect: looksLikeJSONLines, open: openGenericJSONL},
		format{name: "generic-csv", detect: func([]byte) bool { return true }, open: openGenericCSV},
	)
}

// FormatNames lists the formats --format accepts.
func FormatNames() []string {
	var names []string
	for _, f := range formats() {
		names = append(names, f.name)
	}
	sort.Strings(names)
	return names
}

// chooseFormat picks --format when given, else the first format that recognises the text.
func chooseFormat(br *bufio.Reader, name string) (format, error) {
	all := formats()
	if name != "" && name != "auto" {
		for _, f := range all {
			if f.name == name {
				return f, nil
			}
		}
		return format{}, fmt.Errorf("unknown format %q; use one of %s", name, strings.Join(FormatNames(), ", "))
	}
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return format{}, err
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return format{}, errors.New("the file is empty")
	}
	for _, f := range all {
		if f.detect(head) {
			return f, nil
		}
	}
	return format{}, errors.New("the file's format is not recognised")
}

// mappedHeader normalises header names and applies --map.
func mappedHeader(header []string, mapping map[string]string) []string {
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = normalizeHeader(h)
		if ours, ok := mapping[cols[i]]; ok {
			cols[i] = ours
		}
	}
	return cols
}
