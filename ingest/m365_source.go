package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// m365Source reads a per-user report. One CSV row holds a user's last
// activity date in one or more workloads, so it yields one usage record per
// workload with a date; they wait in pending so that Next returns one at a
// time, each with the row's line.
//
// What "read" counts for these reports: the loader counts one read per Next,
// so read = usage records emitted + rows quarantined, and --max-bad weighs
// quarantined rows against that sum. A user with no activity
// date in any workload yields no record (the report lists every licensed
// user, active or not) and is not counted; neither are blank rows.
type m365Source struct {
	r       *csv.Reader
	report  string // the Graph name, for messages
	cols    m365Fields
	width   int // fields in the header
	account string
	pending [][]string
	line    int
}

func openM365Source(br *bufio.Reader, opt Options, rep m365Report) (source, error) {
	r, names, h, err := readM365Header(br, rep)
	if err != nil {
		return nil, err
	}
	account, err := m365Account(opt)
	if err != nil {
		return nil, err
	}
	return &m365Source{r: r, report: rep.graph, cols: resolveM365Fields(h, rep.detail), width: len(names), account: account}, nil
}

func (s *m365Source) Entity() Entity {
	e, _ := EntityByName("usage")
	return e
}

// Columns are the usage columns every per-user report yields, in the order
// of the records m365Fields.records builds.
func (s *m365Source) Columns() []string {
	return []string{"day", "account_id", "user_id", "workload", "activity_count"}
}

func (s *m365Source) Next() ([]string, int, error) {
	for len(s.pending) == 0 {
		fields, line, err := s.readRow()
		if err != nil {
			return nil, line, err
		}
		recs, rowErr := s.cols.records(fields, line, s.account)
		if rowErr != nil {
			rowErr.Raw = s.raw(fields)
			return nil, line, rowErr
		}
		s.pending, s.line = recs, line
	}
	rec := s.pending[0]
	s.pending = s.pending[1:]
	return rec, s.line, nil
}

// readRow returns the next non-blank row whose width matches the header.
func (s *m365Source) readRow() ([]string, int, error) {
	for {
		fields, err := s.r.Read()
		if errors.Is(err, io.EOF) {
			return nil, 0, io.EOF
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return nil, perr.StartLine, &RowError{Line: perr.StartLine, Reason: fmt.Sprintf("the CSV structure is broken here (%v); check the quotes on this line, or whether the file was cut off", perr.Err), Raw: s.raw(fields)}
		}
		if err != nil {
			return nil, 0, err
		}
		line, _ := s.r.FieldPos(0)
		if blank(fields) { // spreadsheet tools pad files with empty rows
			continue
		}
		if rowErr := s.checkWidth(fields, line); rowErr != nil {
			return nil, line, rowErr
		}
		return fields, line, nil
	}
}

// checkWidth refuses rows shorter than the header (the usual sign of a file
// cut off mid-line) and rows with extra non-empty fields (an unquoted comma
// shifts every later column, so no value of the row can be trusted).
func (s *m365Source) checkWidth(fields []string, line int) *RowError {
	switch {
	case len(fields) < s.width:
		return &RowError{Line: line, Reason: fmt.Sprintf("the row has %d of the header's %d columns; the file looks cut off here, download the %s report again", len(fields), s.width, s.report), Raw: s.raw(fields)}
	case len(fields) > s.width && !blank(fields[s.width:]):
		return &RowError{Line: line, Reason: fmt.Sprintf("the row has %d fields but the header %d; a value probably holds an unquoted %q", len(fields), s.width, s.r.Comma), Raw: s.raw(fields)}
	}
	return nil
}

func (s *m365Source) raw(fields []string) string { return strings.Join(fields, string(s.r.Comma)) }

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// readM365Header reads a report's header and checks it has the report's
// distinctive columns; every Microsoft 365 source starts this way.
func readM365Header(br *bufio.Reader, rep m365Report) (*csv.Reader, []string, m365Header, error) {
	r := newCSVReader(br)
	names, err := r.Read()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("line 1: cannot read the header of the %s report: %w", rep.graph, err)
	}
	h := newM365Header(names)
	if miss := h.missing(rep.needs); len(miss) > 0 {
		return nil, nil, nil, fmt.Errorf("line 1: the header lacks %s, which the %s report has; is this the right file for --format %s?", quoteAll(miss), rep.graph, rep.format)
	}
	return r, names, h, nil
}
