package ingest

import (
	"bufio"
	"errors"
	"io"
	"sort"
	"strings"
	"time"
)

// ServiceNow's incident table export (CSV with field names as headers, as
// from incident_list.do?CSV or a report), read by name in any order:
//
//	number                          → ticket_id (required)
//	opened_at                       → created_at (required)
//	sys_updated_on                  → updated_at; without it the latest of
//	                                  opened_at, resolved_at and closed_at
//	company                         → account_id (--account when empty)
//	incident_state (or state)       → status (serviceNowState)
//	priority                        → priority (serviceNowPriority: 1 urgent … 5 low)
//	category, else subcategory,
//	else u_symptom                  → category (inquiry → howto, hardware →
//	                                  performance, network via the batch, others inferred)
//	short_description, description  → subject, body
//	resolved_at − opened_at         → resolution_minutes (closed_at when not resolved)
//	contact_type                    → channel (self-service → portal)
//	u_vendor_ticket (not empty), u_escalated_to_vendor or
//	u_vendor_escalation (yes)       → escalated_to_vendor
//
// impact, urgency, caller_id, assignment_group, reassignment_count,
// reopen_count, made_sla and other columns are reported as ignored. The
// incident table has no first-response time.
//
// Event-log exports repeat an incident's row at each state change. Only its
// latest state is returned: the row with the later sys_updated_on when both
// rows have one, otherwise the row further down the file, since such logs
// list changes in order. opened/resolved/closed cannot order the rows: a
// reopened incident's last row can carry an earlier resolved_at, or none.
// The rows set aside are counted by Superseded. All rows are read before
// the first is returned, so memory grows with the number of incidents.

// serviceNowColumns are the normalised names read, for the ignored-column report.
func serviceNowColumns() []string {
	return []string{"number", "opened_at", "resolved_at", "closed_at", "sys_updated_on", "company", "incident_state", "state",
		"priority", "category", "subcategory", "u_symptom", "short_description", "description", "contact_type",
		"u_vendor_ticket", "u_escalated_to_vendor", "u_vendor_escalation"}
}

func detectServiceNowCSV(head []byte) bool {
	names := csvHeaderNames(head)
	return names["number"] && names["opened_at"] && (names["incident_state"] || names["short_description"])
}

// supersededCounter is a source that folds several records of a file into
// one (ServiceNow event logs). The records it set aside were read but not
// returned by Next; the Loader can count them as read and as duplicates.
type supersededCounter interface {
	Superseded() int64
}

var _ supersededCounter = (*serviceNowCSV)(nil)

type serviceNowCSV struct {
	table       *csvTable
	entity      Entity
	cols        []string
	ticketClock ticketClock
	opt         Options
	collected   bool
	pending     []serviceNowRow // latest state per incident, in line order
	superseded  int64
	values      []string
}

// serviceNowRow is one buffered record, or a record that could not be read.
type serviceNowRow struct {
	rec  []string
	line int
	err  error
}

func openServiceNowCSV(br *bufio.Reader, opt Options) (source, error) {
	e, err := ticketsOnly("servicenow-csv", opt)
	if err != nil {
		return nil, err
	}
	t, err := openCSVTable(br, "servicenow-csv", "number", "opened_at")
	if err != nil {
		return nil, err
	}
	return &serviceNowCSV{table: t, entity: e, cols: t.columns(e, serviceNowColumns()), ticketClock: newTicketClock(opt), opt: opt,
		values: make([]string, len(ticketColumns()))}, nil
}

func (s *serviceNowCSV) Entity() Entity    { return s.entity }
func (s *serviceNowCSV) Columns() []string { return s.cols }

// Superseded is the number of rows replaced by a later state of the same
// incident. It is final once Next has returned io.EOF.
func (s *serviceNowCSV) Superseded() int64 { return s.superseded }

func (s *serviceNowCSV) Next() ([]string, int, error) {
	if !s.collected {
		if err := s.collect(); err != nil {
			return nil, 0, err
		}
		s.collected = true
	}
	if len(s.pending) == 0 {
		return nil, 0, io.EOF
	}
	r := s.pending[0]
	s.pending = s.pending[1:]
	if r.err != nil {
		return nil, r.line, r.err
	}
	tk, ferr := serviceNowTicket(s.table, r.rec, s.ticketClock, s.opt)
	if ferr != nil {
		return nil, r.line, rowError(r.line, ferr, joinCSV(r.rec))
	}
	tk.fill(s.values)
	return s.values, r.line, nil
}

