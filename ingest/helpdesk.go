package ingest

import (
	"fmt"
	"strings"
)

// helpDeskFormats are the help-desk ticket exports (Zendesk, Freshdesk,
// ServiceNow), tried before the generic ones. Each detection needs names
// only its vendor uses (JSON keys, CSV headers), so the order among them
// does not matter, and a file in our generic columns is left to the generic
// formats. --map does not apply: these formats know their columns.
func helpDeskFormats() []format {
	return []format{
		{name: "zendesk-json", detect: detectZendeskJSON, open: openZendeskJSON},
		{name: "zendesk-jsonl", detect: detectZendeskJSONL, open: openZendeskJSONL},
		{name: "freshdesk-json", detect: detectFreshdeskJSON, open: openFreshdeskJSON},
		{name: "freshdesk-csv", detect: detectFreshdeskCSV, open: openFreshdeskCSV},
		{name: "servicenow-csv", detect: detectServiceNowCSV, open: openServiceNowCSV},
	}
}

// ticket is one help-desk record in our terms, as text: the batch converts
// each field by its column type, so the vendor readers only translate.
type ticket struct {
	account, id, created, updated           string
	channel, category, priority, status     string
	subject, body                           string
	firstResponse, resolution, satisfaction string
	escalated                               bool
}

// ticketColumns are the columns every help-desk source returns, in the order
// of ticket.fill. Language is left out on purpose: the batch detects it
// from the text, which is more reliable than a requester's locale.
func ticketColumns() []string {
	return []string{"account_id", "ticket_id", "created_at", "updated_at", "channel", "category", "priority", "status",
		"subject", "body", "first_response_minutes", "resolution_minutes", "satisfaction", "escalated_to_vendor"}
}

// fill writes t into dst (len(ticketColumns()) or more) in column order.
func (t *ticket) fill(dst []string) {
	escalated := "0"
	if t.escalated {
		escalated = "1"
	}
	copy(dst, []string{t.account, t.id, t.created, t.updated, t.channel, t.category, t.priority, t.status,
		t.subject, t.body, t.firstResponse, t.resolution, t.satisfaction, escalated})
}

// ticketsOnly refuses --entity values other than tickets: a help-desk export
// holds nothing else, and silently loading it as another kind would mislead.
func ticketsOnly(formatName string, opt Options) (Entity, error) {
	e, err := EntityByName("tickets")
	if err != nil {
		return Entity{}, err
	}
	if opt.Entity != "" && opt.Entity != e.Name {
		return Entity{}, fmt.Errorf("%s files hold tickets; --entity %s does not apply to them", formatName, opt.Entity)
	}
	return e, nil
}

// accountOr is the export's account, or --account for tickets that name no
// organisation or company (common for tickets from individual requesters).
func accountOr(account string, opt Options) string {
	if strings.TrimSpace(account) == "" {
		return opt.Account
	}
	return account
}

// fieldError is a field a vendor reader could not translate; the source
// turns it into a *RowError with the record's line and raw text.
type fieldError struct {
	column, reason string
}

func (e *fieldError) Error() string { return e.column + ": " + e.reason }

func rowError(line int, err *fieldError, raw string) *RowError {
	return &RowError{Line: line, Column: err.column, Reason: err.reason, Raw: raw}
}
