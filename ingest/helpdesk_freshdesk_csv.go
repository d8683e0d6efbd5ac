package ingest

import (
	"bufio"
)

// Freshdesk's CSV ticket export (Tickets → Export), read by header name in
// any order, with , or ; and in UTF-8 or Windows-1252 like every CSV. The
// columns read (as Freshdesk labels them; names compare after normalising):
//
//	Ticket ID              → ticket_id (required)
//	Created time           → created_at (required)
//	Last updated time      → updated_at ("Last update time" also accepted)
//	Company                → account_id ("Company Name" also; --account when empty)
//	Subject, Description   → subject, body
//	Status                 → status (Open, Pending, Resolved, Closed, or codes 2–5)
//	Priority               → priority (Low, Medium → normal, High, Urgent, or codes 1–4)
//	Source                 → channel (Email, Portal, Phone, Chat, Feedback Widget,
//	                         Outbound Email…, or codes; see freshdeskSource)
//	Type                   → category, unless a tag names a known one
//	Tags                   → category and escalated_to_vendor (comma-separated)
//	Initial response time  → first_response_minutes (that time − Created time)
//	Resolved time          → resolution_minutes (that time − Created time;
//	                         "Closed time" when Resolved time is empty)
//	Satisfaction rating    → satisfaction (code 103 … -103 or its label; see
//	                         freshdeskSatisfaction)
//
// Other columns (Group, Agent, Requester email, custom fields…) are
// reported as ignored.

// freshdeskCSVColumns are the normalised names read, for the ignored-column report.
func freshdeskCSVColumns() []string {
	return []string{"ticket_id", "created_time", "last_updated_time", "last_update_time", "company", "company_name",
		"subject", "description", "status", "priority", "source", "type", "tags",
		"initial_response_time", "resolved_time", "closed_time", "satisfaction_rating"}
}

// detectFreshdeskCSV needs Freshdesk's own names: "Ticket ID" alone is too
// common, "Created time" (not created_at) is Freshdesk's.
func detectFreshdeskCSV(head []byte) bool {
	names := csvHeaderNames(head)
	return names["ticket_id"] && names["created_time"] && (names["status"] || names["priority"] || names["source"])
}

func openFreshdeskCSV(br *bufio.Reader, opt Options) (source, error) {
	e, err := ticketsOnly("freshdesk-csv", opt)
	if err != nil {
		return nil, err
	}
	t, err := openCSVTable(br, "freshdesk-csv", "ticket_id", "created_time")
	if err != nil {
		return nil, err
	}
	c := newTicketClock(opt)
	return &csvTicketSource{table: t, entity: e, cols: t.columns(e, freshdeskCSVColumns()),
		convert: func(rec []string) (ticket, *fieldError) { return freshdeskCSVTicket(t, rec, c, opt) },
		values:  make([]string, len(ticketColumns()))}, nil
}

// freshdeskCSVTicket translates one row of the export.
func freshdeskCSVTicket(t *csvTable, rec []string, c ticketClock, opt Options) (ticket, *fieldError) {
	tags := jsonStrings(t.get(rec, "tags"))
	tk := ticket{
		account:   accountOr(t.get(rec, "company", "company_name"), opt),
		id:        t.get(rec, "ticket_id"),
		created:   t.get(rec, "created_time"),
		updated:   t.get(rec, "last_updated_time", "last_update_time"),
		channel:   freshdeskSource(t.get(rec, "source")),
		priority:  freshdeskPriority(t.get(rec, "priority")),
		status:    freshdeskStatus(t.get(rec, "status")),
		subject:   t.get(rec, "subject"),
		body:      plainText(t.get(rec, "description")),
		escalated: escalationTag(tags),
	}
	if tk.category = tagCategory(tags); tk.category == "" {
		tk.category = vendorCategory(t.get(rec, "type"))
	}
	var ferr *fieldError
	if tk.firstResponse, ferr = c.minutesBetween("Created time", tk.created, "Initial response time", t.get(rec, "initial_response_time")); ferr != nil {
		return tk, ferr
	}
	endCol, end := "Resolved time", t.get(rec, "resolved_time")
	if end == "" {
		endCol, end = "Closed time", t.get(rec, "closed_time")
	}
	if tk.resolution, ferr = c.minutesBetween("Created time", tk.created, endCol, end); ferr != nil {
		return tk, ferr
	}
	if tk.satisfaction, ferr = freshdeskSatisfaction(t.get(rec, "satisfaction_rating")); ferr != nil {
		ferr.column = "Satisfaction rating"
	}
	return tk, ferr
}

// csvTicketSource turns the rows of a vendor CSV export into ticket rows.
type csvTicketSource struct {
	table   *csvTable
	entity  Entity
	cols    []string
	convert func(rec []string) (ticket, *fieldError)
	values  []string
}

func (s *csvTicketSource) Entity() Entity    { return s.entity }
func (s *csvTicketSource) Columns() []string { return s.cols }

func (s *csvTicketSource) Next() ([]string, int, error) {
	rec, line, err := s.table.read()
	if err != nil {
		return nil, line, err
	}
	tk, ferr := s.convert(rec)
	if ferr != nil {
		return nil, line, rowError(line, ferr, joinCSV(rec))
	}
	tk.fill(s.values)
	return s.values, line, nil
}