// collect reads the whole file, keeping the latest row of each incident.
// Rows without a number are kept as they are, for the batch to report.
func (s *serviceNowCSV) collect() error {
	at := map[string]int{} // incident number → index in pending
	for {
		rec, line, err := s.table.read()
		if errors.Is(err, io.EOF) {
			break
		}
		var rowErr *RowError
		if err != nil && !errors.As(err, &rowErr) {
			return err
		}
		row := serviceNowRow{rec: append([]string(nil), rec...), line: line, err: err}
		number := s.table.get(rec, "number")
		i, seen := at[number]
		switch {
		case err != nil || number == "" || !seen:
			if err == nil && number != "" {
				at[number] = len(s.pending)
			}
			s.pending = append(s.pending, row)
		default:
			s.superseded++
			if s.isLater(row, s.pending[i]) {
				s.pending[i] = row
			}
		}
	}
	sort.SliceStable(s.pending, func(a, b int) bool { return s.pending[a].line < s.pending[b].line })
	return nil
}

// isLater reports whether row, found further down the file, is a later state
// than kept: by sys_updated_on when both have a readable one, else by position.
func (s *serviceNowCSV) isLater(row, kept serviceNowRow) bool {
	a, aok, _ := s.ticketClock.parse("sys_updated_on", s.table.get(row.rec, "sys_updated_on"))
	b, bok, _ := s.ticketClock.parse("sys_updated_on", s.table.get(kept.rec, "sys_updated_on"))
	if aok && bok && !a.Equal(b) {
		return a.After(b)
	}
	return true
}

// serviceNowTicket translates one incident row.
func serviceNowTicket(t *csvTable, rec []string, c ticketClock, opt Options) (ticket, *fieldError) {
	tk := ticket{
		account:   accountOr(t.get(rec, "company"), opt),
		id:        t.get(rec, "number"),
		created:   t.get(rec, "opened_at"),
		updated:   t.get(rec, "sys_updated_on"),
		channel:   channelName(t.get(rec, "contact_type")),
		priority:  serviceNowPriority(t.get(rec, "priority")),
		status:    serviceNowState(t.get(rec, "incident_state", "state")),
		category:  vendorCategory(firstFilled(t.get(rec, "category"), t.get(rec, "subcategory"), t.get(rec, "u_symptom"))),
		subject:   t.get(rec, "short_description"),
		body:      t.get(rec, "description"),
		escalated: t.get(rec, "u_vendor_ticket") != "" || serviceNowYes(t.get(rec, "u_escalated_to_vendor", "u_vendor_escalation")),
	}
	endCol, end := "resolved_at", t.get(rec, "resolved_at")
	if end == "" {
		endCol, end = "closed_at", t.get(rec, "closed_at")
	}
	var ferr *fieldError
	if tk.resolution, ferr = c.minutesBetween("opened_at", tk.created, endCol, end); ferr != nil {
		return tk, ferr
	}
	if tk.updated == "" {
		tk.updated, ferr = latestTime(c, t, rec, "opened_at", "resolved_at", "closed_at")
	}
	return tk, ferr
}

// latestTime is the latest of the named time columns, as RFC 3339, or ""
// when the first (the ticket's own created time, reported by the batch)
// cannot be read.
func latestTime(c ticketClock, t *csvTable, rec []string, columns ...string) (string, *fieldError) {
	var latest time.Time
	for i, col := range columns {
		v, ok, ferr := c.parse(col, t.get(rec, col))
		if ferr != nil {
			if i == 0 {
				return "", nil
			}
			return "", ferr
		}
		if ok && v.After(latest) {
			latest = v
		}
	}
	if latest.IsZero() {
		return "", nil
	}
	return latest.Format(time.RFC3339), nil
}

func firstFilled(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// serviceNowYes reads ServiceNow's true/false (and yes/no, 1/0) flags.
func serviceNowYes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1":
		return true
	}
	return false
}

// countSuperseded adds the records src folded into later ones (none for
// most sources) to res, as read and as duplicates, so that
// Read = Loaded + Quarantined + Duplicates still holds. The Loader calls it
// once src has returned io.EOF.
func countSuperseded(src source, res *Result) {
	if s, ok := src.(supersededCounter); ok {
		res.Read += s.Superseded()
		res.Duplicates += s.Superseded()
	}
}
