package ingest

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// m365CountsSource reads an aggregate report. One CSV row holds a day's (or
// the period's) totals for several workloads and measures, so it yields one
// m365_counts record per non-empty number; they wait in pending so that Next
// returns one at a time, each with the row's line.
//
// As for the per-user reports, read = records emitted + rows quarantined: an
// empty number yields no record and is not counted, and a row that cannot be
// read is quarantined whole, so a day is never half loaded.
type m365CountsSource struct {
	rows    *m365Source // only its row reading: width checks, blank rows, CSV errors
	report  string
	day     m365Field
	period  int // field index of Report Period, or -1
	cells   []m365CountField
	account string
	pending [][]string
	line    int
}

type m365CountField struct {
	m365CountCell
	index int
}

func openM365CountsSource(br *bufio.Reader, opt Options, rep m365Report, spec m365CountsSpec) (source, error) {
	r, names, h, err := readM365Header(br, rep)
	if err != nil {
		return nil, err
	}
	s := &m365CountsSource{rows: &m365Source{r: r, report: rep.graph, width: len(names)}, report: spec.report, day: m365Field{index: -1}, period: -1}
	for _, d := range spec.days {
		if i, ok := h[m365Key(d)]; ok {
			s.day = m365Field{name: d, index: i}
			break
		}
	}
	if s.day.index < 0 {
		return nil, fmt.Errorf("line 1: the header lacks %s, which the %s report has", quoteAll(spec.days), rep.graph)
	}
	if i, ok := h[m365Key(m365ReportPeriod)]; ok {
		s.period = i
	}
	for _, c := range spec.cells { // retired services (Skype, Yammer) may be missing
		if i, ok := h[m365Key(c.column)]; ok {
			s.cells = append(s.cells, m365CountField{m365CountCell: c, index: i})
		}
	}
	if s.account, err = m365Account(opt); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *m365CountsSource) Entity() Entity {
	e, _ := EntityByName("m365_counts")
	return e
}

// Columns are the m365_counts columns, in the order of the records Next returns.
func (s *m365CountsSource) Columns() []string {
	return []string{"account_id", "report", "day", "workload", "measure", "value", "report_period"}
}

func (s *m365CountsSource) Next() ([]string, int, error) {
	for len(s.pending) == 0 {
		fields, line, err := s.rows.readRow()
		if err != nil {
			return nil, line, err
		}
		recs, rowErr := s.records(fields, line)
		if rowErr != nil {
			rowErr.Raw = s.rows.raw(fields)
			return nil, line, rowErr
		}
		s.pending, s.line = recs, line
	}
	rec := s.pending[0]
	s.pending = s.pending[1:]
	return rec, s.line, nil
}

// records turns one row (as wide as the header) into m365_counts records.
func (s *m365CountsSource) records(row []string, line int) ([][]string, *RowError) {
	var out [][]string
	for _, c := range s.cells {
		raw := strings.TrimSpace(row[c.index])
		if raw == "" { // no figure for this workload: nothing to record, nothing wrong
			continue
		}
		n, err := m365Count(raw)
		if err != nil {
			return nil, &RowError{Line: line, Column: c.column, Reason: fmt.Sprintf("%q is not a whole number", raw)}
		}
		out = append(out, []string{s.account, s.report, "", c.workload, c.measure, strconv.FormatUint(n, 10), ""})
	}
	if len(out) == 0 {
		return nil, nil
	}
	rawDay := strings.TrimSpace(row[s.day.index])
	if rawDay == "" {
		return nil, &RowError{Line: line, Column: s.day.name, Reason: "is empty, but every count needs its day"}
	}
	day, err := m365Day(rawDay)
	if err != nil {
		return nil, &RowError{Line: line, Column: s.day.name, Reason: err.Error()}
	}
	period := ""
	if s.period >= 0 {
		period = strings.TrimSpace(row[s.period])
	}
	for _, rec := range out {
		rec[2], rec[6] = day, period
	}
	return out, nil
}
