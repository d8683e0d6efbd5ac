package ingest

import (
	"bufio"
	"html"
	"regexp"
	"strings"
)

// Freshdesk tickets (Tickets API v2, with include=stats) as JSON:
// freshdesk-json reads an array of tickets, a search result
// ({"results": [ … ]}) or one ticket per line.
//
// Field mapping:
//
//	account_id              company_id (--account when null)
//	ticket_id               id
//	created_at, updated_at  created_at, updated_at
//	channel                 source (freshdeskSource: 1 email, 2 portal, 3 phone, 7 chat, …)
//	status                  status (freshdeskStatus: 2 open, 3 pending, 4 resolved, 5 closed)
//	priority                priority (freshdeskPriority: 1 low, 2 normal, 3 high, 4 urgent)
//	category                the first tag naming a known category, else type
//	subject, body           subject, description_text (else description without HTML)
//	first_response_minutes  stats.first_responded_at − created_at
//	resolution_minutes      stats.resolved_at − created_at (stats.closed_at when
//	                        the ticket was closed without being marked resolved)
//	satisfaction            satisfaction_rating.ratings.default_question, or a
//	                        satisfaction_rating number, when the export embeds the
//	                        rating (freshdeskSatisfaction); the API keeps ratings
//	                        apart, so it is usually empty
//	escalated_to_vendor     an escalation tag (escalationTag); Freshdesk's own
//	                        is_escalated is an SLA breach, not a vendor escalation

// freshdeskKeys are ticket keys Freshdesk uses and Zendesk does not.
func freshdeskKeys() []string {
	return []string{"fr_due_by", "fr_escalated", "description_text", "company_id", "is_escalated", "due_by",
		"email_config_id", "responder_id", "product_id", "nr_due_by"}
}

func detectFreshdeskJSON(head []byte) bool {
	shape, keys := sniffJSON(head)
	f := vendorScore(keys, freshdeskKeys()...)
	return shape != shapeUnknown && f >= minVendorKeys && f >= vendorScore(keys, zendeskKeys()...)
}

func openFreshdeskJSON(br *bufio.Reader, opt Options) (source, error) {
	e, err := ticketsOnly("freshdesk-json", opt)
	if err != nil {
		return nil, err
	}
	records, err := openJSONRecords(br, "freshdesk-json")
	if err != nil {
		return nil, err
	}
	c := newTicketClock(opt)
	return newJSONTicketSource(records, e, func(obj map[string]any) (ticket, *fieldError) { return freshdeskTicket(obj, c, opt) }), nil
}

// freshdeskTicket translates one Freshdesk ticket object.
func freshdeskTicket(obj map[string]any, c ticketClock, opt Options) (ticket, *fieldError) {
	tags := jsonStrings(obj["tags"])
	t := ticket{
		account:   accountOr(jsonPath(obj, "company_id"), opt),
		id:        jsonPath(obj, "id"),
		created:   jsonPath(obj, "created_at"),
		updated:   jsonPath(obj, "updated_at"),
		channel:   freshdeskSource(jsonPath(obj, "source")),
		priority:  freshdeskPriority(jsonPath(obj, "priority")),
		status:    freshdeskStatus(jsonPath(obj, "status")),
		subject:   jsonPath(obj, "subject"),
		body:      jsonPath(obj, "description_text"),
		escalated: escalationTag(tags),
	}
	if t.body == "" {
		t.body = plainText(jsonPath(obj, "description"))
	}
	if t.category = tagCategory(tags); t.category == "" {
		t.category = vendorCategory(jsonPath(obj, "type"))
	}
	var ferr *fieldError
	if t.firstResponse, ferr = c.minutesBetween("created_at", t.created, "stats.first_responded_at", jsonPath(obj, "stats", "first_responded_at")); ferr != nil {
		return t, ferr
	}
	endCol, end := "stats.resolved_at", jsonPath(obj, "stats", "resolved_at")
	if end == "" {
		endCol, end = "stats.closed_at", jsonPath(obj, "stats", "closed_at")
	}
	if t.resolution, ferr = c.minutesBetween("created_at", t.created, endCol, end); ferr != nil {
		return t, ferr
	}
	t.satisfaction, ferr = freshdeskSatisfaction(freshdeskRating(obj))
	return t, ferr
}

// freshdeskRating finds an embedded satisfaction rating code.
func freshdeskRating(obj map[string]any) string {
	if code := jsonPath(obj, "satisfaction_rating", "ratings", "default_question"); code != "" {
		return code
	}
	if _, nested := obj["satisfaction_rating"].(map[string]any); nested {
		return ""
	}
	return jsonPath(obj, "satisfaction_rating")
}

// htmlTag matches one HTML tag. A compiled regexp is read-only, so sharing
// it is safe.
var htmlTag = regexp.MustCompile(`<[^>]*>`)

// plainText strips the HTML of a description: tags go, entities are decoded
// and white space is folded, enough for category and language detection.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	s = htmlTag.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}
