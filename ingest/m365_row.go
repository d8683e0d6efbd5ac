package ingest

import (
	"strconv"
	"strings"
)

// m365Fields are a per-user report's columns, resolved to field indexes once
// when the file is opened.
type m365Fields struct {
	upn        int
	activities []m365Field // last-activity dates, one per workload the header has
	counts     []m365Field // summed into activity_count
}

type m365Field struct {
	name     string // Microsoft's column name, for quarantine reasons
	index    int
	workload string // for activity dates
}

func resolveM365Fields(h m365Header, d *m365Detail) m365Fields {
	f := m365Fields{upn: h[m365Key(m365UPN)]}
	for _, a := range d.activities {
		if i, ok := h[m365Key(a.date)]; ok {
			f.activities = append(f.activities, m365Field{name: a.date, index: i, workload: a.workload})
		}
	}
	for _, c := range d.counts {
		if i, ok := h[m365Key(c)]; ok {
			f.counts = append(f.counts, m365Field{name: c, index: i})
		}
	}
	return f
}

// records turns one row (as wide as the header) into usage records in the
// order of m365Source.Columns. A row it cannot read is refused whole, so a
// user is never half loaded.
func (f m365Fields) records(row []string, line int, account string) ([][]string, *RowError) {
	upn := strings.TrimSpace(row[f.upn])
	if upn == "" {
		return nil, &RowError{Line: line, Column: m365UPN, Reason: "is empty, but every usage row needs the user"}
	}
	var out [][]string
	for _, a := range f.activities {
		raw := strings.TrimSpace(row[a.index])
		if raw == "" { // no activity in the report period: nothing to record, nothing wrong
			continue
		}
		day, err := m365Day(raw)
		if err != nil {
			return nil, &RowError{Line: line, Column: a.name, Reason: err.Error()}
		}
		// The user principal name is kept exactly as written (it may be a
		// concealed hash), so snapshots of the same day meet on the same key.
		out = append(out, []string{day, account, upn, a.workload, ""})
	}
	if len(out) == 0 {
		return nil, nil
	}
	n, rowErr := f.activityCount(row, line)
	if rowErr != nil {
		return nil, rowErr
	}
	for _, rec := range out {
		rec[4] = n
	}
	return out, nil
}

// activityCount sums the report's count columns. The counts cover the whole
// report period, not only the last activity day they are filed under; the
// newest snapshot of a day replaces older ones, as the table's key says. A
// last-activity date is itself an intentional activity (Teams users whose
// only activity is "Has Other Action" have all counts at 0), so the result
// is at least 1.
func (f m365Fields) activityCount(row []string, line int) (string, *RowError) {
	var sum uint64
	for _, c := range f.counts {
		n, err := m365Count(row[c.index])
		if err != nil {
			return "", &RowError{Line: line, Column: c.name, Reason: err.Error()}
		}
		sum += n
	}
	return strconv.FormatUint(max(sum, 1), 10), nil
}
