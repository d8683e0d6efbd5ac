package courses

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads a catalogue written as CSV: a header of field names, then
// one course per record, topics separated by semicolons.
func readCSV(r io.Reader, errs *collector) []rawCourse {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, to say which line is short
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			errs.add(&FieldError{Msg: "the file is empty; the first line must name the fields, e.g. id,title,workload,level,…"})
		} else {
			errs.add(csvSyntaxError(err))
		}
		return nil
	}
	cols, ok := csvHeader(header, errs)
	if !ok {
		return nil
	}
	var out []rawCourse
	for !errs.full() {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs.add(csvSyntaxError(err))
			break // a broken quote leaves the rest of the file unreliable
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(cols) {
			errs.add(&FieldError{Line: line, Msg: fmt.Sprintf(
				"has %d fields but the header has %d; quote values that contain commas", len(rec), len(cols))})
			continue
		}
		rc := rawCourse{line: line, col: 1, fields: make(map[string]rawValue, len(cols))}
		for i, f := range cols {
			l, c := cr.FieldPos(i)
			rc.fields[f] = rawValue{text: rec[i], line: l, col: c}
		}
		out = append(out, rc)
	}
	return out
}

// csvSyntaxError locates encoding/csv's errors.
func csvSyntaxError(err error) *FieldError {
	fe := &FieldError{Msg: fmt.Sprintf("not valid CSV (%v); check the quotes on that line", err)}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		fe.Line, fe.Column = pe.Line, pe.Column
		fe.Msg = fmt.Sprintf("not valid CSV (%v); check the quotes on that line", pe.Err)
	}
	return fe
}

// csvHeader maps header cells to field names; ok is false when the header
// has problems, since every record would then repeat them.
func csvHeader(header []string, errs *collector) ([]string, bool) {
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if len(header) == 1 && strings.Contains(header[0], ";") {
		errs.add(&FieldError{Line: 1, Column: 1, Msg: "the header is separated by semicolons; " +
			"save the file as comma-separated CSV (semicolons are for separating topics inside a field)"})
		return nil, false
	}
	before := len(errs.errs)
	cols := make([]string, len(header))
	seen := map[string]int{}
	for i, h := range header {
		f := canonicalField(h)
		switch {
		case f == "":
			errs.add(&FieldError{Line: 1, Column: i + 1, Field: h, Msg: fmt.Sprintf(
				"unknown column %q; known columns are %s", h, strings.Join(fieldNames, ", "))})
		case seen[f] > 0:
			errs.add(&FieldError{Line: 1, Column: i + 1, Field: f, Msg: fmt.Sprintf(
				"column %s appears twice (also column %d); keep one", f, seen[f])})
		}
		seen[f] = i + 1
		cols[i] = f
	}
	for _, f := range requiredFields {
		if seen[f] == 0 {
			errs.add(&FieldError{Line: 1, Field: f, Msg: fmt.Sprintf("column %s is missing; add it to the header", f)})
		}
	}
	return cols, len(errs.errs) == before
}
